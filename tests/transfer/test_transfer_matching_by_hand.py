"""People typed in by hand and the same people in an imported file are one person each."""

from __future__ import annotations

import pytest

from vernetzt.people.models import Person
from vernetzt.people.services import create_person
from vernetzt.transfer.services import import_vcards

pytestmark = pytest.mark.django_db

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyen;Clara;;;\r\nFN:Clara Nguyen\r\nORG:Mekong Cold Chain\r\n"
    "URL:https://www.xing.com/profile/Clara_Nguyen\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vogel;Katrin;;;\r\nFN:Katrin Vogel\r\n"
    "URL:https://de.linkedin.com/in/Katrin-Vogel-3a1b2c/?trk=x\r\nEND:VCARD\r\n"
)


def test_profile_links_typed_by_hand_match_imported_ones(user):
    # Typed differently from the file: another host spelling, no query, other letter case in the name part.
    create_person(
        owner=user, first_name="C.", last_name="N.", xing_url="https://xing.com/profile/Clara_Nguyen/"
    )
    create_person(
        owner=user,
        first_name="K.",
        last_name="V.",
        linkedin_url="https://www.linkedin.com/in/katrin-vogel-3a1b2c",
    )
    report = import_vcards(owner=user, sources=[CARD.encode()], filenames=["xing.vcf"])
    assert report.created == 0 and report.updated == 2
    assert Person.objects.for_user(user).count() == 2
