"""Reporting lines: "X reports to Y", for anyone in the account and for the user themselves.

A line is a ``Tie`` of kind ``reports_to`` from the person to their manager. Each person has at most
one line: stating a new manager replaces the old one (matrix organisations have dotted lines too,
but the org chart and "network upward" need the one line that decides). Lines are only ever stated
by the user — imports, LinkedIn positions and titles such as "Assistant to the CEO" never create one.
"""

from __future__ import annotations

from django.db import transaction

from vernetzt.errors import DataError
from vernetzt.people.models import Person, Tie

LINE_STRENGTH = 4  # a manager and their report know each other well
MAX_DEPTH = 50  # longer chains than any organisation has; guards the cycle check


class ReportingDataError(DataError):
    """A reporting line that cannot be stated."""


def _lines_of(person: Person):
    return Tie.objects.for_user(person.owner).filter(from_person=person, kind=Tie.Kind.REPORTS_TO)


def manager_of(person: Person) -> Person | None:
    tie = _lines_of(person).select_related("to_person").order_by("id").first()
    return tie.to_person if tie else None


def reports_of(person: Person) -> list[Person]:
    """The people who report to ``person``, by name."""
    return list(
        Person.objects.for_user(person.owner)
        .filter(ties_out__kind=Tie.Kind.REPORTS_TO, ties_out__to_person=person)
        .order_by("display_name", "id")
    )


def _chain_reaches(start: Person, target: Person) -> bool:
    """Does the chain of managers upward from ``start`` reach ``target``?"""
    lines = dict(
        Tie.objects.for_user(start.owner)
        .filter(kind=Tie.Kind.REPORTS_TO)
        .values_list("from_person", "to_person")
    )
    current, seen = start.pk, set()
    while current in lines and current not in seen and len(seen) < MAX_DEPTH:
        seen.add(current)
        current = lines[current]
        if current == target.pk:
            return True
    return False


@transaction.atomic
def set_manager(*, person: Person, manager: Person) -> bool:
    """State that ``person`` reports to ``manager``, replacing an earlier line. True if it changed."""
    if manager.owner_id != person.owner_id:
        raise PermissionError("the manager must be a person of the same account")
    if manager.pk == person.pk:
        raise ReportingDataError("manager", "nobody reports to themselves")
    if _chain_reaches(manager, person):
        raise ReportingDataError(
            "manager", f"{manager.display_name} already reports (directly or not) to {person.display_name}"
        )
    lines = _lines_of(person)
    if lines.filter(to_person=manager).exists() and lines.count() == 1:
        return False
    lines.delete()
    Tie.objects.create(
        owner_id=person.owner_id, from_person=person, to_person=manager, kind=Tie.Kind.REPORTS_TO,
        strength=LINE_STRENGTH, source="user",
    )  # fmt: skip
    return True


@transaction.atomic
def remove_manager(*, person: Person, manager: Person | None = None) -> bool:
    """Remove the line from ``person`` (to ``manager`` only, when given). True if one was removed."""
    lines = _lines_of(person)
    if manager is not None:
        lines = lines.filter(to_person=manager)
    deleted, _ = lines.delete()
    return deleted > 0


def managers_among(people: list[Person]) -> dict[int, int]:
    """{person id: manager id} of the stated lines starting at ``people`` (the manager may work
    elsewhere: a holding's managing director)."""
    if not people:
        return {}
    return dict(
        Tie.objects.for_user(people[0].owner)
        .filter(kind=Tie.Kind.REPORTS_TO, from_person__in=[p.pk for p in people])
        .values_list("from_person_id", "to_person_id")
    )
