"""A remembered snippet, woven into a message instead of pasted.

Snippets are notes the user jotted down about the other person, in the third person: "segelt am
Wochenende auf dem Phoenix-See", "Tochter studiert an der NUS", "daughter started at NUS". A message
speaks to the person, so a note becomes

* a **clause** when it says what the person does: "dass Sie am Wochenende auf dem Phoenix-See segeln",
  "dass deine Tochter an der NUS studiert", "that you sail on the lake at weekends";
* a **topic** when it names something: "Ihre Tochter an der NUS", "Segelwochenende in Kiel";
* a place to **rephrase** when the note is in another language than the message, or its shape cannot be
  turned safely — the message then marks the place instead of pasting a note the user would be
  embarrassed to send.
"""

from __future__ import annotations

from dataclasses import dataclass

from vernetzt.core.language import check_language, text_language

# Nouns that a note uses without "his/her" ("Tochter studiert …"): German gender (f, m, pl) for the
# possessive; English needs none.
_GERMAN_KIN = {
    "tochter": "f", "sohn": "m", "kinder": "pl", "kind": "n", "frau": "f", "mann": "m", "partner": "m",
    "partnerin": "f", "familie": "f", "hund": "m", "katze": "f", "eltern": "pl", "vater": "m",
    "mutter": "f", "enkel": "m", "enkelin": "f", "bruder": "m", "schwester": "f", "team": "n",
    "firma": "f", "abteilung": "f", "chefin": "f", "chef": "m",
}
_GERMAN_POSSESSIVE = {
    "sie": {"f": "Ihre", "m": "Ihr", "n": "Ihr", "pl": "Ihre"},
    "du": {"f": "deine", "m": "dein", "n": "dein", "pl": "deine"},
}
_ENGLISH_KIN = frozenset(
    "daughter son kids children child wife husband partner family dog cat parents father mother "
    "grandchild brother sister team company".split()
)
# Third-person verb forms → (Sie form, du form) where the rule below would get them wrong.
_IRREGULAR = {
    "ist": ("sind", "bist"), "hat": ("haben", "hast"), "war": ("waren", "warst"),
    "hatte": ("hatten", "hattest"), "wird": ("werden", "wirst"), "will": ("wollen", "willst"),
    "kann": ("können", "kannst"), "muss": ("müssen", "musst"), "soll": ("sollen", "sollst"),
    "darf": ("dürfen", "darfst"), "mag": ("mögen", "magst"), "möchte": ("möchten", "möchtest"),
    "weiß": ("wissen", "weißt"), "läuft": ("laufen", "läufst"), "fährt": ("fahren", "fährst"),
    "trägt": ("tragen", "trägst"), "schläft": ("schlafen", "schläfst"), "hält": ("halten", "hältst"),
    "liest": ("lesen", "liest"), "sieht": ("sehen", "siehst"), "spricht": ("sprechen", "sprichst"),
    "trifft": ("treffen", "triffst"), "nimmt": ("nehmen", "nimmst"), "gibt": ("geben", "gibst"),
    "hilft": ("helfen", "hilfst"), "isst": ("essen", "isst"), "fängt": ("fangen", "fängst"),
    "lädt": ("laden", "lädst"), "wächst": ("wachsen", "wächst"), "tut": ("tun", "tust"),
    "wollte": ("wollten", "wolltest"), "konnte": ("konnten", "konntest"), "musste": ("mussten", "musstest"),
}
# Words ending in "t" that are no verbs.
_NOT_VERBS = frozenset("jetzt erst nicht oft seit meist zuletzt sonst nachts gut bereits selbst".split())
_PARTICLES = frozenset("an auf aus ein mit vor zu ab zurück weg los nach bei um fest".split())
_POSSESSIVE_SWAP = {
    "sie": {"sein": "Ihr", "seine": "Ihre", "seinen": "Ihren", "seinem": "Ihrem", "seiner": "Ihrer",
            "ihre": "Ihre", "ihren": "Ihren", "ihrem": "Ihrem", "ihrer": "Ihrer", "sich": "sich"},
    "du": {"sein": "dein", "seine": "deine", "seinen": "deinen", "seinem": "deinem", "seiner": "deiner",
           "ihre": "deine", "ihren": "deinen", "ihrem": "deinem", "ihrer": "deiner", "sich": "dich"},
}
_ENGLISH_IRREGULAR = {"is": "are", "has": "have", "was": "were", "does": "do", "goes": "go"}
_ENGLISH_SWAP = {"his": "your", "her": "your", "their": "your", "himself": "yourself", "herself": "yourself"}


