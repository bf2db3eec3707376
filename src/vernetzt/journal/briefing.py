"""The briefing: everything to know before meeting a person, assembled from what the user recorded.

Dossiers for several people (an event's must-meet list) are built with one query per table, never one
per person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.db.models import Q

from vernetzt.core.drafts import salutation
from vernetzt.core.language import language_code, notable_languages
from vernetzt.core.paths import value_introducer_leg, value_target_leg
from vernetzt.core.questions import (
    CommonGround,
    Dossier,
    PastPosition,
    Question,
    prepare_questions,
    question_source,
    recent_successes,
    research_hint,
    talk_reminder,
)
from vernetzt.core.questions import Success as SuccessFact
from vernetzt.core.text import normalize_org_name
from vernetzt.events.models import Attendance, Event
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.benefits import Suggestion, suggest_benefits
from vernetzt.journal.models import Benefit, Snippet
from vernetzt.language import message_language
from vernetzt.people.models import TIER_CLOSENESS, Education, Person, Position, Success, Tie, Tier
from vernetzt.people.services import get_me

MAX_MUTUAL = 5


@dataclass(frozen=True)
class MutualContact:
    person_id: int
    name: str
    strength: int  # 1..5, their tie to the briefed person
    score: float  # value of the path user → them → briefed person, 0..1


@dataclass
class Briefing:
    person: Person
    dossier: Dossier
    successes: list[Success]
    questions: list[Question]
    hint: str | None
    reminder: str
    question_lang: str  # the language the user will talk to the person in
    salutation: str  # how a message to the person opens, in that language
    question_sources: list[str] = field(default_factory=list)  # per question, in the reader's language
    mutual: list[MutualContact] = field(default_factory=list)
    planned_benefits: list[Benefit] = field(default_factory=list)
    snippets: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)  # benefits the user could give
    goals: list[str] = field(default_factory=list)
    event: Event | None = None

    @property
    def questions_with_sources(self) -> list[tuple[Question, str]]:
        return list(zip(self.questions, self.question_sources, strict=True))

    @property
    def best_path(self) -> MutualContact | None:
        return self.mutual[0] if self.mutual else None


def _year_ago(today: date) -> date:
    return today.replace(year=today.year - 1, day=min(today.day, 28) if today.month == 2 else today.day)


def _my_sets(owner, me: Person | None) -> dict[str, dict[str, str]]:
    """The user's own schools, employers, city, interests, associations and notable languages:
    normalized → label; ``current_employer`` holds the organization the user works at now."""
    mine: dict[str, dict[str, str]] = defaultdict(dict)
    if me is None:
        return mine
    for school, normalized in Education.objects.filter(person=me).values_list("school", "normalized_school"):
        mine["school"][normalized] = school
    for name, current in Position.objects.filter(person=me, organization__isnull=False).values_list(
        "organization__name", "is_current"
    ):
        mine["employer"][normalize_org_name(name)] = name
        if current:
            mine["current_employer"][normalize_org_name(name)] = name
    if me.city:
        mine["city"][me.city.casefold()] = me.city
    for kind, values in (("interest", me.interests), ("association", me.associations)):
        for value in values:
            mine[kind][value.casefold()] = value
    for name in notable_languages(me.languages, country=me.country):
        mine["language"][language_code(name)] = name
    return mine


def _commonalities(person: Person, mine, schools, employers, events) -> list[CommonGround]:
    """What the person shares with the user and is worth mentioning: not the organization both work at
    now (colleagues know that), not a language most people of either country speak."""
    found = []
    current_here = {normalize_org_name(person.organization_name)} & set(mine.get("current_employer", {}))
    notable = notable_languages(person.languages, country=person.country)
    languages = {language_code(name): name for name in notable}
    shared_employers = [
        key for key in map(normalize_org_name, employers.get(person.pk, ())) if key not in current_here
    ]
    theirs = {
        "school": schools.get(person.pk, ()),
        "employer": shared_employers,
        "association": [v.casefold() for v in person.associations],
        "interest": [v.casefold() for v in person.interests],
        "city": [person.city.casefold()] if person.city else [],
        "language": list(languages),
    }
    for kind, keys in theirs.items():
        for key in dict.fromkeys(keys):
            if key in mine.get(kind, {}):
                label = languages.get(key, key) if kind == "language" else mine[kind][key]
                found.append(CommonGround(kind, label))
    found.extend(CommonGround("event", name) for name in events.get(person.pk, ()))
    return found


def build_dossiers(
    *, owner, people: list[Person], today: date, event: Event | None = None
) -> dict[int, tuple[Dossier, list[Success]]]:
    """Per person id: the dossier for ``core.questions`` and the successes of the last twelve months."""
    ids = [p.pk for p in people]
    me = get_me(owner)
    mine = _my_sets(owner, me)
    schools: dict[int, list[str]] = defaultdict(list)
    for pid, normalized in Education.objects.filter(owner=owner, person_id__in=ids).values_list(
        "person_id", "normalized_school"
    ):
        schools[pid].append(normalized)
    positions: dict[int, list[Position]] = defaultdict(list)
    employers: dict[int, list[str]] = defaultdict(list)
    for position in Position.objects.filter(owner=owner, person_id__in=ids).select_related("organization"):
        positions[position.person_id].append(position)
        if position.organization is not None:
            employers[position.person_id].append(position.organization.name)
    successes: dict[int, list[Success]] = defaultdict(list)
    for success in Success.objects.filter(owner=owner, person_id__in=ids, date__gte=_year_ago(today)):
        successes[success.person_id].append(success)
    my_events = set()
    if me is not None:
        my_events = set(Attendance.objects.filter(person=me).values_list("event_id", flat=True))
    shared_events: dict[int, list[str]] = defaultdict(list)
    for pid, name in (
        Attendance.objects.filter(owner=owner, person_id__in=ids, event_id__in=my_events)
        .exclude(event=event)
        .values_list("person_id", "event__name")
    ):
        shared_events[pid].append(name)
    goal_texts = dict(
        Target.objects.filter(owner=owner, person_id__in=ids, goal__status=Goal.Status.ACTIVE)
        .order_by("-goal__created_at")
        .values_list("person_id", "goal__text")
    )
    result = {}
    for person in people:
        current = [p for p in positions[person.pk] if p.is_current]
        past = [p for p in positions[person.pk] if not p.is_current]
        past.sort(key=lambda p: p.end_date or p.start_date or date.min, reverse=True)
        recorded = sorted(successes[person.pk], key=lambda s: (s.date, s.pk), reverse=True)
        dossier = Dossier(
            name=person.display_name,
            formality=person.formality,
            title=person.title or None,
            organization=person.organization_name or None,
            tenure_start=current[0].start_date if current else None,
            fields=tuple(person.expertise),
            successes=tuple(SuccessFact(s.date, s.text, s.source_url or None) for s in recorded),
            commonalities=tuple(_commonalities(person, mine, schools, employers, shared_events)),
            past_positions=tuple(
                PastPosition(p.title or None, p.organization.name if p.organization else None) for p in past
            ),
            interests=tuple(person.interests),
            goal_text=goal_texts.get(person.pk),
            event_name=event.name if event else None,
            same_organization=normalize_org_name(person.organization_name) in mine["current_employer"],
        )
        visible = {(s.date, s.text) for s in recent_successes(dossier.successes, today)}
        result[person.pk] = (dossier, [s for s in recorded if (s.date, s.text.strip()) in visible])
    return result


def mutual_contacts(*, owner, person: Person, limit: int = MAX_MUTUAL) -> list[MutualContact]:
    """The user's contacts who know ``person``, best introduction path first (core.paths values)."""
    me = get_me(owner)
    knows = Tie.objects.filter(owner=owner, kind=Tie.Kind.KNOWS)
    edges: dict[int, int] = {}
    for a, b, strength in knows.filter(Q(from_person=person) | Q(to_person=person)).values_list(
        "from_person_id", "to_person_id", "strength"
    ):
        other = b if a == person.pk else a
        if me is None or other != me.pk:
            edges[other] = max(strength, edges.get(other, 0))
    if not edges:
        return []
    contacts = {
        p.pk: p
        for p in Person.objects.for_user(owner).filter(pk__in=edges).only("id", "display_name", "tier")
    }
    my_ties: dict[int, int] = {}
    if me is not None:
        mine = knows.filter(
            Q(from_person=me, to_person_id__in=edges) | Q(to_person=me, from_person_id__in=edges)
        )
        for a, b, strength in mine.values_list("from_person_id", "to_person_id", "strength"):
            other = b if a == me.pk else a
            my_ties[other] = max(strength, my_ties.get(other, 0))
    ids = sorted(contacts)
    closeness = np.array(
        [(my_ties[i] - 1) / 4 if i in my_ties else TIER_CLOSENESS.get(contacts[i].tier, 0.5) for i in ids]
    )
    strength = np.array([(edges[i] - 1) / 4 for i in ids])
    scores = value_introducer_leg(closeness) * value_target_leg(strength)
    found = [
        MutualContact(person_id=i, name=contacts[i].display_name, strength=edges[i], score=float(s))
        for i, s in zip(ids, scores, strict=True)
        if contacts[i].tier != Tier.POOL or i in my_ties
    ]
    return sorted(found, key=lambda m: (-m.score, m.name, m.person_id))[:limit]


