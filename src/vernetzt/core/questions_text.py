"""German (Sie and du) and English texts of the prepared questions; pure data for ``core.questions``.

Slots: ``{x}`` the recorded fact as it reads inside the sentence (organizations and associations with
their article and case already applied: "bei der Bundesvereinigung Logistik (BVL)"), ``{when}`` a
success's month, ``{role}`` "als … bei …" / "as … at …", ``{since}`` when the role began, ``{at_org}``
"bei …" / "at …".
"""

FORMS = ("de_sie", "de_du", "en")

# Per template key: the first question about a fact, and for the richest facts (successes, the role) a
# second one from another angle, asked only once every fact has had its first. The second about a success
# names it by its month (read aloud, quoting it once is enough) and fits a promotion as well as a project.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "success": {
        "de_sie": ("Ich habe gelesen: „{x}“ ({when}) – herzlichen Glückwunsch! Wie ist es dazu gekommen, "
                   "und was war dabei die größte Herausforderung für Sie?",
                   "Was hat Ihr Erfolg im {when} für Sie verändert, und was kommt als Nächstes?"),
        "de_du": ("Ich habe gelesen: „{x}“ ({when}) – herzlichen Glückwunsch! Wie ist es dazu gekommen, "
                  "und was war dabei die größte Herausforderung für dich?",
                  "Was hat dein Erfolg im {when} für dich verändert, und was kommt als Nächstes?"),
        "en": ("I read about “{x}” ({when}) – congratulations! How did it come about, and what was the "
               "hardest part for you?",
               "What has your success in {when} changed for you, and what comes next?"),
    },
    # A success recorded in the other language: not quoted to the person, named as theirs (the source line
    # shows the recorded text to the user).
    "success_unquoted": {
        "de_sie": ("Ich habe von Ihrem jüngsten Erfolg gelesen ({when}) – herzlichen Glückwunsch! Wie ist es "
                   "dazu gekommen, und was war dabei die größte Herausforderung für Sie?",
                   "Was hat Ihr Erfolg im {when} für Sie verändert, und was kommt als Nächstes?"),
        "de_du": ("Ich habe von deinem jüngsten Erfolg gelesen ({when}) – herzlichen Glückwunsch! Wie ist es "
                  "dazu gekommen, und was war dabei die größte Herausforderung für dich?",
                  "Was hat dein Erfolg im {when} für dich verändert, und was kommt als Nächstes?"),
        "en": ("I read about your recent success ({when}) – congratulations! How did it come about, and what "
               "was the hardest part for you?",
               "What has your success in {when} changed for you, and what comes next?"),
    },
    "role": {
        "de_sie": ("Was reizt Sie an Ihrer Aufgabe {role} am meisten?",
                   "Was steht {at_org} gerade als Nächstes an, und welche Rolle spielen Sie dabei?"),
        "de_du": ("Was reizt dich an deiner Aufgabe {role} am meisten?",
                  "Was steht {at_org} gerade als Nächstes an, und welche Rolle spielst du dabei?"),
        "en": ("What do you enjoy most about your work {role}?",
               "What is coming up next {at_org}, and what part do you play in it?"),
    },
    "role_since": {
        "de_sie": ("Seit {since} sind Sie {role} tätig – wie hat sich Ihre Aufgabe seitdem verändert?",
                   "Was steht {at_org} gerade als Nächstes an, und welche Rolle spielen Sie dabei?"),
        "de_du": ("Seit {since} bist du {role} tätig – wie hat sich deine Aufgabe seitdem verändert?",
                  "Was steht {at_org} gerade als Nächstes an, und welche Rolle spielst du dabei?"),
        "en": ("You have been working {role} since {since} – how has the job changed over that time?",
               "What is coming up next {at_org}, and what part do you play in it?"),
    },
    "role_new": {
        "de_sie": ("Seit {since} sind Sie {role} tätig – wie haben Sie die ersten Monate erlebt?",
                   "Was wollen Sie {at_org} als Erstes bewegen?"),
        "de_du": ("Seit {since} bist du {role} tätig – wie hast du die ersten Monate erlebt?",
                  "Was willst du {at_org} als Erstes bewegen?"),
        "en": ("You started {role} in {since} – how have the first months been?",
               "What do you want to change first {at_org}?"),
    },
    "role_no_org": {
        "de_sie": ("Was reizt Sie an Ihrer Aufgabe {role} am meisten?",
                   "Woran arbeiten Sie gerade, und was davon liegt Ihnen besonders am Herzen?"),
        "de_du": ("Was reizt dich an deiner Aufgabe {role} am meisten?",
                  "Woran arbeitest du gerade, und was davon liegt dir besonders am Herzen?"),
        "en": ("What do you enjoy most about your work {role}?",
               "What are you working on right now, and what matters most to you about it?"),
    },
    "path": {
        "de_sie": ("Wie sind Sie von Ihrer Zeit {x} zu Ihrer heutigen Aufgabe gekommen?",),
        "de_du": ("Wie bist du von deiner Zeit {x} zu deiner heutigen Aufgabe gekommen?",),
        "en": ("How did you get from your time {x} to what you do today?",),
    },
    "field": {
        "de_sie": ("Was fasziniert Sie am Thema {x} besonders, und wohin entwickelt es sich gerade?",),
        "de_du": ("Was fasziniert dich am Thema {x} besonders, und wohin entwickelt es sich gerade?",),
        "en": ("What fascinates you most about {x}, and where is it heading?",),
    },
    "field_2": {
        "de_sie": ("Welche Entwicklung rund um {x} wird aus Ihrer Sicht noch unterschätzt?",),
        "de_du": ("Welche Entwicklung rund um {x} wird aus deiner Sicht noch unterschätzt?",),
        "en": ("Which development in {x} do you think is still underestimated?",),
    },
    "interest": {
        "de_sie": ("Woher kommt Ihr Interesse für {x}?",),
        "de_du": ("Woher kommt dein Interesse für {x}?",),
        "en": ("Where does your interest in {x} come from?",),
    },
    "interest_2": {
        "de_sie": ("Was gibt Ihnen {x} als Ausgleich zum Beruf?",),
        "de_du": ("Was gibt dir {x} als Ausgleich zum Beruf?",),
        "en": ("What does {x} give you as a balance to work?",),
    },
    "event": {
        "de_sie": ("Was hat Sie zur Veranstaltung „{x}“ geführt, und was erhoffen Sie sich davon?",),
        "de_du": ("Was hat dich zur Veranstaltung „{x}“ geführt, und was erhoffst du dir davon?",),
        "en": ("What brought you to “{x}”, and what are you hoping to get out of it?",),
    },
    "goal": {
        "de_sie": ("Ich arbeite auf ein Ziel hin: „{x}“ – was würden Sie an meiner Stelle als Erstes tun?",),
        "de_du": ("Ich arbeite auf ein Ziel hin: „{x}“ – was würdest du an meiner Stelle als Erstes tun?",),
        "en": ("I am working towards a goal: “{x}” – what would you do first in my place?",),
    },
    "goal_unquoted": {
        "de_sie": ("Ich arbeite auf meinen nächsten beruflichen Schritt hin – was würden Sie an meiner "
                   "Stelle als Erstes tun?",),
        "de_du": ("Ich arbeite auf meinen nächsten beruflichen Schritt hin – was würdest du an meiner Stelle "
                  "als Erstes tun?",),
        "en": ("I am working towards my next career step – what would you do first in my place?",),
    },
    "common_school": {
        "de_sie": ("Wir waren beide {x} – was hat Sie an Ihrer Zeit dort am meisten geprägt?",),
        "de_du": ("Wir waren beide {x} – was hat dich an deiner Zeit dort am meisten geprägt?",),
        "en": ("We both studied at {x} – what shaped you most about your time there?",),
    },
    "common_employer": {
        "de_sie": ("Wir waren beide {x} – wie haben Sie die Zeit dort erlebt?",),
        "de_du": ("Wir waren beide {x} – wie hast du die Zeit dort erlebt?",),
        "en": ("We both worked at {x} – how did you find your time there?",),
    },
    "common_association": {
        "de_sie": ("Wir sind beide {x} engagiert – was bringt Ihnen die Mitarbeit dort?",),
        "de_du": ("Wir sind beide {x} engagiert – was bringt dir die Mitarbeit dort?",),
        "en": ("We are both involved with {x} – what do you get out of it?",),
    },
    "common_event": {
        "de_sie": ("Wir waren beide bei der Veranstaltung „{x}“ – was haben Sie von dort mitgenommen?",),
        "de_du": ("Wir waren beide bei der Veranstaltung „{x}“ – was hast du von dort mitgenommen?",),
        "en": ("We were both at “{x}” – what did you take away from it?",),
    },
    "common_interest": {
        "de_sie": ("Sie interessieren sich wie ich für {x} – wie sind Sie dazu gekommen?",),
        "de_du": ("Du interessierst dich wie ich für {x} – wie bist du dazu gekommen?",),
        "en": ("Like me, you are into {x} – how did you get into it?",),
    },
    "common_city": {
        "de_sie": ("Wir haben beide einen Bezug zu {x} – was schätzen Sie an der Stadt besonders?",),
        "de_du": ("Wir haben beide einen Bezug zu {x} – was schätzt du an der Stadt besonders?",),
        "en": ("We both have ties to {x} – what do you like most about the city?",),
    },
    "common_language": {
        "de_sie": ("Wir sprechen beide {x} – welche Rolle spielt die Sprache für Sie?",),
        "de_du": ("Wir sprechen beide {x} – welche Rolle spielt die Sprache für dich?",),
        "en": ("We both speak {x} – what role does the language play for you?",),
    },
    "common_other": {
        "de_sie": ("Uns verbindet etwas: {x}. Welche Rolle spielt das für Sie?",),
        "de_du": ("Uns verbindet etwas: {x}. Welche Rolle spielt das für dich?",),
        "en": ("We have something in common: {x}. What role does it play for you?",),
    },
}

