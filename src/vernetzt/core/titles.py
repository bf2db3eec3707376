"""Job titles in German or English → seniority level and business function (DESIGN §3).

The rules are data: ``data/titles_normalize.tsv`` (abbreviations, irregular gendered forms),
``data/titles_seniority.tsv`` and ``data/titles_function.tsv`` (regular expressions with a value and a
priority). A title a user reports as misclassified is fixed by adding a row there, not by changing code.

How a title is read:

1. Normalise: Unicode NFKC, lowercase; drop gender markers ("(m/w/d)", "(all genders)", "Leiter*in",
   "Leiter/in"); German feminine forms lose their "-in" (Leiterin → leiter, Geschäftsführerin →
   geschäftsführer); abbreviations are expanded (GF, stellv., Sr., Mgr., Dir., Hd. …); a company
   after "at"/"bei"/"@" is cut off.
2. Split into roles: hard separators ``| , ; · •`` and a spaced dash separate roles; conjunctions
   (``& / + und and``) separate roles only where both sides name a level of their own, so
   "Founder & CEO" is two roles but "Head of Sales & Marketing" is one.
3. Each role gets the level of its highest-priority matching seniority row (ties: the higher
   level). A modifier row ("down": deputy, junior, assistant-to) lowers it by one step, but only
   when the modifier's priority is at least that of the level row — so "Junior Partner" can be
   pinned to partner by a more specific row. A level is never lowered below "entry".
4. The title takes the role with the highest level (the first on ties) and that role's function:
   the function row with the highest priority, the earliest in the text on ties. Rows of priority 1
   are defaults implied by a leader's title (CEO, Founder → general_management); a department named
   anywhere in the title beats them ("Founder & CTO" → information_technology).

Conventions chosen where sources disagree:

- Empty or unrecognised titles are ``entry``/``other``: most titles without a level word are plain
  role nouns (Disponent, Buchhalterin), which DESIGN puts at entry.
- Every "Manager" title is ``manager`` level, including Account, Product and Project Manager. People
  data vendors match the word the same way, and a single rule is predictable for users; "Junior"
  lowers it by one step. Projektleiter follows Project Manager (manager, program_project_management).
- A compound ending in -leiter/-leitung is "Leiter X" (director) with X giving the function;
  Team-/Gruppen-/Schicht-/Projekt-/Filial-/Bau-/Stations-/Gebietsleiter are ``manager``,
  Bereichsleiter is ``vp``.
- Plant Manager and Branch Manager are director (as Werkleiter, Niederlassungsleiter); Country and
  General Manager are vp; Managing Director and Executive Director are cxo; Product Owner is senior.
- Self-employed, freelancer and Unternehmer count as ``owner`` (LinkedIn's owner level).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

SENIORITY_LEVELS: tuple[str, ...] = (
    "unpaid", "training", "entry", "senior", "manager", "director", "vp", "cxo", "partner", "owner",
)
FUNCTIONS: tuple[str, ...] = (
    "general_management", "administrative", "operations", "supply_chain_logistics", "manufacturing",
    "procurement", "sales", "business_development", "marketing", "communications", "product", "finance",
    "human_resources", "information_technology", "engineering", "data_analytics", "research_development",
    "quality", "program_project_management", "legal", "consulting", "customer_service", "education",
    "health", "other",
)

SENIORITY_LABELS: dict[str, dict[str, str]] = {
    "unpaid": {"de": "Praktikum / unbezahlt", "en": "Intern / unpaid"},
    "training": {"de": "Ausbildung / Trainee", "en": "Training / trainee"},
    "entry": {"de": "Fachkraft / Einstieg", "en": "Entry / individual contributor"},
    "senior": {"de": "Senior / Experte", "en": "Senior / expert"},
    "manager": {"de": "Team- und Gruppenleitung", "en": "Manager / team lead"},
    "director": {"de": "Leitung / Abteilungsleitung", "en": "Director / head of"},
    "vp": {"de": "Bereichsleitung / VP", "en": "Vice president"},
    "cxo": {"de": "Geschäftsführung / C-Level", "en": "C-level / executive"},
    "partner": {"de": "Partner / Gesellschafter", "en": "Partner"},
    "owner": {"de": "Inhaber / Gründer", "en": "Owner / founder"},
}
FUNCTION_LABELS: dict[str, dict[str, str]] = {
    "general_management": {"de": "Unternehmensführung", "en": "General management"},
    "administrative": {"de": "Verwaltung & Assistenz", "en": "Administrative"},
    "operations": {"de": "Betrieb & Operations", "en": "Operations"},
    "supply_chain_logistics": {"de": "Supply Chain & Logistik", "en": "Supply chain & logistics"},
    "manufacturing": {"de": "Produktion & Fertigung", "en": "Manufacturing"},
    "procurement": {"de": "Einkauf & Beschaffung", "en": "Procurement"},
    "sales": {"de": "Vertrieb", "en": "Sales"},
    "business_development": {"de": "Geschäftsentwicklung", "en": "Business development"},
    "marketing": {"de": "Marketing", "en": "Marketing"},
    "communications": {"de": "Kommunikation & PR", "en": "Communications & PR"},
    "product": {"de": "Produktmanagement", "en": "Product"},
    "finance": {"de": "Finanzen & Controlling", "en": "Finance"},
    "human_resources": {"de": "Personal (HR)", "en": "Human resources"},
    "information_technology": {"de": "IT", "en": "Information technology"},
    "engineering": {"de": "Technik & Ingenieurwesen", "en": "Engineering"},
    "data_analytics": {"de": "Daten & Analyse", "en": "Data & analytics"},
    "research_development": {"de": "Forschung & Entwicklung", "en": "Research & development"},
    "quality": {"de": "Qualität", "en": "Quality"},
    "program_project_management": {
        "de": "Projekt- und Programmmanagement", "en": "Program & project management",
    },
    "legal": {"de": "Recht & Compliance", "en": "Legal & compliance"},
    "consulting": {"de": "Beratung", "en": "Consulting"},
    "customer_service": {"de": "Kundenservice", "en": "Customer service"},
    "education": {"de": "Bildung & Lehre", "en": "Education"},
    "health": {"de": "Gesundheit & Medizin", "en": "Health & medicine"},
    "other": {"de": "Sonstiges", "en": "Other"},
}

_RANK = {level: rank for rank, level in enumerate(SENIORITY_LEVELS)}
_ENTRY = _RANK["entry"]
_DOWN = "down"
# Weak function rows: defaults implied by a leader's title, beaten by any named department.
_WEAK = 1

_GENDER_MARKER = re.compile(
    r"\(\s*(?:all\s+genders?|alle\s+geschlechter|gn\*?|[mwfdxi]|div|divers)"
    r"(?:\s*[/|,*]\s*(?:[mwfdxi]|div|divers))*\s*\)"
    r"|(?<![\w/])[mwf]\s*/\s*[wmf]\s*/\s*[dxi]\b"
)
# "Leiter*in", "Leiter:in", "Leiter_in", "Leiter/in", "Leiter/-in", "Leiter(in)".
_GENDER_SUFFIX = re.compile(r"(?<=\w)(?:\*|:|_|/-?|\()in(?:nen)?\b\)?")
_FEMININE = re.compile(r"\b(\w{2,}(?:er|ent|ant|ist|or|eur|ekt|ef|at|og|ar|är|ier))in\b")
_COMPANY_TAIL = re.compile(r"\s(?:@|at|bei|chez)\s.*$|@.*$")
_PUNCTUATION = re.compile(r"[.!?\"'`´()\[\]{}#*:<>=~^\\]+")
_HARD_SPLIT = re.compile(r"\s*(?:\||;|,|•|·|–|—|\s-\s|\s:\s)\s*")
_SOFT_SPLIT = re.compile(r"(\s*(?:&|/|\+|\bund\b|\band\b|\bsowie\b)\s*)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TitleClass:
    seniority: str
    function: str


@dataclass(frozen=True, slots=True)
class _Table:
    """Rows of one rule file compiled into a single alternation, highest priority first, so one
    ``finditer`` pass reports at each position the most specific rule that matches there."""

    regex: re.Pattern[str]
    values: tuple[str, ...]
    priorities: tuple[int, ...]


def _read_rows(name: str, width: int) -> list[list[str]]:
    text = (files("vernetzt.core") / "data" / name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < width:
            raise ValueError(f"{name}:{number}: expected {width} tab-separated columns")
        rows.append(cells)
    return rows


def _compile_table(name: str, allowed: frozenset[str]) -> _Table:
    rows = _read_rows(name, 3)
    rows.sort(key=lambda cells: -int(cells[2]))
    for cells in rows:
        if cells[1] not in allowed:
            raise ValueError(f"{name}: unknown value {cells[1]!r} for pattern {cells[0]!r}")
        if re.compile(cells[0]).groups:
            raise ValueError(f"{name}: pattern {cells[0]!r} must use (?:...) instead of capturing groups")
    alternation = "|".join(f"(?P<r{index}>{cells[0]})" for index, cells in enumerate(rows))
    return _Table(
        regex=re.compile(alternation),
        values=tuple(cells[1] for cells in rows),
        priorities=tuple(int(cells[2]) for cells in rows),
    )


@cache
def _seniority_table() -> _Table:
    return _compile_table("titles_seniority.tsv", frozenset((*SENIORITY_LEVELS, _DOWN)))


@cache
def _function_table() -> _Table:
    return _compile_table("titles_function.tsv", frozenset(FUNCTIONS))


@cache
def _normalizer() -> tuple[re.Pattern[str], tuple[str, ...]]:
    rows = _read_rows("titles_normalize.tsv", 2)
    for cells in rows:
        if re.compile(cells[0]).groups:
            raise ValueError(f"titles_normalize.tsv: pattern {cells[0]!r} must not capture")
    regex = re.compile("|".join(f"(?P<n{index}>{cells[0]})" for index, cells in enumerate(rows)))
    return regex, tuple(cells[1] for cells in rows)


def _normalize(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).lower()
    text = _GENDER_MARKER.sub(" ", text)
    text = _GENDER_SUFFIX.sub("", text)
    regex, replacements = _normalizer()
    text = regex.sub(lambda match: replacements[int(match.lastgroup[1:])], text)
    text = _FEMININE.sub(r"\1", text)
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _level_of(role: str) -> int | None:
    """The rank the role's own words give it, or None when it names no level."""
    table = _seniority_table()
    best: tuple[int, int] | None = None
    down_priority = -1
    for match in table.regex.finditer(role):
        index = int(match.lastgroup[1:])
        value, priority = table.values[index], table.priorities[index]
        if value == _DOWN:
            down_priority = max(down_priority, priority)
        elif best is None or (priority, _RANK[value]) > best:
            best = (priority, _RANK[value])
    if best is None:
        return None
    priority, rank = best
    if down_priority >= priority and rank > _ENTRY:
        rank -= 1
    return rank


