"""Backup → empty database → restore reproduces every row (runs on SQLite and on PostgreSQL), and the
export → import round trip keeps arbitrary names, quotes, newlines and Unicode through the database."""

from __future__ import annotations

import io
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vernetzt.people.models import Person
from vernetzt.people.services import create_person
from vernetzt.transfer.backup import BackupError, backed_up_models, create_backup, restore_backup
from vernetzt.transfer.exports import export_csv, export_vcard
from vernetzt.transfer.rows import iter_rows
from vernetzt.transfer.services import import_contacts, import_vcards


def all_rows():
    return {
        model._meta.label_lower: list(iter_rows(model._base_manager.all())) for model in backed_up_models()
    }


def test_backup_restore_reproduces_every_row(world, tmp_path):
    import_vcards(
        owner=world["me"].owner, sources=[Path(__file__).parents[1] / "data" / "samples" / "contacts.vcf"]
    )
    before = all_rows()
    assert sum(len(rows) for rows in before.values()) > 15
    path = tmp_path / "backup.zip"
    create_backup(path)
    with pytest.raises(BackupError, match="empty database"):
        restore_backup(path)
    for model in reversed(backed_up_models()):
        model._base_manager.all().delete()
    restore_backup(path)
    assert all_rows() == before
    # sequences continue after the restored ids
    create_person(owner=world["me"].owner, first_name="Neu", last_name="Nach Restore")


text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
notes = st.lists(text, min_size=0, max_size=3).map("\n".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=text, last=text, org=text, note=notes, quote=st.sampled_from(['"', "'", ",", ";", "=1+1", "\\"]))
def test_export_import_round_trip_through_the_database(user, other_user, first, last, org, note, quote):
    Person.objects.filter(owner__in=[user, other_user]).delete()
    create_person(
        owner=user,
        first_name=first + quote,
        last_name=last,
        organization_name=org,
        title=f"Leiter {quote}{org}",
        notes=note,
        emails=["a.b@example.com"],
    )
    fields = ("first_name", "last_name", "display_name", "organization_name", "title", "notes", "emails")
    expected = list(Person.objects.filter(owner=user).values(*fields))
    for exporter, importer in ((export_vcard, "vcard"), (export_csv, "csv")):
        Person.objects.filter(owner=other_user).delete()
        buffer = io.StringIO()
        exporter(owner=user, fileobj=buffer)
        data = buffer.getvalue().encode("utf-8")
        if importer == "vcard":
            import_vcards(owner=other_user, sources=[data], filenames=["x.vcf"])
        else:
            import_contacts(owner=other_user, source=data, filename="x.csv")
        assert list(Person.objects.filter(owner=other_user).values(*fields)) == expected, importer


def test_printable_ascii_survives(user, other_user):
    create_person(owner=user, first_name=string.punctuation, last_name="X", notes=string.printable.strip())
    buffer = io.StringIO()
    export_vcard(owner=user, fileobj=buffer)
    import_vcards(owner=other_user, sources=[buffer.getvalue().encode()], filenames=["x.vcf"])
    assert Person.objects.get(owner=other_user).first_name == string.punctuation