ROLE_PARTS = {"de": ("als {title}", "{at_org}"), "en": ("as {title}", "{at_org}")}

# Where a question comes from, shown next to it in the reader's language.
SOURCES = {
    "success": {"de": "Erfolg vom {date}", "en": "Success of {date}"},
    "role": {"de": "Aktuelle Rolle: {fact}", "en": "Current role: {fact}"},
    "path": {"de": "Früher: {fact}", "en": "Earlier: {fact}"},
    "field": {"de": "Fachgebiet: {fact}", "en": "Field: {fact}"},
    "commonality": {"de": "Gemeinsamkeit: {fact}", "en": "In common: {fact}"},
    "interest": {"de": "Interesse: {fact}", "en": "Interest: {fact}"},
    "event": {"de": "Veranstaltung: {fact}", "en": "Event: {fact}"},
    "goal": {"de": "Ihr Ziel: {fact}", "en": "Your goal: {fact}"},
}

RESEARCH_ITEMS = {
    "success": {"de": "Erfolge der letzten zwölf Monate", "en": "successes of the last twelve months"},
    "field": {"de": "Fachgebiet und Expertise", "en": "field and expertise"},
    "path": {"de": "beruflicher Werdegang", "en": "career path"},
    "commonality": {"de": "Gemeinsamkeiten", "en": "commonalities"},
    "interest": {"de": "Interessen", "en": "interests"},
}
RESEARCH_HINT = {
    "de": "Über {name} ist noch zu wenig erfasst, um ehrliche Fragen vorzubereiten. Erst recherchieren: "
          "{missing}.",
    "en": "Too little is recorded about {name} to prepare honest questions. Research first: {missing}.",
}
AND = {"de": " und ", "en": " and "}
TALK_REMINDER = {
    "de": "Das Gegenüber mehr reden lassen als selbst: neugierig nachfragen, zuhören, Details für später "
          "merken.",
    "en": "Let them talk more than you: ask, listen with curiosity, and remember details for later.",
}
SHARE_FEEDBACK = {
    "de": ("Das Gegenüber hat etwa {share} % geredet – gut so: weiter fragen und zuhören.",
           "Das Gegenüber hat nur etwa {share} % geredet – beim nächsten Mal mehr offene Fragen stellen und "
           "mehr zuhören als erzählen."),
    "en": ("They did about {share}% of the talking – well done: keep asking and listening.",
           "They did only about {share}% of the talking – next time ask more open questions and listen more "
           "than you talk."),
}
