"""An organization's page: its industry in one click, and the org chart drawn from stated lines."""

from __future__ import annotations

import html
import re

import pytest

from vernetzt.people.models import Organization, Tie
from vernetzt.people.reporting import set_manager
from vernetzt.people.services import create_person, set_me
from vernetzt.transfer.services import import_attendees

pytestmark = pytest.mark.django_db
ORG = "Kessler Werke GmbH"


@pytest.fixture
def kessler(user):
    me = set_me(owner=user, title="Leiter Controlling", organization=ORG, city="Stuttgart")

    def colleague(first, last, title):
        return create_person(owner=user, first_name=first, last_name=last, title=title, organization_name=ORG)

    people = {
        "petra": colleague("Petra", "Lang", "Geschäftsführerin"),
        "hans": colleague("Hans", "Huber", "CFO"),
        "claudia": colleague("Claudia", "Wermelskirchen", "Leiterin Operations"),
        "uwe": colleague("Uwe", "Zahl", "Leiter Rechnungswesen"),
        "me": me,
    }
    set_manager(person=people["hans"], manager=people["petra"])
    set_manager(person=me, manager=people["hans"])
    set_manager(person=people["uwe"], manager=people["hans"])
    return people


def _org(user):
    return Organization.objects.for_user(user).get(name=ORG)


def test_the_person_page_leads_to_the_organization_and_its_chart(alice_client, user, kessler):
    page = alice_client.get(f"/people/{kessler['hans'].pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert f'href="/organizations/{_org(user).pk}/#chart-heading"' in page
    assert "Organigramm" in page


def test_the_chart_shows_boxes_the_user_and_the_gaps_accessibly(alice_client, user, kessler):
    page = alice_client.get(f"/organizations/{_org(user).pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'aria-labelledby="orgchart-title orgchart-desc"' in svg
    assert "<title id=\"orgchart-title\">Organigramm von Kessler Werke GmbH</title>" in svg
    assert svg.count('class="orgchart-box') == 5  # four placed, Claudia as a gap
    assert re.search(r'class="orgchart-box is-me"[^>]*aria-label="[^"]*Sie"', svg)
    assert re.search(r'rel-manager"[^>]*aria-label="Hans Huber, CFO, Ihre Führungskraft', svg)
    assert 'class="orgchart-box rel-manager_of_manager"' in svg
    assert "is-gap" in svg and "Wer ist die Führungskraft von Claudia Wermelskirchen?" in page
    assert 'style="' not in page and "<script>" not in page  # the strict CSP allows neither
    assert len(re.findall(r"<path d=", svg)) == 3
    english = html.unescape(
        alice_client.get(f"/organizations/{_org(user).pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert "Who is Claudia Wermelskirchen's manager?" in english and "Your manager's manager" in english


def test_setting_the_industry_takes_one_click_and_tags_everyone_there(alice_client, user, kessler):
    org = _org(user)
    page = alice_client.get(f"/organizations/{org.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Not known yet" in page
    response = alice_client.post(f"/organizations/{org.pk}/industry/", {"industry": "53"})
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.industry, org.industry_source) == ("53", "user")
    page = alice_client.get(f"/organizations/{org.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Automotive · 5 people work here" in page


@pytest.mark.parametrize("value", ["99999", "Zauberei"])
def test_an_unknown_industry_is_refused_on_the_field(alice_client, user, kessler, value):
    org = _org(user)
    response = alice_client.post(f"/organizations/{org.pk}/industry/", {"industry": value})
    assert response.status_code == 422
    assert 'class="error" role="alert"' in response.content.decode()
    org.refresh_from_db()
    assert org.industry == ""


def test_another_accounts_organization_is_not_found(client, other_user, user, kessler):
    client.force_login(other_user)
    org = _org(user)
    assert client.get(f"/organizations/{org.pk}/").status_code == 404
    assert client.post(f"/organizations/{org.pk}/industry/", {"industry": "53"}).status_code == 404


def test_titles_and_imported_positions_never_invent_a_line(alice_client, user):
    rows = (
        "First Name,Last Name,Company,Job Title\n"
        "Greta,Boss,Nordlicht AG,CEO\n"
        "Anton,Assist,Nordlicht AG,Assistant to the CEO\n"
        "Carla,Kraft,Nordlicht AG,Head of Finance\n"
    )
    import_attendees(owner=user, source=rows.encode(), event_name="Messe", filename="liste.csv")
    assert not Tie.objects.for_user(user).filter(kind=Tie.Kind.REPORTS_TO).exists()
    org = Organization.objects.for_user(user).get(name="Nordlicht AG")
    page = alice_client.get(f"/organizations/{org.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<svg" not in page and "No reporting lines are known here yet" in page
