"""Drafts for the follow-up messages of the method: thank-you e-mail, birthday greeting, meeting request and
lunch invitation — German (Sie or du) and English, for the user to edit before sending.

How the recorded texts should be phrased so the drafts read naturally:

* ``snippet`` — something worth remembering from the conversation, as a short keyword-style noun phrase
  without a leading article: "Segelwochenende in Kiel", "Umzug nach Singapur"; in English a phrase that
  follows "about": "your sailing weekend in Kiel", "the move to Singapore". German drafts introduce it with
  "Stichwort …" or after a colon, so no article or case ending is needed. Trailing punctuation is dropped.
* ``topic`` — what to talk about, as it follows "über" / "about": "Logistik in Südostasien",
  "the expansion into Vietnam".
* ``benefit`` — what the user offers, after a colon: "eine Vorstellung bei Dr. Meier",
  "our market study on Vietnam".
* ``event_name`` — used as is, in quotation marks in German ("bei der Veranstaltung „BVL-Kongress“").

Salutations: German Sie uses "Sehr geehrte Frau …" for a first request, "Liebe Frau …" for a birthday and
"Guten Tag Frau …" otherwise; without a known title of address it falls back to "Guten Tag Vorname
Nachname". Du uses "Hallo Vorname" ("Liebe/Lieber" for birthdays when known). English uses
"Dear Ms …" (formal) and "Hi …" (informal).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from vernetzt.core.language import check_language

DRAFT_KINDS: tuple[str, ...] = ("thank_you_email", "birthday_greeting", "meeting_request", "lunch_invitation")
TITLES_OF_ADDRESS: tuple[str, ...] = ("Frau", "Herr")


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


_SUBJECTS = {
    "thank_you_email": {"de": "Danke für das Treffen", "en": "Thank you for your time"},
    "birthday_greeting": {"de": "Herzlichen Glückwunsch zum Geburtstag!", "en": "Happy birthday!"},
    "meeting_request": {"de": "Termin für ein persönliches Treffen", "en": "Finding a date to meet"},
    "lunch_invitation": {"de": "Einladung zum Mittagessen", "en": "Lunch invitation"},
}
_SUBJECTS_WITH_EVENT = {"de": "Unser Gespräch bei „{event}“ – Termin für ein Treffen",
                        "en": "Following up on {event}: finding a date to meet"}

# Paragraphs per kind; each is a list of sentence keys, and a sentence whose slots are missing is left out.
_LAYOUT: dict[str, list[list[str]]] = {
    "thank_you_email": [["thanks", "met_at_event", "stuck"], ["offer_as_discussed"], ["stay_in_touch"]],
    "birthday_greeting": [["congratulations"], ["birthday_snippet"]],
    "meeting_request": [["pleasure_event", "follow_up", "stuck"], ["meet_topic", "meet", "ask_date",
                                                                     "ask_dates"], ["bring"]],
    "lunch_invitation": [["lunch_topic", "lunch", "stuck_last"], ["bring"], ["lunch_date", "lunch_dates"]],
}
# Sentences per form. A key in _NEEDS appears only when those slots are filled, one in _UNLESS only when not.
_SENTENCES: dict[str, dict[str, str]] = {
    "de_sie": {
        "thanks": "vielen Dank für Ihre Zeit und das gute Gespräch{on_date}.",
        "met_at_event": "Schön, dass sich das nach unserem Kennenlernen bei der Veranstaltung „{event}“ "
                        "ergeben hat.",
        "stuck": "Gern denke ich an unseren Austausch zurück – Stichwort {snippet}.",
        "stuck_last": "Gern denke ich an unser letztes Gespräch zurück – Stichwort {snippet}.",
        "offer_as_discussed": "Wie besprochen komme ich gern auf mein Angebot zurück: {benefit}.",
        "stay_in_touch": "Ich freue mich darauf, in Kontakt zu bleiben.",
        "congratulations": "herzlichen Glückwunsch zum Geburtstag! Ich wünsche Ihnen einen schönen Tag und "
                           "für das neue Lebensjahr alles Gute, Gesundheit und viel Erfolg.",
        "birthday_snippet": "Stichwort {snippet}: Ich bin gespannt, wie es damit weitergegangen ist.",
        "pleasure_event": "es hat mich gefreut, Sie bei der Veranstaltung „{event}“ kennenzulernen.",
        "follow_up": "gern möchte ich an unser Gespräch anknüpfen.",
        "meet_topic": "Wie besprochen würde ich mich über ein persönliches Treffen freuen, um über {topic} "
                      "zu sprechen.",
        "meet": "Wie besprochen würde ich mich über ein persönliches Treffen freuen.",
        "ask_date": "Passt Ihnen der {date}?",
        "ask_dates": "Welche Termine passen Ihnen in den nächsten Wochen?",
        "bring": "Gern bringe ich etwas mit, das für Sie nützlich sein könnte: {benefit}.",
        "lunch_topic": "ich würde Sie gern zum Mittagessen einladen, um mich mit Ihnen über {topic} "
                       "auszutauschen.",
        "lunch": "ich würde Sie gern zum Mittagessen einladen.",
        "lunch_date": "Hätten Sie am {date} Zeit?",
        "lunch_dates": "Welcher Tag passt Ihnen in den nächsten Wochen?",
    },
    "de_du": {
        "thanks": "vielen Dank für deine Zeit und das gute Gespräch{on_date}.",
        "met_at_event": "Schön, dass sich das nach unserem Kennenlernen bei der Veranstaltung „{event}“ "
                        "ergeben hat.",
        "stuck": "Gern denke ich an unseren Austausch zurück – Stichwort {snippet}.",
        "stuck_last": "Gern denke ich an unser letztes Gespräch zurück – Stichwort {snippet}.",
        "offer_as_discussed": "Wie besprochen komme ich gern auf mein Angebot zurück: {benefit}.",
        "stay_in_touch": "Ich freue mich darauf, in Kontakt zu bleiben.",
        "congratulations": "herzlichen Glückwunsch zum Geburtstag! Ich wünsche dir einen schönen Tag und "
                           "für das neue Lebensjahr alles Gute, Gesundheit und viel Erfolg.",
        "birthday_snippet": "Stichwort {snippet}: Ich bin gespannt, wie es damit weitergegangen ist.",
        "pleasure_event": "es hat mich gefreut, dich bei der Veranstaltung „{event}“ kennenzulernen.",
        "follow_up": "gern möchte ich an unser Gespräch anknüpfen.",
        "meet_topic": "Wie besprochen würde ich mich über ein persönliches Treffen freuen, um über {topic} "
                      "zu sprechen.",
        "meet": "Wie besprochen würde ich mich über ein persönliches Treffen freuen.",
        "ask_date": "Passt dir der {date}?",
        "ask_dates": "Welche Termine passen dir in den nächsten Wochen?",
        "bring": "Gern bringe ich etwas mit, das für dich nützlich sein könnte: {benefit}.",
        "lunch_topic": "ich würde dich gern zum Mittagessen einladen, um mich mit dir über {topic} "
                       "auszutauschen.",
        "lunch": "ich würde dich gern zum Mittagessen einladen.",
        "lunch_date": "Hättest du am {date} Zeit?",
        "lunch_dates": "Welcher Tag passt dir in den nächsten Wochen?",
    },
    "en": {
        "thanks": "Thank you for your time and the good conversation{on_date}.",
        "met_at_event": "I am glad this came about after we met at {event}.",
        "stuck": "I especially enjoyed hearing about {snippet}.",
        "stuck_last": "I still remember what you told me about {snippet}.",
        "offer_as_discussed": "As discussed, here is what I can offer: {benefit}.",
        "stay_in_touch": "I look forward to staying in touch.",
        "congratulations": "Happy birthday! I wish you a wonderful day and all the best for the year ahead – "
                           "health, happiness and success.",
        "birthday_snippet": "I have often thought of what you told me about {snippet} – I would love to hear "
                            "how it went.",
        "pleasure_event": "It was a pleasure meeting you at {event}.",
        "follow_up": "I would like to follow up on our conversation.",
        "meet_topic": "As discussed, I would be glad to meet in person to talk about {topic}.",
        "meet": "As discussed, I would be glad to meet in person.",
        "ask_date": "Would {date} work for you?",
        "ask_dates": "Which dates in the coming weeks would suit you?",
        "bring": "I would be happy to bring along something that may be useful to you: {benefit}.",
        "lunch_topic": "I would like to invite you to lunch to talk about {topic}.",
        "lunch": "I would like to invite you to lunch.",
        "lunch_date": "Would you be free on {date}?",
        "lunch_dates": "Which day in the coming weeks would suit you?",
    },
}
_ON_DATE = {"de": " am {date}", "en": " on {date}"}
_NEEDS: dict[str, tuple[str, ...]] = {
    "met_at_event": ("event",), "stuck": ("snippet",), "stuck_last": ("snippet",),
    "offer_as_discussed": ("benefit",), "birthday_snippet": ("snippet",), "pleasure_event": ("event",),
    "meet_topic": ("topic",), "ask_date": ("date",), "bring": ("benefit",), "lunch_topic": ("topic",),
    "lunch_date": ("date",),
}
_UNLESS: dict[str, str] = {
    "follow_up": "event", "meet": "topic", "ask_dates": "date", "lunch": "topic", "lunch_dates": "date",
}
_CLOSINGS = {
    "de_sie": {"meeting_request": "Mit freundlichen Grüßen", "birthday_greeting": "Herzliche Grüße",
               None: "Viele Grüße"},
    "de_du": {"birthday_greeting": "Herzliche Grüße", None: "Viele Grüße"},
    "en_sie": {"birthday_greeting": "Warm wishes,", None: "Kind regards,"},
    "en_du": {"birthday_greeting": "Warm wishes,", None: "Best,"},
}
_ENGLISH_TITLES = {"Frau": "Ms", "Herr": "Mr"}


def _clean(text: str | None) -> str:
    return (text or "").strip().rstrip(".!?…").strip()


def _salutation(*, kind: str, lang: str, formality: str, first: str, last: str, title: str | None,
                academic: str) -> str:
    full = " ".join(part for part in (academic, first, last) if part)
    formal_name = " ".join(part for part in (academic, last) if part)
    if lang == "de":
        if formality == "du":
            if kind == "birthday_greeting" and title and first:
                return f"{'Liebe' if title == 'Frau' else 'Lieber'} {first},"
            return f"Hallo {first or full}," if full else "Hallo,"
        if title and last:
            if kind == "birthday_greeting":
                return f"{'Liebe' if title == 'Frau' else 'Lieber'} {title} {formal_name},"
            if kind == "meeting_request":
                return f"{'Sehr geehrte' if title == 'Frau' else 'Sehr geehrter'} {title} {formal_name},"
            return f"Guten Tag {title} {formal_name},"
        return f"Guten Tag {full}," if full else "Guten Tag,"
    if formality == "du" or not last:
        greeting = "Dear" if kind == "birthday_greeting" else "Hi"
        return f"{greeting} {first or full}," if full else "Hello,"
    if academic:
        return f"Dear {academic} {last},"
    return f"Dear {_ENGLISH_TITLES[title]} {last}," if title else f"Dear {full},"


def draft_message(
    *,
    kind: str,
    lang: str,
    formality: str,
    person_first_name: str | None,
    person_last_name: str | None,
    sender_name: str,
    title_of_address: str | None = None,
    academic_title: str | None = None,
    event_name: str | None = None,
    snippet: str | None = None,
    benefit: str | None = None,
    topic: str | None = None,
    meeting_date: date | None = None,
) -> Draft:
    """A draft of ``kind`` (see ``DRAFT_KINDS``) to one person, in ``lang`` and ``formality`` ("sie"/"du").

    ``title_of_address`` is "Frau", "Herr" or None when unknown; ``academic_title`` e.g. "Dr.".
    ``meeting_date`` is the date of the meeting (thank-you) or the proposed date (request, invitation).
    """
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft kind: {kind!r}")
    check_language(lang)
    if formality not in ("sie", "du"):
        raise ValueError(f"unknown formality: {formality!r}")
    if title_of_address not in (*TITLES_OF_ADDRESS, None):
        raise ValueError(f"title_of_address must be one of {TITLES_OF_ADDRESS} or None")
    form = "en" if lang == "en" else f"de_{formality}"
    slots = {
        "event": _clean(event_name),
        "snippet": _clean(snippet),
        "benefit": _clean(benefit),
        "topic": _clean(topic),
        "date": format_date(meeting_date, format="long", locale=lang) if meeting_date else "",
    }
    filled = {name for name, value in slots.items() if value}
    on_date = "date" in filled and kind == "thank_you_email"
    slots["on_date"] = _ON_DATE[lang].format(**slots) if on_date else ""

    paragraphs = []
    for keys in _LAYOUT[kind]:
        sentences = [
            _SENTENCES[form][key].format(**slots)
            for key in keys
            if set(_NEEDS.get(key, ())) <= filled and _UNLESS.get(key) not in filled
        ]
        if sentences:
            paragraphs.append(" ".join(sentences))

    salutation = _salutation(
        kind=kind, lang=lang, formality=formality, first=_clean(person_first_name),
        last=_clean(person_last_name), title=title_of_address, academic=(academic_title or "").strip(),
    )
    closings = _CLOSINGS[form if lang == "de" else f"en_{formality}"]
    closing = closings.get(kind, closings[None])
    body = "\n\n".join([salutation, *paragraphs, f"{closing}\n{sender_name.strip()}"])
    subject = _SUBJECTS[kind][lang]
    if kind == "meeting_request" and "event" in filled:
        subject = _SUBJECTS_WITH_EVENT[lang].format(event=slots["event"])
    return Draft(subject=subject, body=body)
