"""People's names as address books really hold them, compared the way a person would compare them.

A name arrives with academic titles in the given-name field ("Dr. Franziska"), middle names in
LinkedIn's first-name field ("Franziska Marie"), pet names ("Basti" for Sebastian), three spellings of
one umlaut ("Müller", "Mueller", "Muller"), the Turkish dotless ı typed as i, and degrees after the
family name ("Böhm, MBA"). ``parse_name`` strips what is not the name; ``given_relation`` and
``family_relation`` say how two names relate (same, middle name, nickname, spelling, initial, or a
different person — a given name of the other gender is always a different person); ``block_keys`` give
the few keys under which two spellings of one name meet, so a scan compares only people who share one.

The nickname and gender tables are data: ``data/nicknames.tsv`` and ``data/given_names.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from rapidfuzz import fuzz

from vernetzt.core.text import fold

# Titles and degrees that appear inside name fields, compared folded and without dots or hyphens.
_TITLES = frozenset(
    "dr prof dipl mag pd habil hc doz priv univ mba msc bsc meng beng llm llb phd dba mphil cfa cpa pmp "
    "acca fcca frics drmed drrer drphil drjur dring diplng dipling diplkfm diplkff diplinf diplwirting "
    "kfm kff jr sr herr frau mr mrs ms".split()
)
# Words that are names as well as titles ("Ma" is a family name, "Phil" and "Nat" are given names):
# titles only when written with a dot ("phil.") or right after another title ("Dr. phil.").
_TITLES_WITH_DOT = frozenset(
    "ma ba di ing med nat phil jur em theol inf wirt oec rer pol psych vet dent jun sen".split()
)
_PARTICLES = frozenset(
    "von vom van der den de del della di da du dos das zu zum zur ter ten la le al el".split()
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_NAME = re.compile(r"[^\w.\-']")
# Endings that make a feminine given name from a masculine one (Paul → Paula, Christian → Christiane,
# Farid → Farida); used for names the gender table does not know.
_FEMININE_ENDINGS = ("a", "e", "ina", "ine", "ette")


@dataclass(frozen=True)
class PersonName:
    """A name without titles: ``given``/``family`` as loose tokens for comparing, ``*_shown`` as written."""

    given: tuple[str, ...]
    family: tuple[str, ...]
    given_shown: tuple[str, ...]
    family_shown: tuple[str, ...]
    titles: tuple[str, ...]


def loose(text: str) -> str:
    """The form two spellings of one name share: folded (ü → ue, ı → i, ß → ss), and the umlaut's
    e dropped again, so "Müller", "Mueller" and "Muller" all become "muller"."""
    folded = fold(text)
    return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _is_title(token: str, *, after_title: bool) -> bool:
    if token.isalpha() and token.casefold() not in _TITLES and token.casefold() not in _TITLES_WITH_DOT:
        return False  # the common case, decided without folding
    bare = re.sub(r"[.\-']", "", fold(token))
    if not bare:
        return True
    if bare in _TITLES:
        return True
    if bare in _TITLES_WITH_DOT:
        return after_title or "." in token
    parts = [part for part in re.split(r"[.\-]", fold(token)) if part]
    return len(parts) > 1 and all(part in _TITLES or part in _TITLES_WITH_DOT for part in parts)


def _split(text: str) -> tuple[list[str], list[str]]:
    """(name tokens as written, title tokens) of one name field."""
    tokens, titles, after_title = [], [], False
    cleaned = _BRACKETS.sub(" ", text or "").replace(",", " ").replace("/", " ")
    for raw in cleaned.split():
        token = _NOT_NAME.sub("", raw).strip(".-'")
        if not token or not any(ch.isalpha() for ch in token):
            continue
        after_title = _is_title(raw, after_title=after_title)
        (titles if after_title else tokens).append(raw if after_title else token)
    return tokens, titles


@lru_cache(maxsize=65536)
def parse_name(first_name: str, last_name: str, display_name: str = "") -> PersonName:
    given, given_titles = _split(first_name)
    family, family_titles = _split(last_name)
    if not given and not family:
        given, given_titles = _split(display_name.split(",", 1)[-1] if "," in display_name else display_name)
        if "," in display_name:  # "Vogel, Katrin"
            family, family_titles = _split(display_name.split(",", 1)[0])
        elif len(given) > 1:
            family = [given.pop()]
    family_parts = [part for token in family for part in token.split("-") if part]
    core = [part for part in family_parts if loose(part) not in _PARTICLES] or family_parts
    return PersonName(
        given=tuple(loose(token) for token in given),
        family=tuple(loose(part) for part in core),
        given_shown=tuple(given),
        family_shown=tuple(family),
        titles=tuple(given_titles + family_titles),
    )


# A sound key after the Kölner Phonetik (Postel 1969), simplified to what str.translate can do in C:
# German spellings of one sound get one key ("Meier"/"Meyer", "Schmidt"/"Schmitt", "Vogel"/"Vogl").
_SPELLED_ALIKE = (("sch", "s"), ("ph", "f"), ("ch", "k"), ("ck", "k"), ("tz", "z"), ("ts", "z"), ("ds", "z"))
_SOUND_CLASSES = str.maketrans(
    {
        **dict.fromkeys("aeiouyjh", ""),
        **dict.fromkeys("bp", "1"),
        **dict.fromkeys("dt", "2"),
        **dict.fromkeys("fvw", "3"),
        **dict.fromkeys("gkqc", "4"),
        "x": "48",
        "l": "5",
        **dict.fromkeys("mn", "6"),
        "r": "7",
        **dict.fromkeys("sz", "8"),
    }
)
_REPEATED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    word = _NOT_LETTER.sub("", loose(token))
    for spelled, sound in _SPELLED_ALIKE:
        word = word.replace(spelled, sound)
    key = _REPEATED.sub(r"\1", word.translate(_SOUND_CLASSES))
    return ("0" + key) if word[:1] in ("a", "e", "i", "o", "u", "y", "j") else key


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    data = files("vernetzt.core") / "data"
    groups: dict[str, set[str]] = {}
    for line in (data / "nicknames.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            nickname, full_names, _languages = line.split("\t")
            groups.setdefault(loose(nickname), set()).update(loose(name) for name in full_names.split(","))
    genders: dict[str, str] = {}
    for line in (data / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            genders[loose(name)] = gender
    return {name: frozenset(full) for name, full in groups.items()}, genders


def name_groups(token: str) -> frozenset[str]:
    """The name itself and every full name it is a nickname of."""
    return frozenset({token}) | _tables()[0].get(token, frozenset())


def gender_of(token: str) -> str:
    """ "m", "f" or "" (unknown or used for both), from the table, for a nickname from its full names."""
    genders = _tables()[1]
    if token in genders:
        return genders[token]
    found = {genders.get(name, "") for name in _tables()[0].get(token, ())}
    return found.pop() if len(found) == 1 else ""


def _genders_differ(a: str, b: str) -> bool:
    known_a, known_b = gender_of(a), gender_of(b)
    if known_a and known_b:
        return known_a != known_b
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= 3
        and any(
            long == short + ending or (short[-1] in "aeo" and long == short[:-1] + ending)
            for ending in _FEMININE_ENDINGS
        )
    ) or (len(short) >= 4 and short[-1] == "o" and long == short[:-1] + "a")


# How two given names relate, surest first; the order is the order of ``_RANK``.
SAME, MIDDLE, SPELLING, NICKNAME, INITIAL, SECOND_GIVEN = (
    "same", "middle", "spelling", "nickname", "initial", "second_given"
)  # fmt: skip
GENDER, DIFFERENT, UNKNOWN = "gender", "different", "unknown"
_RANK = {SAME: 0, MIDDLE: 1, SPELLING: 2, NICKNAME: 3, INITIAL: 4, SECOND_GIVEN: 5}


@lru_cache(maxsize=262144)
def token_relation(a: str, b: str) -> str:
    if a == b:
        return SAME
    if len(a) == 1 or len(b) == 1:
        return INITIAL if a[0] == b[0] else DIFFERENT
    groups_a, groups_b = name_groups(a), name_groups(b)
    if groups_a & groups_b:
        return NICKNAME
    if _genders_differ(a, b):
        return GENDER
    if (len(groups_a) > 1 or len(groups_b) > 1) and any(
        _spelt_alike(x, y) for x in groups_a for y in groups_b if (x, y) != (a, b)
    ):
        return NICKNAME  # Phil and Phillip: a nickname of another spelling of the full name
    return SPELLING if _spelt_alike(a, b) else DIFFERENT


def _spelt_alike(a: str, b: str) -> bool:
    ratio = fuzz.ratio(a, b)
    return ratio >= 85 or (ratio >= 65 and phonetic(a) == phonetic(b))  # Ralf/Ralph, Meier/Meyer


def sound_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two spellings of one sound (Claudia/Klaudia, Krause/Kraause), not merely similar letters."""
    return phonetic(_joined(a)) == phonetic(_joined(b))


