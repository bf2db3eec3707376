"""Message drafts read as a careful professional would send them: tables of whole letters in German (Sie and
du) and English, with and without snippets and benefits, and properties for any material."""

import itertools
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.drafts import DRAFT_KINDS, PLACEHOLDER, Offer, draft_message, salutation

SIE_ADDRESS = re.compile(r"\b(Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren|Ihres)\b")
DU_ADDRESS = re.compile(r"\b(du|dich|dir|dein|deine|deiner|deinem|deinen|deines)\b", re.IGNORECASE)
DANIEL = Offer(introduce_to="Daniel Ortmann (Head of Intralogistics bei Westfalen Fördertechnik)")
FULL = {
    "event_name": "BVL-Kongress",
    "snippet": "Tochter studiert an der NUS",
    "offer": DANIEL,
    "topic": "Logistik in Südostasien",
    "meeting_date": date(2027, 3, 12),
}


def draft(kind, lang="de", formality="sie", *, title="Frau", academic="Dr.", **extra):
    return draft_message(
        kind=kind,
        lang=lang,
        formality=formality,
        person_first_name="Priya",
        person_last_name="Raman",
        title_of_address=title,
        academic_title=academic,
        sender_name="Thomas Berger",
        **extra,
    )


@pytest.mark.parametrize(
    ("lang", "formality", "title", "academic", "kind", "expected"),
    [
        ("de", "sie", "Frau", "Dr.", "thank_you_email", "Sehr geehrte Frau Dr. Raman,"),
        ("de", "sie", "Herr", "", "meeting_request", "Sehr geehrter Herr Raman,"),
        ("de", "sie", "Herr", "Prof. Dr.", "lunch_invitation", "Sehr geehrter Herr Prof. Dr. Raman,"),
        ("de", "sie", "Frau", "", "birthday_greeting", "Liebe Frau Raman,"),
        ("de", "sie", "Herr", "Dr.", "birthday_greeting", "Lieber Herr Dr. Raman,"),
        ("de", "sie", "", "", "thank_you_email", "Guten Tag Priya Raman,"),
        ("de", "sie", "", "Dr.", "thank_you_email", "Guten Tag Dr. Raman,"),
        ("de", "du", "Frau", "Dr.", "thank_you_email", "Liebe Priya,"),
        ("de", "du", "Herr", "", "birthday_greeting", "Lieber Priya,"),
        ("de", "du", "", "", "thank_you_email", "Hallo Priya,"),
        ("en", "sie", "Frau", "", "thank_you_email", "Dear Ms Raman,"),
        ("en", "sie", "Herr", "", "meeting_request", "Dear Mr Raman,"),
        ("en", "sie", "Frau", "Dr.", "thank_you_email", "Dear Dr Raman,"),
        ("en", "sie", "", "Prof. Dr.", "thank_you_email", "Dear Professor Raman,"),
        ("en", "sie", "", "", "thank_you_email", "Dear Priya Raman,"),
        ("en", "du", "Frau", "Dr.", "lunch_invitation", "Dear Priya,"),
        ("en", "du", "", "", "birthday_greeting", "Dear Priya,"),
    ],
)
def test_salutations(lang, formality, title, academic, kind, expected):
    assert (
        salutation(
            lang=lang,
            formality=formality,
            first_name="Priya",
            last_name="Raman",
            title_of_address=title,
            academic_title=academic,
            kind=kind,
        )
        == expected
    )
    assert draft(kind, lang, formality, title=title, academic=academic).body.split("\n")[0] == expected


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


