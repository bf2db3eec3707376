"""The columnar pool: every person the ranking may score, as numpy arrays.

Ranking a million people in a few seconds needs vectorised arithmetic over columns, not Python
objects per person. A pool is built once per user (from ``values_list`` queries) and cached until the
user's data changes; every query then only reads it.

Layout (n persons, m positions; "row" means the person's index 0..n-1, not a database id):

person columns, shape (n,)
    person_id            int64    database id, unique
    region_mask          int64    bit k set when the person is placed in ``region_codes[k]``
    country_idx          int16    index into the caller's country list, -1 unknown (kept for filters)
    degree               int8     1 first-degree contact, 2 second-degree (introducer unknown), 0 pool only
    relationship         int8     RELATIONSHIP_NEW / _EXISTING / _DORMANT
    last_contact_days    int32    days since the last interaction, -1 never/unknown
    my_strength          float32  strength 0..1 of the user's own tie to the person (first-degree only)
    headline_text        int32    index into ``texts``, -1 none
    manager_row          int32    row of the person's manager (their one reporting line), -1 none

positions, CSR by person: the positions of row i are ``indptr[i]:indptr[i + 1]``, shape (m,)
    is_current bool · seniority int8 (rank 0..9 of the binding seniority order, -1 unknown)
    function int8 (index into the binding function order, -1 unknown) · org_id int64 (-1 none)
    region_mask int64 (regions named in the title or the org's location) · industry_id int64 (-1)
    title_text int32 · org_text int32 (indices into ``texts``, -1 none)

texts: tuple of distinct strings already passed through ``normalize_text``; titles, organization
    names and headlines repeat heavily, so keyword matching works on distinct texts only.

common: one ``IdLists`` (CSR: ``indptr`` int64 (n+1,), ``indices`` int64) per kind of
    ``COMMONALITY_KINDS`` — the ids of the person's schools, employers (every org of every position),
    cities, interests, languages, associations and attended events.

ties: undirected person-person edges between rows with strength 0..1 (a 1..5 scale maps as
    (s - 1) / 4); each edge is stored once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from vernetzt.core.text import fold

RELATIONSHIP_NEW = 0
RELATIONSHIP_EXISTING = 1
RELATIONSHIP_DORMANT = 2
RELATIONSHIP_STATES = ("new", "existing", "dormant")

COMMONALITY_KINDS = ("school", "employer", "city", "interest", "language", "association", "event")

_MAX_REGIONS = 63


def normalize_text(text: str) -> str:
    """The form texts are stored and keywords are matched in: folded, single-line."""
    return fold(text).replace("\n", " ")


def mask_of_regions(codes: Iterable[str], region_codes: Sequence[str]) -> int:
    positions = {code: bit for bit, code in enumerate(region_codes)}
    mask = 0
    for code in codes:
        if code not in positions:
            raise ValueError(f"unknown region code {code!r}")
        mask |= 1 << positions[code]
    return mask


def regions_of_mask(mask: int, region_codes: Sequence[str]) -> list[str]:
    return [code for bit, code in enumerate(region_codes) if mask >> bit & 1]


@dataclass(frozen=True, eq=False)
class IdLists:
    """Compressed sparse rows of ids: row i holds ``indices[indptr[i]:indptr[i + 1]]``."""

    indptr: np.ndarray
    indices: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "indptr", np.asarray(self.indptr, dtype=np.int64))
        object.__setattr__(self, "indices", np.asarray(self.indices, dtype=np.int64))
        if self.indptr.ndim != 1 or len(self.indptr) == 0 or self.indptr[0] != 0:
            raise ValueError("indptr must be one-dimensional and start at 0")
        if self.indptr[-1] != len(self.indices) or np.any(np.diff(self.indptr) < 0):
            raise ValueError("indptr must be non-decreasing and end at len(indices)")

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row(self, index: int) -> np.ndarray:
        return self.indices[self.indptr[index] : self.indptr[index + 1]]

    @classmethod
    def from_lists(cls, rows: Sequence[Iterable[int]]) -> IdLists:
        lists = [sorted(set(row)) for row in rows]
        indptr = np.zeros(len(lists) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(row) for row in lists])
        indices = np.fromiter((i for row in lists for i in row), dtype=np.int64, count=int(indptr[-1]))
        return cls(indptr=indptr, indices=indices)

    @classmethod
    def empty(cls, n_rows: int) -> IdLists:
        return cls(indptr=np.zeros(n_rows + 1, dtype=np.int64), indices=np.zeros(0, dtype=np.int64))


@dataclass(frozen=True, eq=False)
class Positions:
    indptr: np.ndarray
    is_current: np.ndarray
    seniority: np.ndarray
    function: np.ndarray
    org_id: np.ndarray
    region_mask: np.ndarray
    industry_id: np.ndarray
    title_text: np.ndarray
    org_text: np.ndarray

    _DTYPES = (
        ("indptr", np.int64), ("is_current", np.bool_), ("seniority", np.int8), ("function", np.int8),
        ("org_id", np.int64), ("region_mask", np.int64), ("industry_id", np.int64),
        ("title_text", np.int32), ("org_text", np.int32),
    )  # fmt: skip

    def __post_init__(self) -> None:
        for name, dtype in self._DTYPES:
            object.__setattr__(self, name, np.asarray(getattr(self, name), dtype=dtype))
        m = len(self.is_current)
        if any(len(getattr(self, name)) != m for name, _ in self._DTYPES[1:]):
            raise ValueError("every position column must have the same length")
        if self.indptr[0] != 0 or self.indptr[-1] != m or np.any(np.diff(self.indptr) < 0):
            raise ValueError("positions.indptr must run from 0 to the number of positions")

    def __len__(self) -> int:
        return len(self.is_current)

    @cached_property
    def person_row(self) -> np.ndarray:
        """The person row of every position (the inverse of ``indptr``)."""
        return np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))


@dataclass(frozen=True, eq=False)
class Ties:
    source: np.ndarray
    target: np.ndarray
    strength: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", np.asarray(self.source, dtype=np.int32))
        object.__setattr__(self, "target", np.asarray(self.target, dtype=np.int32))
        object.__setattr__(self, "strength", np.clip(np.asarray(self.strength, dtype=np.float32), 0, 1))
        if not len(self.source) == len(self.target) == len(self.strength):
            raise ValueError("ties need equally long source, target and strength")

    @classmethod
    def empty(cls) -> Ties:
        return cls(source=np.zeros(0), target=np.zeros(0), strength=np.zeros(0))


@dataclass(frozen=True, eq=False)
class Pool:
    region_codes: tuple[str, ...]
    person_id: np.ndarray
    region_mask: np.ndarray
    country_idx: np.ndarray
    degree: np.ndarray
    relationship: np.ndarray
    last_contact_days: np.ndarray
    my_strength: np.ndarray
    headline_text: np.ndarray
    manager_row: np.ndarray
    positions: Positions
    texts: tuple[str, ...]
    common: Mapping[str, IdLists]
    ties: Ties = field(default_factory=Ties.empty)

    _DTYPES = (
        ("person_id", np.int64), ("region_mask", np.int64), ("country_idx", np.int16),
        ("degree", np.int8), ("relationship", np.int8), ("last_contact_days", np.int32),
        ("my_strength", np.float32), ("headline_text", np.int32), ("manager_row", np.int32),
    )  # fmt: skip

    def __post_init__(self) -> None:
        if len(self.region_codes) > _MAX_REGIONS:
            raise ValueError(f"at most {_MAX_REGIONS} region codes fit a bitmask")
        for name, dtype in self._DTYPES:
            object.__setattr__(self, name, np.asarray(getattr(self, name), dtype=dtype))
        n = len(self.person_id)
        if any(len(getattr(self, name)) != n for name, _ in self._DTYPES):
            raise ValueError("every person column must have the same length")
        if len(self.positions.indptr) != n + 1:
            raise ValueError("positions.indptr must have one entry per person plus one")
        if set(self.common) != set(COMMONALITY_KINDS):
            raise ValueError(f"common must hold exactly {COMMONALITY_KINDS}")
        if any(lists.n_rows != n for lists in self.common.values()):
            raise ValueError("every commonality list needs one row per person")
        if len(np.unique(self.person_id)) != n:
            raise ValueError("person ids must be unique")
        if np.any((self.manager_row < -1) | (self.manager_row >= n)):
            raise ValueError("manager_row must be a row of the pool or -1")

    def __len__(self) -> int:
        return len(self.person_id)

    def rows_of(self, person_ids: Iterable[int]) -> np.ndarray:
        """Rows of the given database ids that are in the pool, in pool order."""
        wanted = np.fromiter(person_ids, dtype=np.int64)
        return np.flatnonzero(np.isin(self.person_id, wanted))

    @cached_property
    def _text_blob(self) -> tuple[str, np.ndarray]:
        # One newline-joined string lets a single compiled regex scan every distinct text in C.
        starts = np.zeros(len(self.texts), dtype=np.int64)
        if self.texts:
            starts[1:] = np.cumsum([len(text) + 1 for text in self.texts[:-1]])
        return "\n".join(self.texts), starts

    def texts_matching(self, keywords: Sequence[str]) -> np.ndarray:
        """Boolean per distinct text: does it contain any of the keywords (normalized substring)?"""
        hits = np.zeros(len(self.texts), dtype=bool)
        needles = sorted({normalize_text(k).strip() for k in keywords} - {""})
        if not needles or not self.texts:
            return hits
        blob, starts = self._text_blob
        # Consuming the rest of the line yields at most one match per text.
        pattern = re.compile("(?:" + "|".join(re.escape(needle) for needle in needles) + ")[^\n]*")
        found = np.fromiter((match.start() for match in pattern.finditer(blob)), dtype=np.int64)
        hits[np.searchsorted(starts, found, side="right") - 1] = True
        return hits

    @classmethod
    def from_rows(
        cls,
        persons: Sequence[PersonRow],
        *,
        region_codes: Sequence[str],
        ties: Sequence[tuple[int, int, float]] = (),
    ) -> Pool:
        """Build a pool from plain rows (tests, small imports); ``ties`` are (person_id, person_id,
        strength 0..1)."""
        texts: dict[str, int] = {}

        def text_id(text: str) -> int:
            if not text:
                return -1
            return texts.setdefault(normalize_text(text), len(texts))

        positions = [p for person in persons for p in person.positions]
        counts = [len(person.positions) for person in persons]
        row_of = {person.person_id: row for row, person in enumerate(persons)}
        employers = [
            [p.org_id for p in person.positions if p.org_id >= 0] + list(person.employers)
            for person in persons
        ]
        by_kind = {
            "school": [person.schools for person in persons],
            "employer": employers,
            "city": [person.cities for person in persons],
            "interest": [person.interests for person in persons],
            "language": [person.languages for person in persons],
            "association": [person.associations for person in persons],
            "event": [person.events for person in persons],
        }
        return cls(
            region_codes=tuple(region_codes),
            person_id=[person.person_id for person in persons],
            region_mask=[mask_of_regions(person.regions, region_codes) for person in persons],
            country_idx=[person.country_idx for person in persons],
            degree=[person.degree for person in persons],
            relationship=[RELATIONSHIP_STATES.index(person.relationship) for person in persons],
            last_contact_days=[person.last_contact_days for person in persons],
            my_strength=[person.my_strength for person in persons],
            headline_text=[text_id(person.headline) for person in persons],
            manager_row=[row_of.get(person.reports_to, -1) for person in persons],
            positions=Positions(
                indptr=np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]),
                is_current=[p.current for p in positions],
                seniority=[p.seniority for p in positions],
                function=[p.function for p in positions],
                org_id=[p.org_id for p in positions],
                region_mask=[mask_of_regions(p.regions, region_codes) for p in positions],
                industry_id=[p.industry_id for p in positions],
                title_text=[text_id(p.title) for p in positions],
                org_text=[text_id(p.org_name) for p in positions],
            ),
            texts=tuple(texts),
            common={kind: IdLists.from_lists(rows) for kind, rows in by_kind.items()},
            ties=Ties(
                source=[row_of[a] for a, _, _ in ties],
                target=[row_of[b] for _, b, _ in ties],
                strength=[s for _, _, s in ties],
            ),
        )


@dataclass(frozen=True)
class PositionRow:
    title: str = ""
    seniority: int = -1
    function: int = -1
    org_id: int = -1
    org_name: str = ""
    regions: frozenset[str] = frozenset()
    industry_id: int = -1
    current: bool = True


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    positions: tuple[PositionRow, ...] = ()
    regions: frozenset[str] = frozenset()
    country_idx: int = -1
    degree: int = 0
    relationship: str = "new"
    last_contact_days: int = -1
    my_strength: float = 0.0
    headline: str = ""
    reports_to: int = -1  # person id of the manager
    schools: frozenset[int] = frozenset()
    employers: frozenset[int] = frozenset()
    cities: frozenset[int] = frozenset()
    interests: frozenset[int] = frozenset()
    languages: frozenset[int] = frozenset()
    associations: frozenset[int] = frozenset()
    events: frozenset[int] = frozenset()
