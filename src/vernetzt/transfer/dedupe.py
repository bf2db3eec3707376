"""Finding people who are probably the same person, across every source.

Exact evidence first: a shared e-mail address, LinkedIn slug or XING slug. Then fuzzy names: people
are blocked by the first letters of their folded last name, each block compares its *distinct* names
once with rapidfuzz's ``cdist`` (C++, all cores), and only similar names are expanded to pairs of
persons whose organizations agree. Two different profile slugs of one network are never a pair.
Cost grows with the block sizes, not with the square of the network.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from vernetzt.core.text import normalize_org_name, normalize_person_name
from vernetzt.people.models import Person
from vernetzt.transfer.models import NotDuplicate

NAME_CUTOFF = 88
NAME_ONLY_CUTOFF = 96
ORG_CUTOFF = 80
BLOCK_PREFIX = 3
MAX_GROUP = 50
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    second_id: int
    reason: str  # "email" | "linkedin" | "xing" | "name"
    score: int  # 100 for exact evidence, the name similarity otherwise


@dataclass
class _Row:
    id: int
    name: str
    org: str
    emails: list[str]
    linkedin: str
    xing: str


def _load(owner) -> list[_Row]:
    rows = Person.objects.for_user(owner).filter(is_me=False)
    fields = ("id", "display_name", "organization_name", "emails", "linkedin_slug", "xing_slug")
    return [
        _Row(pid, normalize_person_name(name), normalize_org_name(org) if org else "", emails or [], li, xing)
        for pid, name, org, emails, li, xing in rows.values_list(*fields).iterator(chunk_size=5000)
    ]


def _compatible(a: _Row, b: _Row) -> bool:
    return not (a.linkedin and b.linkedin and a.linkedin != b.linkedin) and not (
        a.xing and b.xing and a.xing.casefold() != b.xing.casefold()
    )


def find_duplicates(*, owner, limit: int = DEFAULT_LIMIT) -> list[DuplicatePair]:
    """Likely duplicates, the surest first; pairs the user dismissed are left out."""
    rows = _load(owner)
    found: dict[tuple[int, int], DuplicatePair] = {}

    def add(a: _Row, b: _Row, reason: str, score: int) -> None:
        if a.id == b.id or not _compatible(a, b):
            return
        key = (min(a.id, b.id), max(a.id, b.id))
        if key not in found or found[key].score < score:
            found[key] = DuplicatePair(key[0], key[1], reason, score)

    for reason, keys_of in (
        ("linkedin", lambda r: [r.linkedin] if r.linkedin else []),
        ("xing", lambda r: [r.xing.casefold()] if r.xing else []),
        ("email", lambda r: [e.casefold() for e in r.emails]),
    ):
        groups: dict[str, list[_Row]] = defaultdict(list)
        for row in rows:
            for key in keys_of(row):
                groups[key].append(row)
        for group in groups.values():
            for other in group[1:MAX_GROUP]:
                add(group[0], other, reason, 100)
    _fuzzy(rows, add)
    dismissed = set(NotDuplicate.objects.for_user(owner).values_list("first_id", "second_id"))
    pairs = [pair for key, pair in found.items() if key not in dismissed and key[::-1] not in dismissed]
    pairs.sort(key=lambda pair: (-pair.score, pair.reason != "name", pair.first_id, pair.second_id))
    return pairs[:limit]


def _block_keys(name: str) -> tuple[str, str]:
    """Two blockings, by last and by first name, so a typo early in one name still meets its twin."""
    parts = name.split()
    return "l:" + parts[-1][:BLOCK_PREFIX], "f:" + parts[0][:BLOCK_PREFIX]


def _fuzzy(rows: list[_Row], add) -> None:
    blocks: dict[str, dict[str, list[_Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row.name:
            for key in _block_keys(row.name):
                blocks[key][row.name].append(row)
    for by_name in blocks.values():
        names = list(by_name)
        if len(names) == 1:
            scores = [[100]]
        else:
            scores = process.cdist(
                names, names, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_CUTOFF, workers=-1
            )
        for i, first in enumerate(names):
            for j in range(i, len(names)):
                score = int(scores[i][j])
                if score >= NAME_CUTOFF:
                    _pairs_between(by_name[first], by_name[names[j]], score, same=i == j, add=add)


def _pairs_between(left: list[_Row], right: list[_Row], score: int, *, same: bool, add) -> None:
    # Persons who both carry a LinkedIn slug differ (equal slugs were paired exactly), so every pair
    # needs one side without a slug; that keeps common names from exploding into pairs.
    for a in [row for row in left if not row.linkedin][:MAX_GROUP]:
        for b in right[: MAX_GROUP * 4]:
            _maybe(a, b, score, add)
    if not same:
        for b in [row for row in right if not row.linkedin][:MAX_GROUP]:
            for a in [row for row in left if row.linkedin][: MAX_GROUP * 4]:
                _maybe(a, b, score, add)


def _maybe(a: _Row, b: _Row, score: int, add) -> None:
    if a.org and b.org:
        if a.org != b.org and fuzz.token_set_ratio(a.org, b.org) < ORG_CUTOFF:
            return
    elif score < NAME_ONLY_CUTOFF:
        return
    add(a, b, "name", score)


def dismiss_duplicate(*, owner, first: Person, second: Person) -> None:
    if first.owner_id != owner.pk or second.owner_id != owner.pk:
        raise PermissionError("both persons must belong to the account")
    low, high = sorted((first, second), key=lambda person: person.pk)
    NotDuplicate.objects.get_or_create(owner=owner, first=low, second=high)
