"""Forgetting for good: no trace in any table, the search index, the database file, cache files or the
export; later imports skip the person with the reason; an older backup restored keeps them erased."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from vernetzt.events.services import add_attendee, create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.models import Benefit, Task
from vernetzt.journal.services import add_success, log_interaction
from vernetzt.people.models import Person
from vernetzt.people.reporting import set_manager
from vernetzt.people.search import search_people
from vernetzt.people.services import create_person, keep_photo, set_me
from vernetzt.privacy.erasure import erase_person
from vernetzt.privacy.models import ErasedIdentifier, Erasure
from vernetzt.research.pool_cache import cache_dir
from vernetzt.research.services import network_upward
from vernetzt.sources.models import Candidate, Feed, FeedItem, MailAccount, MailMessage
from vernetzt.transfer.backup import backed_up_models, create_backup, restore_backup
from vernetzt.transfer.exports import export_csv, export_json, export_vcard
from vernetzt.transfer.models import ImportChange
from vernetzt.transfer.services import import_attendees, import_linkedin, import_vcards

NAME, EMAIL = "Ortmann", "daniel.ortmann@example.com"


def _daniel(user) -> Person:
    return Person.objects.for_user(user).get(last_name=NAME)


def _everything_about_daniel(user, files) -> Person:
    """Daniel from three imports, with history of every kind, in the search index and a pool file."""
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH")
    import_linkedin(owner=user, source=files["linkedin"])
    import_vcards(owner=user, sources=[files["vcard"]])  # updates him: an undo record with his e-mail
    import_attendees(owner=user, source=files["attendees"], event_name="Logistik-Forum")
    daniel = _daniel(user)
    lena = Person.objects.for_user(user).get(last_name="Brandt")
    log_interaction(
        owner=user, person=daniel, kind="meeting", date=timezone.localdate(),
        notes="Ortmann erzählte vom Hochregallager", snippets=["Ortmann segelt am Wochenende"],
    )  # fmt: skip
    add_success(owner=user, person=daniel, date=timezone.localdate(), text="Ortmann eröffnet Lager in Hamm")
    Benefit.objects.create(owner=user, person=daniel, direction="offered", description="Kontakt zu Ortmann")
    Benefit.objects.create(
        owner=user, person=lena, direction="offered", description="Lena mit Ortmann bekannt machen",
        kind="introduction", introduce_to=daniel,
    )  # fmt: skip
    Task.objects.create(
        owner=user, person=daniel, kind="custom", due=timezone.localdate(), title="Ortmann anrufen"
    )
    set_manager(person=lena, manager=daniel)
    keep_photo(person=daniel, data=b"\xff\xd8\xff" + NAME.encode() * 10, media_type="image/jpeg")
    goal = create_goal(owner=user, text="Leitung Intralogistik")
    add_target(goal=goal, person=daniel)
    add_attendee(event=create_event(owner=user, name="Hafenabend"), person=daniel)
    feed = Feed.objects.create(owner=user, url="https://press.example/feed.xml", name="Logistik heute")
    item = FeedItem.objects.create(
        owner=user, feed=feed, key="k", title="Daniel Ortmann wird Geschäftsführer"
    )
    Candidate.objects.create(owner=user, item=item, person=daniel, evidence="Daniel Ortmann")
    account = MailAccount.objects.create(owner=user, host="imap.example", username="me@example.com")
    MailMessage.objects.create(
        owner=user, account=account, key="m", person=daniel, date=date(2026, 1, 5), outgoing=True,
        subject="Treffen mit Herrn Ortmann",
    )  # fmt: skip
    network_upward(owner=user, lang="de")  # builds the research pool and writes its cache file
    return daniel


def _traces_in_database() -> list[str]:
    """Where the name or e-mail still appears: the SQLite file and its WAL byte by byte; on PostgreSQL
    every text column of every table."""
    needles = [NAME.encode(), NAME.lower().encode(), EMAIL.encode()]
    if connection.vendor == "sqlite":
        found = []
        path = Path(settings.DATABASES["default"]["NAME"])
        for file in (path, path.with_name(path.name + "-wal")):
            data = file.read_bytes() if file.exists() else b""
            found += [f"{file.name}: {needle!r}" for needle in needles if needle in data]
        return found
    found = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'tsvector')"
        )
        for table, column in cursor.fetchall():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" WHERE "{column}"::text ILIKE %s '
                f'OR "{column}"::text ILIKE %s',
                [f"%{NAME}%", f"%{EMAIL}%"],
            )
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found


@pytest.mark.django_db(transaction=True)
def test_forget_leaves_no_trace(user, daniel_files):
    daniel = _everything_about_daniel(user, daniel_files)
    assert _traces_in_database()  # the scan finds him while he is there
    assert list(cache_dir().glob(f"pool-{user.pk}-*"))
    assert erase_person(owner=user, person=daniel) == {"erased": 1}
    assert _traces_in_database() == []
    assert not list(search_people(Person.objects.for_user(user), NAME))
    assert not Person.objects.filter(last_name=NAME).exists()
    assert not ImportChange.objects.filter(model="people.person", object_id=daniel.pk).exists()
    for path in cache_dir().glob("*"):
        assert NAME.encode() not in path.read_bytes(), path
    for export in (export_json, export_csv, export_vcard):
        out = io.StringIO()
        export(owner=user, fileobj=out)
        assert NAME not in out.getvalue() and EMAIL not in out.getvalue()
    lena = Person.objects.for_user(user).get(last_name="Brandt")  # the others are untouched
    assert lena.benefits.count() == 0 and lena.emails == ["lena@example.com"]
    erasure = Erasure.objects.for_user(user).get()
    assert erasure.erased_on == timezone.localdate() and erasure.identifiers.count() >= 3


def test_reimport_skips_the_erased_person_with_the_reason(user, daniel_files):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    import_vcards(owner=user, sources=[daniel_files["vcard"]])
    erase_person(owner=user, person=_daniel(user))
    day = timezone.localdate()
    reports = [
        import_linkedin(owner=user, source=daniel_files["linkedin"]),
        import_vcards(owner=user, sources=[daniel_files["vcard"]]),
        import_attendees(owner=user, source=daniel_files["attendees"], event_name="Logistik-Forum"),
    ]
    for report in reports:
        assert report.extra["erased"] == 1
        data = report.as_dict("en")
        assert data["erased_on"] == [
            {"date": day.isoformat(), "count": 1, "message": f"1 skipped: erased on {day.isoformat()}"}
        ]
        assert (
            report.as_dict("de")["erased_on"][0]["message"] == f"1 übersprungen: gelöscht am {day:%d.%m.%Y}"
        )
    assert not Person.objects.for_user(user).filter(last_name=NAME).exists()
    assert Person.objects.for_user(user).filter(last_name="Lang").exists()  # the rest of the list came in


def test_erasure_is_per_account(user, other_user, daniel_files):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    erase_person(owner=user, person=_daniel(user))
    report = import_linkedin(owner=other_user, source=daniel_files["linkedin"])
    assert "erased" not in report.extra
    assert Person.objects.for_user(other_user).filter(last_name=NAME).exists()
    with pytest.raises(PermissionError):
        erase_person(owner=user, person=_daniel(other_user))


def test_a_restored_older_backup_keeps_them_erased(
    user, daniel_files, tmp_path, django_capture_on_commit_callbacks
):
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    create_person(owner=user, first_name="Jana", last_name="Sommer")
    backup = tmp_path / "before.zip"
    create_backup(backup)
    with django_capture_on_commit_callbacks(execute=True):  # the erasure log is written on commit
        erase_person(owner=user, person=_daniel(user))
    for model in reversed(backed_up_models()):
        model._base_manager.all().delete()
    restore_backup(backup)
    assert not Person.objects.filter(last_name=NAME).exists()
    assert Person.objects.filter(last_name="Sommer").exists()
    assert ErasedIdentifier.objects.filter(owner=user).count() >= 3
    assert import_linkedin(owner=user, source=daniel_files["linkedin"]).extra["erased"] == 1


def test_undo_of_the_import_that_brought_them_keeps_nothing(user, daniel_files):
    from vernetzt.transfer.models import ImportBatch
    from vernetzt.transfer.undo import undo_batch

    first = import_linkedin(owner=user, source=daniel_files["linkedin"])
    daniel = _daniel(user)
    erase_person(owner=user, person=daniel)
    batch = ImportBatch.objects.get(pk=first.batch_id)
    assert daniel.pk not in batch.created["people.person"]
    assert NAME not in json.dumps([batch.created, batch.errors, batch.counts])
    undo_batch(owner=user, batch_id=first.batch_id)
    assert not Person.objects.for_user(user).exists()


def test_a_namesake_with_another_profile_is_not_taken_for_the_erased(user, daniel_files):
    """Two LinkedIn profiles are two people, even with one name at one organization."""
    import_linkedin(owner=user, source=daniel_files["linkedin"])
    erase_person(owner=user, person=_daniel(user))
    namesake = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Daniel,Ortmann,https://www.linkedin.com/in/daniel-ortmann-2,,Westfalen Fördertechnik AG,"
        "Werkstudent,01 Dec 2026\n"
    ).encode()
    report = import_linkedin(owner=user, source=namesake, filename="Connections.csv")
    assert (report.created, report.extra.get("erased")) == (1, None)
    typed = "Vorname;Nachname;Firma\nDaniel;Ortmann;Westfalen Fördertechnik AG\n".encode()
    erase_person(owner=user, person=_daniel(user))  # without a profile the name and organization tell
    assert import_attendees(owner=user, source=typed, event_name="Forum").extra["erased"] == 1


def test_a_business_card_does_not_bring_them_back(user, daniel_files):
    from vernetzt.importers.cards import CardReading
    from vernetzt.importers.records import ContactRecord
    from vernetzt.transfer.cards import import_cards

    import_linkedin(owner=user, source=daniel_files["linkedin"])
    erase_person(owner=user, person=_daniel(user))
    card = ContactRecord(
        line=1, source="card", first_name="Daniel", last_name="Ortmann",
        organization="Westfalen Fördertechnik AG", emails=[EMAIL],
    )  # fmt: skip
    report = import_cards(owner=user, readings=[CardReading(filename="karte.jpg", record=card, source="ocr")])
    assert (report.created, report.extra["erased"], report.extra["people"]) == (0, 1, [])
    assert not Person.objects.for_user(user).filter(last_name=NAME).exists()


def test_a_merge_record_goes_with_the_person(user):
    from vernetzt.transfer.merge import merge_persons
    from vernetzt.transfer.models import ImportBatch

    keep = create_person(owner=user, first_name="Daniel", last_name=NAME, organization_name="Westfalen AG")
    twin = create_person(owner=user, source="api", first_name="Daniel", last_name=NAME, emails=[EMAIL])
    merge_persons(owner=user, keep=keep, other=twin)
    assert ImportBatch.objects.for_user(user).filter(kind="merge").exists()
    erase_person(owner=user, person=keep)
    assert not ImportBatch.objects.for_user(user).filter(kind="merge").exists()
    leftovers = ImportChange.objects.for_user(user).values_list("before", "after")
    assert NAME not in json.dumps(list(leftovers)) and EMAIL not in json.dumps(list(leftovers))
