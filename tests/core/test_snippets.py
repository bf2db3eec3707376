"""Remembered snippets woven into a message: a clause or a topic in the message's language and form of
address, or marked for the user to rephrase — never a note pasted where it does not read."""

from __future__ import annotations

import pytest

from vernetzt.core.snippets import weave_snippet

CASES = [
    # (note, German Sie, German du, English); (mode, text) each, or "rephrase"
    ("segelt am Wochenende auf dem Phoenix-See", "dass Sie am Wochenende auf dem Phoenix-See segeln",
     "dass du am Wochenende auf dem Phoenix-See segelst", "rephrase"),
    ("spielt Golf im Club", "dass Sie Golf im Club spielen", "dass du Golf im Club spielst", "rephrase"),
    ("wandert in den Alpen", "dass Sie in den Alpen wandern", "dass du in den Alpen wanderst", "rephrase"),
    ("feiert gern", "dass Sie gern feiern", "dass du gern feierst", "rephrase"),
    ("sammelt Whisky", "dass Sie Whisky sammeln", "dass du Whisky sammelst", "rephrase"),
    ("Tochter hat gerade in Singapur mit dem Studium angefangen",
     "dass Ihre Tochter gerade in Singapur mit dem Studium angefangen hat",
     "dass deine Tochter gerade in Singapur mit dem Studium angefangen hat", "rephrase"),
    ("Sohn macht Abitur", "dass Ihr Sohn Abitur macht", "dass dein Sohn Abitur macht", "rephrase"),
    ("Hund heißt Bruno", "dass Ihr Hund Bruno heißt", "dass dein Hund Bruno heißt", "rephrase"),
    ("will 2027 nach Singapur", "dass Sie 2027 nach Singapur wollen", "dass du 2027 nach Singapur willst",
     "rephrase"),
    # Imported notes start with a capital letter.
    ("Fährt Rennrad", "dass Sie Rennrad fahren", "dass du Rennrad fährst", "rephrase"),
    ("Hat zwei Kinder", "dass Sie zwei Kinder haben", "dass du zwei Kinder hast", "rephrase"),
    # Several facts in one note: only the user can say them well.
    ("Mag Rennrad, Tochter studiert in Delft", "rephrase", "rephrase", "rephrase"),
    ("daughter started at NUS", "rephrase", "rephrase", "that your daughter started at NUS"),
    ("sails at weekends", "rephrase", "rephrase", "that you sail at weekends"),
    ("loves sailing", "rephrase", "rephrase", "that you love sailing"),
]


@pytest.mark.parametrize(("note", "sie", "du", "english"), CASES)
def test_a_note_becomes_a_clause_a_topic_or_a_place_to_rephrase(note, sie, du, english):
    for lang, formality, expected in (("de", "sie", sie), ("de", "du", du), ("en", "sie", english)):
        woven = weave_snippet(note, lang=lang, formality=formality)
        if expected == "rephrase":
            assert (woven.mode, woven.text) == ("rephrase", note), (lang, formality)
        else:
            assert woven.mode != "rephrase" and woven.text == expected, (lang, formality, woven)
