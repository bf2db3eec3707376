"""German (Sie and du) and English texts of the message drafts; pure data for ``core.drafts``.

Sentence slots: ``{event}`` an event's name (quoted in German), ``{on_date}`` " am 12. März 2027" /
" on 12 March 2027", ``{topic}``, ``{date}``, ``{snippet}`` (a topic, or a clause "dass Sie …" /
"that you …", see ``core.snippets``), ``{offer}`` (see ``_OFFER``), ``{you}`` (Ihnen/dir).
"""

SUBJECTS = {
    "thank_you_email": {"de": "Danke für das Treffen", "en": "Thank you for your time"},
    "birthday_greeting": {"de": "Herzlichen Glückwunsch zum Geburtstag!", "en": "Happy birthday!"},
    "meeting_request": {"de": "Termin für ein persönliches Treffen", "en": "Finding a date to meet"},
    "lunch_invitation": {"de": "Einladung zum Mittagessen", "en": "Lunch invitation"},
}
SUBJECTS_ENCOUNTER = {"de": "Danke für das Gespräch", "en": "Great to meet you"}
SUBJECTS_WITH_EVENT = {
    "meeting_request": {
        "de": "Unser Gespräch bei „{event}“ – Termin für ein Treffen",
        "en": "Following up on {event}: finding a date to meet",
    },
    "thank_you_email": {"de": "Danke für das Gespräch bei „{event}“", "en": "Great to meet you at {event}"},
}

# Paragraphs per kind and occasion: lists of sentence keys. A sentence whose slots are empty is left
# out (``NEEDS``), one in ``UNLESS`` only appears when its slot is empty.
LAYOUT: dict[str, list[list[str]]] = {
    "thank_you_email:encounter": [
        ["thanks_encounter", "snippet_topic", "snippet_clause"],
        ["call_as_agreed", "offer"],
        ["look_forward_meeting"],
    ],
    "thank_you_email:meeting": [["thanks", "snippet_topic", "snippet_clause"], ["offer"], ["stay_in_touch"]],
    "birthday_greeting": [["congratulations"], ["birthday_topic", "birthday_clause"]],
    "meeting_request": [
        ["pleasure_event", "follow_up", "snippet_topic", "snippet_clause"],
        ["meet_topic", "meet", "ask_date", "ask_dates"],
        ["offer"],
    ],
    "lunch_invitation": [
        ["lunch_topic", "last_topic", "last_clause"],
        ["offer"],
        ["lunch_date", "lunch_dates"],
    ],
}
NEEDS: dict[str, tuple[str, ...]] = {
    "snippet_topic": ("snippet_topic",),
    "snippet_clause": ("snippet_clause",),
    "last_topic": ("snippet_topic",),
    "last_clause": ("snippet_clause",),
    "birthday_topic": ("snippet_topic",),
    "birthday_clause": ("snippet_clause",),
    "offer": ("offer",),
    "pleasure_event": ("event",),
    "meet_topic": ("topic",),
    "ask_date": ("date",),
    "lunch_date": ("date",),
}
UNLESS: dict[str, str] = {"follow_up": "event", "meet": "topic", "ask_dates": "date", "lunch_dates": "date"}