# Whole letters, as they should go out.
LETTERS = [
    (
        {"kind": "thank_you_email", "occasion": "encounter", **FULL},
        "Danke für das Gespräch bei „BVL-Kongress“",
        "Sehr geehrte Frau Dr. Raman,\n\n"
        "vielen Dank für das anregende Gespräch bei der Veranstaltung „BVL-Kongress“ am 12. März 2027 – ich "
        "fand es sehr spannend, Sie kennenzulernen. Besonders in Erinnerung geblieben ist mir, dass Ihre "
        "Tochter an der NUS studiert.\n\n"
        "Ich melde mich in den nächsten Tagen telefonisch, damit wir wie vereinbart einen Termin für unser "
        "Treffen finden. Wie angesprochen würde ich Ihnen gern einen Kontakt zu Daniel Ortmann (Head of "
        "Intralogistics bei Westfalen Fördertechnik) vermitteln.\n\n"
        "Ich freue mich auf unser Treffen.\n\n"
        "Mit freundlichen Grüßen\nThomas Berger",
    ),
    (
        {
            "kind": "thank_you_email",
            "formality": "du",
            "snippet": "segelt am Wochenende auf dem Phoenix-See",
            "offer": Offer(text="Unsere Erfahrungen mit dem Hochregallager-Projekt teilen"),
            "meeting_date": date(2027, 3, 12),
        },
        "Danke für das Treffen",
        "Liebe Priya,\n\n"
        "vielen Dank für deine Zeit und das gute Gespräch am 12. März 2027. Besonders in Erinnerung "
        "geblieben ist mir, dass du am Wochenende auf dem Phoenix-See segelst.\n\n"
        "Wie besprochen würde ich dir gern anbieten, unsere Erfahrungen mit dem Hochregallager-Projekt zu "
        "teilen.\n\n"
        "Ich freue mich darauf, in Kontakt zu bleiben.\n\n"
        "Viele Grüße\nThomas Berger",
    ),
    (
        {"kind": "thank_you_email", "snippet": "Tochter an der NUS"},
        "Danke für das Treffen",
        "Sehr geehrte Frau Dr. Raman,\n\n"
        "vielen Dank für Ihre Zeit und das gute Gespräch. Gern erinnere ich mich an unser Gespräch – "
        "Stichwort: Ihre Tochter an der NUS.\n\n"
        "Ich freue mich darauf, in Kontakt zu bleiben.\n\n"
        "Mit freundlichen Grüßen\nThomas Berger",
    ),
    (
        {
            "kind": "lunch_invitation",
            "lang": "en",
            "topic": "cold chains in Vietnam",
            "snippet": "daughter started at NUS",
            "offer": Offer(text="share our market study on Vietnam"),
            "meeting_date": date(2027, 3, 12),
        },
        "Lunch invitation",
        "Dear Dr Raman,\n\n"
        "I would like to invite you to lunch to talk about cold chains in Vietnam. I still remember you "
        "telling me that your daughter started at NUS.\n\n"
        "Over lunch, I would be glad to share our market study on Vietnam.\n\n"
        "Would you be free on 12 March 2027?\n\n"
        "Kind regards,\nThomas Berger",
    ),
    (
        {"kind": "birthday_greeting", "lang": "en", "formality": "du", "snippet": "sails at weekends"},
        "Happy birthday!",
        "Dear Priya,\n\n"
        "Happy birthday! I wish you a wonderful day and all the best for the year ahead – health, happiness "
        "and success.\n\n"
        "I remember you telling me that you sail at weekends – I would love to hear how it is going.\n\n"
        "Warm wishes,\nThomas Berger",
    ),
    (
        {
            "kind": "birthday_greeting",
            "formality": "du",
            "title": "Herr",
            "snippet": "läuft im Herbst den Berlin-Marathon",
        },
        "Herzlichen Glückwunsch zum Geburtstag!",
        "Lieber Priya,\n\n"
        "herzlichen Glückwunsch zum Geburtstag! Ich wünsche dir einen schönen Tag und für das neue "
        "Lebensjahr alles Gute, Gesundheit und viel Erfolg.\n\n"
        "Ich musste an unser letztes Gespräch denken – daran, dass du im Herbst den Berlin-Marathon läufst. "
        "Ich bin gespannt, wie es weitergegangen ist.\n\n"
        "Herzliche Grüße\nThomas Berger",
    ),
    (
        {
            "kind": "meeting_request",
            "lang": "en",
            "event_name": "BVL-Kongress",
            "offer": Offer(introduce_to="Daniel Ortmann (Head of Intralogistics at Westfalen Fördertechnik)"),
        },
        "Following up on BVL-Kongress: finding a date to meet",
        "Dear Dr Raman,\n\n"
        "It was a pleasure meeting you at BVL-Kongress.\n\n"
        "As discussed, I would be glad to meet in person. Which dates in the coming weeks would suit you?\n\n"
        "When we meet, I would be glad to introduce you to Daniel Ortmann (Head of Intralogistics at "
        "Westfalen Fördertechnik).\n\n"
        "Kind regards,\nThomas Berger",
    ),
]


