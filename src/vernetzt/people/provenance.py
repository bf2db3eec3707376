"""Where a person's data came from: one entry per source, kept on the person (``Person.sources``).

An entry is ``{"kind", "file", "batch_id", "date"}``: the kind of source (an import batch's kind, a
business card, typed in, the API, a feed, a mail account, a calendar), the file or account it was
read from, the import batch (so the person page links to it and undo knows it) and the day it first
came. A source counts once: importing the same file again does not add an entry (and so leaves an
otherwise unchanged person unchanged), a new file or account does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.people.models import Person

KIND_LABELS = {
    "linkedin": _("LinkedIn export"),
    "vcard": _("vCard file"),
    "contacts": _("Address book (CSV)"),
    "attendees": _("Attendee list"),
    "card": _("Business card"),
    "manual": _("Typed in"),
    "api": _("API"),
    "demo": _("Demo data"),
    "me": _("Your own profile"),
    "merge": _("Merged with a duplicate"),
    "feed": _("News feed"),
    "mail": _("Mail account"),
    "calendar": _("Calendar"),
    "legacy": _("Recorded before sources were kept"),
}


def source_entry(kind: str, *, file: str = "", batch_id: int | None = None, day: date | None = None) -> dict:
    return {
        "kind": kind,
        "file": file[:500],
        "batch_id": batch_id,
        "date": (day or timezone.localdate()).isoformat(),
    }


def _key(entry: dict) -> tuple[str, str]:
    return entry.get("kind", ""), entry.get("file", "")


def with_source(sources: list[dict], entry: dict) -> list[dict]:
    """``sources`` plus ``entry`` unless the same kind and file is already there (then ``sources``
    itself, so a caller can tell nothing changed)."""
    if any(_key(known) == _key(entry) for known in sources):
        return sources
    return [*sources, entry]


def combine_sources(first: Iterable[dict], second: Iterable[dict]) -> list[dict]:
    """Both lists of sources (a merge), each source once, the earliest first."""
    combined: list[dict] = []
    for entry in sorted([*first, *second], key=lambda e: e.get("date", "")):
        combined = with_source(combined, entry)
    return combined


@transaction.atomic
def record_source(*, owner, person_ids: Iterable[int], entry: dict) -> int:
    """Add ``entry`` to each person of ``owner`` among ``person_ids`` (a mail account, a calendar or a
    feed that wrote about them); returns how many got it."""
    added = 0
    people = Person.objects.for_user(owner).filter(pk__in=set(person_ids)).select_for_update()
    for person in people.only("id", "sources"):
        sources = with_source(person.sources, entry)
        if sources is not person.sources:
            Person.objects.filter(pk=person.pk).update(sources=sources)
            added += 1
    return added


def source_kinds(person: Person) -> list[str]:
    """The kinds of the person's sources in the order they came ("linkedin", "card", ...)."""
    return list(dict.fromkeys(entry.get("kind", "") for entry in person.sources))


def describe_sources(person: Person) -> list[dict[str, Any]]:
    """The sources for showing (the kind in the reader's language) and for the export."""
    return [
        {
            "kind": entry.get("kind", ""),
            "label": str(KIND_LABELS.get(entry.get("kind", ""), entry.get("kind", ""))),
            "file": entry.get("file", ""),
            "batch_id": entry.get("batch_id"),
            "date": entry.get("date"),
        }
        for entry in person.sources
    ]


def source_summary(person: Person) -> str:
    """One line for a CSV cell: "LinkedIn export Connections.csv 2026-12-01; Typed in 2026-11-02"."""
    parts = ((s["label"], s["file"], s["date"] or "") for s in describe_sources(person))
    return "; ".join(" ".join(part for part in entry if part) for entry in parts)


def person_purposes(person: Person, goals: list[str] | None = None) -> list[str]:
    """What the data serves: the purpose the user wrote, then the goals the person is a target of
    (``goals``: their texts, read here when None)."""
    if goals is None:
        goals = list(person.targets.values_list("goal__text", flat=True)) if person.pk else []
    return [text for text in [person.purpose, *goals] if text]
