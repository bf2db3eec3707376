"""One user's people, positions, schools, ties and attendance → the columnar pool the ranking reads.

Built with a handful of ``values_list`` queries streamed in chunks (no model instances, no per-row
queries). JSON columns are read as text and decoded once per distinct value, because a million rows
repeat a few hundred region lists and interest sets. Codes become small integers, titles and
organization names distinct texts, schools/cities/interests/languages/associations ids into a
per-pool vocabulary (kept for naming them in reasons).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from babel import Locale
from django.db import connection
from django.db.models import Max, Q, TextField
from django.db.models.functions import Cast

from vernetzt.core.places import REGIONS
from vernetzt.core.pool import (
    RELATIONSHIP_DORMANT,
    RELATIONSHIP_EXISTING,
    RELATIONSHIP_NEW,
    IdLists,
    Pool,
    Positions,
    Ties,
    normalize_text,
)
from vernetzt.core.ranking import DORMANT_DAYS, MeSpec
from vernetzt.core.text import fold, normalize_org_name
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
from vernetzt.events.models import Attendance
from vernetzt.journal.models import Interaction
from vernetzt.people.models import Education, Organization, Person, Position, Tie

CHUNK = 20_000
REGION_CODES: tuple[str, ...] = tuple(REGIONS)
VOCAB_KINDS = ("school", "city", "interest", "language", "association", "industry")
# How close the user is to a first-degree contact when no tie of their own says so (0 = unknown).
TIER_CLOSENESS = {"inner": 1.0, "key": 0.8, "developing": 0.6, "new": 0.4, "secondary": 0.3, "pool": 0.0}
REPORTS_TO_DEPTH = 8

_RANK = {code: rank for rank, code in enumerate(SENIORITY_LEVELS)}
_FUNCTION = {code: index for index, code in enumerate(FUNCTIONS)}
_REGION_BIT = {code: bit for bit, code in enumerate(REGION_CODES)}


@dataclass(frozen=True, eq=False)
class PoolBundle:
    """A pool plus what is needed to turn its ids back into names and to rank for its owner."""

    owner_id: int
    version: int
    built_on: date
    pool: Pool
    countries: tuple[str, ...]  # pool.country_idx indexes this
    vocab: dict[str, tuple[str, ...]]  # kind → display text per id
    me_id: int | None
    me: MeSpec


class _Vocabulary:
    """Ids for texts of one kind, keyed by a normalised form, remembering the first spelling seen."""

    def __init__(self, key: Callable[[str], str]):
        self._key = key
        self._ids: dict[str, int] = {}
        self._by_raw: dict[str, int] = {}  # spellings repeat: normalise each distinct one once
        self.display: list[str] = []

    def id_of(self, text: str) -> int:
        found = self._by_raw.get(text)
        if found is not None:
            return found
        key = self._key(text)
        if not key:
            found = -1
        elif (found := self._ids.get(key)) is None:
            found = self._ids[key] = len(self.display)
            self.display.append(text.strip())
        self._by_raw[text] = found
        return found


class _Texts:
    """Distinct normalised texts (titles, organization names, headlines) and their indices."""

    def __init__(self) -> None:
        self._by_raw: dict[str, int] = {}
        self._by_normal: dict[str, int] = {}

    def id_of(self, raw: str | None) -> int:
        if not raw:
            return -1
        found = self._by_raw.get(raw)
        if found is None:
            found = self._by_raw[raw] = self._by_normal.setdefault(normalize_text(raw), len(self._by_normal))
        return found

    def as_tuple(self) -> tuple[str, ...]:
        return tuple(self._by_normal)


@lru_cache(maxsize=1)
def _language_codes() -> dict[str, str]:
    names = {}
    for lang in ("en", "de"):
        for code, name in Locale.parse(lang).languages.items():
            names.setdefault(fold(name), code)
    return names


def language_key(text: str) -> str:
    """ "Deutsch", "German" and "de" are one language; unknown names stay as written (folded)."""
    folded = fold(text).strip()
    return _language_codes().get(folded, folded)


def _new_vocabularies() -> dict[str, _Vocabulary]:
    def folded(text: str) -> str:
        return fold(text).strip()

    return {
        "school": _Vocabulary(normalize_org_name),
        "city": _Vocabulary(folded),
        "interest": _Vocabulary(folded),
        "language": _Vocabulary(language_key),
        "association": _Vocabulary(normalize_org_name),
        "industry": _Vocabulary(folded),
    }


@lru_cache(maxsize=4096)
def _json_list(raw: str | None) -> tuple:
    if not raw:
        return ()
    value = json.loads(raw)
    return tuple(value) if isinstance(value, list) else ()


@lru_cache(maxsize=4096)
def _region_mask(raw: str | None) -> int:
    mask = 0
    for code in _json_list(raw):
        bit = _REGION_BIT.get(code)
        if bit is not None:
            mask |= 1 << bit
    return mask


def _chunks(queryset) -> Iterator[list[tuple]]:
    """Rows of a ``values_list`` queryset in batches, straight from the database cursor.

    Django's per-value converters (booleans, dates, JSON) cost more than the whole query at a
    million rows; the callers accept the raw values (0/1 for booleans, ISO text or ``date`` for
    dates — see :func:`days_since`). Django 5.2 selects the columns in the order ``values_list``
    names them (``query.selected``); the check keeps a future change from silently mixing columns.
    """
    query = queryset.query
    if list(query.selected or ()) != list(queryset._fields):
        raise RuntimeError(f"unexpected column order {list(query.selected or ())}")
    sql, params = query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(CHUNK):
            yield batch


@lru_cache(maxsize=8192)
def _parse_date(value: str) -> date:
    return date.fromisoformat(value[:10])


def days_since(value, today: date) -> int:
    """Days from a raw date value (``date`` or ISO text, as the backend returns it) to ``today``;
    -1 for none."""
    if not value:
        return -1
    return (today - (_parse_date(value) if isinstance(value, str) else value)).days


def _as_text(field: str) -> Cast:
    # JSON read as its text: decoded once per distinct value instead of once per row.
    return Cast(field, output_field=TextField())


def _id_lists(rows: np.ndarray, ids: np.ndarray, n: int) -> IdLists:
    """CSR lists of distinct ids per row from (row, id) pairs; negative ids and rows are dropped."""
    keep = (ids >= 0) & (rows >= 0)
    rows, ids = rows[keep].astype(np.int64), ids[keep].astype(np.int64)
    order = np.lexsort((ids, rows))
    rows, ids = rows[order], ids[order]
    if len(rows):
        distinct = np.concatenate([[True], (rows[1:] != rows[:-1]) | (ids[1:] != ids[:-1])])
        rows, ids = rows[distinct], ids[distinct]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return IdLists(indptr=indptr, indices=ids)


def _rows_of(person_ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Pool rows of database ids (``person_ids`` sorted); -1 where an id is not in the pool."""
    wanted = np.asarray(wanted, dtype=np.int64)
    if not len(person_ids):
        return np.full(len(wanted), -1, dtype=np.int64)
    rows = np.minimum(np.searchsorted(person_ids, wanted), len(person_ids) - 1)
    return np.where(person_ids[rows] == wanted, rows, -1)


