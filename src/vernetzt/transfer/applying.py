"""Writing planned persons in bulk: derived columns, organizations, people, current positions.

Everything here runs inside the import's one transaction; each step is one bulk statement (or one
prepared statement executed many times), so 30,000 rows never mean 30,000 round trips.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

from vernetzt.core.places import place_of
from vernetzt.core.text import normalize_org_name
from vernetzt.core.titles import classify_title
from vernetzt.people.models import Organization, Person, Position
from vernetzt.people.organizations import guessed_industry
from vernetzt.people.services import refresh_derived
from vernetzt.transfer.matching import PERSON_COLUMNS, PersonState
from vernetzt.transfer.recording import Recorder, update_rows
from vernetzt.transfer.rows import insert_new

ID_CHUNK = 5000
WRITE_CHUNK = 2000
_REFRESHED = ("country", "regions", "seniority", "function", "search_text")


def finish_values(state: PersonState) -> None:
    """Recompute the derived columns of a new or changed person the way people.services does."""
    # refresh_derived only reads and sets attributes; a namespace spares 30,000 model constructions.
    person = SimpleNamespace(**{name: state.values[name] for name in PERSON_COLUMNS})
    refresh_derived(person)
    for name in _REFRESHED:
        state.values[name] = getattr(person, name)


def role_changed(state: PersonState) -> bool:
    if state.original is None:
        return bool(state.values["title"] or state.values["organization_name"])
    return (state.values["title"], state.values["organization_name"]) != (
        state.original["title"],
        state.original["organization_name"],
    )


class Organizations:
    """Organization ids by normalized name, creating missing ones in one statement."""

    def __init__(self, owner, recorder: Recorder) -> None:
        self.owner = owner
        self.recorder = recorder
        self.keys: dict[str, str] = {}
        self.ids = dict(
            Organization.objects.for_user(owner)
            .values_list("normalized_name", "id")
            .iterator(chunk_size=5000)
        )

    def key(self, name: str) -> str:
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = normalize_org_name(name) if name else ""
        return key

    def ensure(self, names: list[str]) -> None:
        missing: dict[str, str] = {}
        for name in names:
            key = self.key(name)
            if key and key not in self.ids:
                missing.setdefault(key, name)
        created = Organization.objects.bulk_create(
            [
                Organization(owner=self.owner, name=name, normalized_name=key, **self._industry(name))
                for key, name in missing.items()
            ],
            batch_size=1000,
        )
        for organization in created:
            self.ids[organization.normalized_name] = organization.pk
        self.recorder.record_created(Organization, [organization.pk for organization in created])

    @staticmethod
    def _industry(name: str) -> dict[str, str]:
        industry, source = guessed_industry(name)
        return {"industry": industry, "industry_source": source}

    def id_for(self, name: str) -> int | None:
        return self.ids.get(self.key(name)) if name else None


class PositionDeriver:
    def __init__(self) -> None:
        self.cache: dict[tuple[str, str], tuple[str, str, list[str]]] = {}

    def derive(self, title: str, location: str = "") -> dict[str, Any]:
        """The derived columns of a position, as update_position_derived computes them."""
        key = (title, location)
        found = self.cache.get(key)
        if found is None:
            role = classify_title(title)
            regions = sorted(place_of(city=location, title=title).regions)
            found = self.cache[key] = (role.seniority, role.function, regions)
        return {"seniority": found[0], "function": found[1], "regions": list(found[2])}

    def fill(self, position: Position) -> None:
        for name, value in self.derive(position.title, position.location).items():
            setattr(position, name, value)


def write_people(
    *,
    owner,
    states: list[PersonState],
    recorder: Recorder,
    today: date,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Create the new persons and update the changed ones; returns created/updated/unchanged counts.

    Works in chunks so that ``progress`` (persons written so far) moves while 30,000 rows are written.
    """
    organizations = Organizations(owner, recorder)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for start in range(0, len(states), WRITE_CHUNK):
        chunk = states[start : start + WRITE_CHUNK]
        new = [state for state in chunk if state.is_new]
        changed = [state for state in chunk if not state.is_new and state.changed_fields()]
        for state in [*new, *changed]:
            finish_values(state)
        organizations.ensure([state.values["organization_name"] for state in chunk if role_changed(state)])
        _create_people(owner, new, recorder)
        _update_people(changed, recorder)
        roles = [state for state in [*new, *changed] if role_changed(state)]
        _write_roles(owner, roles, organizations, recorder, today)
        counts["created"] += len(new)
        counts["updated"] += len(changed)
        counts["unchanged"] += len(chunk) - len(new) - len(changed)
        if progress is not None:
            progress(start + len(chunk))
    return counts


def _create_people(owner, states: list[PersonState], recorder: Recorder) -> None:
    ids = insert_new(Person, [{"owner_id": owner.pk, **state.values} for state in states])
    for state, person_id in zip(states, ids, strict=True):
        state.person_id = person_id
    recorder.record_created(Person, ids)


def _update_people(states: list[PersonState], recorder: Recorder) -> None:
    updates: list[tuple[int, dict[str, Any]]] = []
    for state in states:
        names = state.changed_fields()
        after = {name: state.values[name] for name in names}
        recorder.record_update(Person, state.person_id, {name: state.original[name] for name in names}, after)
        updates.append((state.person_id, after))
    update_rows(Person, updates)


def _write_roles(owner, states, organizations: Organizations, recorder: Recorder, today: date) -> None:
    current: dict[int, Position] = {}
    existing_ids = [state.person_id for state in states if not state.is_new]
    for start in range(0, len(existing_ids), ID_CHUNK):
        chunk = existing_ids[start : start + ID_CHUNK]
        for position in Position.objects.for_user(owner).filter(person_id__in=chunk, is_current=True):
            current.setdefault(position.person_id, position)
    deriver = PositionDeriver()
    created: list[dict[str, Any]] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    for state in states:
        title, organization_id = (
            state.values["title"],
            organizations.id_for(state.values["organization_name"]),
        )
        position = current.get(state.person_id)
        if position is not None and position.organization_id == organization_id:
            before = {"title": position.title, "seniority": position.seniority, "function": position.function}
            before["regions"] = position.regions
            position.title = title
            deriver.fill(position)
            after = {name: getattr(position, name) for name in before}
            recorder.record_update(Position, position.pk, before, after)
            updates.append((position.pk, after))
            continue
        if position is not None:
            after = {"is_current": False, "end_date": position.end_date or today}
            recorder.record_update(
                Position, position.pk, {"is_current": True, "end_date": position.end_date}, after
            )
            updates.append((position.pk, after))
        if title or organization_id:
            created.append(
                {
                    "owner_id": owner.pk,
                    "person_id": state.person_id,
                    "organization_id": organization_id,
                    "title": title,
                    "department": state.department,
                    "is_current": True,
                    **deriver.derive(title),
                }
            )
    update_rows(Position, updates)
    recorder.record_created(Position, insert_new(Position, created))
