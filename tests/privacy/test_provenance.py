"""Where each person's data came from, the legal basis and the purpose: recorded at every place people
are created or merged, shown on the person page, in the exports and the API."""

from __future__ import annotations

import csv
import io
import json

from django.utils import timezone

from vernetzt.people.models import Person
from vernetzt.people.services import create_person
from vernetzt.sources.candidates import confirm_candidate
from vernetzt.sources.models import Candidate, Feed, FeedItem
from vernetzt.transfer.exports import export_csv, export_json
from vernetzt.transfer.merge import merge_persons
from vernetzt.transfer.services import import_attendees, import_linkedin, import_vcards
from vernetzt.transfer.undo import undo_batch


def _daniel(user) -> Person:
    return Person.objects.for_user(user).get(last_name="Ortmann")


def test_each_import_adds_its_batch_and_file_once(user, daniel_files):
    today = timezone.localdate().isoformat()
    first = import_linkedin(owner=user, source=daniel_files["linkedin"])
    assert _daniel(user).sources == [
        {"kind": "linkedin", "file": "Connections.csv", "batch_id": first.batch_id, "date": today}
    ]
    again = import_linkedin(owner=user, source=daniel_files["linkedin"])
    assert again.updated == 0  # the same file again is no new source and changes nobody
    vcard = import_vcards(owner=user, sources=[daniel_files["vcard"]])
    attendees = import_attendees(owner=user, source=daniel_files["attendees"], event_name="Logistik-Forum")
    kinds = [(s["kind"], s["file"], s["batch_id"]) for s in _daniel(user).sources]
    assert kinds == [
        ("linkedin", "Connections.csv", first.batch_id),
        ("vcard", "daniel.vcf", vcard.batch_id),
        ("attendees", "teilnehmer.csv", attendees.batch_id),
    ]
    assert Person.objects.for_user(user).get(last_name="Lang").sources[0]["kind"] == "attendees"


def test_undo_takes_the_source_back(user, daniel_files):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    vcard = import_vcards(owner=user, sources=[daniel_files["vcard"]])
    undo_batch(owner=user, batch_id=vcard.batch_id)
    assert [s["kind"] for s in _daniel(user).sources] == ["linkedin"]


def test_typed_in_api_and_merge(user):
    typed = create_person(owner=user, first_name="Jana", last_name="Sommer", organization_name="Rhein Cargo")
    api = create_person(owner=user, source="api", first_name="Jana", last_name="Sommer", emails=["j@x.de"])
    assert typed.sources[0]["kind"] == "manual" and typed.legal_basis == "legitimate_interest"
    _, batch_id = merge_persons(owner=user, keep=typed, other=api)
    typed.refresh_from_db()
    assert [(s["kind"], s["batch_id"]) for s in typed.sources] == [
        ("manual", None),
        ("api", None),
        ("merge", batch_id),
    ]


def test_a_confirmed_news_item_records_its_feed(user):
    person = create_person(owner=user, first_name="Jana", last_name="Sommer")
    feed = Feed.objects.create(owner=user, url="https://press.example/feed.xml", name="Logistik heute")
    item = FeedItem.objects.create(owner=user, feed=feed, key="k1", title="Jana Sommer wird CEO")
    candidate = Candidate.objects.create(owner=user, item=item, person=person, evidence="Jana Sommer")
    confirm_candidate(owner=user, candidate=candidate)
    person.refresh_from_db()
    assert [(s["kind"], s["file"]) for s in person.sources] == [("manual", ""), ("feed", "Logistik heute")]


def test_exports_carry_provenance_legal_basis_and_flag(user, daniel_files):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    daniel = _daniel(user)
    daniel.legal_basis, daniel.do_not_contact = "consent", True
    daniel.save()
    out = io.StringIO()
    export_csv(owner=user, fileobj=out)
    row = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["Last Name"] == "Ortmann")
    assert row["Sources"].startswith("LinkedIn export Connections.csv ")
    assert (row["Legal Basis"], row["Do Not Contact"]) == ("consent", "yes")
    out = io.StringIO()
    export_json(owner=user, fileobj=out)
    table = json.loads(out.getvalue())["tables"]["people.person"]
    stored = dict(zip(table["columns"], next(r for r in table["rows"] if "Ortmann" in r), strict=True))
    assert stored["sources"][0]["file"] == "Connections.csv"
    assert (stored["legal_basis"], stored["do_not_contact"]) == ("consent", True)


def test_person_page_shows_provenance_in_both_languages(alice_client, user, daniel_files):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    page = alice_client.get(f"/people/{_daniel(user).pk}/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Where the data came from" in text and "LinkedIn export" in text and "Connections.csv" in text
    assert "Legitimate interest" in text
    user.language = "de"
    user.save()
    text = alice_client.get(f"/people/{_daniel(user).pk}/").content.decode()
    assert "Herkunft der Daten" in text and "Berechtigtes Interesse" in text


def test_api_person_schema_has_provenance(client, user, daniel_files):
    from vernetzt.accounts.models import ApiToken

    _, secret = ApiToken.issue(user=user, name="t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    body = client.get(f"/api/v1/people/{_daniel(user).pk}", **auth).json()
    assert body["sources"][0]["kind"] == "linkedin" and body["legal_basis"] == "legitimate_interest"
    changed = client.patch(
        f"/api/v1/people/{_daniel(user).pk}/privacy",
        {"do_not_contact": True, "legal_basis": "consent"},
        content_type="application/json",
        **auth,
    ).json()
    assert (changed["do_not_contact"], changed["legal_basis"]) == (True, "consent")
    refused = client.patch(
        f"/api/v1/people/{_daniel(user).pk}/privacy",
        {"legal_basis": "because"},
        content_type="application/json",
        **auth,
    )
    assert refused.status_code == 422


def test_api_record_and_erase(client, user, other_user, daniel_files):
    from vernetzt.accounts.models import ApiToken

    _, secret = ApiToken.issue(user=user, name="t")
    _, other_secret = ApiToken.issue(user=other_user, name="t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    pid = _daniel(user).pk
    record = client.get(f"/api/v1/people/{pid}/record", **auth).json()
    assert record["format"] == "vernetzt-person-record"
    assert record["person"]["sources"][0]["kind"] == "linkedin"
    stranger = {"HTTP_AUTHORIZATION": f"Bearer {other_secret}"}
    assert client.post(f"/api/v1/people/{pid}/erase", **stranger).status_code == 404
    assert client.post(f"/api/v1/people/{pid}/erase", **auth).json() == {"erased": 1}
    assert client.get(f"/api/v1/people/{pid}/record", **auth).status_code == 404
    assert not Person.objects.filter(pk=pid).exists()
