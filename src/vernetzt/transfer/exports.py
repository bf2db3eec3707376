"""The account's contacts as vCard 3.0 or CSV, and everything of the account as JSON.

The JSON format is documented in docs/export-format.md; ``SCHEMA_VERSION`` changes when it does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from django.apps import apps
from django.utils import timezone, translation

from vernetzt.accounts.ownership import OwnedModel
from vernetzt.exporters import render_vcards, write_contacts_csv
from vernetzt.goals.models import Target
from vernetzt.importers import Birthday, ContactRecord
from vernetzt.language import account_language
from vernetzt.people.models import Person
from vernetzt.people.provenance import person_purposes, source_summary
from vernetzt.transfer.rows import concrete_fields, iter_rows

SCHEMA_VERSION = 1
FORMAT = "vernetzt-account-export"
# Secrets (hashed tokens) and undo bookkeeping are not part of what a user takes with them.
EXCLUDED = frozenset({"journal.feedtoken", "transfer.importchange"})


# Someone who objected keeps this label in every export (vCard CATEGORIES, the CSV's Labels, the
# phone's address book), so that no other program's mailing reaches them either.
DO_NOT_CONTACT_LABEL = "Do not contact"
PRIVACY_HEADER = ("Sources", "Legal Basis", "Purpose", "Do Not Contact")


def person_record(person: Person, *, line: int = 0) -> ContactRecord:
    """A person as the exporters describe contacts (vCard, CSV, the CardDAV address book)."""
    birthday = None
    if person.birth_day and person.birth_month:
        birthday = Birthday(month=person.birth_month, day=person.birth_day, year=person.birth_year)
    return ContactRecord(
        line=line,
        source="vernetzt",
        first_name=person.first_name,
        last_name=person.last_name,
        full_name=person.display_name,
        title_of_address=person.title_of_address,
        academic_title=person.academic_title,
        emails=list(person.emails),
        phones=list(person.phones),
        organization=person.organization_name,
        title=person.title,
        city=person.city,
        country=person.country,
        linkedin_url=person.linkedin_url,
        xing_url=person.xing_url,
        birthday=birthday,
        notes=person.notes,
        labels=[DO_NOT_CONTACT_LABEL] if person.do_not_contact else [],
    )


def person_records(owner) -> Iterator[ContactRecord]:
    people = Person.objects.for_user(owner).filter(is_me=False).order_by("last_name", "first_name", "id")
    for number, person in enumerate(people.iterator(chunk_size=2000), 1):
        yield person_record(person, line=number)


def export_vcard(*, owner, fileobj: IO[str]) -> int:
    records = list(person_records(owner))
    fileobj.write(render_vcards(records))
    return len(records)


def export_csv(*, owner, fileobj: IO[str]) -> int:
    """Open ``fileobj`` with newline="" (and encoding "utf-8-sig" for Excel). After Google's columns:
    where each person's data came from, the legal basis, the purpose and the do-not-contact flag."""
    people = Person.objects.for_user(owner).filter(is_me=False).order_by("last_name", "first_name", "id")
    people = people.iterator(chunk_size=2000)
    current: dict[str, Person] = {}
    goals: dict[int, list[str]] = {}
    for person_id, text in Target.objects.for_user(owner).values_list("person_id", "goal__text"):
        goals.setdefault(person_id, []).append(text)

    def records() -> Iterator[ContactRecord]:
        for number, person in enumerate(people, 1):
            current["person"] = person
            yield person_record(person, line=number)

    def privacy_cells(record: ContactRecord) -> list[str]:
        person = current["person"]
        flag = "yes" if person.do_not_contact else ""
        purposes = "; ".join(person_purposes(person, goals.get(person.pk, [])))
        return [source_summary(person), person.legal_basis, purposes, flag]

    with translation.override(account_language(owner)):  # the sources' kinds in the account's words
        return write_contacts_csv(records(), fileobj, extra_header=PRIVACY_HEADER, extra_cells=privacy_cells)


def owned_models() -> list[type[OwnedModel]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OwnedModel) and model._meta.label_lower not in EXCLUDED
    ]


def export_json(*, owner, fileobj: IO[str]) -> dict[str, int]:
    """Every row the account owns, table by table, streamed (30,000 people never sit in memory twice)."""
    counts: dict[str, int] = {}
    header = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": owner.get_username(),
            "email": owner.email,
            "first_name": owner.first_name,
            "last_name": owner.last_name,
            "language": owner.language,
            "time_zone": owner.time_zone,
        },
    }
    fileobj.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
    for number, model in enumerate(sorted(owned_models(), key=lambda m: m._meta.label_lower)):
        columns = [field.attname for field in concrete_fields(model) if field.attname != "owner_id"]
        label = model._meta.label_lower
        fileobj.write(
            ("," if number else "") + f'\n{json.dumps(label)}: {{"columns": {json.dumps(columns)}, '
        )
        fileobj.write('"rows": [')
        count = 0
        queryset = model.objects.for_user(owner)
        owner_at = [field.attname for field in concrete_fields(model)].index("owner_id")
        for row in iter_rows(queryset):
            del row[owner_at]
            fileobj.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
            count += 1
        fileobj.write("]}")
        counts[label] = count
    fileobj.write("\n}}\n")
    return counts
