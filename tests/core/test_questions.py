import dataclasses
import re
from collections import Counter
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
    question_source,
    recent_successes,
    research_hint,
    talk_reminder,
    talk_share_feedback,
)

TODAY = date(2026, 3, 1)
RICH = Dossier(
    name="Anna Weber",
    title="Leiterin Logistik",
    organization="Muster Spedition GmbH",
    tenure_start=date(2019, 4, 1),
    fields=("Kontraktlogistik", "Zollabwicklung"),
    successes=(
        Success(date(2026, 1, 10), "Eröffnung des Lagers in Hanoi", "https://example.org/hanoi"),
        Success(date(2024, 5, 1), "Logistik-Award 2024", None),  # older than twelve months
    ),
    commonalities=(
        CommonGround("school", "Technische Universität München"),
        CommonGround("interest", "Segeln"),
        CommonGround("association", "Bundesvereinigung Logistik (BVL)"),
    ),
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
    last_clause = re.split(r" – |\. |! ", text)[-1]
    return text.endswith("?") and bool(OPEN_START.match(last_clause))


def sie(dossier=RICH, lang="de", **kwargs):
    return prepare_questions(dossier, lang=lang, today=TODAY, **kwargs)


def texts(dossier=RICH, lang="de", formality="sie", **kwargs):
    return [q.text for q in sie(dataclasses.replace(dossier, formality=formality), lang=lang, **kwargs)]


@pytest.mark.parametrize(("lang", "formality"), [("de", "sie"), ("de", "du"), ("en", "sie"), ("en", "du")])
def test_rich_dossier_gives_distinct_open_questions_one_per_fact(lang, formality):
    questions = sie(dataclasses.replace(RICH, formality=formality), lang=lang, limit=30)
    found = [q.text for q in questions]
    assert len(found) >= 8
    assert len(set(found)) == len(found)
    for text in found:
        assert is_open_question(text), text
    per_fact = Counter((q.basis, q.fact) for q in questions)
    assert {fact for fact, n in per_fact.items() if n > 1} <= {
        ("success", "Eröffnung des Lagers in Hanoi"),
        ("role", "Leiterin Logistik, Muster Spedition GmbH"),
    }


# The whole German Sie set for the rich dossier, read as a careful professional would send it.
RICH_SIE = [
    "Ich habe gelesen: „Eröffnung des Lagers in Hanoi“ (Januar 2026) – herzlichen Glückwunsch! Wie ist es "
    "dazu gekommen, und was war dabei die größte Herausforderung für Sie?",
    "Seit 2019 sind Sie als Leiterin Logistik bei der Muster Spedition tätig – wie hat sich Ihre Aufgabe "
    "seitdem verändert?",
    "Was hat Sie zur Veranstaltung „BVL-Kongress“ geführt, und was erhoffen Sie sich davon?",
    "Was fasziniert Sie am Thema Kontraktlogistik besonders, und wohin entwickelt es sich gerade?",
    "Welche Entwicklung rund um Zollabwicklung wird aus Ihrer Sicht noch unterschätzt?",
    "Wir waren beide an der Technischen Universität München – was hat Sie an Ihrer Zeit dort am meisten "
    "geprägt?",
    "Sie interessieren sich wie ich für Segeln – wie sind Sie dazu gekommen?",
    "Wir sind beide bei der Bundesvereinigung Logistik (BVL) engagiert – was bringt Ihnen die Mitarbeit "
    "dort?",
]
RICH_DU_START = [
    "Ich habe gelesen: „Eröffnung des Lagers in Hanoi“ (Januar 2026) – herzlichen Glückwunsch! Wie ist es "
    "dazu gekommen, und was war dabei die größte Herausforderung für dich?",
    "Seit 2019 bist du als Leiterin Logistik bei der Muster Spedition tätig – wie hat sich deine Aufgabe "
    "seitdem verändert?",
]
RICH_EN_START = [
    # The success was recorded in German: named, not quoted to someone one talks to in English.
    "I read about your recent success (January 2026) – congratulations! How did it come about, and what was "
    "the hardest part for you?",
    "You have been working as Leiterin Logistik at Muster Spedition since 2019 – how has the job changed "
    "over that time?",
    "What brought you to “BVL-Kongress”, and what are you hoping to get out of it?",
    "What fascinates you most about contract logistics, and where is it heading?",
    "Which development in customs clearance do you think is still underestimated?",
    "We both studied at Technische Universität München – what shaped you most about your time there?",
    "Like me, you are into sailing – how did you get into it?",
    "We are both involved with the Bundesvereinigung Logistik (BVL) – what do you get out of it?",
]


@pytest.mark.parametrize(
    ("lang", "formality", "expected"),
    [
        ("de", "sie", RICH_SIE),
        ("de", "du", RICH_DU_START),
        ("en", "sie", RICH_EN_START),
        ("en", "du", RICH_EN_START),
    ],
)
def test_the_questions_read_as_written(lang, formality, expected):
    assert texts(lang=lang, formality=formality)[: len(expected)] == expected


def test_recorded_texts_in_the_questions_language_are_quoted_others_are_named():
    dossier = dataclasses.replace(
        RICH,
        successes=(Success(date(2026, 1, 10), "opened the Hanoi warehouse"),),
        goal_text="Leitung Supply Chain in Südostasien",
    )
    english = texts(dossier, lang="en", limit=30)
    assert english[0].startswith(
        "I read about “opened the Hanoi warehouse” (January 2026) – congratulations!"
    )
    assert "I am working towards my next career step – what would you do first in my place?" in english
    german = texts(dossier, limit=30)
    assert german[0].startswith("Ich habe von Ihrem jüngsten Erfolg gelesen (Januar 2026)")
    assert any("„Leitung Supply Chain in Südostasien“" in text for text in german)


def test_a_german_success_naming_an_english_award_is_quoted_in_german_only():
    award = "Auszeichnung „Supply Chain Leader of the Year“ erhalten"
    dossier = dataclasses.replace(RICH, successes=(Success(date(2026, 1, 10), award),))
    quoted = "„Auszeichnung ‚Supply Chain Leader of the Year‘ erhalten“"
    assert texts(dossier)[0].startswith(f"Ich habe gelesen: {quoted} (Januar 2026)")
    assert texts(dossier, lang="en")[0].startswith("I read about your recent success (January 2026)")


def test_each_question_names_its_source():
    questions = sie(limit=30)
    sources = {q.basis: question_source(q, "de") for q in questions}
    assert sources["success"] == "Erfolg vom 10. Januar 2026"
    assert questions[0].source_url == "https://example.org/hanoi"
    assert sources["role"] == "Aktuelle Rolle: Leiterin Logistik, Muster Spedition GmbH"
    assert sources["goal"] == "Ihr Ziel: Expat in Südostasien"
    english = {q.basis: question_source(q, "en") for q in questions}
    assert english["success"] == "Success of January 10, 2026"
    assert english["interest"] == "Interest: jazz"
    assert english["field"] in {"Field: contract logistics", "Field: customs clearance"}


def test_default_limit_asks_about_the_most_telling_facts_first():
    questions = sie()
    assert len(questions) == 8
    assert [q.basis for q in questions] == [
        "success",
        "role",
        "event",
        "field",
        "field",
        "commonality",
        "commonality",
        "commonality",
    ]


def test_only_successes_of_the_last_twelve_months_are_asked_about():
    found = " ".join(texts(limit=40))
    assert "Hanoi" in found
    assert "Award" not in found
    assert [s.text for s in recent_successes(RICH.successes, TODAY)] == ["Eröffnung des Lagers in Hanoi"]


def test_success_exactly_a_year_old_still_counts_and_future_ones_do_not():
    successes = [
        Success(date(2025, 3, 1), "A"),
        Success(date(2025, 2, 28), "B"),
        Success(date(2026, 3, 2), "C"),
    ]
    assert [s.text for s in recent_successes(successes, TODAY)] == ["A"]
    assert [s.text for s in recent_successes([Success(date(2027, 2, 28), "D")], date(2028, 2, 29))] == ["D"]


def test_an_interest_or_association_is_asked_about_once():
    found = texts(limit=40)
    assert sum("Segeln" in text for text in found) == 1
    assert sum("Bundesvereinigung" in text for text in found) == 1
    assert "Sie interessieren sich wie ich für Segeln – wie sind Sie dazu gekommen?" in found


def test_sie_questions_use_sie_and_du_questions_use_du():
    sie_texts = texts(limit=40)
    du_texts = texts(formality="du", limit=40)
    assert len(sie_texts) == len(du_texts)
    for text in sie_texts:
        assert SIE_WORDS.search(text), text
        assert not DU_WORDS.search(text), text
    for text in du_texts:
        assert DU_WORDS.search(text), text
        assert not SIE_WORDS.search(text), text
    assert "Wie sind Sie von Ihrer Zeit als Einkäuferin bei Bosch zu Ihrer heutigen Aufgabe gekommen?" in (
        sie_texts
    )
    assert "Wie bist du von deiner Zeit als Einkäuferin bei Bosch zu deiner heutigen Aufgabe gekommen?" in (
        du_texts
    )


def test_english_questions_are_english():
    found = texts(lang="en", limit=40)
    assert "How did you get from your time as Einkäuferin at Bosch to what you do today?" in found
    assert not any(SIE_WORDS.search(text) or DU_WORDS.search(text) for text in found)


def test_two_facts_give_one_question_each():
    thin = Dossier(name="Bob", fields=("Zoll",), past_positions=(PastPosition(None, "Siemens AG"),))
    assert texts(thin) == [
        "Was fasziniert Sie am Thema Zoll besonders, und wohin entwickelt es sich gerade?",
        "Wie sind Sie von Ihrer Zeit bei Siemens zu Ihrer heutigen Aufgabe gekommen?",
    ]
    assert texts(thin, lang="en") == [
        "What fascinates you most about customs, and where is it heading?",
        "How did you get from your time at Siemens to what you do today?",
    ]


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
    ("start", "lang", "formality", "questions"),
    [
        (
            date(2025, 10, 1),
            "de",
            "sie",
            [
                "Seit Oktober 2025 sind Sie als CFO bei Muster tätig – wie haben Sie die ersten Monate "
                "erlebt?",
                "Was wollen Sie bei Muster als Erstes bewegen?",
            ],
        ),
        (
            date(2025, 10, 1),
            "de",
            "du",
            [
                "Seit Oktober 2025 bist du als CFO bei Muster tätig – wie hast du die ersten Monate erlebt?",
                "Was willst du bei Muster als Erstes bewegen?",
            ],
        ),
        (
            date(2025, 10, 1),
            "en",
            "sie",
            [
                "You started as CFO at Muster in October 2025 – how have the first months been?",
                "What do you want to change first at Muster?",
            ],
        ),
        (
            date(2015, 1, 1),
            "en",
            "du",
            [
                "You have been working as CFO at Muster since 2015 – how has the job changed over that time?",
                "What is coming up next at Muster, and what part do you play in it?",
            ],
        ),
        (
            None,
            "de",
            "sie",
            [
                "Was reizt Sie an Ihrer Aufgabe als CFO bei Muster am meisten?",
                "Was steht bei Muster gerade als Nächstes an, und welche Rolle spielen Sie dabei?",
            ],
        ),
        (
            date(2027, 1, 1),
            "de",
            "du",
            [
                "Was reizt dich an deiner Aufgabe als CFO bei Muster am meisten?",
                "Was steht bei Muster gerade als Nächstes an, und welche Rolle spielst du dabei?",
            ],
        ),
    ],
)
def test_role_questions_mention_tenure_only_when_recorded(start, lang, formality, questions):
    dossier = Dossier(
        name="C",
        formality=formality,
        title="CFO",
        organization="Muster AG",
        tenure_start=start,
        fields=("Treasury",),
    )
    role = [q.text for q in sie(dossier, lang=lang) if q.basis == "role"]
    assert role == questions


