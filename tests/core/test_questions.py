import dataclasses
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.questions import (
    CommonGround,
    Dossier,
    PastPosition,
    Success,
    count_facts,
    prepare_questions,
    recent_successes,
    research_hint,
    talk_reminder,
    talk_share_feedback,
)

TODAY = date(2026, 3, 1)
RICH = Dossier(
    name="Anna Weber",
    title="Leiterin Logistik",
    organization="Muster Spedition",
    tenure_start=date(2019, 4, 1),
    fields=("Kontraktlogistik", "Zollabwicklung"),
    successes=(
        Success(date(2026, 1, 10), "Eröffnung des Lagers in Hanoi", "https://example.org/hanoi"),
        Success(date(2024, 5, 1), "Logistik-Award 2024", None),  # older than twelve months
    ),
    commonalities=(CommonGround("school", "TU München"), CommonGround("interest", "Segeln")),
    past_positions=(PastPosition("Einkäuferin", "Bosch"),),
    interests=("Jazz", "Segeln"),
    goal_text="Expat in Südostasien",
    event_name="BVL-Kongress",
)

SIE_WORDS = re.compile(r"\b(Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren|Ihres)\b")
DU_WORDS = re.compile(r"\b(du|dich|dir|dein|deine|deiner|deinem|deinen|deines)\b", re.IGNORECASE)
OPEN_START = re.compile(
    r"^(wie|was|warum|weshalb|wieso|welche[rsnm]?|wen|wer|wem|woher|wohin|woran|wofür|womit|wo|"
    r"how|what|why|which|who|where)\b",
    re.IGNORECASE,
)


def is_open_question(text: str) -> bool:
    last_clause = re.split(r" – |\. ", text)[-1]
    return text.endswith("?") and bool(OPEN_START.match(last_clause))


def sie(dossier=RICH, lang="de", **kwargs):
    return prepare_questions(dossier, lang=lang, today=TODAY, **kwargs)


@pytest.mark.parametrize(("lang", "formality"), [("de", "sie"), ("de", "du"), ("en", "sie"), ("en", "du")])
def test_rich_dossier_gives_at_least_five_distinct_open_questions(lang, formality):
    questions = prepare_questions(
        dataclasses.replace(RICH, formality=formality), lang=lang, today=TODAY, limit=30
    )
    texts = [q.text for q in questions]
    assert len(texts) >= 5
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert is_open_question(text), text


def test_default_limit_covers_every_kind_of_fact_first():
    questions = sie()
    assert len(questions) == 8
    assert [q.basis for q in questions] == [
        "success",
        "role",
        "path",
        "field",
        "field",
        "commonality",
        "commonality",
        "interest",
    ]
    assert questions[0].fact == "Eröffnung des Lagers in Hanoi"
    assert questions[0].text == (
        "„Eröffnung des Lagers in Hanoi“ – wie ist das entstanden, und was war dabei die größte "
        "Herausforderung für Sie?"
    )
    assert questions[1].text == (
        "Seit 2019 sind Sie als Leiterin Logistik bei Muster Spedition tätig – wie hat sich Ihre Aufgabe "
        "seitdem verändert?"
    )


def test_only_successes_of_the_last_twelve_months_are_asked_about():
    texts = " ".join(q.text for q in sie(limit=40))
    assert "Hanoi" in texts
    assert "Award" not in texts
    assert [s.text for s in recent_successes(RICH.successes, TODAY)] == ["Eröffnung des Lagers in Hanoi"]


def test_success_exactly_a_year_old_still_counts_and_future_ones_do_not():
    successes = [
        Success(date(2025, 3, 1), "A"),
        Success(date(2025, 2, 28), "B"),
        Success(date(2026, 3, 2), "C"),
    ]
    assert [s.text for s in recent_successes(successes, TODAY)] == ["A"]
    assert [s.text for s in recent_successes([Success(date(2027, 2, 28), "D")], date(2028, 2, 29))] == ["D"]


def test_interest_shared_with_the_user_is_not_asked_twice():
    texts = [q.text for q in sie(limit=40)]
    assert sum("Segeln" in text for text in texts) == 3  # the commonality's three questions only
    assert any(text.startswith("Sie interessieren sich wie ich für Segeln") for text in texts)


