import itertools
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.drafts import DRAFT_KINDS, draft_message

SIE_ADDRESS = re.compile(r"\b(Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren|Ihres)\b")
DU_ADDRESS = re.compile(r"\b(du|dich|dir|dein|deine|deiner|deinem|deinen|deines)\b", re.IGNORECASE)
FULL = {
    "event_name": "BVL-Kongress",
    "snippet": "Segelwochenende in Kiel",
    "benefit": "eine Vorstellung bei Dr. Meier",
    "topic": "Logistik in Südostasien",
    "meeting_date": date(2027, 3, 12),
}


def draft(kind, lang="de", formality="sie", *, title="Frau", **extra):
    return draft_message(
        kind=kind,
        lang=lang,
        formality=formality,
        person_first_name="Anna",
        person_last_name="Weber",
        title_of_address=title,
        sender_name="Max Muster",
        **extra,
    )


OPTIONAL_SETS = [{}, FULL, {"snippet": FULL["snippet"]}, {"event_name": "Forum", "topic": "Zoll"}]


@pytest.mark.parametrize(
    ("kind", "title", "extra"), list(itertools.product(DRAFT_KINDS, ["Frau", "Herr", None], OPTIONAL_SETS))
)
def test_sie_drafts_never_say_du_and_du_drafts_never_say_sie(kind, title, extra):
    sie = draft(kind, "de", "sie", title=title, **extra)
    du = draft(kind, "de", "du", title=title, **extra)
    assert not DU_ADDRESS.search(sie.subject + sie.body), sie.body
    assert not SIE_ADDRESS.search(du.subject + du.body), du.body
    assert SIE_ADDRESS.search(sie.body)
    assert DU_ADDRESS.search(du.body)


@pytest.mark.parametrize(
    ("kind", "lang", "formality"), list(itertools.product(DRAFT_KINDS, ["de", "en"], ["sie", "du"]))
)
def test_name_snippet_and_sender_appear(kind, lang, formality):
    result = draft(kind, lang, formality, **FULL)
    assert "Anna" in result.body or "Weber" in result.body
    assert "Segelwochenende in Kiel" in result.body
    assert result.body.endswith("\nMax Muster")
    assert result.subject
    assert "{" not in result.body and "  " not in result.body and ".." not in result.body


@pytest.mark.parametrize(
    ("kind", "lang", "formality", "title", "salutation"),
    [
        ("meeting_request", "de", "sie", "Frau", "Sehr geehrte Frau Weber,"),
        ("meeting_request", "de", "sie", "Herr", "Sehr geehrter Herr Weber,"),
        ("thank_you_email", "de", "sie", "Frau", "Guten Tag Frau Weber,"),
        ("lunch_invitation", "de", "sie", "Herr", "Guten Tag Herr Weber,"),
        ("birthday_greeting", "de", "sie", "Frau", "Liebe Frau Weber,"),
        ("birthday_greeting", "de", "sie", "Herr", "Lieber Herr Weber,"),
        ("thank_you_email", "de", "sie", None, "Guten Tag Anna Weber,"),
        ("birthday_greeting", "de", "sie", None, "Guten Tag Anna Weber,"),
        ("thank_you_email", "de", "du", "Frau", "Hallo Anna,"),
        ("birthday_greeting", "de", "du", "Frau", "Liebe Anna,"),
        ("birthday_greeting", "de", "du", None, "Hallo Anna,"),
        ("thank_you_email", "en", "sie", "Frau", "Dear Ms Weber,"),
        ("meeting_request", "en", "sie", "Herr", "Dear Mr Weber,"),
        ("thank_you_email", "en", "sie", None, "Dear Anna Weber,"),
        ("lunch_invitation", "en", "du", "Frau", "Hi Anna,"),
        ("birthday_greeting", "en", "du", None, "Dear Anna,"),
    ],
)
def test_salutations(kind, lang, formality, title, salutation):
    assert draft(kind, lang, formality, title=title).body.split("\n")[0] == salutation


def test_academic_title_is_kept():
    result = draft_message(
        kind="meeting_request",
        lang="de",
        formality="sie",
        person_first_name="Anna",
        person_last_name="Weber",
        title_of_address="Frau",
        academic_title="Dr.",
        sender_name="Max",
    )
    assert result.body.startswith("Sehr geehrte Frau Dr. Weber,")
    english = draft_message(
        kind="meeting_request",
        lang="en",
        formality="sie",
        person_first_name="Anna",
        person_last_name="Weber",
        title_of_address="Frau",
        academic_title="Dr.",
        sender_name="Max",
    )
    assert english.body.startswith("Dear Dr. Weber,")