def build_briefing(
    *, owner, person: Person, lang: str, today: date, event: Event | None = None, suggest: bool = True
) -> Briefing:
    """Everything to know before meeting ``person``; ``suggest=False`` leaves out the benefit suggestions
    (an event's stack of sheets, where each would read the whole network again)."""
    dossier, successes = build_dossiers(owner=owner, people=[person], today=today, event=event)[person.pk]
    question_lang = message_language(person, fallback=lang)
    questions = prepare_questions(dossier, lang=question_lang, today=today)
    return Briefing(
        person=person,
        dossier=dossier,
        successes=successes,
        questions=questions,
        hint=None if questions else research_hint(dossier, lang=lang, today=today),
        reminder=talk_reminder(lang),
        question_lang=question_lang,
        salutation=salutation(
            lang=question_lang,
            formality=person.formality,
            first_name=person.first_name,
            last_name=person.last_name or person.display_name,
            title_of_address=person.title_of_address,
            academic_title=person.academic_title,
        ),
        question_sources=[question_source(q, lang) for q in questions],
        mutual=mutual_contacts(owner=owner, person=person),
        planned_benefits=list(
            Benefit.objects.for_user(owner)
            .filter(person=person, direction=Benefit.Direction.OFFERED, status=Benefit.Status.PLANNED)
            .select_related("introduce_to")
        ),
        snippets=list(
            Snippet.objects.for_user(owner).filter(person=person).values_list("text", flat=True)[:5]
        ),
        suggestions=suggest_benefits(owner=owner, person=person, lang=lang, today=today) if suggest else [],
        goals=list(
            Target.objects.for_user(owner)
            .filter(person=person, goal__status=Goal.Status.ACTIVE)
            .values_list("goal__text", flat=True)
        ),
        event=event,
    )