# German sentences that read the same for Sie and du.
_GERMAN: dict[str, str] = {
    "snippet_topic": "Gern erinnere ich mich an unser Gespräch – Stichwort: {snippet_topic}.",
    "snippet_clause": "Besonders in Erinnerung geblieben ist mir, {snippet_clause}.",
    "call_as_agreed": "Ich melde mich in den nächsten Tagen telefonisch, damit wir wie vereinbart einen "
    "Termin für unser Treffen finden.",
    "look_forward_meeting": "Ich freue mich auf unser Treffen.",
    "stay_in_touch": "Ich freue mich darauf, in Kontakt zu bleiben.",
    "birthday_topic": "Ich musste an unser letztes Gespräch denken – Stichwort: {snippet_topic}. Ich bin "
    "gespannt, wie es weitergegangen ist.",
    "birthday_clause": "Ich musste an unser letztes Gespräch denken – daran, {snippet_clause}. Ich bin "
    "gespannt, wie es weitergegangen ist.",
    "follow_up": "gern möchte ich an unser Gespräch anknüpfen.",
    "meet_topic": "Wie besprochen würde ich mich über ein persönliches Treffen freuen, um über {topic} "
    "zu sprechen.",
    "meet": "Wie besprochen würde ich mich über ein persönliches Treffen freuen.",
    "last_topic": "Gern denke ich an unser letztes Gespräch zurück – Stichwort: {snippet_topic}.",
    "last_clause": "Gern denke ich an unser letztes Gespräch zurück, besonders daran, {snippet_clause}.",
    "offer": "{offer}",
}
SENTENCES: dict[str, dict[str, str]] = {
    "de_sie": {
        **_GERMAN,
        "thanks_encounter": "vielen Dank für das anregende Gespräch{at_event}{on_date} – ich fand es sehr "
        "spannend, Sie kennenzulernen.",
        "thanks": "vielen Dank für Ihre Zeit und das gute Gespräch{on_date}.",
        "congratulations": "herzlichen Glückwunsch zum Geburtstag! Ich wünsche Ihnen einen schönen Tag und "
        "für das neue Lebensjahr alles Gute, Gesundheit und viel Erfolg.",
        "pleasure_event": "es hat mich gefreut, Sie bei der Veranstaltung „{event}“ kennenzulernen.",
        "ask_date": "Passt Ihnen der {date}?",
        "ask_dates": "Welche Termine passen Ihnen in den nächsten Wochen?",
        "lunch_topic": "ich würde Sie gern zum Mittagessen einladen, um mich mit Ihnen über {topic} "
        "auszutauschen.",
        "lunch_date": "Hätten Sie am {date} Zeit?",
        "lunch_dates": "Welcher Tag passt Ihnen in den nächsten Wochen?",
    },
    "de_du": {
        **_GERMAN,
        "thanks_encounter": "vielen Dank für das anregende Gespräch{at_event}{on_date} – ich fand es sehr "
        "spannend, dich kennenzulernen.",
        "thanks": "vielen Dank für deine Zeit und das gute Gespräch{on_date}.",
        "congratulations": "herzlichen Glückwunsch zum Geburtstag! Ich wünsche dir einen schönen Tag und für "
        "das neue Lebensjahr alles Gute, Gesundheit und viel Erfolg.",
        "pleasure_event": "es hat mich gefreut, dich bei der Veranstaltung „{event}“ kennenzulernen.",
        "ask_date": "Passt dir der {date}?",
        "ask_dates": "Welche Termine passen dir in den nächsten Wochen?",
        "lunch_topic": "ich würde dich gern zum Mittagessen einladen, um mich mit dir über {topic} "
        "auszutauschen.",
        "lunch_date": "Hättest du am {date} Zeit?",
        "lunch_dates": "Welcher Tag passt dir in den nächsten Wochen?",
    },
    "en": {
        "thanks_encounter": "Thank you for the inspiring conversation{at_event}{on_date} – it was a real "
        "pleasure to meet you.",
        "thanks": "Thank you for your time and the good conversation{on_date}.",
        "snippet_topic": "I especially enjoyed our conversation about {snippet_topic}.",
        "snippet_clause": "I especially enjoyed hearing {snippet_clause}.",
        "call_as_agreed": "As agreed, I will call you in the next few days so that we can find a date for "
        "our meeting.",
        "look_forward_meeting": "I look forward to meeting you again.",
        "stay_in_touch": "I look forward to staying in touch.",
        "congratulations": "Happy birthday! I wish you a wonderful day and all the best for the year ahead – "
        "health, happiness and success.",
        "birthday_topic": "I often think of our last conversation about {snippet_topic} – I would love to "
        "hear how it went.",
        "birthday_clause": (
            "I remember you telling me {snippet_clause} – I would love to hear how it is going."
        ),
        "pleasure_event": "It was a pleasure meeting you at {event}.",
        "follow_up": "I would like to follow up on our conversation.",
        "meet_topic": "As discussed, I would be glad to meet in person to talk about {topic}.",
        "meet": "As discussed, I would be glad to meet in person.",
        "ask_date": "Would {date} work for you?",
        "ask_dates": "Which dates in the coming weeks would suit you?",
        "lunch_topic": "I would like to invite you to lunch to talk about {topic}.",
        "last_topic": "I still remember our last conversation about {snippet_topic}.",
        "last_clause": "I still remember you telling me {snippet_clause}.",
        "lunch_date": "Would you be free on {date}?",
        "lunch_dates": "Which day in the coming weeks would suit you?",
        "offer": "{offer}",
    },
}
AT_EVENT = {"de": " bei der Veranstaltung „{event}“", "en": " at {event}"}
ON_DATE = {"de": " am {date}", "en": " on {date}"}

# The benefit, by how it was recorded. {lead} depends on the message ("Wie besprochen" …).
OFFER = {
    "de_sie": {
        "introduction": "{lead} würde ich Ihnen gern einen Kontakt zu {name} vermitteln.",
        "infinitive": "{lead} würde ich Ihnen gern anbieten, {text}.",
        "noun": "{lead} würde ich Ihnen gern Folgendes anbieten: {text}.",
    },
    "de_du": {
        "introduction": "{lead} würde ich dir gern einen Kontakt zu {name} vermitteln.",
        "infinitive": "{lead} würde ich dir gern anbieten, {text}.",
        "noun": "{lead} würde ich dir gern Folgendes anbieten: {text}.",
    },
    "en": {
        "introduction": "{lead}, I would be glad to introduce you to {name}.",
        "infinitive": "{lead}, I would be glad to {text}.",
        "noun": "{lead}, I would be glad to offer you {text}.",
    },
}
OFFER_LEADS = {
    "thank_you_email:encounter": {"de": "Wie angesprochen", "en": "As mentioned"},
    "thank_you_email:meeting": {"de": "Wie besprochen", "en": "As discussed"},
    "meeting_request": {"de": "Bei unserem Treffen", "en": "When we meet"},
    "lunch_invitation": {"de": "Beim Essen", "en": "Over lunch"},
}

