"""German and English texts of the playbook: labels, task reasons and rule descriptions.

Pure data, kept apart from the rules in ``playbook`` so each stays readable.
"""

TASK_KIND_LABELS: dict[str, dict[str, str]] = {
    "call_to_schedule": {"de": "Termin telefonisch festmachen", "en": "Call to fix the date"},
    "thank_you_email": {"de": "Dankes-E-Mail schreiben", "en": "Write a thank-you e-mail"},
    "connect_linkedin": {"de": "Auf LinkedIn vernetzen", "en": "Connect on LinkedIn"},
    "connect_xing": {"de": "Auf XING vernetzen", "en": "Connect on XING"},
    "birthday_greeting": {"de": "Zum Geburtstag gratulieren", "en": "Send birthday greetings"},
    "birthday_call": {"de": "Zum Geburtstag anrufen", "en": "Call on their birthday"},
    "propose_lunch": {"de": "Mittagessen vorschlagen", "en": "Propose lunch"},
    "keep_in_touch": {"de": "In Kontakt bleiben", "en": "Keep in touch"},
    "reconnect": {"de": "Wieder anknüpfen", "en": "Reconnect"},
    "start_goal": {"de": "Mit dem Ziel beginnen", "en": "Get started on the goal"},
    "custom": {"de": "Eigene Aufgabe", "en": "Custom task"},
}
INTERACTION_KIND_LABELS: dict[str, dict[str, str]] = {
    "event_conversation": {"de": "Gespräch auf einer Veranstaltung", "en": "Conversation at an event"},
    "meeting": {"de": "Treffen", "en": "Meeting"},
    "lunch": {"de": "Mittagessen", "en": "Lunch"},
    "call": {"de": "Telefonat", "en": "Call"},
    "email": {"de": "E-Mail", "en": "E-mail"},
    "message": {"de": "Nachricht", "en": "Message"},
    "birthday_greeting": {"de": "Geburtstagsgruß", "en": "Birthday greeting"},
    "other": {"de": "Sonstiges", "en": "Other"},
}
TARGET_STAGE_LABELS: dict[str, dict[str, str]] = {
    "identified": {"de": "Identifiziert", "en": "Identified"},
    "researched": {"de": "Recherchiert", "en": "Researched"},
    "benefit_found": {"de": "Nutzen gefunden", "en": "Benefit found"},
    "approached": {"de": "Angesprochen", "en": "Approached"},
    "appointment_agreed": {"de": "Termin vereinbart", "en": "Appointment agreed"},
    "met": {"de": "Getroffen", "en": "Met"},
    "relationship": {"de": "Beziehung", "en": "Relationship"},
}