def briefing_as_dict(briefing: Briefing) -> dict:
    """The JSON form used by `vernetzt brief --json` and the API."""
    d, p = briefing.dossier, briefing.person
    return {
        "person_id": p.pk,
        "name": p.display_name,
        "title": p.title,
        "organization": p.organization_name,
        "tenure_start": d.tenure_start,
        "formality": p.formality,
        "salutation": briefing.salutation,
        "successes": [
            {"date": s.date, "text": s.text, "source_url": s.source_url} for s in briefing.successes
        ],
        "fields": list(d.fields),
        "interests": list(d.interests),
        "commonalities": [{"kind": c.kind, "label": c.label} for c in d.commonalities],
        "mutual_contacts": [
            {"person_id": m.person_id, "name": m.name, "strength": m.strength, "score": round(m.score, 3)}
            for m in briefing.mutual
        ],
        "best_path": (
            {"introducer_id": briefing.best_path.person_id, "introducer": briefing.best_path.name}
            if briefing.best_path
            else None
        ),
        "benefits": [b.description for b in briefing.planned_benefits],
        "suggestions": [s.as_dict() for s in briefing.suggestions],
        "snippets": briefing.snippets,
        "goals": briefing.goals,
        "questions_language": briefing.question_lang,
        "questions": [
            {
                "text": q.text,
                "basis": q.basis,
                "fact": q.fact,
                "date": q.date,
                "source_url": q.source_url,
                "source": source,
            }
            for q, source in briefing.questions_with_sources
        ],
        "research_hint": briefing.hint,
        "talk_reminder": briefing.reminder,
    }