def _function_of(role: str) -> tuple[str, int] | None:
    table = _function_table()
    best: tuple[int, int, str] | None = None
    for match in table.regex.finditer(role):
        index = int(match.lastgroup[1:])
        candidate = (table.priorities[index], -match.start(), table.values[index])
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else (best[2], best[0])


def _roles_of(segment: str) -> list[str]:
    """Split a segment at conjunctions, gluing pieces that name no level to their neighbour."""
    parts = _SOFT_SPLIT.split(segment)
    pieces, separators = parts[0::2], parts[1::2]
    roles: list[str] = []
    pending = ""
    for position, piece in enumerate(pieces):
        joiner = separators[position - 1] if position else ""
        if _level_of(piece) is None:
            if roles and not pending:
                roles[-1] += joiner + piece
            else:
                pending += (joiner if pending else "") + piece
            continue
        roles.append(pending + (joiner if pending else "") + piece)
        pending = ""
    if pending:
        if roles:
            roles[-1] += " " + pending
        else:
            roles.append(pending)
    return [role for role in roles if role.strip()]


@lru_cache(maxsize=262144)
def classify_title(title: str) -> TitleClass:
    """Seniority level and function of a job title; ``entry``/``other`` when nothing is recognised."""
    text = _normalize(title)
    roles: list[tuple[int, str]] = []
    for segment in _HARD_SPLIT.split(text):
        segment = _COMPANY_TAIL.sub("", segment).strip(" -/&+")
        for role in _roles_of(segment):
            level = _level_of(role)
            roles.append((-1 if level is None else level, role))
    if not roles:
        return TitleClass(seniority="entry", function="other")
    ordered = sorted(range(len(roles)), key=lambda index: (-roles[index][0], index))
    top_rank = roles[ordered[0]][0]
    functions = [_function_of(roles[index][1]) for index in ordered]
    found = [function for function in functions if function is not None]
    if functions[0] is not None and functions[0][1] > _WEAK:
        function = functions[0][0]
    else:
        strong = [name for name, priority in found if priority > _WEAK]
        function = strong[0] if strong else (found[0][0] if found else "other")
    seniority = SENIORITY_LEVELS[top_rank] if top_rank >= 0 else "entry"
    return TitleClass(seniority=seniority, function=function)


def classify_titles(titles: Iterable[str]) -> list[TitleClass]:
    """Classify many titles, each distinct title once (pools repeat titles heavily)."""
    seen: dict[str, TitleClass] = {}
    result = []
    for title in titles:
        found = seen.get(title)
        if found is None:
            found = seen[title] = classify_title(title)
        result.append(found)
    return result


def seniority_rank(seniority: str) -> int:
    """0 (unpaid) … 9 (owner); raises KeyError for an unknown code."""
    return _RANK[seniority]
