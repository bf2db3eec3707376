"""Write paths of the journal: logging what happened, the playbook's tasks, and acting on them.

Web, API and CLI all call these; each use case runs in one transaction, so invalid input stores nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vernetzt.core.cadence import CADENCE_KINDS
from vernetzt.core.followup import tasks_after_interaction
from vernetzt.core.playbook import (
    INTERACTION_KINDS,
    InteractionFacts,
    PlaybookSettings,
    TaskProposal,
    advance_target_stage,
    describe_task_reason,
    raise_target_stage,
    settings_from_dict,
    settings_to_dict,
    tasks_due_by_calendar,
)
from vernetzt.core.reasons import Reason
from vernetzt.errors import DataError
from vernetzt.events.models import Event
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.facts import calendar_people, goal_facts, open_tasks, person_facts
from vernetzt.journal.models import Interaction, JournalSettings, Snippet, Task
from vernetzt.people.models import Person, Success, Tier
from vernetzt.validation import clean_web_url

MAX_SNIPPET_LENGTH = 500
MAX_TOPIC_LENGTH = 200
MAX_SNOOZE_DAYS = 365


class JournalDataError(DataError):
    """Input a user can fix; ``field`` names the form field / CLI option."""


class DoNotContact(JournalDataError):
    """The person objected or asked not to be contacted: vernetzt writes them nothing."""

    def __init__(self, person, lang: str):
        with translation.override(lang):
            since = person.do_not_contact_on.isoformat() if person.do_not_contact_on else "?"
            message = _(
                "%(name)s asked not to be contacted (marked “do not contact” since %(day)s): vernetzt "
                "writes them no message. Remove the mark on their page if they agreed again."
            ) % {"name": person.display_name, "day": since}
        super().__init__("person", message)


# --- settings --------------------------------------------------------------------------------------


def journal_settings(owner) -> JournalSettings:
    row, _ = JournalSettings.objects.get_or_create(owner=owner)
    return row


def playbook_settings(owner) -> PlaybookSettings:
    """The account's playbook settings (a read: no settings row is created for it)."""
    stored = JournalSettings.objects.filter(owner=owner).values_list("playbook", flat=True).first() or {}
    try:
        return settings_from_dict(stored)
    except (TypeError, ValueError):
        # Settings from an older version that no longer validate: the defaults beat a broken page.
        return PlaybookSettings()


def save_playbook_settings(*, owner, data: dict) -> PlaybookSettings:
    try:
        settings = settings_from_dict(data)
    except TypeError as error:
        raise JournalDataError("playbook", str(error)) from None
    except ValueError as error:
        raise JournalDataError(_field_of(str(error)), str(error)) from None
    # The rules run again today under the new settings.
    JournalSettings.objects.update_or_create(
        owner=owner,
        defaults={
            "playbook": settings_to_dict(settings),
            "calendar_ran_on": None,
            "calendar_queued_on": None,
        },
    )
    return settings


def _field_of(message: str) -> str:
    first = message.split(" ", 1)[0]
    return first if first.replace("_", "").isalnum() else "playbook"


# --- storing proposals -----------------------------------------------------------------------------


def store_proposals(
    *, owner, proposals: Iterable[TaskProposal], interaction: Interaction | None = None
) -> list[Task]:
    """Insert the proposals as tasks; one whose dedupe_key exists already is a no-op. Returns new tasks."""
    proposals = list(proposals)
    if not proposals:
        return []
    keys = [p.dedupe_key for p in proposals]
    existing = set(
        Task.objects.for_user(owner).filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True)
    )
    rows = [
        Task(
            owner=owner,
            kind=p.kind,
            person_id=p.person_id,
            goal_id=p.goal_id,
            interaction=interaction,
            due=p.due,
            dedupe_key=p.dedupe_key,
            reason={"code": p.reason.code, "params": p.reason.params},
        )
        for p in proposals
        if p.dedupe_key not in existing
    ]
    # A concurrent run may insert the same keys between the read and the write; the constraint decides.
    Task.objects.bulk_create(rows, ignore_conflicts=True)
    new_keys = [row.dedupe_key for row in rows]
    return list(Task.objects.for_user(owner).filter(dedupe_key__in=new_keys).select_related("person"))


def task_reason(task: Task, lang: str) -> str:
    """Why the task exists, in ``lang``; the user's own title for custom tasks."""
    if task.reason.get("code"):
        return describe_task_reason(Reason(task.reason["code"], task.reason.get("params", {})), lang)
    return task.title


