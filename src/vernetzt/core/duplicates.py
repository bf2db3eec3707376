"""Which people of a network are probably one person, and why — pure functions over plain rows.

Exact evidence first: a shared LinkedIn or XING profile, e-mail address or phone number (a shared
address or number of two people with different given names — a couple's home line, an assistant's
mailbox — is not enough). Then names: people are blocked by the sound of their family name and the
sound class of their given name or of the full name a nickname stands for, by organization and given
name, and by swapped order (``core.names.block_keys``); inside a block only people whose given names
can be one person's and whose organizations can be one are paired, so the cost grows with the block
sizes, never with the square of the network. A name match needs the same organization, or one side
without one and a name that agrees up to middle names, nicknames and sound (and is not shared by
people at two organizations); given names of different gender (by name, Frau/Herr or the given name in
a work address), two different profiles of one network (unless name and organization are identical)
and two different organizations or work e-mail domains are never a pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from vernetzt.core import names
from vernetzt.core.language import check_language
from vernetzt.core.names import PersonName, Relation, family_relation, given_relation, loose, parse_name

# At most this many people of one given name in one block are paired (a very common name at one
# organization); beyond it the scan would spend its time on pairs no one can review.
MAX_BLOCK = 150
MAX_GROUP = 50  # people sharing one e-mail address or number who are paired with each other
# Words that say nothing about which organization it is; a shared one does not make two organizations one.
_GENERIC_ORG_WORDS = frozenset(
    "gruppe group holding international deutschland germany europe europa gmbh co kg ag services service "
    "consulting logistik logistics solutions systems technik technology technologies und and the of der die "
    "das fur for bank maschinenbau chemie pharma software spedition handel energie stadtwerke universitat "
    "university institut hochschule versicherung sohne".split()
)


@dataclass(frozen=True)
class Row:
    """One person as the scan sees them; ``organization`` is the normalized key (core.text)."""

    id: int
    first_name: str = ""
    last_name: str = ""
    display_name: str = ""
    organization: str = ""
    organization_shown: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str = ""
    xing: str = ""
    country: str = ""
    title_of_address: str = ""  # "Frau" | "Herr" | ""


@dataclass(frozen=True)
class Reason:
    code: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    first_id: int
    second_id: int
    kind: str  # "linkedin" | "xing" | "email" | "phone" | "name"
    score: int
    reasons: tuple[Reason, ...]


def phone_key(number: str) -> str:
    """The last nine digits: "+49 40 1234567", "0049401234567" and "040 1234567" are one number."""
    digits = re.sub(r"\D", "", number)
    return digits[-9:] if len(digits) >= 7 else ""


class _Pairs(set):
    """Candidate pairs (low id, high id); with ``wanted``, only pairs touching one of those ids."""

    def __init__(self, wanted: set[int] | None) -> None:
        super().__init__()
        self.wanted = wanted

    def add_pair(self, a: int, b: int) -> None:
        if a != b and (self.wanted is None or a in self.wanted or b in self.wanted):
            self.add((a, b) if a < b else (b, a))

    def add_all(self, ids: Iterable[int]) -> None:
        for a, b in combinations(ids, 2):
            self.add_pair(a, b)


def find_matches(rows: Sequence[Row], *, among: Iterable[int] | None = None) -> list[Match]:
    """Every likely pair, the surest first; with ``among``, only pairs with at least one of those ids."""
    wanted = set(among) if among is not None else None
    parsed = {row.id: parse_name(row.first_name, row.last_name, row.display_name) for row in rows}
    by_id = {row.id: row for row in rows}
    evidence = _Pairs(wanted)
    for keys_of in (_profile_keys, _email_keys, _phone_keys):
        groups: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            for key in keys_of(row):
                groups[key].append(row.id)
        for ids in groups.values():
            evidence.add_all(ids[:MAX_GROUP])
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        for key in names.block_keys(parsed[row.id], row.organization):
            blocks[key].append(row.id)
    candidates = _Pairs(wanted)
    crowded = _crowded(rows, parsed)
    for key, ids in blocks.items():
        if key[0].startswith(names.SWAPPED_KEY):
            _add_swapped(ids, parsed, candidates)
        else:
            _add_block(ids, parsed, by_id, candidates, crowded)
    found = [judge(by_id[a], by_id[b], parsed[a], parsed[b]) for a, b in evidence]
    for a, b in candidates - evidence:
        # Most pairs of a block work elsewhere; the organizations (compared once per pair of keys)
        # settle them before any name is compared.
        org_a, org_b = by_id[a].organization, by_id[b].organization
        if org_a == org_b or not org_a or not org_b or org_relation(org_a, org_b) != "different":
            found.append(judge(by_id[a], by_id[b], parsed[a], parsed[b]))
    matches = _without_ambiguous([match for match in found if match is not None], by_id)
    matches.sort(key=lambda m: (-m.score, m.kind == "name", m.first_id, m.second_id))
    return matches


def _add_swapped(ids: list[int], parsed: Mapping[int, PersonName], candidates: _Pairs) -> None:
    by_order: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = defaultdict(list)
    for pid in ids:
        by_order[parsed[pid].given[:1], parsed[pid].family[:1]].append(pid)
    for (given, family), people in by_order.items():
        if given != family:
            for a in people[:MAX_BLOCK]:
                for b in by_order.get((family, given), [])[:MAX_BLOCK]:
                    candidates.add_pair(a, b)


def _crowded(rows: Sequence[Row], parsed: Mapping[int, PersonName]) -> set[int]:
    """People with a profile who share name and organization with two or more others who have one:
    three "Anna Schmidt" at Siemens with three profiles are three people, not three pairs to review
    (two "Farid Aisyah" at one company with two profiles are still shown)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for row in rows:
        if row.linkedin or row.xing:
            groups[parsed[row.id].given, parsed[row.id].family, row.organization].append(row.id)
    return {pid for ids in groups.values() if len(ids) > 2 for pid in ids}


