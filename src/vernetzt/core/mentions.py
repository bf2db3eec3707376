"""Who in the network an article is about: people and organizations found in news text.

Precision beats recall here. A person counts as mentioned only when their full name (first and last
name, umlauts folded, a middle initial and the German genitive -s allowed) stands in the text *and*
one of their organizations is named nearby: in the headline, or within ``WINDOW`` words and at most
one sentence away. A namesake in an unrelated article names another organization or none, and is
never attached. A surname alone counts only after a form of address ("Frau Krause von Siam
Logistics", "Ms Krause of …") with her organization right after it, and only when she is the one
person of that surname there.

Organizations are found by their name and aliases with legal forms dropped ("Siam Logistics Co.,
Ltd." is "Siam Logistics"). A one-word name must look like a name in the text (capitalised; a short
acronym in capitals) and must not be an everyday word ("Post", "Bank", "Logistik"), which would
otherwise attach every article about parcels to one's contact at a company called "Post".

Pure and deterministic: plain data in, mentions out; no Django, no I/O.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vernetzt.core.text import fold, normalize_org_name, strip_accents

# Words between a name and the organization that count as "nearby": a sentence or two of news prose.
WINDOW = 30
# "Frau Krause von Siam Logistics": a surname after a form of address, the organization this close.
SURNAME_WINDOW = 5
_ADDRESS = frozenset({"frau", "herr", "herrn", "ms", "mr", "mrs", "dr", "prof"})
# Ordinary words that are also one-word company names; alone they prove nothing.
_GENERIC_WORDS = frozenset(
    """
    der die das den dem des ein eine und oder mit von fuer auf aus bei nach the a an and or of for on in
    at to by with from new neu neue group gruppe holding holdings international global services service
    solutions consulting partners partner bank post logistik logistics transport handel industrie
    industries digital energy energie systems system technik technologies technology software media
    medien capital invest immobilien auto automotive pharma chemie chemicals foods food trade trading
    network netzwerk union stadt city world welt europe europa asia asien office team management
    """.split()
)
_TOKEN = re.compile(r"[^\W_]+")
# A sentence ends at . ! ? before a capital; "Dr." and "Co." (short words) do not end one.
_SENTENCE_END = re.compile(
    r"(?<![\s.][^\W\d_]{1})(?<![\s.][^\W\d_]{2})(?<![\s.][^\W\d_]{3})[.!?]"
    r"[\"“”»«']?\s+(?=[\"„“«»']?[^\W\d_])"
)


@dataclass(frozen=True)
class KnownOrganization:
    organization_id: int
    names: tuple[str, ...]  # the name and its aliases, as written


@dataclass(frozen=True)
class KnownPerson:
    person_id: int
    first_name: str
    last_name: str
    organization_ids: tuple[int, ...]  # where they work now


@dataclass(frozen=True)
class Mention:
    """``person_id`` is None for an organization named in the headline without any of its people."""

    person_id: int | None
    organization_id: int
    evidence: str  # the words as they stand in the text


@dataclass(frozen=True)
class _Token:
    folded: str
    original: str
    sentence: int


def _tokens(text: str, first_sentence: int = 0) -> list[_Token]:
    found = []
    breaks = [match.end() for match in _SENTENCE_END.finditer(text)]
    sentence = 0
    for match in _TOKEN.finditer(text):
        while sentence < len(breaks) and match.start() >= breaks[sentence]:
            sentence += 1
        original = match.group()
        for part in _TOKEN.findall(fold(original)):
            found.append(_Token(part, original, first_sentence + sentence))
    return found


def _name_forms(name: str) -> set[tuple[str, ...]]:
    """ "Müller" as folded ("mueller") and as accent-stripped ("muller"): the press writes both."""
    return {
        tuple(form)
        for form in (_TOKEN.findall(fold(name)), _TOKEN.findall(strip_accents(name).casefold()))
        if form
    }


def _org_keys(name: str) -> set[tuple[str, ...]]:
    keys = set()
    for variant in {name, strip_accents(name)}:
        key = tuple(normalize_org_name(variant).split())
        if key and (len(key) > 1 or (len(key[0]) >= 2 and key[0] not in _GENERIC_WORDS)):
            keys.add(key)
    return keys


def _looks_like_a_name(token: _Token, key_length: int, folded_key: str) -> bool:
    """One-word organizations must stand out in the text: capitalised, a short one in capitals."""
    if key_length > 1:
        return True
    first = token.original[:1]
    if len(folded_key) <= 4:
        return token.original.isupper()
    return first.isupper()


class MentionFinder:
    """Built once per network (tens of thousands of people), then applied to many articles."""

    def __init__(self, *, people: Iterable[KnownPerson], organizations: Iterable[KnownOrganization]):
        self._orgs_by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for organization in organizations:
            for name in organization.names:
                for key in _org_keys(name):
                    self._orgs_by_first[key[0]].append((key, organization.organization_id))
        self._people_by_last: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], KnownPerson]]] = (
            defaultdict(list)
        )
        surnames: dict[tuple[tuple[str, ...], int], set[int]] = defaultdict(set)
        for person in people:
            if not person.first_name.strip() or not person.last_name.strip() or not person.organization_ids:
                continue
            for last in _name_forms(person.last_name):
                for first in _name_forms(person.first_name):
                    self._people_by_last[last[-1]].append((first, last, person))
                for organization_id in person.organization_ids:
                    surnames[last, organization_id].add(person.person_id)
        # Who is the only one of their surname at an organization (the condition for "Frau Krause").
        self._sole_surname = {key: next(iter(ids)) for key, ids in surnames.items() if len(ids) == 1}

    def find(self, *, title: str, text: str) -> list[Mention]:
        """Mentions in headline and body, each person and each headline organization once."""
        title_tokens = _tokens(title)
        tokens = [
            *title_tokens,
            *_tokens(text, first_sentence=title_tokens[-1].sentence + 1 if title_tokens else 0),
        ]
        headline_end = len(title_tokens)
        org_positions = self._organizations_at(tokens)
        in_headline = {org for org, positions in org_positions.items() if min(positions) < headline_end}
        mentions: dict[int, Mention] = {}
        for end, person, evidence in self._names_at(tokens):
            if person.person_id in mentions:
                continue
            for organization_id in person.organization_ids:
                near = [
                    p
                    for p in org_positions.get(organization_id, ())
                    if abs(p - end) <= WINDOW and abs(tokens[p].sentence - tokens[end].sentence) <= 1
                ]
                if organization_id in in_headline or near:
                    mentions[person.person_id] = Mention(person.person_id, organization_id, evidence)
                    break
        for mention in self._addressed_surnames(tokens, org_positions):
            mentions.setdefault(mention.person_id, mention)
        found = list(mentions.values())
        named = {m.organization_id for m in found}
        found.extend(Mention(None, organization_id, "") for organization_id in sorted(in_headline - named))
        return found

    def _organizations_at(self, tokens: list[_Token]) -> dict[int, list[int]]:
        positions: dict[int, list[int]] = defaultdict(list)
        for start, token in enumerate(tokens):
            for key, organization_id in self._orgs_by_first.get(token.folded, ()):
                if tuple(t.folded for t in tokens[start : start + len(key)]) != key:
                    continue
                if _looks_like_a_name(token, len(key), key[0]):
                    positions[organization_id].append(start)
        return positions

    def _addressed_surnames(self, tokens: list[_Token], org_positions: dict[int, list[int]]):
        """ "Frau Krause von Siam Logistics": the sole Krause there, the organization right after."""
        for organization_id, positions in org_positions.items():
            for position in positions:
                for end in range(max(0, position - SURNAME_WINDOW), position):
                    for length in (1, 2, 3):
                        start = end - length + 1
                        if start < 1 or tokens[start - 1].folded not in _ADDRESS:
                            continue
                        surname = tuple(t.folded for t in tokens[start : end + 1])
                        person_id = self._sole_surname.get((surname, organization_id))
                        if person_id is not None and tokens[start].original[:1].isupper():
                            evidence = " ".join(t.original for t in _dedupe(tokens[start - 1 : end + 1]))
                            yield Mention(person_id, organization_id, evidence)

    def _names_at(self, tokens: list[_Token]):
        """(position, person, evidence) for every full name in the text."""
        for end, token in enumerate(tokens):
            word = token.folded
            lookups = [word]
            if word.endswith("s") and len(word) > 3:
                lookups.append(word[:-1])  # German genitive: "Anna Krauses Team"
            for lookup in lookups:
                for first, last, person in self._people_by_last.get(lookup, ()):
                    start = _full_name_start(tokens, end, first, last, lookup)
                    if start is not None and token.original[:1].isupper():
                        yield end, person, " ".join(t.original for t in _dedupe(tokens[start : end + 1]))


def _full_name_start(
    tokens: list[_Token], end: int, first: tuple[str, ...], last: tuple[str, ...], last_word: str
) -> int | None:
    """Where "First [M.] Last" begins when it ends at ``end``, or None."""
    last_start = end - len(last) + 1
    if last_start < 0:
        return None
    if tuple(t.folded for t in tokens[last_start:end]) != last[:-1] or last_word != last[-1]:
        return None
    for gap in (0, 1):  # a middle initial: "Tim J. Wongsakul"
        first_start = last_start - gap - len(first)
        if first_start < 0:
            continue
        if gap and len(tokens[last_start - 1].folded) != 1:
            continue
        if tuple(t.folded for t in tokens[first_start : first_start + len(first)]) == first:
            return first_start
    return None


def _dedupe(tokens: list[_Token]) -> list[_Token]:
    """One original word may fold into several tokens ("Kühne+Nagel"); show it once."""
    shown: list[_Token] = []
    for token in tokens:
        if not shown or token.original != shown[-1].original:
            shown.append(token)
    return shown