REASON_TEXTS: dict[str, dict[str, str]] = {
    "meeting_agreed": {
        "de": "Gespräch mit {name}{event}: Treffen vereinbart – den Termin telefonisch festmachen.",
        "en": "Conversation with {name}{event}: meeting agreed – call to fix the date.",
    },
    "encounter_thanks": {
        "de": "Gespräch mit {name}{event} am {date}, Treffen vereinbart – noch am selben Tag mit einer "
        "Dankes-E-Mail an das Gespräch anknüpfen.",
        "en": "Conversation with {name}{event} on {date}, meeting agreed – follow up the same day with a "
        "thank-you e-mail that refers to the conversation.",
    },
    "connect_after_encounter": {
        "de": "Nach dem Gespräch mit {name}{event}: auf {network} vernetzen, solange die Begegnung "
        "frisch ist.",
        "en": "After talking to {name}{event}: connect on {network} while the encounter is fresh.",
    },
    "meeting_took_place": {
        "de": "{kind} mit {name} am {date} – mit einer Dankes-E-Mail nachfassen.",
        "en": "{kind} with {name} on {date} – follow up with a thank-you e-mail.",
    },
    "connect_after_meeting": {
        "de": "Nach dem Treffen mit {name}: auf {network} vernetzen.",
        "en": "After meeting {name}: connect on {network}.",
    },
    "first_meeting": {
        "de": "Erstes Treffen mit {name} am {date} – als Nächstes ein Mittagessen vorschlagen."
        "{topic}{benefit}",
        "en": "First meeting with {name} on {date} – next, propose lunch.{topic}{benefit}",
    },
    "birthday_soon": {
        "de": "{name} hat {when} Geburtstag ({date}{age}) – gratulieren, am besten mit einem Detail aus dem "
        "letzten Gespräch.",
        "en": "{name}'s birthday is {when} ({date}{age}) – send greetings, ideally recalling a detail from "
        "your last conversation.",
    },
    "birthday_soon_call": {
        "de": "{name} hat {when} Geburtstag ({date}{age}) – engster Kreis: lieber anrufen als schreiben.",
        "en": "{name}'s birthday is {when} ({date}{age}) – inner circle: call rather than write.",
    },
    "cadence_elapsed": {
        "de": "Letzter Kontakt mit {name} am {last_date}; Stufe „{tier}“: alle {days} Tage melden."
        "{last_kind}",
        "en": "Last contact with {name} on {last_date}; tier “{tier}”: get in touch every {days} days."
        "{last_kind}",
    },
    "dormant_tie": {
        "de": "Seit {years} Jahren kein Kontakt mit {name} (zuletzt am {last_date}) – ruhende Kontakte geben "
        "wertvollen, neuen Rat: wieder anknüpfen.",
        "en": "No contact with {name} for {years} years (last on {last_date}) – dormant ties give valuable, "
        "fresh advice: reconnect.",
    },
    "goal_not_started": {
        "de": "Ziel „{goal}“: seit {days} Tagen noch niemand angesprochen – heute die erste Person "
        "ansprechen.",
        "en": "Goal “{goal}”: nobody approached in {days} days – approach the first person today.",
    },
}
# Optional reason params become a fragment when present and vanish when absent.
OPTIONAL_FRAGMENTS: dict[str, dict[str, str]] = {
    "event": {"de": " bei „{event}“", "en": " at “{event}”"},
    "age": {"de": ", wird {age}", "en": ", turning {age}"},
    "topic": {"de": " Thema: {topic}.", "en": " Topic: {topic}."},
    "benefit": {"de": " Nutzen für {name}: {benefit}.", "en": " What's in it for {name}: {benefit}."},
    "last_kind": {
        "de": " Diesmal einen anderen Kanal wählen als zuletzt ({last_kind}).",
        "en": " Use a different channel than last time ({last_kind}).",
    },
}
LUNCH_TIP = {
    "de": " Dabei Thema und Nutzen für {name} nennen.",
    "en": " Name the topic and what's in it for {name}.",
}