def run_calendar_playbook(*, owner, today: date, force: bool = False) -> list[Task]:
    """Birthdays, keep-in-touch, dormant ties and idle goals for ``today``.

    Runs at most once per account and day unless ``force``: the first caller (Today page, worker) marks
    the day with a conditional UPDATE, so concurrent callers do not repeat the work.
    """
    journal_settings(owner)
    claimed = (
        JournalSettings.objects.filter(owner=owner)
        .filter(Q(calendar_ran_on__isnull=True) | ~Q(calendar_ran_on=today))
        .update(calendar_ran_on=today)
    )
    if not claimed and not force:
        return []
    settings = playbook_settings(owner)
    with transaction.atomic():
        proposals = tasks_due_by_calendar(
            today=today,
            persons=person_facts(owner, calendar_people(owner)).values(),
            goals=goal_facts(owner),
            settings=settings,
            open_cadence=open_tasks(owner).filter(kind__in=CADENCE_KINDS).values_list("kind", "due"),
        )
        return store_proposals(owner=owner, proposals=proposals)


# --- logging an interaction ------------------------------------------------------------------------


@dataclass
class LogResult:
    interaction: Interaction
    snippets: list[Snippet] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    stages: dict[int, tuple[str, str]] = field(default_factory=dict)  # target id → (before, after)
    repeated: bool = False  # the capture key was seen before: this is the first result, nothing new


CAPTURE_KEY = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _earlier_capture(owner, capture_key: str) -> LogResult | None:
    interaction = Interaction.objects.for_user(owner).filter(capture_key=capture_key).first()
    if interaction is None:
        return None
    return LogResult(
        interaction=interaction,
        snippets=list(interaction.snippets.all()),
        tasks=list(interaction.tasks.select_related("person")),
        repeated=True,
    )


def find_person(*, owner, person_id) -> Person:
    """The owner's person with that id; another account's id is as unknown as a missing one."""
    try:
        pk = int(person_id)
    except (TypeError, ValueError):
        raise JournalDataError("person", f"{person_id!r} is not a person id") from None
    person = Person.objects.for_user(owner).filter(is_me=False, pk=pk).first()
    if person is None:
        raise JournalDataError("person", f"no person with id {pk}")
    return person


def _clean_log_input(*, owner, person, kind, day, their_share, event, snippets, topic) -> list[str]:
    if person.owner_id != owner.pk or person.is_me:
        raise JournalDataError("person", f"no person with id {person.pk}")
    if kind not in INTERACTION_KINDS:
        raise JournalDataError("kind", f"unknown kind {kind!r}; use one of {', '.join(INTERACTION_KINDS)}")
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        raise JournalDataError("date", "not a date")
    if their_share is not None and (isinstance(their_share, bool) or not 0 <= their_share <= 100):
        raise JournalDataError("their_share", f"{their_share} is not a percentage from 0 to 100")
    if event is not None and event.owner_id != owner.pk:
        raise JournalDataError("event", f"no event with id {event.pk}")
    if not isinstance(topic, str) or len(topic.strip()) > MAX_TOPIC_LENGTH or "\x00" in topic:
        raise JournalDataError("topic", f"a topic may have at most {MAX_TOPIC_LENGTH} characters")
    texts = [text.strip() for text in snippets if text and text.strip()]
    too_long = [text for text in texts if len(text) > MAX_SNIPPET_LENGTH]
    if too_long:
        raise JournalDataError("snippet", f"a snippet may have at most {MAX_SNIPPET_LENGTH} characters")
    return list(dict.fromkeys(texts))


def log_interaction(*, owner, capture_key: str = "", **fields) -> LogResult:
    """Record an interaction and let the playbook react: snippets, last contact, target stages, tasks.

    ``capture_key`` (from the phone, one per capture) makes the call idempotent: a second call with the
    same key returns the first result and changes nothing, also when both race."""
    if not capture_key:
        return _log_interaction(owner=owner, **fields)
    if not CAPTURE_KEY.match(capture_key):
        raise JournalDataError("capture_key", "a capture key has 8 to 64 letters, digits or dashes")
    earlier = _earlier_capture(owner, capture_key)
    if earlier is not None:
        return earlier
    try:
        return _log_interaction(owner=owner, capture_key=capture_key, **fields)
    except IntegrityError:
        earlier = _earlier_capture(owner, capture_key)
        if earlier is None:
            raise
        return earlier


