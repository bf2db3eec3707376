"""Prepared questions for a conversation, generated from what the user has researched and recorded.

The method: in the conversation the other person talks more; the user stays in curious question mode and
shows that they have followed the other person's work. Every question is open (how/what/why …) and rests
on one recorded fact — a recent success (dated), the current role and organization, an earlier position,
a field, a commonality worth mentioning, an interest, the event, or the user's own goal — so nothing is
ever asked about what nobody wrote down, and no fact is asked about twice in the same way. With fewer
than two facts about the person there is nothing honest to ask: ``prepare_questions`` returns nothing and
``research_hint`` says what to research.

Which commonalities are worth mentioning is decided before (``journal.briefing``): a language both speak
because it is their country's is none. Organizations, schools and associations are inserted with their
German article and case ("bei der Bundesvereinigung Logistik (BVL)", "an der TU Dortmund") and without
legal forms; successes and event names appear in quotation marks, so any phrasing works there; cities,
hobbies and fields the vocabulary knows read in the question's language ("Segeln" → "sailing").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from babel.dates import format_date

from vernetzt.core.german import at_organization, dative, english_name
from vernetzt.core.language import check_language, text_language
from vernetzt.core.questions_text import (
    AND,
    RESEARCH_HINT,
    RESEARCH_ITEMS,
    ROLE_PARTS,
    SHARE_FEEDBACK,
    SOURCES,
    TALK_REMINDER,
    TEMPLATES,
)
from vernetzt.core.terms import common_label, term_in

MIN_FACTS = 2
_MAX_PER_CATEGORY = {"success": 2, "path": 1, "field": 2, "commonality": 3, "interest": 2}
# The order questions are asked in: what shows most that one has followed their work comes first.
_ORDER = ("success", "role", "event", "field", "commonality", "path", "interest", "goal")


class Success(NamedTuple):
    date: date
    text: str
    source_url: str | None = None


class CommonGround(NamedTuple):
    """A commonality with the user worth mentioning; ``kind`` as in ``core.commonality`` (school,
    employer, association, event, interest, city, language), ``label`` the shared thing ("TU München")."""

    kind: str
    label: str


class PastPosition(NamedTuple):
    title: str | None
    organization: str | None


@dataclass(frozen=True)
class Dossier:
    """What the user recorded about one person (``past_positions`` most recent first)."""

    name: str
    formality: str = "sie"
    title: str | None = None
    organization: str | None = None
    tenure_start: date | None = None
    fields: Sequence[str] = ()
    successes: Sequence[Success] = ()
    commonalities: Sequence[CommonGround] = ()
    past_positions: Sequence[PastPosition] = ()
    interests: Sequence[str] = ()
    goal_text: str | None = None
    event_name: str | None = None
    same_organization: bool = False  # a colleague of the user: the organization goes without saying

    def __post_init__(self) -> None:
        if self.formality not in ("sie", "du"):
            raise ValueError(f"unknown formality: {self.formality!r}")


@dataclass(frozen=True)
class Question:
    """A question, the category of fact it rests on (``basis``), that fact as recorded, and for a
    success its date and source."""

    text: str
    basis: str
    fact: str
    date: date | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class _Fact:
    basis: str
    fact: str
    templates: str
    slots: dict[str, str] = field(default_factory=dict)
    date: date | None = None
    source_url: str | None = None


def _form(lang: str, formality: str) -> str:
    return "en" if check_language(lang) == "en" else f"de_{formality}"


def _clean(text: str | None) -> str:
    return (text or "").strip()


def recent_successes(successes: Sequence[Success], today: date) -> list[Success]:
    """Successes of the last twelve months up to ``today``, newest first."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    recent = [Success(*s) for s in successes if year_ago <= s[0] <= today and _clean(s[1])]
    return sorted(recent, key=lambda s: s.date, reverse=True)


def _quotable(basis: str, text: str, lang: str) -> str:
    """The template for a recorded text: quoted when it is in the question's language, else named without
    quoting it (a German note is not read out to someone one speaks English with)."""
    written_in = text_language(text)
    return basis if written_in in (None, lang) else f"{basis}_unquoted"


_INNER_QUOTES = {"de": str.maketrans("„“”\"", "‚‘‘‘"), "en": str.maketrans("“”\"", "‘’’")}


def _inner_quotes(text: str, lang: str) -> str:
    """A recorded text's own quotation marks as inner ones, since the question quotes the text itself:
    „Auszeichnung ‚Leader of the Year‘ erhalten“."""
    return text.translate(_INNER_QUOTES[lang])


def _role_phrase(title: str, org: str, lang: str) -> str:
    as_title, at_org = ROLE_PARTS[lang]
    parts = [as_title.format(title=title) if title else "",
             at_org.format(at_org=at_organization(org, lang)) if org else ""]
    return " ".join(part for part in parts if part)


def _common_phrase(kind: str, label: str, lang: str) -> str:
    """The shared thing as it reads after "Wir waren beide …" / "We both studied at …"."""
    if kind in ("language", "city", "interest"):
        return common_label(kind, label, lang)
    if lang == "en":
        return english_name(label, kind=kind) if kind in ("school", "association", "employer") else label
    if kind == "school":
        return dative("an", label)
    if kind in ("employer", "association"):
        return dative("bei", label)
    return label


