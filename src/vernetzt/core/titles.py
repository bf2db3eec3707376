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
- "X Manager" names what its holder looks after, not whom: Key Account, Customer Success, Social
  Media, Product, Category, HR or Logistics Manager (and German compounds: Produktmanagerin,
  Qualitätsmanager) are individual contributors — ``entry``, ``senior`` with Senior/Lead/Principal.
  People-data vendors match the word "manager" instead; in German-speaking companies these titles
  rarely lead anyone. Key/Strategic/Global/National Account, Project, Program and Portfolio Manager
  are ``senior`` (the senior rung of their ladders). A Manager *is* a people manager (``manager``)
  as a rank ("Manager", "Senior Manager Procurement", "Manager Einkauf") or of a team, a site or a
  shift: Team, Store, Restaurant, Shift, Warehouse, Depot, Production, Operations, Site, Area,
  Engineering, Data Science, Group Product Manager. Projektleiter stays ``manager`` (leads a team).
- A compound ending in -leiter/-leitung is "Leiter X" (director) with X giving the function;
  Team-/Gruppen-/Schicht-/Projekt-/Filial-/Bau-/Stations-/Gebietsleiter are ``manager``,
  Bereichsleiter is ``vp``.
- Plant Manager and Branch Manager are director (as Werkleiter, Niederlassungsleiter); Country and
  General Manager are vp; Managing Director and Executive Director are cxo; Product Owner is senior.
