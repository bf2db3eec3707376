"""A later LinkedIn export compared with the network as it stands: who changed jobs since.

A job change is a known person whose current organization or title in the new export differs from the
one stored (both known, the stored one not typed in by hand). Each becomes a dated success ("Jetzt VP
Logistics Europe bei Kühne + Nagel") and a task to congratulate, written with the import's batch so
undoing the import takes them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vernetzt.core.text import fold, normalize_org_name
from vernetzt.journal.models import Task
from vernetzt.people.models import Person, Success
from vernetzt.transfer.matching import PersonState
from vernetzt.transfer.recording import Recorder
from vernetzt.transfer.rows import insert_new


@dataclass(frozen=True)
class JobChange:
    state: PersonState
    before: dict[str, str]  # {"title", "organization"}
    after: dict[str, str]

    def as_dict(self) -> dict:
        return {"person_id": self.state.person_id, "before": self.before, "after": self.after}


def _role(values: dict) -> dict[str, str]:
    return {"title": values["title"], "organization": values["organization_name"]}


def find_job_changes(states: list[PersonState]) -> list[JobChange]:
    changes = []
    for state in states:
        if state.is_new or state.person_id is None:
            continue
        before, after = _role(state.original), _role(state.values)
        if not all(before.values()) or not all(after.values()):
            continue
        moved = normalize_org_name(before["organization"]) != normalize_org_name(after["organization"])
        if moved or fold(before["title"]).split() != fold(after["title"]).split():
            changes.append(JobChange(state, before, after))
    return changes


def describe_job_change(change: JobChange, lang: str) -> str:
    title, organization = change.after["title"], change.after["organization"]
    return f"Jetzt {title} bei {organization}" if lang == "de" else f"Now {title} at {organization}"


def congratulation_title(change: JobChange, lang: str) -> str:
    name = change.state.values["display_name"]
    if lang == "de":
        return (
            f"{name} zur neuen Rolle gratulieren: {change.after['title']} bei {change.after['organization']}"
        )
    return f"Congratulate {name} on the new role: {change.after['title']} at {change.after['organization']}"


def _task_key(change: JobChange) -> str:
    return f"congratulate:{change.state.person_id}:{normalize_org_name(change.after['organization'])}"[:200]


def write_job_changes(owner, changes: list[JobChange], recorder: Recorder, *, today: date, lang: str) -> None:
    """A success and a congratulation task per change; a change recorded before is not recorded again."""
    ids = [change.state.person_id for change in changes]
    known = set(Success.objects.for_user(owner).filter(person_id__in=ids).values_list("person_id", "text"))
    planned_keys = set(
        Task.objects.for_user(owner)
        .filter(dedupe_key__in=[_task_key(c) for c in changes])
        .values_list("dedupe_key", flat=True)
    )
    fresh = [
        c
        for c in changes
        if (c.state.person_id, describe_job_change(c, lang)[:500]) not in known
        and _task_key(c) not in planned_keys
    ]
    successes = [
        {
            "owner_id": owner.pk,
            "person_id": change.state.person_id,
            "date": today,
            "text": describe_job_change(change, lang)[:500],
            "source_url": "",
        }
        for change in fresh
    ]
    recorder.record_created(Success, insert_new(Success, successes))
    # The new role is worth knowing about anyone; congratulating someone who objected is not.
    quiet = set(
        Person.objects.for_user(owner).filter(pk__in=ids, do_not_contact=True).values_list("pk", flat=True)
    )
    tasks = [
        {
            "owner_id": owner.pk,
            "kind": Task.Kind.CUSTOM,
            "person_id": change.state.person_id,
            "goal_id": None,
            "interaction_id": None,
            "title": congratulation_title(change, lang)[:300],
            "note": "",
            "due": today,
            "done_at": None,
            "skipped": False,
            "dedupe_key": _task_key(change),
            "reason": {},
        }
        for change in fresh
        if change.state.person_id not in quiet
    ]
    recorder.record_created(Task, insert_new(Task, tasks))