def _role_fact(dossier: Dossier, lang: str, today: date) -> _Fact | None:
    title, org = _clean(dossier.title), _clean(dossier.organization)
    if not (title or org):
        return None
    recorded = ", ".join(part for part in (title, org) if part)
    if dossier.same_organization and title:
        org = ""
    slots = {"role": _role_phrase(title, org, lang), "at_org": at_organization(org, lang) if org else ""}
    templates = "role" if org else "role_no_org"
    start = dossier.tenure_start
    if org and start is not None and start <= today:
        is_new = (today - start).days < 365
        slots["since"] = format_date(start, format="MMMM yyyy", locale=lang) if is_new else str(start.year)
        templates = "role_new" if is_new else "role_since"
    return _Fact("role", recorded, templates, slots)


def _person_facts(dossier: Dossier, *, lang: str, today: date) -> list[_Fact]:
    facts = [
        _Fact("success", s.text.strip(), _quotable("success", s.text, lang),
              {"x": _inner_quotes(s.text.strip(), lang),
               "when": format_date(s.date, format="MMMM yyyy", locale=lang)},
              date=s.date, source_url=s.source_url)
        for s in recent_successes(dossier.successes, today)
    ][: _MAX_PER_CATEGORY["success"]]
    role = _role_fact(dossier, lang, today)
    if role is not None:
        facts.append(role)
    fields = list(dict.fromkeys(_clean(f) for f in dossier.fields if _clean(f)))
    # A second field gets a question of another shape, so two fields do not read like a form letter.
    facts.extend(_Fact("field", name, "field_2" if n else "field", {"x": term_in(name, lang)})
                 for n, name in enumerate(fields[: _MAX_PER_CATEGORY["field"]]))
    commons = list(dict.fromkeys((kind, _clean(label)) for kind, label in dossier.commonalities
                                 if _clean(label)))
    for kind, label in commons[: _MAX_PER_CATEGORY["commonality"]]:
        key = f"common_{kind}" if f"common_{kind}" in TEMPLATES else "common_other"
        facts.append(_Fact("commonality", label, key, {"x": _common_phrase(kind, label, lang)}))
    positions = [(_clean(t), _clean(o)) for t, o in dossier.past_positions if _clean(t) or _clean(o)]
    for title, org in positions[: _MAX_PER_CATEGORY["path"]]:
        recorded = ", ".join(part for part in (title, org) if part)
        facts.append(_Fact("path", recorded, "path", {"x": _role_phrase(title, org, lang)}))
    # An interest already asked about as a commonality would only repeat the question.
    shared = {label.casefold() for _, label in commons}
    interests = list(dict.fromkeys(_clean(i) for i in dossier.interests
                                   if _clean(i) and _clean(i).casefold() not in shared))
    facts.extend(_Fact("interest", name, "interest_2" if n else "interest", {"x": term_in(name, lang)})
                 for n, name in enumerate(interests[: _MAX_PER_CATEGORY["interest"]]))
    return facts


def count_facts(dossier: Dossier, *, today: date) -> int:
    """How many recorded facts about the person the questions can rest on."""
    return len(_person_facts(dossier, lang="en", today=today))


def prepare_questions(dossier: Dossier, *, lang: str, today: date, limit: int = 8) -> list[Question]:
    """Open questions for the conversation in ``lang``, most telling first; empty when research must come
    first. Every fact gets its question before the richest (a success, the role) get a second one."""
    form = _form(lang, dossier.formality)
    facts = _person_facts(dossier, lang=lang, today=today)
    if len(facts) < MIN_FACTS:
        return []
    for basis, text in (("event", dossier.event_name), ("goal", dossier.goal_text)):
        if _clean(text):
            templates = basis if basis == "event" else _quotable(basis, text, lang)
            facts.append(_Fact(basis, _clean(text), templates, {"x": _clean(text)}))
    facts.sort(key=lambda fact: _ORDER.index(fact.basis))
    questions: list[Question] = []
    seen: set[str] = set()
    for round_ in range(2):
        for fact in facts:
            templates = TEMPLATES[fact.templates][form]
            if round_ >= len(templates) or len(questions) >= limit:
                continue
            text = templates[round_].format(**fact.slots)
            if text not in seen:
                seen.add(text)
                questions.append(Question(text, fact.basis, fact.fact, fact.date, fact.source_url))
    return questions


def question_source(question: Question, lang: str) -> str:
    """Where the question comes from, for the reader: "Erfolg vom 12. März 2026", "In common: TU Dortmund"."""
    template = SOURCES[question.basis][check_language(lang)]
    when = format_date(question.date, format="long", locale=lang) if question.date else ""
    return template.format(fact=term_in(question.fact, lang), date=when)


def research_hint(dossier: Dossier, *, lang: str, today: date) -> str:
    """What to research before questions can be prepared, naming what is still missing."""
    _form(lang, dossier.formality)
    present = {fact.basis for fact in _person_facts(dossier, lang=lang, today=today)}
    missing = [texts[lang] for basis, texts in RESEARCH_ITEMS.items() if basis not in present]
    listed = missing or [texts[lang] for texts in RESEARCH_ITEMS.values()]
    joined = ", ".join(listed[:-1]) + AND[lang] + listed[-1] if len(listed) > 1 else listed[0]
    return RESEARCH_HINT[lang].format(name=dossier.name, missing=joined)


def talk_reminder(lang: str) -> str:
    """The briefing's reminder: let them talk more than you."""
    return TALK_REMINDER[check_language(lang)]


def talk_share_feedback(their_share: int | None, lang: str) -> str | None:
    """Feedback on a logged conversation from the other person's estimated share of the talking."""
    check_language(lang)
    if their_share is None:
        return None
    if not 0 <= their_share <= 100:
        raise ValueError(f"their_share must be 0–100, got {their_share}")
    good, more = SHARE_FEEDBACK[lang]
    return (good if their_share >= 50 else more).format(share=their_share)
