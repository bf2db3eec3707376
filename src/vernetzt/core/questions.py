"""Prepared questions for a conversation, generated only from what the user has recorded.

The method: in the conversation the other person talks more; the user stays in curious question mode.
Every question is open (how/what/why …) and rests on exactly one recorded fact — a recent success, the
current role, an earlier position, a field, a commonality, an interest, the event, or the user's own goal —
so nothing is ever asked about what nobody wrote down. With fewer than two facts about the person there is
nothing honest to ask: ``prepare_questions`` returns nothing and ``research_hint`` says what to research.

Recorded texts are inserted as the user wrote them. They read best as short noun phrases: a success like
"Eröffnung des Lagers in Hanoi" / "opening the Hanoi warehouse", a field like "Kontraktlogistik", an interest
like "Segeln". Successes and event names appear in quotation marks, so any phrasing works there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from babel.dates import format_date

from vernetzt.core.language import check_language

MIN_FACTS = 2
_MAX_PER_CATEGORY = {"success": 2, "path": 2, "field": 2, "commonality": 3, "interest": 2}
_FORMS = ("de_sie", "de_du", "en")


class Success(NamedTuple):
    date: date
    text: str
    source_url: str | None = None


class CommonGround(NamedTuple):
    """A commonality with the user; ``kind`` as in ``core.commonality`` (school, employer, association,
    event, interest, city, language), ``label`` the shared thing ("TU München", "Segeln")."""

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

    def __post_init__(self) -> None:
        if self.formality not in ("sie", "du"):
            raise ValueError(f"unknown formality: {self.formality!r}")


@dataclass(frozen=True)
class Question:
    """A question, the category of fact it rests on, and that fact as recorded."""

    text: str
    basis: str
    fact: str


@dataclass(frozen=True)
class _Fact:
    basis: str
    fact: str
    slots: dict[str, str] = field(default_factory=dict)
    templates: str = ""  # key into _TEMPLATES when it differs from ``basis``


# Per template key: three templates per form; the n-th question about a fact uses the n-th template.
_TEMPLATES: dict[str, dict[str, tuple[str, str, str]]] = {
    "success": {
        "de_sie": ("„{x}“ – wie ist das entstanden, und was war dabei die größte Herausforderung für Sie?",
                   "Was haben Sie aus „{x}“ gelernt, das Sie beim nächsten Mal anders machen würden?",
                   "Wie geht es nach „{x}“ für Sie weiter?"),
        "de_du": ("„{x}“ – wie ist das entstanden, und was war dabei die größte Herausforderung für dich?",
                  "Was hast du aus „{x}“ gelernt, das du beim nächsten Mal anders machen würdest?",
                  "Wie geht es nach „{x}“ für dich weiter?"),
        "en": ("“{x}” – how did that come about, and what was the hardest part for you?",
               "What did you learn from “{x}” that you would do differently next time?",
               "What comes next for you after “{x}”?"),
    },
    "role": {
        "de_sie": ("Was reizt Sie an Ihrer Aufgabe {role} am meisten?",
                   "Woran arbeiten Sie {role} gerade, und was davon liegt Ihnen besonders am Herzen?",
                   "Was unterschätzen Außenstehende an Ihrer Aufgabe {role}?"),
        "de_du": ("Was reizt dich an deiner Aufgabe {role} am meisten?",
                  "Woran arbeitest du {role} gerade, und was davon liegt dir besonders am Herzen?",
                  "Was unterschätzen Außenstehende an deiner Aufgabe {role}?"),
        "en": ("What do you enjoy most about your work {role}?",
               "What are you working on {role} right now, and what matters most to you about it?",
               "What do outsiders underestimate about your work {role}?"),
    },
    "role_since": {
        "de_sie": ("Seit {since} sind Sie {role} tätig – wie hat sich Ihre Aufgabe seitdem verändert?",
                   "Woran arbeiten Sie {role} gerade, und was davon liegt Ihnen besonders am Herzen?",
                   "Was unterschätzen Außenstehende an Ihrer Aufgabe {role}?"),
        "de_du": ("Seit {since} bist du {role} tätig – wie hat sich deine Aufgabe seitdem verändert?",
                  "Woran arbeitest du {role} gerade, und was davon liegt dir besonders am Herzen?",
                  "Was unterschätzen Außenstehende an deiner Aufgabe {role}?"),
        "en": ("You have been working {role} since {since} – how has the job changed since then?",
               "What are you working on {role} right now, and what matters most to you about it?",
               "What do outsiders underestimate about your work {role}?"),
    },
    "role_new": {
        "de_sie": ("Seit {since} sind Sie {role} tätig – wie haben Sie die ersten Monate erlebt?",
                   "Was wollen Sie {role} als Erstes bewegen?",
                   "Was hat Sie an der neuen Aufgabe {role} gereizt?"),
        "de_du": ("Seit {since} bist du {role} tätig – wie hast du die ersten Monate erlebt?",
                  "Was willst du {role} als Erstes bewegen?",
                  "Was hat dich an der neuen Aufgabe {role} gereizt?"),
        "en": ("You started {role} in {since} – how have the first months been?",
               "What do you want to change first {role}?",
               "What attracted you to the new job {role}?"),
    },
    "path": {
        "de_sie": ("Wie sind Sie von Ihrer Zeit {x} zu Ihrer heutigen Aufgabe gekommen?",
                   "Was aus Ihrer Zeit {x} hilft Ihnen heute noch am meisten?",
                   "Warum haben Sie sich nach Ihrer Zeit {x} für den nächsten Schritt entschieden?"),
        "de_du": ("Wie bist du von deiner Zeit {x} zu deiner heutigen Aufgabe gekommen?",
                  "Was aus deiner Zeit {x} hilft dir heute noch am meisten?",
                  "Warum hast du dich nach deiner Zeit {x} für den nächsten Schritt entschieden?"),
        "en": ("How did you get from your time {x} to what you do today?",
               "What from your time {x} still helps you most today?",
               "Why did you decide to move on after your time {x}?"),
    },
    "field": {
        "de_sie": ("Was fasziniert Sie am Thema {x} besonders?",
                   "Wie verändert sich das Thema {x} gerade aus Ihrer Sicht?",
                   "Welche Entwicklung rund um {x} wird aus Ihrer Sicht noch unterschätzt?"),
        "de_du": ("Was fasziniert dich am Thema {x} besonders?",
                  "Wie verändert sich das Thema {x} gerade aus deiner Sicht?",
                  "Welche Entwicklung rund um {x} wird aus deiner Sicht noch unterschätzt?"),
        "en": ("What fascinates you most about {x}?",
               "How is {x} changing from where you stand?",
               "Which development in {x} do you think is still underestimated?"),
    },
    "interest": {
        "de_sie": ("Woher kommt Ihr Interesse für {x}?",
                   "Was gibt Ihnen {x} als Ausgleich zum Beruf?",
                   "Wie finden Sie neben dem Beruf Zeit für {x}?"),
        "de_du": ("Woher kommt dein Interesse für {x}?",
                  "Was gibt dir {x} als Ausgleich zum Beruf?",
                  "Wie findest du neben dem Beruf Zeit für {x}?"),
        "en": ("Where does your interest in {x} come from?",
               "What does {x} give you as a balance to work?",
               "How do you find time for {x} alongside work?"),
    },
    "event": {
        "de_sie": ("Was hat Sie zu „{x}“ geführt, und was erhoffen Sie sich davon?",
                   "Welcher Beitrag bei „{x}“ hat Sie bisher am meisten angeregt?",
                   "Wen sollte ich bei „{x}“ aus Ihrer Sicht unbedingt noch kennenlernen?"),
        "de_du": ("Was hat dich zu „{x}“ geführt, und was erhoffst du dir davon?",
                  "Welcher Beitrag bei „{x}“ hat dich bisher am meisten angeregt?",
                  "Wen sollte ich bei „{x}“ aus deiner Sicht unbedingt noch kennenlernen?"),
        "en": ("What brought you to “{x}”, and what are you hoping to get out of it?",
               "Which talk or conversation at “{x}” has given you the most to think about so far?",
               "Who at “{x}” do you think I should meet?"),
    },
    "goal": {
        "de_sie": ("Ich arbeite auf ein Ziel hin: „{x}“ – was würden Sie an meiner Stelle als Erstes tun?",
                   "Mein Ziel ist „{x}“ – welche Entwicklungen in diesem Bereich sollte ich aus Ihrer Sicht "
                   "im Blick haben?",
                   "Mit Blick auf mein Ziel „{x}“ – wen sollte ich aus Ihrer Sicht unbedingt kennenlernen?"),
        "de_du": ("Ich arbeite auf ein Ziel hin: „{x}“ – was würdest du an meiner Stelle als Erstes tun?",
                  "Mein Ziel ist „{x}“ – welche Entwicklungen in diesem Bereich sollte ich aus deiner Sicht "
                  "im Blick haben?",
                  "Mit Blick auf mein Ziel „{x}“ – wen sollte ich aus deiner Sicht unbedingt kennenlernen?"),
        "en": ("I am working towards a goal: “{x}” – what would you do first in my place?",
               "My goal is “{x}” – which developments in that area should I keep an eye on?",
               "With my goal “{x}” in mind – who do you think I should get to know?"),
    },
}
# First question per commonality kind; the follow-ups are shared by all kinds.
_COMMON_OPENERS: dict[str, dict[str, str]] = {
    "school": {
        "de_sie": "Wir haben eine gemeinsame Station in der Ausbildung: {x}. Was hat Sie an Ihrer Zeit dort "
                  "am meisten geprägt?",
        "de_du": "Wir haben eine gemeinsame Station in der Ausbildung: {x}. Was hat dich an deiner Zeit dort "
                 "am meisten geprägt?",
        "en": "We both studied at {x} – what shaped you most about your time there?",
    },
    "employer": {
        "de_sie": "Wir waren beide bei {x} – wie haben Sie die Zeit dort erlebt?",
        "de_du": "Wir waren beide bei {x} – wie hast du die Zeit dort erlebt?",
        "en": "We both worked at {x} – how did you experience your time there?",
    },
    "association": {
        "de_sie": "Wir sind beide bei {x} engagiert – was bringt Ihnen die Mitarbeit dort?",
        "de_du": "Wir sind beide bei {x} engagiert – was bringt dir die Mitarbeit dort?",
        "en": "We are both involved with {x} – what do you get out of it?",
    },
    "event": {
        "de_sie": "Wir waren beide bei „{x}“ – was haben Sie von dort mitgenommen?",
        "de_du": "Wir waren beide bei „{x}“ – was hast du von dort mitgenommen?",
        "en": "We were both at “{x}” – what did you take away from it?",
    },
    "interest": {
        "de_sie": "Sie interessieren sich wie ich für {x} – wie sind Sie dazu gekommen?",
        "de_du": "Du interessierst dich wie ich für {x} – wie bist du dazu gekommen?",
        "en": "Like me, you are into {x} – how did you get into it?",
    },
    "city": {
        "de_sie": "Wir haben beide einen Bezug zu {x} – was schätzen Sie an der Stadt besonders?",
        "de_du": "Wir haben beide einen Bezug zu {x} – was schätzt du an der Stadt besonders?",
        "en": "We both have ties to {x} – what do you like most about the city?",
    },
    "language": {
        "de_sie": "Wir sprechen beide {x} – wie sind Sie zu der Sprache gekommen?",
        "de_du": "Wir sprechen beide {x} – wie bist du zu der Sprache gekommen?",
        "en": "We both speak {x} – how did you come to learn it?",
    },
    "other": {
        "de_sie": "Uns verbindet etwas: {x}. Welche Rolle spielt das für Sie?",
        "de_du": "Uns verbindet etwas: {x}. Welche Rolle spielt das für dich?",
        "en": "We have something in common: {x}. What role does it play for you?",
    },
}
_COMMON_FOLLOW_UPS: dict[str, tuple[str, str]] = {
    "de_sie": ("Was verbindet Sie heute noch mit „{x}“?",
               "Wen aus dem Umfeld von „{x}“ sollte ich aus Ihrer Sicht unbedingt kennenlernen?"),
    "de_du": ("Was verbindet dich heute noch mit „{x}“?",
              "Wen aus dem Umfeld von „{x}“ sollte ich aus deiner Sicht unbedingt kennenlernen?"),
    "en": ("What still connects you to “{x}” today?",
           "Who around “{x}” do you think I should get to know?"),
}
_TEMPLATES.update(
    (f"common_{kind}", {form: (openers[form], *_COMMON_FOLLOW_UPS[form]) for form in _FORMS})
    for kind, openers in _COMMON_OPENERS.items()
)
# A shared interest continues like any interest ("what does it give you"), not like a shared place.
_TEMPLATES["common_interest"] = {
    form: (_COMMON_OPENERS["interest"][form], *_TEMPLATES["interest"][form][1:]) for form in _FORMS
}

_ROLE_PARTS = {"de": ("als {title}", "bei {org}"), "en": ("as {title}", "at {org}")}

_RESEARCH_ITEMS = {
    "success": {"de": "Erfolge der letzten zwölf Monate", "en": "successes of the last twelve months"},
    "field": {"de": "Fachgebiet und Expertise", "en": "field and expertise"},
    "path": {"de": "beruflicher Werdegang", "en": "career path"},
    "commonality": {"de": "Gemeinsamkeiten", "en": "commonalities"},
    "interest": {"de": "Interessen", "en": "interests"},
}
_RESEARCH_HINT = {
    "de": "Über {name} ist noch zu wenig erfasst, um ehrliche Fragen vorzubereiten. Erst recherchieren: "
          "{missing}.",
    "en": "Too little is recorded about {name} to prepare honest questions. Research first: {missing}.",
}
_AND = {"de": " und ", "en": " and "}
_TALK_REMINDER = {
    "de": "Das Gegenüber mehr reden lassen als selbst: neugierig nachfragen, zuhören, Details für später "
          "merken.",
    "en": "Let them talk more than you: ask, listen with curiosity, and remember details for later.",
}
_SHARE_FEEDBACK = {
    "de": ("Das Gegenüber hat etwa {share} % geredet – gut so: weiter fragen und zuhören.",
           "Das Gegenüber hat nur etwa {share} % geredet – beim nächsten Mal mehr offene Fragen stellen und "
           "mehr zuhören als erzählen."),
    "en": ("They did about {share}% of the talking – well done: keep asking and listening.",
           "They did only about {share}% of the talking – next time ask more open questions and listen more "
           "than you talk."),
}


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


def _role_phrase(title: str, org: str, lang: str) -> str:
    as_title, at_org = _ROLE_PARTS[lang]
    parts = [as_title.format(title=title) if title else "", at_org.format(org=org) if org else ""]
    return " ".join(part for part in parts if part)


def _person_facts(dossier: Dossier, *, lang: str, today: date) -> list[_Fact]:
    facts = [_Fact("success", s.text.strip(), {"x": s.text.strip()})
             for s in recent_successes(dossier.successes, today)][: _MAX_PER_CATEGORY["success"]]
    title, org = _clean(dossier.title), _clean(dossier.organization)
    if title or org:
        slots = {"role": _role_phrase(title, org, lang)}
        templates = "role"
        start = dossier.tenure_start
        if start is not None and start <= today:
            is_new = (today - start).days < 365
            since = format_date(start, format="MMMM yyyy", locale=lang) if is_new else str(start.year)
            slots["since"] = since
            templates = "role_new" if is_new else "role_since"
        facts.append(_Fact("role", ", ".join(part for part in (title, org) if part), slots, templates))
    positions = [(_clean(t), _clean(o)) for t, o in dossier.past_positions if _clean(t) or _clean(o)]
    for title, org in positions[: _MAX_PER_CATEGORY["path"]]:
        recorded = ", ".join(part for part in (title, org) if part)
        facts.append(_Fact("path", recorded, {"x": _role_phrase(title, org, lang)}))
    for name in [_clean(f) for f in dossier.fields if _clean(f)][: _MAX_PER_CATEGORY["field"]]:
        facts.append(_Fact("field", name, {"x": name}))
    commons = [(kind, _clean(label)) for kind, label in dossier.commonalities if _clean(label)]
    for kind, label in commons[: _MAX_PER_CATEGORY["commonality"]]:
        key = f"common_{kind}" if kind in _COMMON_OPENERS else "common_other"
        facts.append(_Fact("commonality", label, {"x": label}, key))
    # An interest already asked about as a commonality would only repeat the question.
    shared = {label.casefold() for _, label in commons}
    interests = [_clean(i) for i in dossier.interests if _clean(i) and _clean(i).casefold() not in shared]
    for name in interests[: _MAX_PER_CATEGORY["interest"]]:
        facts.append(_Fact("interest", name, {"x": name}))
    return facts


def count_facts(dossier: Dossier, *, today: date) -> int:
    """How many recorded facts about the person the questions can rest on."""
    return len(_person_facts(dossier, lang="en", today=today))


def prepare_questions(dossier: Dossier, *, lang: str, today: date, limit: int = 8) -> list[Question]:
    """Open questions for the conversation, most specific first; empty when research must come first.

    Each fact gets its first question before any fact gets a second one, so a rich dossier yields a broad
    set and a thin one (two facts) still yields six.
    """
    form = _form(lang, dossier.formality)
    facts = _person_facts(dossier, lang=lang, today=today)
    if len(facts) < MIN_FACTS:
        return []
    for basis, text in (("event", dossier.event_name), ("goal", dossier.goal_text)):
        if _clean(text):
            facts.append(_Fact(basis, _clean(text), {"x": _clean(text)}))
    questions: list[Question] = []
    seen: set[str] = set()
    for round_ in range(3):
        for fact in facts:
            template = _TEMPLATES[fact.templates or fact.basis][form][round_]
            text = template.format(**fact.slots)
            if text not in seen and len(questions) < limit:
                seen.add(text)
                questions.append(Question(text=text, basis=fact.basis, fact=fact.fact))
    return questions


def research_hint(dossier: Dossier, *, lang: str, today: date) -> str:
    """What to research before questions can be prepared, naming what is still missing."""
    _form(lang, dossier.formality)
    present = {fact.basis for fact in _person_facts(dossier, lang=lang, today=today)}
    missing = [texts[lang] for basis, texts in _RESEARCH_ITEMS.items() if basis not in present]
    listed = missing or [texts[lang] for texts in _RESEARCH_ITEMS.values()]
    joined = ", ".join(listed[:-1]) + _AND[lang] + listed[-1] if len(listed) > 1 else listed[0]
    return _RESEARCH_HINT[lang].format(name=dossier.name, missing=joined)


def talk_reminder(lang: str) -> str:
    """The briefing's reminder: let them talk more than you."""
    _form(lang, "sie")
    return _TALK_REMINDER[lang]


def talk_share_feedback(their_share: int | None, lang: str) -> str | None:
    """Feedback on a logged conversation from the other person's estimated share of the talking."""
    _form(lang, "sie")
    if their_share is None:
        return None
    if not 0 <= their_share <= 100:
        raise ValueError(f"their_share must be 0–100, got {their_share}")
    good, more = _SHARE_FEEDBACK[lang]
    return (good if their_share >= 50 else more).format(share=their_share)