@dataclass
class _PersonColumns:
    person_id: np.ndarray
    is_me: np.ndarray
    tier_first: np.ndarray
    closeness: np.ndarray
    country_idx: np.ndarray
    region_mask: np.ndarray
    last_contact: np.ndarray  # days since, -1 unknown
    headline_text: np.ndarray
    common_pairs: dict[str, tuple[np.ndarray, np.ndarray]]  # kind → (rows, ids)


@lru_cache(maxsize=4096)
def _joined(raw: str | None) -> str:
    return " ".join(_json_list(raw))


def _concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _read_people(owner, texts: _Texts, vocab: dict[str, _Vocabulary], today: date) -> tuple:
    # Column by column per batch: list comprehensions over one column beat a loop over rows.
    countries: dict[str, int] = {}
    cols: dict[str, list[np.ndarray]] = {
        n: [] for n in ("id", "me", "first", "close", "country", "mask", "days", "head")
    }
    pairs: dict[str, tuple[list, list]] = {
        kind: ([], []) for kind in ("city", "interest", "language", "association")
    }
    queryset = (
        Person.objects.for_user(owner)
        .order_by("id")
        .values_list(
            "id", "is_me", "tier", "linkedin_connected", "xing_connected", "country",
            _as_text("regions"), "last_contact_on", "city", _as_text("interests"),
            _as_text("languages"), _as_text("associations"), _as_text("expertise"),
        )
    )  # fmt: skip
    start = 0
    for batch in _chunks(queryset):
        pid, me, tier, linked, xing, country, regions, last, city, interests, langs, assocs, expert = zip(
            *batch, strict=True
        )
        cols["id"].append(np.array(pid, dtype=np.int64))
        cols["me"].append(np.array(me, dtype=bool))
        connected = np.array(linked, dtype=bool) | np.array(xing, dtype=bool)
        cols["first"].append(np.array([t != "pool" for t in tier], dtype=bool) | connected)
        cols["close"].append(np.array([TIER_CLOSENESS.get(t, 0.0) for t in tier], dtype=np.float32))
        cols["country"].append(
            np.array([countries.setdefault(c, len(countries)) if c else -1 for c in country], dtype=np.int16)
        )
        cols["mask"].append(np.array([_region_mask(r) for r in regions], dtype=np.int64))
        cols["days"].append(np.array([days_since(d, today) for d in last], dtype=np.int32))
        cols["head"].append(np.array([texts.id_of(_joined(e)) for e in expert], dtype=np.int32))
        pairs["city"][0].extend(range(start, start + len(batch)))
        pairs["city"][1].extend(vocab["city"].id_of(c) if c else -1 for c in city)
        for kind, column in (("interest", interests), ("language", langs), ("association", assocs)):
            kind_rows, kind_ids, id_of = *pairs[kind], vocab[kind].id_of
            for row, raw in enumerate(column, start=start):
                for value in _json_list(raw):
                    kind_rows.append(row)
                    kind_ids.append(id_of(value))
        start += len(batch)
    people = _PersonColumns(
        person_id=_concat(cols["id"], np.int64),
        is_me=_concat(cols["me"], bool),
        tier_first=_concat(cols["first"], bool),
        closeness=_concat(cols["close"], np.float32),
        country_idx=_concat(cols["country"], np.int16),
        region_mask=_concat(cols["mask"], np.int64),
        last_contact=_concat(cols["days"], np.int32),
        headline_text=_concat(cols["head"], np.int32),
        common_pairs={
            kind: (np.array(r, dtype=np.int64), np.array(i, dtype=np.int64)) for kind, (r, i) in pairs.items()
        },
    )
    return people, tuple(countries)


