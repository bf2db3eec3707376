"""Industries: LinkedIn's industry list, grouped by NACE/WZ section, in German and English.

Data (``core/data``): ``industries.tsv`` (LinkedIn's code, NACE section, English and German name),
``nace_sections.tsv`` (the sections with their official names), ``industry_aliases.tsv`` (LinkedIn's
newer names and the words users type) and ``industry_lexicon.tsv`` (words in an organization's name
and legal form that tell its industry: "Spedition", "Klinikum", "Stadtwerke", "e. V." …).

An organization's industry is stored as its code ("116"); two industries of the same section are
*related* (Logistics and Warehousing), which a goal counts as a part fit. Where it comes from is
stored beside it (:data:`SOURCES`): the user's choice is never overwritten; company data a source
names beats a guess from the name, which beats the industry of a person's LinkedIn profile (that is
the person's field — a logistics lead at a machine builder says "Logistics").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from vernetzt.core.text import fold

_DATA = files("vernetzt.core") / "data"


@dataclass(frozen=True, slots=True)
class Industry:
    code: int
    section: str  # NACE Rev. 2 section letter
    names: Mapping[str, str]  # "de", "en"


def _rows(name: str) -> list[list[str]]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _load() -> dict[int, Industry]:
    return {
        int(code): Industry(code=int(code), section=section, names=MappingProxyType({"en": en, "de": de}))
        for code, section, en, de in _rows("industries.tsv")
    }


INDUSTRIES: Mapping[int, Industry] = MappingProxyType(_load())
SECTIONS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {letter: MappingProxyType({"en": en, "de": de}) for letter, en, de in _rows("nace_sections.tsv")}
)


def industry_name(code: int, lang: str) -> str:
    return INDUSTRIES[code].names[lang]


def related(a: int, b: int) -> bool:
    """Different industries of the same NACE section."""
    return a != b and a in INDUSTRIES and b in INDUSTRIES and INDUSTRIES[a].section == INDUSTRIES[b].section


def _key(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z&/]+", fold(text)))


@cache
def _names() -> dict[str, int]:
    table = {}
    for industry in INDUSTRIES.values():
        table[str(industry.code)] = industry.code
        for name in industry.names.values():
            table[_key(name)] = industry.code
    for alias, code in _rows("industry_aliases.tsv"):
        table[_key(alias)] = int(code)
    return table


# Where an organization's industry came from, weakest first: a later source only replaces a weaker one.
SOURCE_PROFILE, SOURCE_NAME, SOURCE_DATA, SOURCE_USER = "profile", "name", "data", "user"
SOURCES = ("", SOURCE_PROFILE, SOURCE_NAME, SOURCE_DATA, SOURCE_USER)


def outranks(source: str, current: str) -> bool:
    """May an industry from ``source`` replace one from ``current``? (The user's own choice only by
    the user.)"""
    return SOURCES.index(source) >= SOURCES.index(current or "")


@cache
def _lexicon() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], int], ...]]:
    rows = _rows("industry_lexicon.tsv")
    # One pass of all patterns at once turns most names (which tell nothing) away quickly; only a
    # name that matches is tried row by row, where the first row wins.
    anything = re.compile("|".join(f"(?:{pattern})" for pattern, _ in rows))
    return anything, tuple((re.compile(pattern), int(code)) for pattern, code in rows)


def industry_in_name(name: str) -> int | None:
    """The industry an organization's name and legal form point to ("Spedition Kühn & Söhne KG" →
    Logistics and Supply Chain), or None when they do not tell."""
    folded = fold(name)
    anything, rows = _lexicon()
    if not anything.search(folded):
        return None
    return next((code for pattern, code in rows if pattern.search(folded)), None)


def resolve_industry(text: str) -> int | None:
    """An industry named in either language, by LinkedIn's old or new name, by code, or by a word of
    the lexicon ("Automobilzulieferer" → Automotive); None when unknown."""
    if not text or not text.strip():
        return None
    return _names().get(_key(text)) or industry_in_name(text)


def stored_code(value: str) -> int:
    """The industry code of an organization's stored ``industry`` (a code; older rows may hold a name
    a source gave), -1 for none or unknown."""
    value = value.strip()
    if value.isdigit():
        return int(value) if int(value) in INDUSTRIES else -1
    code = resolve_industry(value) if value else None
    return -1 if code is None else code


def same_section(codes: frozenset[int]) -> frozenset[int]:
    """The industries related to ``codes`` (their NACE sections' other industries)."""
    sections = {INDUSTRIES[code].section for code in codes if code in INDUSTRIES}
    return frozenset(c for c, industry in INDUSTRIES.items() if industry.section in sections) - codes


def industry_choices(lang: str) -> list[tuple[int, str]]:
    """(code, name) of every industry, by name in ``lang``: what a user picks from."""
    return sorted(((c, i.names[lang]) for c, i in INDUSTRIES.items()), key=lambda pair: fold(pair[1]))