LETTERS += [
    (
        {
            "kind": "thank_you_email",
            "lang": "en",
            "occasion": "encounter",
            "event_name": "BVL-Kongress",
            "snippet": "daughter studies at NUS",
            "offer": Offer(introduce_to="Daniel Ortmann (Head of Intralogistics at Westfalen Fördertechnik)"),
            "meeting_date": date(2027, 3, 12),
        },
        "Great to meet you at BVL-Kongress",
        "Dear Dr Raman,\n\n"
        "Thank you for the inspiring conversation at BVL-Kongress on 12 March 2027 – it was a real pleasure "
        "to meet you. I especially enjoyed hearing that your daughter studies at NUS.\n\n"
        "As agreed, I will call you in the next few days so that we can find a date for our meeting. As "
        "mentioned, I would be glad to introduce you to Daniel Ortmann (Head of Intralogistics at Westfalen "
        "Fördertechnik).\n\n"
        "I look forward to meeting you again.\n\n"
        "Kind regards,\nThomas Berger",
    ),
    (
        {"kind": "thank_you_email", "lang": "en", "formality": "du"},
        "Thank you for your time",
        "Dear Priya,\n\n"
        "Thank you for your time and the good conversation.\n\n"
        "I look forward to staying in touch.\n\n"
        "Best wishes,\nThomas Berger",
    ),
    (
        {
            "kind": "lunch_invitation",
            "formality": "du",
            "title": "Herr",
            "academic": "",
            "topic": "Kühlketten in Vietnam",
            "offer": Offer(introduce_to="Linh Pham (Senior Supply Chain Planner bei Mekong Cold Chain)"),
        },
        "Einladung zum Mittagessen",
        "Lieber Priya,\n\n"
        "ich würde dich gern zum Mittagessen einladen, um mich mit dir über Kühlketten in Vietnam "
        "auszutauschen.\n\n"
        "Beim Essen würde ich dir gern einen Kontakt zu Linh Pham (Senior Supply Chain Planner bei Mekong "
        "Cold Chain) vermitteln.\n\n"
        "Welcher Tag passt dir in den nächsten Wochen?\n\n"
        "Viele Grüße\nThomas Berger",
    ),
    (
        {"kind": "birthday_greeting"},
        "Herzlichen Glückwunsch zum Geburtstag!",
        "Liebe Frau Dr. Raman,\n\n"
        "herzlichen Glückwunsch zum Geburtstag! Ich wünsche Ihnen einen schönen Tag und für das neue "
        "Lebensjahr alles Gute, Gesundheit und viel Erfolg.\n\n"
        "Herzliche Grüße\nThomas Berger",
    ),
]


@pytest.mark.parametrize(("arguments", "subject", "body"), LETTERS)
def test_letters_read_as_they_should_go_out(arguments, subject, body):
    result = draft(**arguments)
    assert result.subject == subject
    assert result.body == body
    assert result.placeholders == ()


@pytest.mark.parametrize(
    ("lang", "ui_lang", "expected"),
    [
        (
            "en",
            "de",
            "I especially enjoyed our conversation about [[in eigenen Worten auf Englisch: „Tochter "
            "studiert an der NUS“]].",
        ),
        (
            "en",
            "en",
            "I especially enjoyed our conversation about [[in your own words, in English: “Tochter "
            "studiert an der NUS”]].",
        ),
        (
            "de",
            "de",
            "Gern erinnere ich mich an unser Gespräch – Stichwort: [[in eigenen Worten auf Deutsch: "
            "„daughter started at NUS“]].",
        ),
    ],
)
def test_a_snippet_in_another_language_is_marked_for_the_user_to_rephrase(lang, ui_lang, expected):
    snippet = "Tochter studiert an der NUS" if lang == "en" else "daughter started at NUS"
    result = draft("thank_you_email", lang, snippet=snippet, ui_lang=ui_lang)
    assert expected in result.body
    assert len(result.placeholders) == 1