@pytest.mark.parametrize(
    ("kind", "label", "lang", "opening"),
    [
        ("employer", "Siemens AG", "de", "Wir waren beide bei Siemens – wie haben Sie die Zeit dort erlebt?"),
        ("employer", "Siemens AG", "en", "We both worked at Siemens – how did you find your time there?"),
        (
            "city",
            "Köln",
            "de",
            "Wir haben beide einen Bezug zu Köln – was schätzen Sie an der Stadt besonders?",
        ),
        ("city", "Köln", "en", "We both have ties to Cologne – what do you like most about the city?"),
        (
            "language",
            "Vietnamesisch",
            "de",
            "Wir sprechen beide Vietnamesisch – welche Rolle spielt die Sprache für Sie?",
        ),
        (
            "language",
            "Vietnamesisch",
            "en",
            "We both speak Vietnamese – what role does the language play for you?",
        ),
        (
            "association",
            "VDI",
            "de",
            "Wir sind beide beim VDI engagiert – was bringt Ihnen die Mitarbeit dort?",
        ),
        (
            "association",
            "Deutsch-Singapurische Handelskammer",
            "de",
            "Wir sind beide bei der Deutsch-Singapurischen Handelskammer engagiert – was bringt Ihnen die "
            "Mitarbeit dort?",
        ),
        (
            "association",
            "Rotary Club Bonn",
            "en",
            "We are both involved with the Rotary Club Bonn – what do you get out of it?",
        ),
        (
            "school",
            "RWTH Aachen",
            "de",
            "Wir waren beide an der RWTH Aachen – was hat Sie an Ihrer Zeit dort am meisten geprägt?",
        ),
        (
            "school",
            "National University of Singapore",
            "en",
            "We both studied at the National University of Singapore – what shaped you most about your time "
            "there?",
        ),
        (
            "event",
            "Deutscher Logistik-Kongress",
            "de",
            "Wir waren beide bei der Veranstaltung „Deutscher Logistik-Kongress“ – was haben Sie von dort "
            "mitgenommen?",
        ),
        (
            "rotary",
            "Rotary Club Bonn",
            "de",
            "Uns verbindet etwas: Rotary Club Bonn. Welche Rolle spielt das für Sie?",
        ),
    ],
)
def test_commonality_questions_by_kind(kind, label, lang, opening):
    dossier = Dossier(name="D", commonalities=(CommonGround(kind, label),), fields=("Vertrieb",))
    (first,) = [q for q in sie(dossier, lang=lang) if q.basis == "commonality"]
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
    assert len(questions) >= facts  # every fact is asked about
    assert len({q.text for q in questions}) == len(questions)
    repeated = {basis for (basis, _), n in Counter((q.basis, q.fact) for q in questions).items() if n > 1}
    assert repeated <= {"success", "role"}
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


@pytest.mark.parametrize(
    ("lang", "formality", "first", "second"),
    [
        ("de", "sie", "Ich habe gelesen: „Zum Regional Director befördert“ (Januar 2026) – herzlichen "
         "Glückwunsch!", "Was hat Ihr Erfolg im Januar 2026 für Sie verändert, und was kommt als Nächstes?"),
        ("de", "du", "Ich habe gelesen: „Zum Regional Director befördert“ (Januar 2026) – herzlichen "
         "Glückwunsch!",
         "Was hat dein Erfolg im Januar 2026 für dich verändert, und was kommt als Nächstes?"),
        ("en", "sie", "I read about your recent success (January 2026) – congratulations!",
         "What has your success in January 2026 changed for you, and what comes next?"),
    ],
)
def test_a_success_is_quoted_once_and_then_named_by_its_month(lang, formality, first, second):
    success = Success(date(2026, 1, 10), "Zum Regional Director befördert")
    promoted = dataclasses.replace(RICH, successes=(success,))
    found = [q for q in sie(dataclasses.replace(promoted, formality=formality), lang=lang, limit=30)
             if q.basis == "success"]
    assert [q.text.startswith(first) for q in found] == [True, False]
    assert found[1].text == second