def test_sie_questions_use_sie_and_du_questions_use_du():
    sie_texts = [q.text for q in sie(limit=40)]
    du_texts = [q.text for q in sie(dataclasses.replace(RICH, formality="du"), limit=40)]
    assert len(sie_texts) == len(du_texts)
    for text in sie_texts:
        assert SIE_WORDS.search(text), text
        assert not DU_WORDS.search(text), text
    for text in du_texts:
        assert DU_WORDS.search(text), text
        assert not SIE_WORDS.search(text), text
    assert (
        "Wie sind Sie von Ihrer Zeit als Einkäuferin bei Bosch zu Ihrer heutigen Aufgabe gekommen?"
        in sie_texts
    )
    assert (
        "Wie bist du von deiner Zeit als Einkäuferin bei Bosch zu deiner heutigen Aufgabe gekommen?"
        in du_texts
    )


def test_english_questions_are_english():
    texts = [q.text for q in sie(lang="en", limit=40)]
    assert "How did you get from your time as Einkäuferin at Bosch to what you do today?" in texts
    assert not any(SIE_WORDS.search(text) or DU_WORDS.search(text) for text in texts)


def test_two_facts_are_enough_for_five_questions():
    thin = Dossier(name="Bob", fields=("Zoll",), past_positions=(PastPosition(None, "Siemens"),))
    questions = sie(thin)
    assert len(questions) == 6
    assert {q.basis for q in questions} == {"field", "path"}
    assert questions[0].text == "Wie sind Sie von Ihrer Zeit bei Siemens zu Ihrer heutigen Aufgabe gekommen?"


@pytest.mark.parametrize(
    "dossier",
    [
        Dossier(name="Bob"),
        Dossier(name="Bob", title="CEO", organization="Muster AG"),  # the role alone is no research
        Dossier(name="Bob", title="CEO", successes=(Success(date(2023, 5, 1), "Börsengang"),)),
        Dossier(name="Bob", fields=("  ",), interests=("",), goal_text="Vorstand", event_name="Forum"),
    ],
)
def test_without_material_research_comes_first(dossier):
    assert sie(dossier) == []
    assert count_facts(dossier, today=TODAY) < 2
    hint = research_hint(dossier, lang="de", today=TODAY)
    assert hint.startswith("Über Bob ist noch zu wenig erfasst")
    assert "Erfolge der letzten zwölf Monate" in hint
    assert research_hint(dossier, lang="en", today=TODAY).startswith("Too little is recorded about Bob")


def test_research_hint_names_only_what_is_missing():
    dossier = Dossier(name="Bob", fields=("Zoll",), interests=("Golf",))
    assert research_hint(dossier, lang="de", today=TODAY) == (
        "Über Bob ist noch zu wenig erfasst, um ehrliche Fragen vorzubereiten. Erst recherchieren: "
        "Erfolge der letzten zwölf Monate, beruflicher Werdegang und Gemeinsamkeiten."
    )


@pytest.mark.parametrize(
    ("start", "lang", "opening"),
    [
        (
            date(2025, 10, 1),
            "de",
            "Seit Oktober 2025 sind Sie als CFO bei Muster AG tätig – wie haben Sie die "
            "ersten Monate erlebt?",
        ),
        (
            date(2025, 10, 1),
            "en",
            "You started as CFO at Muster AG in October 2025 – how have the first months been?",
        ),
        (
            date(2015, 1, 1),
            "en",
            "You have been working as CFO at Muster AG since 2015 – how has the job changed since then?",
        ),
        (None, "de", "Was reizt Sie an Ihrer Aufgabe als CFO bei Muster AG am meisten?"),
        (date(2027, 1, 1), "de", "Was reizt Sie an Ihrer Aufgabe als CFO bei Muster AG am meisten?"),
    ],
)
def test_role_question_mentions_tenure_only_when_recorded(start, lang, opening):
    dossier = Dossier(
        name="C", title="CFO", organization="Muster AG", tenure_start=start, fields=("Treasury",)
    )
    assert sie(dossier, lang=lang)[0].text == opening