@dataclass(frozen=True)
class _Organizations:
    org_id: np.ndarray  # sorted
    name_text: np.ndarray
    industry_id: np.ndarray

    def lookup(self, org_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(name text, industry id) per org id; -1 for none."""
        if not len(self.org_id):
            missing = np.full(len(org_ids), -1, dtype=np.int64)
            return missing, missing
        at = np.minimum(np.searchsorted(self.org_id, org_ids), len(self.org_id) - 1)
        found = (org_ids >= 0) & (self.org_id[at] == org_ids)
        return np.where(found, self.name_text[at], -1), np.where(found, self.industry_id[at], -1)


def _read_organizations(owner, texts: _Texts, vocab: dict[str, _Vocabulary]) -> _Organizations:
    ids, names, industries = [], [], []
    queryset = Organization.objects.for_user(owner).order_by("id").values_list("id", "name", "industry")
    for batch in _chunks(queryset):
        for org_id, name, industry in batch:
            ids.append(org_id)
            names.append(texts.id_of(name))
            industries.append(vocab["industry"].id_of(industry) if industry else -1)
    return _Organizations(
        org_id=np.array(ids, dtype=np.int64),
        name_text=np.array(names, dtype=np.int64),
        industry_id=np.array(industries, dtype=np.int64),
    )


def _read_positions(owner, person_ids: np.ndarray, texts: _Texts, orgs: _Organizations) -> Positions:
    cols: dict[str, list[np.ndarray]] = {
        n: [] for n in ("row", "current", "rank", "function", "org", "mask", "title")
    }
    queryset = Position.objects.for_user(owner).values_list(
        "person_id", "is_current", "seniority", "function", "organization_id", _as_text("regions"), "title"
    )
    for batch in _chunks(queryset):
        person, current, seniority, function, org_id, regions, title = zip(*batch, strict=True)
        cols["row"].append(_rows_of(person_ids, person))
        cols["current"].append(np.array(current, dtype=bool))
        cols["rank"].append(np.array([_RANK.get(code, -1) for code in seniority], dtype=np.int8))
        cols["function"].append(np.array([_FUNCTION.get(code, -1) for code in function], dtype=np.int8))
        cols["org"].append(np.array([-1 if o is None else o for o in org_id], dtype=np.int64))
        cols["mask"].append(np.array([_region_mask(r) for r in regions], dtype=np.int64))
        cols["title"].append(np.array([texts.id_of(t) for t in title], dtype=np.int32))
    dtypes = {"row": np.int64, "current": bool, "rank": np.int8, "function": np.int8, "org": np.int64,
              "mask": np.int64, "title": np.int32}  # fmt: skip
    merged = {name: _concat(parts, dtypes[name]) for name, parts in cols.items()}
    rows = merged["row"]
    keep = rows >= 0
    order = np.argsort(rows[keep], kind="stable")  # CSR needs positions grouped by person row
    grouped = {name: values[keep][order] for name, values in merged.items()}
    org_text, industry_id = orgs.lookup(grouped["org"])
    indptr = np.zeros(len(person_ids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(grouped["row"], minlength=len(person_ids)), out=indptr[1:])
    return Positions(
        indptr=indptr,
        is_current=grouped["current"],
        seniority=grouped["rank"],
        function=grouped["function"],
        org_id=grouped["org"],
        region_mask=grouped["mask"],
        industry_id=industry_id,
        title_text=grouped["title"],
        org_text=org_text.astype(np.int32),
    )


def _read_pairs(
    queryset, person_ids: np.ndarray, value: Callable[[tuple], int]
) -> tuple[np.ndarray, np.ndarray]:
    rows, ids = [], []
    for batch in _chunks(queryset):
        rows.append(_rows_of(person_ids, [r[0] for r in batch]))
        ids.append(np.array([value(r) for r in batch], dtype=np.int64))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(ids)


def _read_ties(owner, person_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(source rows, target rows, strength 0..1, is reports_to) of every tie, as stored."""
    src, dst, strength, reports = [], [], [], []
    queryset = Tie.objects.for_user(owner).values_list("from_person_id", "to_person_id", "strength", "kind")
    for batch in _chunks(queryset):
        src.append(_rows_of(person_ids, [r[0] for r in batch]))
        dst.append(_rows_of(person_ids, [r[1] for r in batch]))
        strength.append(np.array([(r[2] - 1) / 4 for r in batch], dtype=np.float32))
        reports.append(np.array([r[3] == Tie.Kind.REPORTS_TO for r in batch], dtype=bool))
    if not src:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32), np.zeros(0, dtype=bool)
    return np.concatenate(src), np.concatenate(dst), np.concatenate(strength), np.concatenate(reports)