- Self-employed, freelancer and Unternehmer count as ``owner`` (LinkedIn's owner level).
- General Counsel is ``cxo`` (the company's top lawyer), Counsel ``senior`` (Legal Counsel stays
  ``entry``); a Treasurer or Schatzmeister is ``director``; Chief Scientist and Chief Economist are
  ``vp`` (top of research, rarely officers); a Lehrstuhlinhaber heads a chair (``director``, education).
- German civil-service grades: Regierungsrat ``entry``, Oberregierungsrat/Oberstudienrat/
  Studiendirektor ``senior``, Regierungsdirektor/Ministerialrat ``director``, Ministerialdirigent/
  -direktor ``vp``, Staatssekretär ``cxo``. A Bereichsvorstand sits on the board (``cxo``).
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
# Seniority rows from this priority up are exceptions that decide the whole role (assistant to …).
_ABSORBING = 90

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


_META = frozenset("\\.^$*+?{}[]()|")
_ZERO_WIDTH = re.compile(r"\\b|\^|\(\?<?[=!]")


def _closing(pattern: str, opening: int) -> int:
    """Index of the parenthesis closing the one at ``opening``."""
    depth, index, in_class = 0, opening, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced pattern {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    parts, start, index, in_class = [], 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            index = _closing(pattern, index)
        elif char == "|":
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*parts, pattern[start:]]


def _literal_prefix(alternative: str) -> str:
    """The literal text every match of ``alternative`` starts with ("" when it starts otherwise)."""
    index = 0
    while (found := _ZERO_WIDTH.match(alternative, index)) is not None:
        index = found.end() if found.group() in ("\\b", "^") else _closing(alternative, index) + 1
    literal = []
    while index < len(alternative):
        char = alternative[index]
        if char == "\\" and index + 1 < len(alternative) and alternative[index + 1] in _META:
            literal.append(alternative[index + 1])
            index += 2
        elif char in _META:
            break
        else:
            literal.append(char)
            index += 1
    if alternative[index : index + 1] in ("?", "*", "{") and literal:
        literal.pop()
    return "".join(literal)


def _expand(alternative: str) -> list[str]:
    """Distribute a leading non-capturing group: ``\\b(?:a|b)c`` → ``\\bac``, ``\\bbc``, so that
    more alternatives start with a literal the index can use."""
    index = 0
    while (found := _ZERO_WIDTH.match(alternative, index)) is not None:
        index = found.end() if found.group() in ("\\b", "^") else _closing(alternative, index) + 1
    if not alternative.startswith("(?:", index):
        return [alternative]
    end = _closing(alternative, index)
    if alternative[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return [alternative]
    head, tail = alternative[:index], alternative[end + 1 :]
    return [head + inner + tail for inner in _alternatives(alternative[index + 3 : end])]


@dataclass(frozen=True, slots=True)
class _Rules:
    """The rows of one rule file, split into their alternatives, each its own small regex, indexed
    by the first characters of the literal each match starts with. A title is tried only against
    the alternatives whose literal it contains: a single alternation of all rows scans every
    position with every rule and is an order of magnitude slower."""

    patterns: tuple[re.Pattern[str], ...]
    rows: tuple[int, ...]
    values: tuple[str, ...]
    priorities: tuple[int, ...]
    by_trigram: dict[str, tuple[tuple[str, int], ...]]
    by_bigram: dict[str, tuple[int, ...]]
    always: tuple[int, ...]

    def matches(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(row, match) for every alternative that matches ``text``, in file order."""
        found = set(self.always)
        bigrams = {text[index : index + 2] for index in range(len(text) - 1)}
        for bigram in bigrams & self.by_bigram.keys():
            found.update(self.by_bigram[bigram])
        for trigram in {text[index : index + 3] for index in range(len(text) - 2)} & self.by_trigram.keys():
            for literal, alternative in self.by_trigram[trigram]:
                if literal in text:
                    found.add(alternative)
        result = []
        for alternative in sorted(found):
            match = self.patterns[alternative].search(text)
            if match is not None:
                result.append((self.rows[alternative], match))
        return result


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


def _compile_rules(name: str, rows: list[list[str]], allowed: frozenset[str] | None) -> _Rules:
    patterns, owners = [], []
    by_trigram: dict[str, list[tuple[str, int]]] = {}
    by_bigram: dict[str, list[int]] = {}
    always = []
    for row, cells in enumerate(rows):
        if allowed is not None and cells[1] not in allowed:
            raise ValueError(f"{name}: unknown value {cells[1]!r} for pattern {cells[0]!r}")
        pattern = cells[0].replace("ß", "ss")
        re.compile(pattern)
        for part in _alternatives(pattern):
            for alternative in _expand(part):
                number = len(patterns)
                patterns.append(re.compile(alternative))
                owners.append(row)
                literal = _literal_prefix(alternative)
                if len(literal) >= 3:
                    by_trigram.setdefault(literal[:3], []).append((literal, number))
                elif len(literal) == 2:
                    by_bigram.setdefault(literal, []).append(number)
                else:
                    always.append(number)
    return _Rules(
        patterns=tuple(patterns),
        rows=tuple(owners),
        values=tuple(cells[1] for cells in rows),
        priorities=tuple(int(cells[2]) if allowed is not None else 0 for cells in rows),
        by_trigram={key: tuple(entries) for key, entries in by_trigram.items()},
        by_bigram={key: tuple(entries) for key, entries in by_bigram.items()},
        always=tuple(always),
    )


@cache
def _seniority_rules() -> _Rules:
    name = "titles_seniority.tsv"
    return _compile_rules(name, _read_rows(name, 3), frozenset((*SENIORITY_LEVELS, _DOWN)))


@cache
def _function_rules() -> _Rules:
    name = "titles_function.tsv"
    return _compile_rules(name, _read_rows(name, 3), frozenset(FUNCTIONS))


@cache
def _normalize_rules() -> _Rules:
    name = "titles_normalize.tsv"
    # Replacements are literal text; escape backslashes so re.sub does not read them as references.
    rows = [[cells[0], cells[1].replace("\\", "\\\\")] for cells in _read_rows(name, 2)]
    return _compile_rules(name, rows, None)


def _normalize(title: str) -> str:
    # ß → ss on both sides, since upper-case text has no ß ("AUSSENDIENST").
    text = unicodedata.normalize("NFKC", title).lower().replace("ß", "ss")
    text = _GENDER_MARKER.sub(" ", text)
    text = _GENDER_SUFFIX.sub("", text)
    rules = _normalize_rules()
    for row, match in rules.matches(text):
        text = match.re.sub(rules.values[row], text)
    text = _FEMININE.sub(r"\1", text)
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def _level_of(role: str) -> tuple[int, int] | None:
    """(rank, priority of the deciding row) the role's own words give it, or None without a level."""
    rules = _seniority_rules()
    best: tuple[int, int] | None = None
    down_priority = -1
    for row, _match in rules.matches(role):
        value, priority = rules.values[row], rules.priorities[row]
        if value == _DOWN:
            down_priority = max(down_priority, priority)
        elif best is None or (priority, _RANK[value]) > best:
            best = (priority, _RANK[value])
    if best is None:
        return None
    priority, rank = best
    if down_priority >= priority and rank > _ENTRY:
        rank -= 1
    return rank, priority


@lru_cache(maxsize=65536)
def _function_of(role: str) -> tuple[str, int] | None:
    rules = _function_rules()
    best: tuple[int, int, str] | None = None
    for row, match in rules.matches(role):
        candidate = (rules.priorities[row], -match.start(), rules.values[row])
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else (best[2], best[0])


def _roles_of(segment: str) -> list[tuple[int, str]]:
    """Split a segment at conjunctions into (rank, role), gluing pieces that name no level to their
    neighbour. An exception row ("Assistant to the CEO & Founder") absorbs the rest of the segment,
    because what follows names whom the role serves."""
    parts = _SOFT_SPLIT.split(segment)
    pieces, separators = parts[0::2], parts[1::2]
    roles: list[list] = []
    pending = ""
    absorbing = False
    for position, piece in enumerate(pieces):
        joiner = separators[position - 1] if position else ""
        level = None if absorbing else _level_of(piece)
        if level is None:
            if roles and not pending:
                roles[-1][1] += joiner + piece
            else:
                pending += (joiner if pending else "") + piece
            continue
        roles.append([level[0], pending + (joiner if pending else "") + piece])
        absorbing = level[1] >= _ABSORBING
        pending = ""
    if pending:
        if roles:
            roles[-1][1] += " " + pending
        else:
            roles.append([-1, pending])
    return [(rank, role) for rank, role in roles if role.strip()]


@lru_cache(maxsize=262144)
def classify_title(title: str) -> TitleClass:
    """Seniority level and function of a job title; ``entry``/``other`` when nothing is recognised."""
    text = _normalize(title)
    roles: list[tuple[int, str]] = []
    for segment in _HARD_SPLIT.split(text):
        segment = _COMPANY_TAIL.sub("", segment).strip(" -/&+")
        roles.extend(_roles_of(segment))
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
