"""The follow-up playbook: pure rules that turn the calendar into task proposals (``core.followup`` holds the
rules after a logged interaction), and the facts, settings and texts both share.

The database layer feeds plain facts in and stores the proposals it gets back. Each proposal carries a
``dedupe_key`` that names its occurrence (this meeting, this year's birthday, this cadence cycle), so a
unique constraint on (user, dedupe_key) keeps a task the user completed or skipped from coming back; the
rules themselves also skip kinds already open for the person, so a second run proposes nothing new.

Reasons are stored language-neutral as ``core.reasons.Reason`` (a code plus JSON-friendly params: names,
ISO dates, vocabulary codes) and rendered in German or English on display by ``describe_task_reason``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from babel.dates import format_date

from vernetzt.core.birthdays import Birthday, age_at_next_birthday, describe_days_until, next_birthday
from vernetzt.core.cadence import (
    CADENCE_KINDS,
    EVIDENCE,
    RULE_EVIDENCE,
    TIER_LABELS,
    TIERS,
    CadenceSettings,
    current_touch_due,
    describe_tier,
    effective_tier,
    is_dormant,
    phase_in,
)
from vernetzt.core.language import check_language
from vernetzt.core.playbook_text import (
    ABOUT,
    BIRTHDAY_CALL_NOTE,
    HOLIDAY_NOTES,
    INTERACTION_KIND_LABELS,
    LATER,
    LUNCH_TIP,
    OPTIONAL_FRAGMENTS,
    REASON_TEXTS,
    RULE_TEXTS,
    RULE_TITLES,
    SAME_DAY,
    TASK_KIND_LABELS,
    UNITS,
)
from vernetzt.core.reasons import Reason

INTERACTION_KINDS: tuple[str, ...] = (
    "event_conversation", "meeting", "lunch", "call", "email", "message", "birthday_greeting", "other",
)
TASK_KINDS: tuple[str, ...] = (
    "call_to_schedule", "thank_you_email", "connect_linkedin", "connect_xing", "birthday_greeting",
    "birthday_call", "propose_lunch", "keep_in_touch", "reconnect", "start_goal", "custom",
)
TARGET_STAGES: tuple[str, ...] = (
    "identified", "researched", "benefit_found", "approached", "appointment_agreed", "met", "relationship",
)
FORMALITIES: tuple[str, ...] = ("sie", "du")

MET_KINDS = frozenset({"meeting", "lunch"})
# Open tasks that already put the person in front of the user; a routine touch on top would be noise.
_TOUCH_TASK_KINDS = frozenset(
    {"call_to_schedule", "thank_you_email", "birthday_greeting", "birthday_call", "propose_lunch",
     "keep_in_touch", "reconnect"}
)


def _check_choice(name: str, value: object, allowed: Iterable[object]) -> None:
    if value not in allowed:
        raise ValueError(f"unknown {name}: {value!r}")


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know about one person, as it stands when they run.

    ``has_linkedin`` is False only when the user knows there is no profile to connect to; ``has_xing`` says
    whether the person has, or is likely to have, a XING profile (``followup.likely_on_xing``).
    ``value`` ranks dormant ties for reconnection (higher first), e.g. seniority rank or goal relevance.
    ``open_task_kinds`` are the kinds of this person's tasks that are still open.
    """

    person_id: int
    name: str
    tier: str | None = None
    formality: str = "sie"
    birthday: Birthday | None = None
    linkedin_connected: bool = False
    xing_connected: bool = False
    has_linkedin: bool = True
    has_xing: bool = True
    last_interaction_date: date | None = None
    last_interaction_kind: str | None = None
    first_meeting_date: date | None = None
    interactions_count: int = 0
    value: float = 0.0
    planned_benefit: str | None = None
    open_task_kinds: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        _check_choice("tier", self.tier, (*TIERS, None))
        _check_choice("formality", self.formality, FORMALITIES)
        _check_choice("interaction kind", self.last_interaction_kind, (*INTERACTION_KINDS, None))
        for kind in self.open_task_kinds:
            _check_choice("task kind", kind, TASK_KINDS)
        if self.interactions_count < 0:
            raise ValueError("interactions_count must not be negative")