@pytest.mark.parametrize(
    ("kind", "label", "opening"),
    [
        ("employer", "Siemens", "Wir waren beide bei Siemens – wie haben Sie die Zeit dort erlebt?"),
        ("city", "Köln", "Wir haben beide einen Bezug zu Köln – was schätzen Sie an der Stadt besonders?"),
        (
            "language",
            "Vietnamesisch",
            "Wir sprechen beide Vietnamesisch – wie sind Sie zu der Sprache gekommen?",
        ),
        ("association", "BVL", "Wir sind beide bei BVL engagiert – was bringt Ihnen die Mitarbeit dort?"),
        (
            "rotary",
            "Rotary Club Bonn",
            "Uns verbindet etwas: Rotary Club Bonn. Welche Rolle spielt das für Sie?",
        ),
    ],
)
def test_commonality_questions_by_kind(kind, label, opening):
    dossier = Dossier(name="D", commonalities=(CommonGround(kind, label),), fields=("Vertrieb",))
    first = next(q for q in sie(dossier) if q.basis == "commonality")
    assert first.text == opening
    assert first.fact == label


def test_limit_is_respected():
    assert len(sie(limit=3)) == 3


def test_unknown_language_and_formality_are_refused():
    with pytest.raises(ValueError, match="language"):
        sie(lang="fr")
    with pytest.raises(ValueError, match="formality"):
        Dossier(name="X", formality="ihr")


# Every fact carries a marker word; a question may only ever contain markers of recorded facts.
marker = st.integers(0, 10**6).map(lambda n: f"Qz{n}x")


@st.composite
def dossiers(draw):
    used = set()

    def fresh():
        value = draw(marker.filter(lambda m: m not in used))
        used.add(value)
        return value

    def maybe(make):
        return make() if draw(st.booleans()) else None

    def several(make, most=3):
        return tuple(make() for _ in range(draw(st.integers(0, most))))

    recent = several(lambda: Success(TODAY - timedelta(days=draw(st.integers(0, 364))), f"Projekt {fresh()}"))
    old = several(lambda: Success(TODAY - timedelta(days=draw(st.integers(366, 4000))), f"Alt {fresh()}"))
    dossier = Dossier(
        name="Person",
        formality=draw(st.sampled_from(("sie", "du"))),
        title=maybe(fresh),
        organization=maybe(fresh),
        tenure_start=maybe(lambda: TODAY - timedelta(days=draw(st.integers(0, 5000)))),
        fields=several(fresh),
        successes=recent + old,
        commonalities=several(
            lambda: CommonGround(
                draw(st.sampled_from(("school", "employer", "city", "interest", "language", "event", "x"))),
                fresh(),
            )
        ),
        past_positions=several(lambda: PastPosition(maybe(fresh), fresh())),
        interests=several(fresh),
        goal_text=maybe(fresh),
        event_name=maybe(fresh),
    )
    return dossier, {s.text.split()[1] for s in old}


@given(dossiers(), st.sampled_from(("de", "en")))
def test_questions_never_mention_unrecorded_facts(generated, lang):
    dossier, old_markers = generated
    questions = prepare_questions(dossier, lang=lang, today=TODAY, limit=50)
    recorded = " ".join(
        [
            dossier.title or "",
            dossier.organization or "",
            dossier.goal_text or "",
            dossier.event_name or "",
            *dossier.fields,
            *dossier.interests,
            *(label for _, label in dossier.commonalities),
            *(f"{t} {o}" for t, o in dossier.past_positions),
            *(s.text for s in dossier.successes if s.text.split()[1] not in old_markers),
        ]
    )
    facts = count_facts(dossier, today=TODAY)
    if facts < 2:
        assert questions == []
        return
    assert len(questions) >= 5
    assert len({q.text for q in questions}) == len(questions)
    for question in questions:
        assert is_open_question(question.text), question.text
        for found in re.findall(r"Qz\d+x", question.text):
            assert found in recorded
            assert found not in old_markers
        for found in re.findall(r"Qz\d+x", question.fact):
            assert found in recorded


def test_talk_reminder_in_both_languages():
    assert "mehr reden lassen als selbst" in talk_reminder("de")
    assert talk_reminder("en").startswith("Let them talk more than you")


@pytest.mark.parametrize(
    ("share", "lang", "expected"),
    [
        (None, "de", None),
        (70, "de", "Das Gegenüber hat etwa 70 % geredet – gut so: weiter fragen und zuhören."),
        (50, "en", "They did about 50% of the talking – well done: keep asking and listening."),
        (
            30,
            "en",
            "They did only about 30% of the talking – next time ask more open questions and listen "
            "more than you talk.",
        ),
    ],
)
def test_talk_share_feedback(share, lang, expected):
    assert talk_share_feedback(share, lang) == expected


def test_talk_share_must_be_a_percentage():
    with pytest.raises(ValueError, match="0–100"):
        talk_share_feedback(101, "de")