def test_missing_names_fall_back_to_a_neutral_greeting():
    for lang, formality, expected in [
        ("de", "sie", "Guten Tag,"),
        ("de", "du", "Hallo,"),
        ("en", "sie", "Hello,"),
    ]:
        result = draft_message(
            kind="thank_you_email",
            lang=lang,
            formality=formality,
            person_first_name=None,
            person_last_name=" ",
            sender_name="Max",
        )
        assert result.body.startswith(expected + "\n")


def test_german_thank_you_email_reads_as_a_letter():
    assert draft("thank_you_email", **FULL).body == (
        "Guten Tag Frau Weber,\n\n"
        "vielen Dank für Ihre Zeit und das gute Gespräch am 12. März 2027. Schön, dass sich das nach unserem "
        "Kennenlernen bei der Veranstaltung „BVL-Kongress“ ergeben hat. Gern denke ich an unseren Austausch "
        "zurück – Stichwort Segelwochenende in Kiel.\n\n"
        "Wie besprochen komme ich gern auf mein Angebot zurück: eine Vorstellung bei Dr. Meier.\n\n"
        "Ich freue mich darauf, in Kontakt zu bleiben.\n\n"
        "Viele Grüße\nMax Muster"
    )


def test_english_birthday_greeting_weaves_in_the_snippet():
    result = draft("birthday_greeting", "en", "du", snippet="your sailing weekend in Kiel.")
    assert result.subject == "Happy birthday!"
    assert (
        "I have often thought of what you told me about your sailing weekend in Kiel – I would love to hear "
        "how it went." in result.body
    )
    assert result.body.endswith("Warm wishes,\nMax Muster")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lunch_invitation_names_topic_and_benefit(lang):
    body = draft("lunch_invitation", lang, **FULL).body
    assert "Logistik in Südostasien" in body
    assert "eine Vorstellung bei Dr. Meier" in body


@pytest.mark.parametrize(
    ("kind", "lang", "with_date", "without_date"),
    [
        (
            "lunch_invitation",
            "de",
            "Hätten Sie am 12. März 2027 Zeit?",
            "Welcher Tag passt Ihnen in den nächsten Wochen?",
        ),
        (
            "meeting_request",
            "de",
            "Passt Ihnen der 12. März 2027?",
            "Welche Termine passen Ihnen in den nächsten Wochen?",
        ),
        (
            "meeting_request",
            "en",
            "Would March 12, 2027 work for you?",
            "Which dates in the coming weeks would suit you?",
        ),
    ],
)
def test_requests_propose_a_date_or_ask_for_one(kind, lang, with_date, without_date):
    assert with_date in draft(kind, lang, meeting_date=date(2027, 3, 12)).body
    undated = draft(kind, lang).body
    assert without_date in undated
    assert with_date not in undated


def test_meeting_request_subject_names_the_event():
    assert draft("meeting_request", event_name="BVL-Kongress").subject == (
        "Unser Gespräch bei „BVL-Kongress“ – Termin für ein Treffen"
    )
    assert draft("meeting_request", "en").subject == "Finding a date to meet"
    without_event = draft("meeting_request").body
    assert "gern möchte ich an unser Gespräch anknüpfen." in without_event
    assert "Veranstaltung" not in without_event


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "condolences"}, "draft kind"),
        ({"lang": "fr"}, "language"),
        ({"formality": "ihr"}, "formality"),
        ({"title_of_address": "Divers"}, "title_of_address"),
    ],
)
def test_invalid_arguments_are_refused(changes, message):
    arguments = {
        "kind": "thank_you_email",
        "lang": "de",
        "formality": "sie",
        "person_first_name": "A",
        "person_last_name": "B",
        "sender_name": "C",
        **changes,
    }
    with pytest.raises(ValueError, match=message):
        draft_message(**arguments)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ", min_size=1, max_size=30).filter(str.strip)


@given(
    st.sampled_from(DRAFT_KINDS),
    st.sampled_from(["sie", "du"]),
    st.sampled_from(["Frau", "Herr", None]),
    st.none() | words,
    st.none() | words,
    st.none() | words,
    st.none() | words,
)
def test_any_optional_material_gives_a_clean_letter(kind, formality, title, event, snippet, benefit, topic):
    result = draft(
        kind, "de", formality, title=title, event_name=event, snippet=snippet, benefit=benefit, topic=topic
    )
    paragraphs = result.body.split("\n\n")
    assert len(paragraphs) >= 3  # salutation, at least one paragraph, closing
    assert paragraphs[1][0].islower()  # German letters continue in lower case after the salutation's comma
    assert "{" not in result.body
    if snippet:
        assert snippet.strip() in result.body
