"""Which of vernetzt's two languages to speak, as pure functions over plain data.

The interface speaks German or English; everything that renders text takes ``lang`` ("de"/"en") and
checks it with ``check_language``. Where a language comes from (the account, the request, the person a
message goes to) is decided once, in ``vernetzt.language``; the pure part of that decision lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from babel import Locale
from babel.languages import get_official_languages, get_territory_language_info

from vernetzt.core.text import fold

LANGUAGES: tuple[str, ...] = ("de", "en")

# How people write "German" in a languages field (ISO 639-1/-2 codes and the names in both languages).
_GERMAN_NAMES = frozenset({"de", "deu", "ger", "german", "deutsch"})
# Countries where a message to someone whose languages are unknown is best written in German.
_GERMAN_SPEAKING_COUNTRIES = frozenset({"DE", "AT", "CH", "LI"})


def check_language(lang: str) -> str:
    """``lang`` itself when vernetzt speaks it; a ValueError otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    return lang


def normalize_language(code: str | None) -> str:
    """A language code as vernetzt speaks it: "de" for any German variant ("de-at"), else English."""
    return "de" if (code or "").strip().lower().startswith("de") else "en"


def message_language(*, languages: Iterable[str], country: str, fallback: str) -> str:
    """The language to write to a person in: German when they speak it, English when they speak other
    languages only; without recorded languages German in German-speaking countries, English elsewhere;
    with neither known, ``fallback`` (the user's own language)."""
    spoken = {value.strip().casefold() for value in languages if value and value.strip()}
    if spoken:
        return "de" if spoken & _GERMAN_NAMES else "en"
    if country:
        return "de" if country.upper() in _GERMAN_SPEAKING_COUNTRIES else "en"
    return check_language(fallback)


@cache
def _language_codes() -> dict[str, str]:
    names = {}
    for lang in ("en", "de"):
        for code, name in Locale.parse(lang).languages.items():
            names.setdefault(fold(name), code)
    return names


@lru_cache(maxsize=4096)
def language_code(text: str) -> str:
    """The ISO 639 code of a recorded language: "Deutsch", "German" and "de" are all "de"; unknown names
    stay as written (folded)."""
    folded = fold(text).strip()
    return _language_codes().get(folded, folded)


def language_name(text: str, lang: str) -> str:
    """A recorded language ("Deutsch", "tamil", "de") by its name in ``lang`` ("German", "Tamil");
    unknown names as written."""
    code = language_code(text)
    return Locale.parse(check_language(lang)).languages.get(code, text.strip())


# A language spoken by at least this share of a country's people is one its people take for granted.
_WIDELY_SPOKEN_PERCENT = 25.0


@lru_cache(maxsize=512)
def common_languages(country: str) -> frozenset[str]:
    """The languages (ISO 639 codes) most people of ``country`` speak or that are official there."""
    if not country:
        return frozenset()
    country = country.upper()
    info = get_territory_language_info(country)
    widely = {code.split("_")[0] for code, data in info.items()
              if data.get("population_percent", 0) >= _WIDELY_SPOKEN_PERCENT}
    official = {code.split("_")[0] for code in get_official_languages(country, de_facto=True)}
    return frozenset(widely | official)


def notable_languages(languages: Iterable[str], *, country: str) -> list[str]:
    """The person's languages worth a remark, as recorded and in their order: not English, the lingua
    franca of business, and none that most people of their country speak anyway — a German speaking
    German says nothing; a Vietnamese speaking German does."""
    skip = common_languages(country) | {"en"}
    found: dict[str, str] = {}
    for value in languages:
        if value and value.strip():
            found.setdefault(language_code(value), value.strip())
    return [name for code, name in found.items() if code not in skip]


# Short words that only one of the two languages uses; enough to tell a note's language apart.
_GERMAN_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer und oder ist sind war hat haben mit für auf aus "
    "bei beim im am zum zur vom nicht noch schon gerade sich sein seine ihre ihr wir wird nach über "
    "auch sehr neue neuen neues ihm ihn dass mein meine unser unsere dein deine sein seine seiner "
    "seinen seinem ihrer ihren ihrem".split()
)
_ENGLISH_WORDS = frozenset(
    "the a and or is are was were has have with for on at from of to not still just his her their "
    "she he we after about very new into that this your my our you its".split()
)  # not "will" or "also": German uses them too ("will 2027 nach Singapur", "also …")
_WORD = re.compile(r"[^\W\d_]+")
# Endings of long German nouns and adjectives ("Auszeichnung", "Nachhaltigkeit", "Partnerschaft").
_GERMAN_ENDINGS = ("ung", "ungen", "keit", "heit", "schaft", "lich", "isch")
_MIN_ENDING_WORD = 7  # "young", "sung", "dish" are English
# A quoted name inside a note says nothing about the note's language ("Auszeichnung „Supply Chain Leader
# of the Year“ erhalten" is German).
_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|“[^”]*”|»[^«]*«|«[^»]*»|\"[^\"]*\"")


def text_language(text: str) -> str | None:
    """The language of a short note, "de" or "en" ("Tochter studiert an der NUS", "moving to Singapore
    next year"); None when it does not tell (a single name or noun)."""
    text = _QUOTED.sub(" ", text or "")
    words = [word.casefold() for word in _WORD.findall(text)]
    german = sum(word in _GERMAN_WORDS for word in words) + sum(ch in "äöüß" for ch in text.lower())
    german += sum(len(word) >= _MIN_ENDING_WORD and word.endswith(_GERMAN_ENDINGS) for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    if german == english:
        return None
    return "de" if german > english else "en"
