"""Network upward: the user's manager's peers and the people above them, in the user's organization."""

from __future__ import annotations

import pytest

from vernetzt.people.models import Tie
from vernetzt.people.services import create_person, set_me
from vernetzt.research.profile import get_reports_to, set_reports_to
from vernetzt.research.services import network_upward

pytestmark = pytest.mark.django_db

ORG = "Muster Maschinenbau GmbH"


@pytest.fixture
def company(user):
    set_me(owner=user, title="Logistikleiter", organization=ORG, city="Dortmund")

    def colleague(first, last, title, org=ORG):
        return create_person(owner=user, first_name=first, last_name=last, title=title, organization_name=org)

    people = {
        "boss": colleague("Hans", "Huber", "Bereichsleiter Supply Chain"),
        "boss_peer": colleague("Ines", "Kraus", "Bereichsleiterin Vertrieb"),
        "boss_boss": colleague("Petra", "Lang", "Geschäftsführerin"),
        "peer": colleague("Tom", "Weber", "Leiter Einkauf"),
        "junior": colleague("Lea", "Vogel", "Sachbearbeiterin Logistik"),
        "outside": colleague("Olaf", "Roth", "CEO", org="Andere AG"),
    }
    set_reports_to(owner=user, manager=people["boss"])
    Tie.objects.create(
        owner=user, from_person=people["boss"], to_person=people["boss_boss"], kind="reports_to"
    )
    return people


def test_upward_lists_the_organization_above_the_user(user, company):
    found = {c.name: c for c in network_upward(owner=user, lang="de")}
    # A peer on the user's own level and a junior are colleagues, not "upward"; nor is another company.
    assert set(found) == {"Hans Huber", "Ines Kraus", "Petra Lang"}
    assert "Auf einer Ebene mit Ihrer Führungskraft" in found["Ines Kraus"].reasons
    assert "Führungskraft Ihrer Führungskraft" in found["Petra Lang"].reasons
    assert "Ihre Führungskraft" in found["Hans Huber"].reasons


def test_reports_to_is_one_person_and_can_be_cleared(user, company):
    set_reports_to(owner=user, manager=company["boss_peer"])
    assert get_reports_to(user) == company["boss_peer"]
    set_reports_to(owner=user, manager=None)
    assert get_reports_to(user) is None


def test_without_a_profile_upward_is_empty(other_user):
    create_person(owner=other_user, first_name="A", last_name="B", title="CEO", organization_name=ORG)
    assert network_upward(owner=other_user, lang="en") == []
    with pytest.raises(LookupError):
        set_reports_to(owner=other_user, manager=None)