# The places the user fills in, in the user's own language: a draft with one of them is not sent.
PLACEHOLDERS = {
    "topic": {
        "de": "[[Thema: worüber möchten Sie mit {name} sprechen?]]",
        "en": "[[topic: what do you want to talk to {name} about?]]",
    },
    "offer": {
        "de": "[[Ihr Nutzen für {name}: was bringen Sie mit?{hint}]]",
        "en": "[[what's in it for {name}: what do you bring?{hint}]]",
    },
    "offer_hint": {"de": " Vorschlag: {hint}", "en": " Suggestion: {hint}"},
    "rephrase": {
        "de": "[[in eigenen Worten auf {language}: „{note}“]]",
        "en": "[[in your own words, in {language}: “{note}”]]",
    },
}
LANGUAGE_NAMES = {"de": {"de": "Deutsch", "en": "Englisch"}, "en": {"de": "German", "en": "English"}}

CLOSINGS = {
    "de_sie": {"birthday_greeting": "Herzliche Grüße", None: "Mit freundlichen Grüßen"},
    "de_du": {"birthday_greeting": "Herzliche Grüße", None: "Viele Grüße"},
    "en_sie": {"birthday_greeting": "Warm wishes,", None: "Kind regards,"},
    "en_du": {"birthday_greeting": "Warm wishes,", None: "Best wishes,"},
}
ENGLISH_TITLES = {"Frau": "Ms", "Herr": "Mr"}

# The privacy notice (Art. 14 GDPR) offered at the end of the first message to a person whose data came
# from somewhere else than the user's own typing: what is kept, why, where from, how to object.
# ``{source}`` is a list of ``NOTICE_SOURCES``; ``{more}`` the sentence with the public page, or empty.
NOTICE = {
    "de_sie": "Hinweis zum Datenschutz: Ihren Namen, Ihre beruflichen Angaben und Kontaktdaten habe ich "
    "{source} übernommen. Ich speichere sie mit Notizen zu unseren Gesprächen, um unseren beruflichen "
    "Kontakt zu pflegen (berechtigtes Interesse, Art. 6 Abs. 1 lit. f DSGVO). Sie können jederzeit "
    "Auskunft verlangen oder widersprechen – eine kurze Antwort genügt, dann lösche ich Ihre Daten.{more}",
    "de_du": "Hinweis zum Datenschutz: Deinen Namen, deine beruflichen Angaben und Kontaktdaten habe ich "
    "{source} übernommen. Ich speichere sie mit Notizen zu unseren Gesprächen, um unseren beruflichen "
    "Kontakt zu pflegen (berechtigtes Interesse, Art. 6 Abs. 1 lit. f DSGVO). Du kannst jederzeit "
    "Auskunft verlangen oder widersprechen – eine kurze Antwort genügt, dann lösche ich deine Daten.{more}",
    "en_sie": "A note on privacy: I took your name, professional details and contact details {source}. I "
    "keep them with notes on our conversations to maintain our professional contact (legitimate "
    "interest, Art. 6(1)(f) GDPR). You may ask what I keep or object at any time – a short reply is "
    "enough and I will delete your data.{more}",
    "en_du": "A note on privacy: I took your name, work details and contact details {source}. I keep "
    "them with notes on our conversations to stay in touch professionally (legitimate interest, "
    "Art. 6(1)(f) GDPR). If you would rather I didn't, just reply and I will delete your data.{more}",
}
NOTICE_MORE = {
    "de_sie": " Mehr dazu: {url}",
    "de_du": " Mehr dazu: {url}",
    "en_sie": " More: {url}",
    "en_du": " More: {url}",
}
# Where the data came from, as the sentence needs it; the keys are the sources an import records.
NOTICE_SOURCES = {
    "linkedin": {"de": "aus meinen LinkedIn-Kontakten", "en": "from my LinkedIn connections"},
    "address_book": {"de": "aus meinem Adressbuch", "en": "from my address book"},
    "attendees": {
        "de": "aus der Teilnehmerliste einer Veranstaltung",
        "en": "from the attendee list of an event",
    },
    "card": {
        "de_sie": "von Ihrer Visitenkarte",
        "de_du": "von deiner Visitenkarte",
        "en": "from your business card",
    },
    "press": {"de": "aus der Fachpresse", "en": "from the business press"},
}
NOTICE_AND = {"de": " und ", "en": " and "}