# Rule descriptions for the settings page; {delay}-style slots are filled from the current settings.
RULE_TEXTS: dict[str, dict[str, str]] = {
    "call_to_schedule": {
        "de": "Gespräch auf einer Veranstaltung mit vereinbartem Treffen → Termin telefonisch festmachen, "
        "fällig {delay}{holidays}.",
        "en": "Conversation at an event with a meeting agreed → call to fix the date, due {delay}{holidays}.",
    },
    "thank_you_email": {
        "de": "Gespräch auf einer Veranstaltung mit vereinbartem Treffen, und jedes Treffen oder "
        "Mittagessen → Dankes-E-Mail, fällig {delay}.",
        "en": "A conversation at an event with a meeting agreed, and every meeting or lunch → thank-you "
        "e-mail, due {delay}.",
    },
    "connect_linkedin": {
        "de": "Nach einem Gespräch mit vereinbartem Treffen oder nach einem Treffen → auf LinkedIn "
        "vernetzen, sofern noch nicht verbunden, fällig {delay}.",
        "en": "After a conversation with a meeting agreed, or after a meeting → connect on LinkedIn unless "
        "already connected, due {delay}.",
    },
    "connect_xing": {
        "de": "Ebenso auf XING – nur bei Personen mit XING-Profil oder aus Deutschland, Österreich, der "
        "Schweiz und Liechtenstein, sofern noch nicht verbunden, fällig {delay}.",
        "en": "Likewise on XING – only for people with a XING profile or living in Germany, Austria, "
        "Switzerland or Liechtenstein, unless already connected, due {delay}.",
    },
    "propose_lunch": {
        "de": "Nach dem ersten Treffen → Mittagessen vorschlagen und dabei Thema und Nutzen für die andere "
        "Person nennen, fällig {delay}.",
        "en": "After a first meeting → propose lunch, naming the topic and the benefit for the other person, "
        "due {delay}.",
    },
    "birthday": {
        "de": "Geburtstag → Glückwunsch, angekündigt {notice} vorher, fällig am Geburtstag (am 29. Februar "
        "Geborene in Nicht-Schaltjahren am 28. Februar){call}.",
        "en": "Birthday → greetings, announced {notice} ahead, due on the birthday (for those born on "
        "29 February: 28 February in non-leap years){call}.",
    },
    "keep_in_touch": {
        "de": "Regelmäßig melden, je nach Stufe – {tiers}. Zusammen mit dem Wiederanknüpfen höchstens "
        "{per_day} am Tag: ein Rückstand (nach einem Import, einem kürzeren Rhythmus) wird auf die "
        "nächsten Tage verteilt; höchstens {max_open} gleichzeitig offen.",
        "en": "Get in touch regularly, by tier – {tiers}. Together with reconnecting at most {per_day} "
        "a day: a backlog (after an import, a shorter cadence) is spread over the coming days; at most "
        "{max_open} open at a time.",
    },
    "reconnect": {
        "de": "{dormant} ohne Kontakt → wieder anknüpfen, die wertvollsten Kontakte zuerst, höchstens "
        "{max_open} gleichzeitig offen.",
        "en": "{dormant} without contact → reconnect, most valuable first, at most {max_open} open at "
        "a time.",
    },
    "start_goal": {
        "de": "Ein Ziel, bei dem {after} nach dem Anlegen noch niemand angesprochen wurde → Anstoß, heute "
        "anzufangen.",
        "en": "A goal with nobody approached {after} after it was created → a nudge to start today.",
    },
    "focus": {
        "de": "Heute zeigt zuerst die {size} wichtigsten Aufgaben: den Anruf, der einen vereinbarten Termin "
        "festmacht, und Geburtstage am Tag; dann Dank und eigene Aufgaben; dann schnelle Folgeschritte "
        "(vernetzen, Mittagessen); dann die Kontaktpflege – jeweils zuerst die Menschen, die für Ihre "
        "aktiven Ziele zählen. Alles andere wartet unter „Später“.",
        "en": "Today first shows the {size} tasks that matter most: the call that fixes an agreed date "
        "and birthdays on the day; then thank-yous and your own tasks; then quick follow-ups (connecting, "
        "lunch); then keeping in touch – each time the people who matter for your active goals first. "
        "Everything else waits under “Later”.",
    },
}
RULE_TITLES: dict[str, dict[str, str]] = {
    "birthday": {"de": "Geburtstage", "en": "Birthdays"},
    "focus": {"de": "Heute", "en": "Today"},
}
HOLIDAY_NOTES = {
    True: {
        "de": " (ohne Wochenenden und bundesweite Feiertage)",
        "en": " (skipping weekends and nationwide German public holidays)",
    },
    False: {"de": " (ohne Wochenenden)", "en": " (skipping weekends)"},
}
BIRTHDAY_CALL_NOTE = {
    "de": "; im engsten Kreis ein Anruf statt einer Nachricht",
    "en": "; for the inner circle a call instead of a message",
}
UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "day": {"de": ("Tag", "Tage"), "en": ("day", "days")},
    "workday": {"de": ("Werktag", "Werktage"), "en": ("working day", "working days")},
    "year": {"de": ("Jahr", "Jahre"), "en": ("year", "years")},
}
ABOUT = {"de": "{days} (rund {years})", "en": "{days} (about {years})"}
SAME_DAY = {
    "day": {"de": "am selben Tag", "en": "the same day"},
    "workday": {"de": "am selben oder nächsten Werktag", "en": "the same or next working day"},
}
LATER = {"de": "{amount} später", "en": "{amount} later"}