@transaction.atomic
def _log_interaction(
    *,
    owner,
    person: Person,
    kind: str,
    date: date,
    notes: str = "",
    snippets: Iterable[str] = (),
    their_share: int | None = None,
    meeting_agreed: bool = False,
    event: Event | None = None,
    topic: str = "",
    source: str = "manual",
    capture_key: str = "",
) -> LogResult:
    texts = _clean_log_input(
        owner=owner,
        person=person,
        kind=kind,
        day=date,
        their_share=their_share,
        event=event,
        snippets=snippets,
        topic=topic,
    )
    interaction = Interaction.objects.create(
        owner=owner,
        person=person,
        kind=kind,
        date=date,
        event=event,
        notes=(notes or "").strip(),
        their_share=their_share,
        meeting_agreed=meeting_agreed,
        source=source,
        capture_key=capture_key,
    )
    saved = Snippet.objects.bulk_create(
        [Snippet(owner=owner, person=person, interaction=interaction, text=text) for text in texts]
    )
    changed = []
    if person.last_contact_on is None or person.last_contact_on < date:
        person.last_contact_on = date
        changed.append("last_contact_on")
    if person.tier == Tier.POOL:
        # Whoever the user has talked to is no longer "not in touch yet": the new-contact cadence begins.
        person.tier = Tier.NEW
        changed.append("tier")
    if changed:
        # Only relationship fields: the research pool recomputes a few columns instead of rebuilding.
        person.save(update_fields=changed)

    stages = {}
    targets = list(person.targets.all())
    now = timezone.now()
    for target in targets:
        target.updated_at = now
        after = advance_target_stage(
            current_stage=target.stage, interaction_kind=kind, meeting_agreed=meeting_agreed
        )
        if after != target.stage:
            stages[target.pk] = (target.stage, after)
            target.stage = after
    if stages:
        Target.objects.bulk_update([t for t in targets if t.pk in stages], ["stage", "updated_at"])

    if "last_contact_on" in changed:
        # The newest contact is the touch an open keep-in-touch or reconnect task asked for.
        open_tasks(owner).filter(person=person, kind__in=CADENCE_KINDS).update(done_at=now)

    if person.do_not_contact:  # the encounter is recorded, but nothing plans to reach out to them
        return LogResult(interaction=interaction, snippets=saved, tasks=[], stages=stages)
    facts = person_facts(owner, Person.objects.filter(pk=person.pk))[person.pk]
    proposals = tasks_after_interaction(
        interaction=InteractionFacts(
            person_id=person.pk,
            kind=kind,
            date=date,
            meeting_agreed=meeting_agreed,
            their_share=their_share,
            event_name=event.name if event else None,
            topic=topic.strip() or None,
        ),
        person=facts,
        settings=playbook_settings(owner),
    )
    tasks = store_proposals(owner=owner, proposals=proposals, interaction=interaction)
    return LogResult(interaction=interaction, snippets=saved, tasks=tasks, stages=stages)


# --- acting on tasks -------------------------------------------------------------------------------


def _check_open(task: Task) -> None:
    if not task.is_open:
        raise JournalDataError("task", "this task is already done or skipped")


def complete_task(*, task: Task) -> Task:
    _check_open(task)
    task.done_at = timezone.now()
    task.save(update_fields=["done_at"])
    return task


def skip_task(*, task: Task) -> Task:
    _check_open(task)
    task.skipped = True
    task.save(update_fields=["skipped"])
    return task


def snooze_task(*, task: Task, today: date, days: int = 1) -> Task:
    """Move the task ``days`` days past today (or past its due date when that is later)."""
    _check_open(task)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_SNOOZE_DAYS:
        raise JournalDataError("days", f"snooze by 1 to {MAX_SNOOZE_DAYS} days")
    task.due = max(today, task.due) + timedelta(days=days)
    task.save(update_fields=["due"])
    return task


def move_task(*, task: Task, due: date, today: date) -> Task:
    """Plan the task for ``due`` (today or a day within a year)."""
    _check_open(task)
    if not isinstance(due, datetime.date) or isinstance(due, datetime.datetime):
        raise JournalDataError("due", "not a date")
    if not today <= due <= today + timedelta(days=MAX_SNOOZE_DAYS):
        raise JournalDataError("due", f"choose a day from today to {MAX_SNOOZE_DAYS} days ahead")
    task.due = due
    task.save(update_fields=["due"])
    return task


def add_task(*, owner, title: str, due: date, person: Person | None = None, goal: Goal | None = None) -> Task:
    title = (title or "").strip()
    if not title:
        raise JournalDataError("title", "describe the task")
    for related in (person, goal):
        if related is not None and related.owner_id != owner.pk:
            raise JournalDataError("person" if related is person else "goal", "not found")
    return Task.objects.create(
        owner=owner, kind=Task.Kind.CUSTOM, title=title[:300], due=due, person=person, goal=goal
    )


def open_task_count(owner) -> int:
    return open_tasks(owner).count()


# --- research facts --------------------------------------------------------------------------------


def add_success(*, owner, person: Person, date: date, text: str, source_url: str = "") -> Success:
    """Record a recent success of a person: material for prepared questions and a researched target."""
    if person.owner_id != owner.pk:
        raise JournalDataError("person", f"no person with id {person.pk}")
    text = (text or "").strip()
    if not text:
        raise JournalDataError("text", "describe the success")
    if len(text) > 500:
        raise JournalDataError("text", "at most 500 characters")
    if not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
        raise JournalDataError("date", "not a date")
    source_url = clean_web_url(source_url, field="source_url")
    with transaction.atomic():
        success = Success.objects.create(
            owner=owner, person=person, date=date, text=text, source_url=source_url
        )
        raise_targets(person, "researched")
    return success


def raise_targets(person: Person, reached: str) -> None:
    """Research steps (researched, benefit_found) move the person's targets forward, never back."""
    targets = list(person.targets.all())
    changed = []
    for target in targets:
        stage = raise_target_stage(target.stage, reached)
        if stage != target.stage:
            target.stage = stage
            changed.append(target)
    if changed:
        Target.objects.bulk_update(changed, ["stage"])
