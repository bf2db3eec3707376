"""Forget with a confirmation page, the printable record and its JSON download, the privacy form."""

from __future__ import annotations

import json

from vernetzt.people.models import Person
from vernetzt.people.services import create_person
from vernetzt.privacy.models import Erasure


def _jana(user) -> Person:
    return create_person(
        owner=user, first_name="Jana", last_name="Sommer", organization_name="Rhein Cargo GmbH",
        emails=["jana.sommer@example.com"], notes="Segelt",
    )  # fmt: skip


def test_forget_asks_first_then_erases(alice_client, user):
    jana = _jana(user)
    page = alice_client.get(f"/people/{jana.pk}/forget/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "Erase Jana Sommer for good?" in page.content.decode()
    assert Person.objects.filter(pk=jana.pk).exists()  # looking at the question changes nothing
    done = alice_client.post(f"/people/{jana.pk}/forget/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "Jana Sommer was erased for good." in done.content.decode()
    assert not Person.objects.filter(pk=jana.pk).exists() and Erasure.objects.for_user(user).count() == 1


def test_someone_elses_person_is_not_found(mallory_client, user):
    jana = _jana(user)
    for url in ("forget/", "record/", "record.json"):
        assert mallory_client.get(f"/people/{jana.pk}/{url}").status_code == 404
    assert mallory_client.post(f"/people/{jana.pk}/forget/").status_code == 404
    assert Person.objects.filter(pk=jana.pk).exists()


def test_record_page_and_download(alice_client, user):
    jana = _jana(user)
    page = alice_client.get(f"/people/{jana.pk}/record/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Was über Jana Sommer gespeichert ist" in page and "Von Hand eingegeben" in page
    download = alice_client.get(f"/people/{jana.pk}/record.json")
    assert download["Content-Disposition"] == f'attachment; filename="person-{jana.pk}.json"'
    assert json.loads(download.content)["person"]["emails"] == ["jana.sommer@example.com"]


def test_privacy_form_sets_legal_basis_and_flag(alice_client, user):
    jana = _jana(user)
    alice_client.post(
        f"/people/{jana.pk}/privacy/",
        {"legal_basis": "consent", "purpose": "Mentoring", "do_not_contact": "on"},
    )
    jana.refresh_from_db()
    assert (jana.legal_basis, jana.purpose, jana.do_not_contact) == ("consent", "Mentoring", True)
    page = alice_client.get(f"/people/{jana.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="badge dnc"' in page
    refused = alice_client.post(f"/people/{jana.pk}/privacy/", {"legal_basis": "because"}, follow=True)
    jana.refresh_from_db()
    assert jana.legal_basis == "consent" and refused.status_code == 200


def test_the_import_report_says_who_was_skipped_as_erased(alice_client, user, daniel_files):
    from django.utils import timezone

    from vernetzt.privacy.erasure import erase_person
    from vernetzt.transfer.services import import_linkedin

    import_linkedin(owner=user, source=daniel_files["linkedin"])
    erase_person(owner=user, person=Person.objects.for_user(user).get(last_name="Ortmann"))
    again = import_linkedin(owner=user, source=daniel_files["linkedin"])
    day = timezone.localdate().isoformat()
    page = alice_client.get(f"/import/batches/{again.batch_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"1 skipped: erased on {day}" in page
    user.language = "de"
    user.save()
    page = alice_client.get(f"/import/batches/{again.batch_id}/").content.decode()
    assert f"1 übersprungen: gelöscht am {day}" in page