def _undirected(source: np.ndarray, target: np.ndarray, strength: np.ndarray) -> Ties:
    """Each pair once, with its strongest tie (a "knows" and a "reports_to" tie are one edge)."""
    low, high = np.minimum(source, target), np.maximum(source, target)
    order = np.lexsort((-strength, high, low))
    low, high, strength = low[order], high[order], strength[order]
    first = np.concatenate([[True], (low[1:] != low[:-1]) | (high[1:] != high[:-1])]) if len(low) else low
    return Ties(source=low[first], target=high[first], strength=strength[first])


def _reports_to_chain(me_row: int, source: np.ndarray, target: np.ndarray, person_ids: np.ndarray) -> tuple:
    manager_of: dict[int, int] = {}
    for s, t in sorted(zip(source.tolist(), target.tolist(), strict=True)):
        manager_of.setdefault(s, t)  # several managers: the lowest row (earliest created) is the line
    chain, row = [], me_row
    while row in manager_of and len(chain) < REPORTS_TO_DEPTH:
        row = manager_of[row]
        if row == me_row or int(person_ids[row]) in chain:
            break
        chain.append(int(person_ids[row]))
    return tuple(chain)


def _ids_in_row(lists: IdLists, row: int | None) -> frozenset[int]:
    return frozenset() if row is None else frozenset(int(i) for i in lists.row(row))


