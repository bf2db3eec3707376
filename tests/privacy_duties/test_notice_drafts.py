"""The privacy notice (Art. 14 GDPR) in the first message to a person whose data came from an import:
German Sie and du, English; not for people typed in, not after the first written message, not when
switched off; the public page it links to answers 404 until the contact details are filled in."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from vernetzt.accounts.privacy import privacy_settings, update_privacy_settings
from vernetzt.core.drafts import privacy_notice
from vernetzt.journal.messages import compose_draft
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Person
from vernetzt.people.services import create_person, update_person
from vernetzt.transfer.services import import_vcards

pytestmark = pytest.mark.django_db

VCARDS = b"""BEGIN:VCARD\r
VERSION:3.0\r
N:Raman;Priya;;;\r
FN:Priya Raman\r
EMAIL:priya@example.com\r
ORG:Harbour Logistics GmbH\r
ADR;TYPE=WORK:;;Hafenstr. 1;Hamburg;;20457;Deutschland\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
N:Hughes;Oliver;;;\r
FN:Oliver Hughes\r
EMAIL:oliver@example.co.uk\r
ADR;TYPE=WORK:;;1 Dock Road;London;;E1 1AA;United Kingdom\r
END:VCARD\r
"""


@pytest.fixture
def imported(user):
    user.first_name, user.last_name = "Thomas", "Berger"
    user.save()
    import_vcards(owner=user, sources=[VCARDS], filenames=["kontakte.vcf"])
    people = Person.objects.for_user(user)
    return {"priya": people.get(last_name="Raman"), "oliver": people.get(last_name="Hughes")}


def draft(user, person, **options):
    person.refresh_from_db()
    return compose_draft(owner=user, person=person, kind="meeting_request", ui_lang="de", **options)


def test_first_message_to_an_imported_german_contact_ends_with_the_sie_notice(user, imported):
    message = draft(user, imported["priya"])
    assert message.lang == "de"
    assert message.with_notice
    assert message.body.endswith(message.notice)
    assert message.notice.startswith("Hinweis zum Datenschutz: Ihren Namen")
    assert "aus meinem Adressbuch übernommen" in message.notice
    assert "Art. 6 Abs. 1 lit. f DSGVO" in message.notice
    assert "eine kurze Antwort genügt" in message.notice


def test_the_du_form_speaks_du(user, imported):
    update_person(person=imported["priya"], formality="du")
    message = draft(user, imported["priya"])
    assert message.notice.startswith("Hinweis zum Datenschutz: Deinen Namen")
    assert "Du kannst jederzeit" in message.notice
    assert "Ihre" not in message.notice


def test_an_english_contact_gets_the_english_notice_formal_and_informal(user, imported):
    formal = draft(user, imported["oliver"])
    assert formal.lang == "en"
    assert formal.notice.startswith("A note on privacy: I took your name")
    assert "from my address book" in formal.notice
    assert "Art. 6(1)(f) GDPR" in formal.notice
    update_person(person=imported["oliver"], formality="du")
    informal = draft(user, imported["oliver"])
    assert "just reply" in informal.notice
    assert informal.notice != formal.notice


def test_no_notice_for_a_person_typed_in_by_the_user(user):
    typed = create_person(owner=user, first_name="Eva", last_name="Klein", city="Köln")
    message = draft(user, typed)
    assert message.notice == ""
    assert "Datenschutz" not in message.body


def test_only_the_first_written_message_offers_it(user, imported):
    priya = imported["priya"]
    log_interaction(owner=user, person=priya, kind="event_conversation", date=date(2026, 3, 10))
    assert draft(user, priya).notice  # a conversation at an event is not a written message
    log_interaction(owner=user, person=priya, kind="email", date=date(2026, 3, 11), notes="Danke")
    later = draft(user, priya)
    assert later.notice == ""
    assert "Datenschutz" not in later.body


def test_the_user_can_leave_it_out_of_one_draft_or_switch_it_off(user, imported):
    priya = imported["priya"]
    left_out = draft(user, priya, with_notice=False)
    assert left_out.notice  # still offered
    assert not left_out.with_notice
    assert "Datenschutz" not in left_out.body
    update_privacy_settings(owner=user, notice_enabled=False)
    switched_off = draft(user, priya)
    assert switched_off.notice == ""
    assert "Datenschutz" not in switched_off.body


def test_the_link_to_the_public_page_appears_once_the_details_are_filled_in(user, imported, settings):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, public_url="https://vz.example.org")
    assert "https://" not in draft(user, imported["priya"]).notice
    privacy = update_privacy_settings(owner=user, contact_name="Thomas Berger", contact_email="t@example.org")
    notice = draft(user, imported["priya"]).notice
    assert notice.endswith(f" Mehr dazu: https://vz.example.org/notice/{privacy.public_slug}/")


def test_a_loopback_address_is_never_linked(user, imported):
    update_privacy_settings(owner=user, contact_name="Thomas Berger", contact_email="t@example.org")
    notice = draft(user, imported["priya"], request_origin="http://127.0.0.1:8000").notice
    assert "127.0.0.1" not in notice
    public = draft(user, imported["priya"], request_origin="https://vernetzt.example.net").notice
    assert "https://vernetzt.example.net/notice/" in public


def test_several_sources_are_named_together():
    text = privacy_notice(lang="de", formality="sie", sources=["linkedin", "card", "manual"])
    assert "aus meinen LinkedIn-Kontakten und von Ihrer Visitenkarte übernommen" in text
    assert privacy_notice(lang="en", formality="du", sources=["manual", "api", "me"]) == ""
    # As a person records them since provenance is kept: entries with their kind.
    entries = [{"kind": "linkedin", "file": "Connections.csv", "batch_id": 3, "date": "2026-12-01"}]
    assert privacy_notice(lang="de", formality="sie", sources=entries) == privacy_notice(
        lang="de", formality="sie", sources=["linkedin"]
    )


def test_public_page_is_404_until_name_and_address_are_filled_in(user, client):
    privacy = update_privacy_settings(owner=user, contact_name="Thomas Berger")
    url = f"/notice/{privacy.public_slug}/"
    assert client.get(url).status_code == 404
    update_privacy_settings(owner=user, contact_email="thomas@example.org")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Datenschutzhinweise von Thomas Berger" in text
    assert "thomas@example.org" in text
    english = client.get(url + "?lang=en").content.decode()
    assert "Privacy information from Thomas Berger" in english
    assert client.get("/notice/not-a-slug/").status_code == 404
    update_privacy_settings(owner=user, contact_email="", postal_address="")
    assert client.get(url).status_code == 404


def test_the_draft_page_shows_the_notice_and_leaves_it_out_on_request(alice_client, imported):
    url = f"/people/{imported['priya'].pk}/draft/?kind=meeting_request"
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Hinweis zum Datenschutz: Ihren Namen" in page
    assert "Datenschutzhinweis weglassen" in page
    without = alice_client.get(url + "&notice=off", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Hinweis zum Datenschutz: Ihren Namen" not in without
    assert "Datenschutzhinweis anfügen" in without


def test_privacy_settings_page_saves_the_switch_and_the_contact_details(alice_client, user):
    assert alice_client.get("/settings/privacy/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    response = alice_client.post(
        "/settings/privacy/",
        {"form": "notice", "contact_name": "Thomas Berger", "contact_email": "not an address"},
    )
    assert response.status_code == 422
    response = alice_client.post(
        "/settings/privacy/",
        {"form": "notice", "contact_name": "Thomas Berger", "contact_email": "t@example.org"},
    )
    assert response.status_code == 302
    privacy = privacy_settings(user)
    assert privacy.public_page_on
    assert privacy.notice_enabled is False  # an unticked box switches it off


def test_cli_draft_carries_the_notice_and_leaves_it_out_with_no_notice(user, imported, tmp_path):
    from click.testing import CliRunner

    from vernetzt.cli import main
    from vernetzt.journal.models import Task

    task = Task.objects.create(owner=user, person=imported["oliver"], kind="call_to_schedule",
                               due=date(2026, 3, 13), title="call")
    runner = CliRunner()
    out = json.loads(runner.invoke(main, ["--user", "alice", "draft", str(task.pk), "--json"]).output)
    assert out["notice"].startswith("A note on privacy")
    assert out["body"].endswith(out["notice"])
    plain = json.loads(
        runner.invoke(main, ["--user", "alice", "draft", str(task.pk), "--no-notice", "--json"]).output
    )
    assert plain["with_notice"] is False
    assert "A note on privacy" not in plain["body"]