def _add_block(
    ids: list[int],
    parsed: Mapping[int, PersonName],
    by_id: Mapping[int, Row],
    candidates: _Pairs,
    crowded: set[int],
) -> None:
    """Pairs of a block whose given names can be one person's (compared once per pair of names)."""
    by_given: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for pid in ids:
        by_given[parsed[pid].given].append(pid)
    given_names = list(by_given)
    for i, first in enumerate(given_names):
        _add_between(by_given[first], by_given[first], by_id, candidates, crowded)
        for second in given_names[i + 1 :]:
            if names.given_kind(first, second) not in (names.GENDER, names.DIFFERENT):
                _add_between(by_given[first], by_given[second], by_id, candidates, None)


def _add_between(
    left: list[int], right: list[int], by_id: Mapping[int, Row], candidates: _Pairs, crowded: set[int] | None
) -> None:
    """Pairs that a name can make: at organizations sharing a distinctive word ("Siemens", "Siemens
    Mobility"), or with someone whose organization is not known; namesakes at organizations that have
    nothing in common are never one person by name alone, so they are not even paired. Two different
    profiles pair only with the same given name (``crowded`` is then the set of people left out)."""
    # Indexed by which profiles a person has, so someone with a LinkedIn profile meets only people
    # without one (an equal profile is paired as evidence already) without looking at the others.
    by_word: dict[tuple[bool, bool], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    unknown: dict[tuple[bool, bool], list[int]] = defaultdict(list)
    for b in right[:MAX_BLOCK]:
        row = by_id[b]
        profiles = (bool(row.linkedin), bool(row.xing))
        if not row.organization:
            unknown[profiles].append(b)
        for word in _org_words(row.organization):
            by_word[profiles][word].append(b)
    for a in left[:MAX_BLOCK]:
        row = by_id[a]
        free = crowded is not None and a not in crowded  # may meet a namesake with another profile
        for profiles in _ALL_PROFILES:
            if not free and ((row.linkedin and profiles[0]) or (row.xing and profiles[1])):
                continue
            if not row.organization:
                partners = [b for group in by_word[profiles].values() for b in group] + unknown[profiles]
            else:
                words = by_word[profiles]
                partners = [b for word in _org_words(row.organization) for b in words.get(word, ())]
                partners += unknown[profiles]
            for b in partners:
                candidates.add_pair(a, b)


_ALL_PROFILES = ((False, False), (False, True), (True, False), (True, True))


@lru_cache(maxsize=65536)
def _org_words(organization: str) -> frozenset[str]:
    """The words that tell an organization apart ("rhein", "cargo"; not "logistik", "gmbh")."""
    words = {word for word in loose(organization).split() if word not in _GENERIC_ORG_WORDS}
    return frozenset(words or loose(organization).split())


def _without_ambiguous(found: list[Match], by_id: Mapping[int, Row]) -> list[Match]:
    """A record without an organization whose name fits people at two different organizations is
    not suggested with either: there are namesakes, and the name alone cannot tell which one it is."""
    partners: dict[int, set[str]] = defaultdict(set)
    for match in filter(_by_name_alone, found):
        first, second = by_id[match.first_id], by_id[match.second_id]
        lonely, other = (first, second) if not first.organization else (second, first)
        partners[lonely.id].add(other.organization)
    ambiguous = {
        pid
        for pid, organizations in partners.items()
        if any(org_relation(a, b) == "different" for a, b in combinations(sorted(organizations), 2))
    }
    return [m for m in found if not (_by_name_alone(m) and {m.first_id, m.second_id} & ambiguous)]


def _by_name_alone(match: Match) -> bool:
    return match.kind == "name" and any(reason.code == "organization_known_once" for reason in match.reasons)


def _profile_keys(row: Row) -> list[str]:
    return [f"l:{row.linkedin}"] * bool(row.linkedin) + [f"x:{row.xing.casefold()}"] * bool(row.xing)


def _email_keys(row: Row) -> list[str]:
    return [email.strip().casefold() for email in row.emails if email.strip()]


def _phone_keys(row: Row) -> list[str]:
    return [key for key in map(phone_key, row.phones) if key]


# Scores order the list; exact evidence first, then names by how sure the name alone is.
_GIVEN_SCORE = {"same": 96, "middle": 93, "nickname": 90, "spelling": 88, "initial": 82, "second_given": 80,
                "unknown": 84}  # fmt: skip
_FAMILY_PENALTY = {"same": 0, "double": 3, "spelling": 4}


def judge(a: Row, b: Row, name_a: PersonName, name_b: PersonName) -> Match | None:
    """The pair ``a``/``b`` as the scan sees it, or None when they are probably two people."""
    low, high = (a, b) if a.id < b.id else (b, a)
    given = given_relation(name_a, name_b)
    family = family_relation(name_a, name_b)
    name_reasons = _name_reasons(given, family, name_a, name_b)
    if given.kind == names.DIFFERENT and family.kind == names.DIFFERENT and _swapped(name_a, name_b):
        given, family = Relation(names.SAME), Relation(names.FAMILY_SAME)
        name_reasons = (Reason("swapped"),)
    names_conflict = given.kind in (names.GENDER, names.DIFFERENT)
    if a.linkedin and a.linkedin == b.linkedin:
        return Match(low.id, high.id, "linkedin", 100, (Reason("same_linkedin"), *name_reasons))
    if a.xing and a.xing.casefold() == b.xing.casefold():
        return Match(low.id, high.id, "xing", 100, (Reason("same_xing"), *name_reasons))
    profiles_differ = _profiles_differ(a, b)
    if not names_conflict and not profiles_differ:
        emails = sorted({e.casefold() for e in a.emails} & {e.casefold() for e in b.emails})
        if emails:
            return Match(
                low.id, high.id, "email", 100, (Reason("same_email", {"value": emails[0]}), *name_reasons)
            )
        phones = {phone_key(p): p for p in b.phones if phone_key(p)}
        shared = [p for p in a.phones if phone_key(p) in phones]
        if shared:
            return Match(
                low.id, high.id, "phone", 95, (Reason("same_phone", {"value": shared[0]}), *name_reasons)
            )
    low_name, high_name = (name_a, name_b) if a.id < b.id else (name_b, name_a)
    return _judge_names(low, high, low_name, high_name, given, family, name_reasons, profiles_differ)


def _judge_names(
    low: Row,
    high: Row,
    low_name: PersonName,
    high_name: PersonName,
    given: Relation,
    family: Relation,
    name_reasons: tuple[Reason, ...],
    profiles_differ: bool,
) -> Match | None:
    if given.kind in (names.GENDER, names.DIFFERENT) or family.kind in (names.DIFFERENT, names.UNKNOWN):
        return None
    if given.kind == names.UNKNOWN and not (low.organization and low.organization == high.organization):
        return None
    if _genders(low) and _genders(high) and not _genders(low) & _genders(high):
        return None  # "Alex" with "Frau" is not "Alexander"; "Sascha" with alexander.wolf@ is not Alexandra
    organization = org_relation(low.organization, high.organization)
    if organization == "none":
        organization = _organization_from_mail(low, high)
    if organization == "different":
        return None
    exact = given.kind == names.SAME and family.kind == names.FAMILY_SAME
    if profiles_differ and not (exact and organization == "same"):
        return None
    if organization == "none":
        # Without an organization the name has to carry it alone: exact up to middle names, nicknames
        # and spellings of one sound (Claudia/Klaudia, Krause/Kraause), and no other country.
        if given.kind not in (names.SAME, names.MIDDLE, names.NICKNAME, names.SPELLING):
            return None
        if given.kind == names.SPELLING and not names.sound_alike(low_name.given[:1], high_name.given[:1]):
            return None
        if family.kind == names.FAMILY_SPELLING and not names.sound_alike(low_name.family, high_name.family):
            return None
        if low.country and high.country and low.country != high.country:
            return None
    if given.kind == names.SPELLING and family.kind == names.FAMILY_SPELLING:
        # Both names spelt differently: only sounds alike (Klaudia Jägr, Claudia Jäger) at one organization.
        sounds = names.sound_alike(low_name.given[:1], high_name.given[:1])
        if organization != "same" or not (sounds and names.sound_alike(low_name.family, high_name.family)):
            return None
    score = _GIVEN_SCORE[given.kind] - _FAMILY_PENALTY[family.kind] - (6 if organization == "none" else 0)
    reasons = list(name_reasons)
    if organization == "same":
        shown = low.organization_shown or high.organization_shown
        reasons.append(Reason("same_organization", {"organization": shown}))
    else:
        reasons.append(Reason("organization_known_once"))
    if profiles_differ:
        reasons.append(Reason("two_profiles"))
    return Match(low.id, high.id, "name", score, tuple(reasons))


_FREE_MAIL = frozenset(
    "gmail.com googlemail.com gmx.de gmx.net gmx.at gmx.ch web.de t-online.de yahoo.com yahoo.de "
    "hotmail.com hotmail.de outlook.com outlook.de live.com live.de icloud.com me.com mac.com aol.com "
    "freenet.de posteo.de mailbox.org arcor.de protonmail.com proton.me bluewin.ch gmx.com mail.de".split()
)


def work_domains(emails: Iterable[str]) -> set[str]:
    """The domains of work addresses; a free-mail provider says nothing about the employer."""
    domains = {email.rsplit("@", 1)[-1].strip().casefold() for email in emails if "@" in email}
    return domains - _FREE_MAIL


def _organization_from_mail(a: Row, b: Row) -> str:
    """Where one side has no organization, work e-mail domains stand in: two different ones are two
    employers, a domain that spells the other's organization ("weser-umschlag.de") is the same."""
    domains_a, domains_b = work_domains(a.emails), work_domains(b.emails)
    if domains_a and domains_b:
        return "same" if domains_a & domains_b else "different"
    domains, organization = (domains_a, b.organization) if domains_a else (domains_b, a.organization)
    if organization and any(domain_names(domain, organization) for domain in domains):
        return "same"
    return "none"


def domain_names(domain: str, organization: str) -> bool:
    """Whether the domain spells the organization: "weser-umschlag.de" for "Weser Umschlag GmbH"."""
    label = loose(domain.rsplit(".", 1)[0].split(".")[-1]).replace("-", "")
    return len(label) >= 4 and label == loose(organization).replace(" ", "")[: len(label)]


def _genders(row: Row) -> set[str]:
    """What the record says about the person's gender: the Anrede, the given name, the given name in
    a work address like alexander.wolf@…"""
    found = {"Frau": {"f"}, "Herr": {"m"}}.get(row.title_of_address, set())
    name = parse_name(row.first_name, row.last_name, row.display_name)
    for token in name.given[:1] + _given_in_mail(row, name):
        gender = names.gender_of(token)
        if gender:
            found.add(gender)
    return found


def _given_in_mail(row: Row, name: PersonName) -> tuple[str, ...]:
    found = []
    for email in row.emails:
        local = loose(email.split("@", 1)[0])
        parts = [part for part in re.split(r"[._\-]", local) if part]
        if len(parts) == 2 and name.family and parts[1] == name.family[-1] and len(parts[0]) > 2:
            found.append(parts[0])
    return tuple(found)


def _swapped(a: PersonName, b: PersonName) -> bool:
    """ "Nguyen Minh" and "Minh Nguyen": given and family name exchanged, both exactly."""
    return bool(a.given) and set(a.given) == set(b.family) and set(a.family) == set(b.given)


def _profiles_differ(a: Row, b: Row) -> bool:
    return bool(
        (a.linkedin and b.linkedin and a.linkedin != b.linkedin)
        or (a.xing and b.xing and a.xing.casefold() != b.xing.casefold())
    )


@lru_cache(maxsize=65536)
def org_relation(a: str, b: str) -> str:
    """ "same", "different" or "none" (one side has no organization) for two normalized keys."""
    if not a or not b:
        return "none"
    if a == b:
        return "same"
    x, y = loose(a), loose(b)
    if x == y or fuzz.ratio(x, y) >= 94:
        return "same"
    left, right = set(x.split()), set(y.split())
    smaller = left if len(left) <= len(right) else right
    if (left <= right or right <= left) and any(len(w) >= 4 and w not in _GENERIC_ORG_WORDS for w in smaller):
        return "same"
    return "different"


def _name_reasons(given: Relation, family: Relation, a: PersonName, b: PersonName) -> tuple[Reason, ...]:
    reasons = []
    if given.kind in ("middle", "spelling", "nickname", "initial", "second_given"):
        left, right = (_initial(part) for part in given.shown)
        reasons.append(Reason(f"given_{given.kind}", {"a": left, "b": right}))
    if family.kind in ("double", "spelling"):
        reasons.append(Reason(f"family_{family.kind}", {"a": family.shown[0], "b": family.shown[1]}))
    written_a = " ".join(a.given_shown + a.family_shown)
    written_b = " ".join(b.given_shown + b.family_shown)
    if given.kind == "same" and family.kind == "same":
        if written_a != written_b and written_a.casefold() != written_b.casefold():
            reasons.append(Reason("transliteration", {"a": written_a, "b": written_b}))
        else:
            reasons.append(Reason("same_name"))
    if set(a.titles) != set(b.titles) and (a.titles or b.titles):
        titled = a if a.titles else b
        reasons.append(Reason("title_in_name", {"title": " ".join(titled.titles)}))
    return tuple(reasons)


def _initial(part: str) -> str:
    return f"{part}." if len(part) == 1 else part


TEXTS: Mapping[str, Mapping[str, str]] = {
    "same_linkedin": {"de": "Gleiches LinkedIn-Profil", "en": "Same LinkedIn profile"},
    "same_xing": {"de": "Gleiches XING-Profil", "en": "Same XING profile"},
    "same_email": {"de": "Gleiche E-Mail-Adresse: {value}", "en": "Same e-mail address: {value}"},
    "same_phone": {"de": "Gleiche Telefonnummer: {value}", "en": "Same phone number: {value}"},
    "same_name": {"de": "Gleicher Name", "en": "Same name"},
    "transliteration": {"de": "Gleicher Name, anders geschrieben: {a} ↔ {b}",
                        "en": "Same name, spelt differently: {a} ↔ {b}"},
    "given_middle": {"de": "Zweiter Vorname: {a} ↔ {b}", "en": "Middle name: {a} ↔ {b}"},
    "given_second_given": {"de": "Rufname ist der zweite Vorname: {a} ↔ {b}",
                           "en": "Goes by the second given name: {a} ↔ {b}"},
    "given_nickname": {"de": "Spitzname: {a} ↔ {b}", "en": "Nickname: {a} ↔ {b}"},
    "given_spelling": {"de": "Vorname anders geschrieben: {a} ↔ {b}",
                       "en": "Given name spelt differently: {a} ↔ {b}"},
    "given_initial": {"de": "Vorname abgekürzt: {a} ↔ {b}", "en": "Given name abbreviated: {a} ↔ {b}"},
    "family_double": {"de": "Doppelname: {a} ↔ {b}", "en": "Double-barrelled name: {a} ↔ {b}"},
    "family_spelling": {"de": "Nachname anders geschrieben: {a} ↔ {b}",
                        "en": "Family name spelt differently: {a} ↔ {b}"},
    "swapped": {"de": "Vor- und Nachname vertauscht", "en": "Given and family name swapped"},
    "title_in_name": {"de": "Titel im Namen: {title}", "en": "Title in the name: {title}"},
    "same_organization": {"de": "Gleiche Organisation: {organization}",
                          "en": "Same organization: {organization}"},
    "organization_known_once": {"de": "Organisation nur bei einem der beiden bekannt",
                                "en": "Organization known for only one of them"},
    "two_profiles": {"de": "Achtung: zwei verschiedene Profile im selben Netzwerk",
                     "en": "Note: two different profiles on the same network"},
}  # fmt: skip


def describe(reason: Reason, lang: str) -> str:
    return TEXTS[reason.code][check_language(lang)].format(**reason.params)