@dataclass(frozen=True)
class Woven:
    mode: str  # "clause", "topic" or "rephrase"
    text: str  # the clause ("dass Sie …" / "that you …"), the topic, or the note as recorded


def _is_german_verb(word: str) -> bool:
    regular = len(word) >= 4 and word.endswith("t") and any(vowel in word[:-1] for vowel in "aeiouäöü")
    return word.islower() and word not in _NOT_VERBS and (word in _IRREGULAR or regular)


def _conjugate(verb: str, formality: str) -> str:
    """A third-person singular German verb for the person addressed ("segelt" → "segeln"/"segelst")."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][0 if formality == "sie" else 1]
    stem = verb[:-1]
    if formality == "du":
        if stem.endswith(("s", "ß", "z", "x")):
            return verb  # reist, tanzt
        return stem + "st"  # baut → baust, arbeitet → arbeitest, segelt → segelst
    if stem.endswith("e") and stem[-2:-1] in ("d", "t"):
        return stem + "n"  # arbeitet → arbeiten
    if stem.endswith(("el", "er")) and stem[-3:-2] not in ("i", "e", "a", "o", "u", "ä", "ö", "ü"):
        return stem + "n"  # segelt → segeln, wandert → wandern (but spielt → spielen, feiert → feiern)
    if stem.endswith("er"):
        return stem + "n"
    return stem + "en"  # baut → bauen, sucht → suchen


def _german(words: list[str], formality: str) -> Woven | None:
    if words[0][:1].isupper() and words[0].casefold() in _IRREGULAR:  # "Fährt Rennrad" from an import
        words = [words[0].casefold(), *words[1:]]
    kin = _GERMAN_KIN.get(words[0].casefold()) if words[0][:1].isupper() else None
    if kin is not None:
        possessive = _GERMAN_POSSESSIVE[formality][kin]
        if len(words) > 1 and _is_german_verb(words[1]):
            return Woven("clause", " ".join(["dass", possessive, words[0], *words[2:], words[1]]))
        return Woven("topic", " ".join([possessive, *words]))
    if _is_german_verb(words[0]):
        verb, rest = _conjugate(words[0], formality), words[1:]
        if len(rest) > 1 and rest[-1] in _PARTICLES:
            verb, rest = rest[-1] + verb, rest[:-1]  # fängt … an → anfangen
        swapped = [_POSSESSIVE_SWAP[formality].get(word, word) for word in rest]
        subject = "Sie" if formality == "sie" else "du"
        return Woven("clause", " ".join(["dass", subject, *swapped, verb]))
    if words[0][:1].isupper():
        return Woven("topic", " ".join(words))
    return None


def _english_verb(word: str) -> str | None:
    """The "you" form of a third-person verb ("sails" → "sail"), a past tense as is, else None."""
    if word in _ENGLISH_IRREGULAR:
        return _ENGLISH_IRREGULAR[word]
    if word.endswith("ed") or word in ("went", "got", "made", "took", "began", "ran", "won"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None


def _english(words: list[str]) -> Woven | None:
    first = words[0].casefold()
    if (first in _GERMAN_KIN and first not in _ENGLISH_KIN) or _is_german_verb(words[0]):
        return None  # "Sohn macht Abitur", "sammelt Whisky": German notes, whatever their words say
    if first in _ENGLISH_KIN:
        verb = _english_verb(words[1]) if len(words) > 1 else None
        if verb is not None:
            return Woven("clause", " ".join(["that your", words[0], *words[1:]]))
        return Woven("topic", " ".join(["your", *words]))
    verb = _english_verb(words[0]) if words[0].islower() else None
    if verb is not None:
        return Woven("clause", " ".join(["that you", verb, *(_ENGLISH_SWAP.get(w, w) for w in words[1:])]))
    return Woven("topic", " ".join(_ENGLISH_SWAP.get(w, w) for w in words))


def weave_snippet(snippet: str, *, lang: str, formality: str) -> Woven:
    """How ``snippet`` can appear in a message in ``lang`` to someone addressed with ``formality``."""
    check_language(lang)
    note = " ".join((snippet or "").split()).rstrip(".!?…;,")
    words = note.split()
    if not words:
        raise ValueError("an empty snippet cannot be woven in")
    written_in = text_language(note)
    if (written_in is not None and written_in != lang) or "," in note or ";" in note:
        return Woven("rephrase", note)  # another language, or several facts in one note
    woven = _german(words, formality) if lang == "de" else _english(words)
    return woven or Woven("rephrase", note)
