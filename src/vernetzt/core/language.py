"""Which of vernetzt's two languages to speak, as pure functions over plain data.

The interface speaks German or English; everything that renders text takes ``lang`` ("de"/"en") and
checks it with ``check_language``. Where a language comes from (the account, the request, the person a
message goes to) is decided once, in ``vernetzt.language``; the pure part of that decision lives here.
"""

from __future__ import annotations

from collections.abc import Iterable

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
