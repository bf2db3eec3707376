"""One person's data, for ``person show`` and for answering an access request (GDPR Art. 15).

``person_summary`` is the person as ``vernetzt person show`` prints it; ``access_record`` is everything
vernetzt holds about them: their row and every row pointing at them (found through the foreign keys,
as the merge finds them, so a new kind of history is covered without touching this module).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from vernetzt.people.models import Person
from vernetzt.people.provenance import describe_sources, person_purposes
from vernetzt.transfer.merge import person_relations
from vernetzt.transfer.rows import row_of

FORMAT = "vernetzt-person-record"
VERSION = 1
# Bookkeeping columns that say nothing about the person.
SOURCE_KEYS = ("kind", "file", "batch_id", "date")
HIDDEN_COLUMNS = frozenset({"owner_id", "search_text", "edited_fields", "search_vector"})


def person_summary(person: Person) -> dict[str, Any]:
    return {
        "person_id": person.pk,
        "name": person.display_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "title": person.title,
        "organization": person.organization_name,
        "emails": list(person.emails),
        "phones": list(person.phones),
        "city": person.city,
        "country": person.country,
        "linkedin_url": person.linkedin_url,
        "xing_url": person.xing_url,
        "sources": [{key: entry[key] for key in SOURCE_KEYS} for entry in describe_sources(person)],
        "legal_basis": person.legal_basis,
        "purpose": person.purpose,
        "purposes": person_purposes(person),
        "do_not_contact": person.do_not_contact,
        "do_not_contact_on": person.do_not_contact_on.isoformat() if person.do_not_contact_on else None,
    }


def related_rows(person: Person) -> dict[str, list[dict[str, Any]]]:
    """Every row that points at ``person``, by model label ("journal.interaction") and foreign key."""
    found: dict[str, list[dict[str, Any]]] = {}
    for relation in person_relations():
        model, field = relation.related_model, relation.field
        # What the other foreign keys point at, by name ("organization": "Elbe Terminal GmbH").
        named = [
            f.name for f in model._meta.concrete_fields if f.is_relation and f.attname not in HIDDEN_COLUMNS
        ]
        rows = model._base_manager.filter(**{field.name: person}).select_related(*named).order_by("pk")
        label = model._meta.label_lower
        for row in rows:
            data = {name: value for name, value in row_of(row).items() if name not in HIDDEN_COLUMNS}
            names = {name: str(getattr(row, name)) for name in named if getattr(row, name) is not None}
            found.setdefault(label, []).append({"via": field.name, **data, **names})
    return found


def access_record(person: Person) -> dict[str, Any]:
    """Everything about ``person``: what ``person export`` writes and the web page shows."""
    row = {name: value for name, value in row_of(person).items() if name not in HIDDEN_COLUMNS}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "person": person_summary(person),
        "record": row,
        "related": related_rows(person),
    }