@dataclass(frozen=True)
class InteractionFacts:
    """One logged interaction. ``date`` is the user's local date (see ``workdays.local_date``);
    ``their_share`` is the estimated percentage of the talking the other person did."""

    person_id: int
    kind: str
    date: date
    meeting_agreed: bool = False
    their_share: int | None = None
    event_name: str | None = None
    topic: str | None = None

    def __post_init__(self) -> None:
        _check_choice("interaction kind", self.kind, INTERACTION_KINDS)
        if self.their_share is not None and not 0 <= self.their_share <= 100:
            raise ValueError(f"their_share must be 0–100, got {self.their_share}")


@dataclass(frozen=True)
class GoalFacts:
    goal_id: int
    title: str
    created: date
    approached_count: int = 0
    active: bool = True
    open_task_kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PlaybookSettings:
    """Every switch and delay of the playbook; the settings page edits these."""

    observe_holidays: bool = True
    call_to_schedule_enabled: bool = True
    call_to_schedule_delay_workdays: int = 1
    thank_you_enabled: bool = True
    thank_you_delay_days: int = 0
    connect_linkedin_enabled: bool = True
    connect_xing_enabled: bool = True
    connect_delay_days: int = 0
    propose_lunch_enabled: bool = True
    propose_lunch_delay_days: int = 14
    birthday_enabled: bool = True
    birthday_notice_days: int = 3
    birthday_call_for_inner: bool = True
    keep_in_touch_enabled: bool = True
    keep_in_touch_max_open: int = 21
    reconnect_enabled: bool = True
    reconnect_max_open: int = 3
    # Keep-in-touch and reconnect tasks together, per day: a backlog is phased in, never dumped.
    cadence_tasks_per_day: int = 3
    # How many tasks Today shows first; the rest waits in the "later" list.
    focus_size: int = 10
    start_goal_enabled: bool = True
    goal_nudge_after_days: int = 14
    cadence: CadenceSettings = field(default_factory=CadenceSettings)

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            if spec.type == "bool" and not isinstance(value, bool):
                raise ValueError(f"{spec.name} must be true or false, got {value!r}")
            if spec.type == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise ValueError(f"{spec.name} must be a whole number ≥ 0, got {value!r}")
        if not isinstance(self.cadence, CadenceSettings):
            raise ValueError("cadence must be CadenceSettings")
        for name in ("keep_in_touch_max_open", "reconnect_max_open", "cadence_tasks_per_day"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1 (switch the rule off instead)")
        if not 1 <= self.focus_size <= 100:
            raise ValueError("focus_size must be from 1 to 100")


def settings_to_dict(settings: PlaybookSettings) -> dict[str, object]:
    """JSON-friendly form for storage; ``cadence`` is a nested dict."""
    return dataclasses.asdict(settings)


def settings_from_dict(data: Mapping[str, object]) -> PlaybookSettings:
    """Settings from stored data; missing keys take their defaults, unknown keys are an error."""
    known = {spec.name for spec in dataclasses.fields(PlaybookSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown playbook settings: {', '.join(unknown)}")
    values = dict(data)
    if "cadence" in values:
        cadence = values["cadence"]
        if not isinstance(cadence, Mapping):
            raise ValueError("cadence must be a mapping")
        cadence_known = {spec.name for spec in dataclasses.fields(CadenceSettings)}
        cadence_unknown = sorted(set(cadence) - cadence_known)
        if cadence_unknown:
            raise ValueError(f"unknown cadence settings: {', '.join(cadence_unknown)}")
        values["cadence"] = CadenceSettings(**cadence)
    return PlaybookSettings(**values)


@dataclass(frozen=True)
class TaskProposal:
    kind: str
    due: date
    reason: Reason
    dedupe_key: str
    person_id: int | None = None
    goal_id: int | None = None

def format_long_date(day: date, lang: str) -> str:
    """E.g. "12. März 2027" / "March 12, 2027"."""
    check_language(lang)
    return format_date(day, format="long", locale=lang)


def describe_task_kind(kind: str, lang: str) -> str:
    check_language(lang)
    return TASK_KIND_LABELS[kind][lang]


def describe_task_reason(reason: Reason, lang: str) -> str:
    """Why a task was proposed, as a sentence in ``lang``."""
    check_language(lang)
    template = REASON_TEXTS[reason.code][lang]
    values: dict[str, object] = dict(reason.params)
    for key in ("date", "last_date"):
        if key in values:
            values[key] = format_long_date(date.fromisoformat(str(values[key])), lang)
    if "tier" in values:
        values["tier"] = TIER_LABELS[str(values["tier"])][lang]
    for key in ("kind", "last_kind"):
        if key in values:
            values[key] = INTERACTION_KIND_LABELS[str(values[key])][lang]
    if reason.code.startswith("birthday_soon"):
        values["when"] = describe_days_until(int(reason.params["days"]), lang)
    for key, fragments in OPTIONAL_FRAGMENTS.items():
        values[key] = fragments[lang].format(**values) if key in values else ""
    if reason.code == "first_meeting" and not (values["topic"] or values["benefit"]):
        values["benefit"] = LUNCH_TIP[lang].format(**values)
    return template.format(**values)


def describe_task(proposal: TaskProposal, lang: str) -> str:
    return describe_task_reason(proposal.reason, lang)


def _birthday_proposal(person: PersonFacts, today: date, settings: PlaybookSettings) -> TaskProposal | None:
    if person.birthday is None or person.open_task_kinds & {"birthday_greeting", "birthday_call"}:
        return None
    when = next_birthday(person.birthday, today)
    days = (when - today).days
    if days > settings.birthday_notice_days:
        return None
    call = person.tier == "inner" and settings.birthday_call_for_inner
    params: dict[str, str | int] = {"name": person.name, "date": when.isoformat(), "days": days}
    age = age_at_next_birthday(person.birthday, today)
    if age is not None:
        params["age"] = age
    return TaskProposal(
        kind="birthday_call" if call else "birthday_greeting", due=when,
        reason=Reason("birthday_soon_call" if call else "birthday_soon", params),
        dedupe_key=f"birthday:{person.person_id}:{when.year}", person_id=person.person_id,
    )


def _keep_in_touch_proposal(
    person: PersonFacts, today: date, settings: PlaybookSettings
) -> TaskProposal | None:
    """The touch due now, dated today; ``phase_in`` moves it to the day it is given."""
    last = person.last_interaction_date
    if person.tier is None or last is None or person.open_task_kinds & _TOUCH_TASK_KINDS:
        return None
    tier = effective_tier(person.tier, interactions_count=person.interactions_count,
                          settings=settings.cadence)
    boundary = current_touch_due(tier=tier, last_contact=last, today=today, settings=settings.cadence)
    if boundary is None:
        return None
    params: dict[str, str | int] = {
        "name": person.name, "last_date": last.isoformat(), "tier": tier,
        "days": settings.cadence.days_for(tier),
    }
    if tier == "new" and person.last_interaction_kind:
        params["last_kind"] = person.last_interaction_kind
    # The key names the cadence cycle, so a skipped touch stays skipped until the next one.
    return TaskProposal(kind="keep_in_touch", due=today, reason=Reason("cadence_elapsed", params),
                        dedupe_key=f"keep_in_touch:{person.person_id}:{boundary.isoformat()}",
                        person_id=person.person_id)


def _reconnect_proposal(person: PersonFacts, today: date) -> TaskProposal:
    last = person.last_interaction_date
    assert last is not None  # is_dormant needs a last contact
    params: dict[str, str | int] = {
        "name": person.name, "last_date": last.isoformat(), "years": (today - last).days // 365,
    }
    return TaskProposal(kind="reconnect", due=today, reason=Reason("dormant_tie", params),
                        dedupe_key=f"reconnect:{person.person_id}:{last.isoformat()}",
                        person_id=person.person_id)


# Which touches get the day's few places first: the closest circle, then new contacts (who need
# several touches soon), then dormant ties worth reviving, then the rest by tier; within each the
# most valuable (goal targets, seniority), then whoever has waited longest.
_TOUCH_ORDER = {"inner": 0, "new": 1, "reconnect": 2, "developing": 3, "secondary": 4}


def _touch_order(group: str, person: PersonFacts) -> tuple:
    return (_TOUCH_ORDER[group], -person.value, person.last_interaction_date, person.person_id)


def tasks_due_by_calendar(
    *, today: date, persons: Iterable[PersonFacts], goals: Iterable[GoalFacts] = (),
    settings: PlaybookSettings, open_cadence: Iterable[tuple[str, date]] = (),
) -> list[TaskProposal]:
    """Tasks the calendar brings: birthdays, keep-in-touch cadences, dormant ties, idle goals.

    ``open_cadence`` holds (kind, due) of the keep-in-touch and reconnect tasks still open: the touches
    due now are phased in around them (``cadence.phase_in``: at most ``cadence_tasks_per_day`` a day,
    at most ``keep_in_touch_max_open``/``reconnect_max_open`` open), the most important first.
    Sorted by due date, then kind, then value (most valuable first).
    """
    people = sorted(persons, key=lambda p: p.person_id)
    proposals: list[TaskProposal] = []
    touches: list[tuple[tuple, TaskProposal]] = []
    for person in people:
        birthday = _birthday_proposal(person, today, settings) if settings.birthday_enabled else None
        if birthday is not None:
            proposals.append(birthday)
        if is_dormant(person.last_interaction_date, today, settings.cadence):
            if settings.reconnect_enabled and "reconnect" not in person.open_task_kinds:
                touches.append((_touch_order("reconnect", person), _reconnect_proposal(person, today)))
        elif settings.keep_in_touch_enabled and birthday is None:
            touch = _keep_in_touch_proposal(person, today, settings)
            if touch is not None:
                touches.append((_touch_order(str(touch.reason.params["tier"]), person), touch))

    touches.sort(key=lambda pair: pair[0])
    phased = phase_in(
        [(proposal, proposal.kind) for _, proposal in touches],
        today=today,
        per_day=settings.cadence_tasks_per_day,
        max_open={"keep_in_touch": settings.keep_in_touch_max_open,
                  "reconnect": settings.reconnect_max_open},
        open_tasks=[(kind, due) for kind, due in open_cadence if kind in CADENCE_KINDS],
    )
    proposals.extend(dataclasses.replace(proposal, due=due) for proposal, due in phased)

    if settings.start_goal_enabled:
        for goal in sorted(goals, key=lambda g: g.goal_id):
            idle_days = (today - goal.created).days
            if (goal.active and goal.approached_count == 0 and idle_days >= settings.goal_nudge_after_days
                    and "start_goal" not in goal.open_task_kinds):
                proposals.append(TaskProposal(
                    kind="start_goal", due=today,
                    reason=Reason("goal_not_started", {"goal": goal.title, "days": idle_days}),
                    dedupe_key=f"start_goal:{goal.goal_id}", goal_id=goal.goal_id,
                ))

    values = {person.person_id: person.value for person in people}
    return sorted(proposals, key=lambda p: (
        p.due, TASK_KINDS.index(p.kind), -values.get(p.person_id, 0.0), p.person_id or 0, p.goal_id or 0,
    ))


def advance_target_stage(*, current_stage: str, interaction_kind: str, meeting_agreed: bool = False) -> str:
    """The target stage after logging an interaction; stages only ever move forward.

    Any logged contact means the person was approached; an agreed meeting means an appointment; a meeting
    or lunch means met, and another one once met means a relationship.
    """
    _check_choice("interaction kind", interaction_kind, INTERACTION_KINDS)
    reached = "approached"
    if meeting_agreed:
        reached = "appointment_agreed"
    if interaction_kind in MET_KINDS:
        reached = "relationship" if current_stage in ("met", "relationship") else "met"
    return raise_target_stage(current_stage, reached)


def raise_target_stage(current_stage: str, reached: str) -> str:
    """The later of two stages — for research steps (``researched``, ``benefit_found``) that never demote."""
    _check_choice("target stage", current_stage, TARGET_STAGES)
    _check_choice("target stage", reached, TARGET_STAGES)
    return max(current_stage, reached, key=TARGET_STAGES.index)


@dataclass(frozen=True)
class RuleDescription:
    """One playbook rule as the settings page shows it, with the settings fields that control it
    (dotted for cadence fields, e.g. ``cadence.developing_days``) and the evidence behind it."""

    rule: str
    title: str
    text: str
    enabled: bool
    fields: tuple[str, ...]
    evidence: tuple[str, ...]


def _amount(count: int, unit: str, lang: str) -> str:
    singular, plural = UNITS[unit][lang]
    return f"{count} {singular if count == 1 else plural}"


def _delay(count: int, unit: str, lang: str) -> str:
    return SAME_DAY[unit][lang] if count == 0 else LATER[lang].format(amount=_amount(count, unit, lang))


def _dormant_span(days: int, lang: str) -> str:
    years = round(days / 365)
    if years < 1:
        return _amount(days, "day", lang)
    return ABOUT[lang].format(days=_amount(days, "day", lang), years=_amount(years, "year", lang))


def describe_rules(settings: PlaybookSettings, lang: str) -> list[RuleDescription]:
    """Every rule with its current delays, in ``lang``, in the order the method runs."""
    check_language(lang)
    s, cadence = settings, settings.cadence
    cadence_fields = tuple(f"cadence.{spec.name}" for spec in dataclasses.fields(CadenceSettings)
                           if spec.name != "dormant_after_days")
    rules = (
        ("call_to_schedule", s.call_to_schedule_enabled,
         ("call_to_schedule_enabled", "call_to_schedule_delay_workdays", "observe_holidays"),
         {"delay": _delay(s.call_to_schedule_delay_workdays, "workday", lang),
          "holidays": HOLIDAY_NOTES[s.observe_holidays][lang]}),
        ("thank_you_email", s.thank_you_enabled, ("thank_you_enabled", "thank_you_delay_days"),
         {"delay": _delay(s.thank_you_delay_days, "day", lang)}),
        ("connect_linkedin", s.connect_linkedin_enabled, ("connect_linkedin_enabled", "connect_delay_days"),
         {"delay": _delay(s.connect_delay_days, "day", lang)}),
        ("connect_xing", s.connect_xing_enabled, ("connect_xing_enabled", "connect_delay_days"),
         {"delay": _delay(s.connect_delay_days, "day", lang)}),
        ("propose_lunch", s.propose_lunch_enabled, ("propose_lunch_enabled", "propose_lunch_delay_days"),
         {"delay": _delay(s.propose_lunch_delay_days, "day", lang)}),
        ("birthday", s.birthday_enabled,
         ("birthday_enabled", "birthday_notice_days", "birthday_call_for_inner"),
         {"notice": _amount(s.birthday_notice_days, "day", lang),
          "call": BIRTHDAY_CALL_NOTE[lang] if s.birthday_call_for_inner else ""}),
        ("keep_in_touch", s.keep_in_touch_enabled,
         ("keep_in_touch_enabled", *cadence_fields, "cadence_tasks_per_day", "keep_in_touch_max_open"),
         {"tiers": "; ".join(describe_tier(tier, settings=cadence, lang=lang) for tier in TIERS),
          "per_day": s.cadence_tasks_per_day, "max_open": s.keep_in_touch_max_open}),
        ("reconnect", s.reconnect_enabled,
         ("reconnect_enabled", "cadence.dormant_after_days", "reconnect_max_open"),
         {"dormant": _dormant_span(cadence.dormant_after_days, lang), "max_open": s.reconnect_max_open}),
        ("start_goal", s.start_goal_enabled, ("start_goal_enabled", "goal_nudge_after_days"),
         {"after": _amount(s.goal_nudge_after_days, "day", lang)}),
        ("focus", True, ("focus_size",), {"size": s.focus_size}),
    )
    return [
        RuleDescription(
            rule=rule,
            title=(RULE_TITLES.get(rule) or TASK_KIND_LABELS[rule])[lang],
            text=RULE_TEXTS[rule][lang].format(**values),
            enabled=enabled,
            fields=fields,
            evidence=tuple(EVIDENCE[code].text(lang) for code in RULE_EVIDENCE.get(rule, ())),
        )
        for rule, enabled, fields, values in rules
    ]