@dataclass(frozen=True)
class Relation:
    kind: str
    shown: tuple[str, str] = ("", "")  # the two differing parts as written, for the reason


@lru_cache(maxsize=262144)
def given_kind(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """How two given names relate (the ``kind`` of ``given_relation``), cached per pair of names: a scan
    sorts the people of a block by given name and compares each pair of names once."""
    return given_relation(PersonName(a, (), a, (), ()), PersonName(b, (), b, (), ())).kind


def given_relation(a: PersonName, b: PersonName) -> Relation:
    if not a.given or not b.given:
        return Relation(UNKNOWN)
    if a.given == b.given or _joined(a.given) == _joined(b.given):
        return Relation(SAME)
    pairs = list(zip(a.given, b.given, strict=False))
    kinds = [token_relation(x, y) for x, y in pairs]
    if kinds[0] == GENDER:
        return Relation(GENDER, (a.given_shown[0], b.given_shown[0]))
    if all(kind in _RANK for kind in kinds):
        worst = max(kinds, key=_RANK.__getitem__)
        if len(a.given) != len(b.given) and worst == SAME:
            return Relation(MIDDLE, (" ".join(a.given_shown), " ".join(b.given_shown)))
        index = kinds.index(worst)
        return Relation(worst, (a.given_shown[index], b.given_shown[index]))
    short, long = (a, b) if len(a.given) < len(b.given) else (b, a)
    if len(short.given) == 1 and short.given[0] in long.given[1:]:  # goes by the second given name
        return Relation(SECOND_GIVEN, (" ".join(a.given_shown), " ".join(b.given_shown)))
    return Relation(DIFFERENT, (a.given_shown[0], b.given_shown[0]))


FAMILY_SAME, FAMILY_DOUBLE, FAMILY_SPELLING = "same", "double", "spelling"


def family_relation(a: PersonName, b: PersonName) -> Relation:
    if not a.family or not b.family:
        return Relation(UNKNOWN)
    shown = (" ".join(a.family_shown), " ".join(b.family_shown))
    left, right = set(a.family), set(b.family)
    if left == right:
        return Relation(FAMILY_SAME, shown)
    if left < right or right < left:
        return Relation(FAMILY_DOUBLE, shown)
    if _spelt_alike(_joined(a.family), _joined(b.family)):
        return Relation(FAMILY_SPELLING, shown)
    return Relation(DIFFERENT, shown)


def _joined(tokens: tuple[str, ...]) -> str:
    return "".join(tokens).replace("-", "")


def _given_classes(token: str) -> set[str]:
    return {phonetic(name)[:1] or name[:1] for name in name_groups(token)}


def block_keys(name: PersonName, organization: str = "") -> set[tuple[str, str]]:
    """(sound of a family name, sound class of the given name or of a full name it stands for); the
    same with given and family swapped, so "Nguyen Minh" meets "Minh Nguyen"; and (organization, given
    name or a full name it stands for), so a typo that changes the sound of a family name ("Samuel
    Doğan"/"Sam Doan") still meets its twin at the same organization."""
    keys: set[tuple[str, str]] = set()
    given = name.given[0] if name.given else ""
    classes = _given_classes(given) if given else {""}
    for part in name.family:
        code = phonetic(part) or part
        keys.update((code, cls) for cls in classes)
    if organization and given:
        keys.update((f"@{organization}", full) for full in name_groups(given))
    if given and len(given) > 1 and name.family:
        sounds = sorted((phonetic(given) or given, phonetic(name.family[0]) or name.family[0]))
        keys.add((SWAPPED_KEY + sounds[0], sounds[1]))
    return keys


SWAPPED_KEY = "~"  # marks the block of given and family name swapped