def build_pool_bundle(*, owner, version: int, today: date) -> PoolBundle:
    texts, vocab = _Texts(), _new_vocabularies()
    people, countries = _read_people(owner, texts, vocab, today)
    person_ids, n = people.person_id, len(people.person_id)
    orgs = _read_organizations(owner, texts, vocab)
    positions = _read_positions(owner, person_ids, texts, orgs)

    common_pairs = dict(people.common_pairs)
    common_pairs["employer"] = (positions.person_row.astype(np.int64), positions.org_id)
    schools = Education.objects.for_user(owner).values_list("person_id", "normalized_school", "school")
    common_pairs["school"] = _read_pairs(schools, person_ids, lambda r: vocab["school"].id_of(r[2]))
    shared_events = (
        Attendance.objects.for_user(owner)
        .filter(Q(attended=True) | Q(event__starts_on__lt=today))
        .values_list("person_id", "event_id")
    )
    common_pairs["event"] = _read_pairs(shared_events, person_ids, lambda r: r[1])
    common = {kind: _id_lists(rows, ids, n) for kind, (rows, ids) in common_pairs.items()}

    # Interactions make a contact first-degree and date the relationship where the column is empty.
    contacted = Interaction.objects.for_user(owner).values("person_id").annotate(last=Max("date"))
    last_contact = people.last_contact.copy()
    interacted = np.zeros(n, dtype=bool)
    for batch in _chunks(contacted.values_list("person_id", "last")):
        rows = _rows_of(person_ids, [r[0] for r in batch])
        days = np.array([days_since(r[1], today) for r in batch], dtype=np.int32)
        ok = rows >= 0
        interacted[rows[ok]] = True
        last_contact[rows[ok]] = np.where(
            last_contact[rows[ok]] >= 0, np.minimum(last_contact[rows[ok]], days[ok]), days[ok]
        )

    me_rows = np.flatnonzero(people.is_me)
    me_row = int(me_rows[0]) if len(me_rows) else None
    source, target, strength, reports = _read_ties(owner, person_ids)
    valid = (source >= 0) & (target >= 0)
    source, target, strength, reports = source[valid], target[valid], strength[valid], reports[valid]
    mine = (source == me_row) | (target == me_row) if me_row is not None else np.zeros(len(source), bool)
    closeness = people.closeness.copy()
    my_tie_first = np.zeros(n, dtype=bool)
    if me_row is not None and mine.any():
        others = np.where(source[mine] == me_row, target[mine], source[mine])
        my_tie_first[others] = True
        closeness[others] = 0  # an explicit tie of the user's own replaces the tier's guess …
        np.maximum.at(closeness, others, strength[mine])  # … by its strongest strength

    degree = np.zeros(n, dtype=np.int8)
    first = people.tier_first | interacted | my_tie_first
    if me_row is not None:
        first[me_row] = False
    ties = _undirected(source[~mine], target[~mine], strength[~mine])
    second = np.zeros(n, dtype=bool)
    second[ties.target[first[ties.source]]] = True
    second[ties.source[first[ties.target]]] = True
    degree[second] = 2
    degree[first] = 1
    if me_row is not None:
        degree[me_row] = 0

    relationship = np.where(last_contact >= 0, RELATIONSHIP_EXISTING, RELATIONSHIP_NEW)
    relationship = np.where(last_contact >= DORMANT_DAYS, RELATIONSHIP_DORMANT, relationship)

    pool = Pool(
        region_codes=REGION_CODES,
        person_id=person_ids,
        region_mask=people.region_mask,
        country_idx=people.country_idx,
        degree=degree,
        relationship=relationship,
        last_contact_days=last_contact,
        my_strength=np.where(first, closeness, 0),
        headline_text=people.headline_text,
        positions=positions,
        texts=texts.as_tuple(),
        common=common,
        ties=ties,
    )
    me = MeSpec()
    if me_row is not None:
        start, stop = positions.indptr[me_row], positions.indptr[me_row + 1]
        current = np.flatnonzero(positions.is_current[start:stop]) + start
        ranks = positions.seniority[current]
        orgs_now = positions.org_id[current]
        me = MeSpec(
            seniority=int(ranks.max()) if len(ranks) and ranks.max() >= 0 else None,
            org_id=int(orgs_now[orgs_now >= 0][0]) if (orgs_now >= 0).any() else None,
            reports_to=_reports_to_chain(me_row, source[reports], target[reports], person_ids),
            **{f"{kind}_ids": _ids_in_row(common[kind], me_row) for kind in common},
        )
    return PoolBundle(
        owner_id=owner.pk,
        version=version,
        built_on=today,
        pool=pool,
        countries=countries,
        vocab={kind: tuple(vocab[kind].display) for kind in VOCAB_KINDS},
        me_id=int(person_ids[me_row]) if me_row is not None else None,
        me=me,
    )


def rows_of_ids(bundle: PoolBundle, person_ids: Iterable[int]) -> np.ndarray:
    """Pool rows of the given database ids that are in the pool."""
    rows = _rows_of(bundle.pool.person_id, np.fromiter(person_ids, dtype=np.int64))
    return rows[rows >= 0]