def test_an_offer_in_another_language_is_marked_too():
    result = draft("thank_you_email", "en", offer=Offer(text="Vorstellung bei Andrea Koch und ihrem Team"))
    assert "Vorstellung" in result.placeholders[0]
    assert "As discussed, I would be glad to offer you [[in your own words, in English:" in result.body


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_lunch_invitation_without_topic_or_benefit_asks_for_them(lang):
    result = draft(
        "lunch_invitation", lang, ui_lang="de", offer_hint="einen Kontakt zu Daniel Ortmann vermitteln"
    )
    assert result.placeholders == (
        "Thema: worüber möchten Sie mit Priya Raman sprechen?",
        "Ihr Nutzen für Priya Raman: was bringen Sie mit? Vorschlag: einen Kontakt zu Daniel Ortmann "
        "vermitteln",
    )
    named = draft("lunch_invitation", lang, topic="Zoll", offer=DANIEL)
    assert named.placeholders == ()
    assert "Zoll" in named.body and "Daniel Ortmann" in named.body


OPTIONAL_SETS = [
    {},
    FULL,
    {"snippet": FULL["snippet"]},
    {"event_name": "Forum", "topic": "Zoll"},
    {"offer": Offer(text="Marktstudie Vietnam")},
]


@pytest.mark.parametrize(
    ("kind", "title", "extra", "occasion"),
    list(itertools.product(DRAFT_KINDS, ["Frau", "Herr", None], OPTIONAL_SETS, ["meeting", "encounter"])),
)
def test_sie_drafts_never_say_du_and_du_drafts_never_say_sie(kind, title, extra, occasion):
    sie = draft(kind, "de", "sie", title=title, occasion=occasion, **extra)
    du = draft(kind, "de", "du", title=title, occasion=occasion, **extra)
    assert not DU_ADDRESS.search(sie.subject + sie.body), sie.body
    assert not SIE_ADDRESS.search(PLACEHOLDER.sub("", du.subject + du.body)), du.body
    assert SIE_ADDRESS.search(sie.body)
    assert DU_ADDRESS.search(du.body)


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
            "Would 12 March 2027 work for you?",
            "Which dates in the coming weeks would suit you?",
        ),
    ],
)
def test_requests_propose_a_date_or_ask_for_one(kind, lang, with_date, without_date):
    assert with_date in draft(kind, lang, meeting_date=date(2027, 3, 12)).body
    undated = draft(kind, lang).body
    assert without_date in undated
    assert with_date not in undated


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "condolences"}, "draft kind"),
        ({"lang": "fr"}, "language"),
        ({"ui_lang": "fr"}, "language"),
        ({"formality": "ihr"}, "formality"),
        ({"title_of_address": "Divers"}, "title_of_address"),
        ({"occasion": "party"}, "occasion"),
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
    st.sampled_from(["meeting", "encounter"]),
    st.none() | words,
    st.none() | words,
    st.none() | words,
    st.none() | words,
)
def test_any_optional_material_gives_a_clean_letter(
    kind, formality, title, occasion, event, snippet, offer, topic
):
    result = draft(
        kind,
        "de",
        formality,
        title=title,
        occasion=occasion,
        event_name=event,
        snippet=snippet,
        offer=Offer(text=offer) if offer else None,
        topic=topic,
    )
    paragraphs = result.body.split("\n\n")
    assert len(paragraphs) >= 3  # salutation, at least one paragraph, closing
    assert paragraphs[1][0].islower()  # German letters continue in lower case after the salutation's comma
    assert "{" not in result.body and "  " not in result.body and ".." not in result.body
    assert result.placeholders == tuple(PLACEHOLDER.findall(result.body))
    if snippet and len(snippet.split()) > 1:  # the first word may be a verb, conjugated for the reader
        assert any(word in result.body for word in snippet.split()[1:])
