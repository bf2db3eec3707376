"""One user's people, positions, schools, ties and attendance → the columnar pool the ranking reads.

Built with a handful of ``values_list`` queries streamed in chunks (no model instances, no per-row
queries); :mod:`vernetzt.research.pool_columns` turns each column into an array, doing the Python
work once per distinct value. Codes become small integers, titles and organization names distinct
texts, schools/cities/interests/languages/associations ids into a per-pool vocabulary (kept for
naming them in reasons).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db.models import BigIntegerField, Q, Value
from django.db.models.functions import Coalesce

from vernetzt.core.industries import stored_code
from vernetzt.core.language import notable_languages
from vernetzt.core.places import REGIONS, home_region
from vernetzt.core.pool import IdLists, Pool, Positions, Ties
from vernetzt.core.ranking import MeSpec
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
from vernetzt.events.models import Attendance
from vernetzt.people.models import Education, Organization, Person, Position, Success, Tie
from vernetzt.research.freshness import PoolVersions
from vernetzt.research.pool_columns import (
    Coder,
    Texts,
    Vocabulary,
    collector_paused,
    concat,
    json_list,
    json_text,
    new_vocabularies,
    read_chunks,
    rows_of,
)
from vernetzt.research.relationships import OwnTies, relationship_columns

REGION_CODES: tuple[str, ...] = tuple(REGIONS)
VOCAB_KINDS = ("school", "city", "interest", "language", "association")

_RANK = {code: rank for rank, code in enumerate(SENIORITY_LEVELS)}
_FUNCTION = {code: index for index, code in enumerate(FUNCTIONS)}
_REGION_BIT = {code: bit for bit, code in enumerate(REGION_CODES)}


@dataclass(frozen=True, eq=False)
class PoolBundle:
    """A pool plus what is needed to turn its ids back into names and to rank for its owner."""

    owner_id: int
    versions: PoolVersions  # of the data it was read at
    built_on: date
    pool: Pool
    countries: tuple[str, ...]  # pool.country_idx indexes this
    vocab: dict[str, tuple[str, ...]]  # kind → display text per id
    me_id: int | None
    me: MeSpec
    own_ties: OwnTies  # the user's ties, kept to recompute the relationship columns without a rebuild


def _region_mask(raw: str | None) -> int:
    mask = 0
    for code in json_list(raw):
        bit = _REGION_BIT.get(code)
        if bit is not None:
            mask |= 1 << bit
    return mask


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


@dataclass
class _PersonColumns:
    person_id: np.ndarray
    is_me: np.ndarray
    country_idx: np.ndarray
    region_mask: np.ndarray
    headline_text: np.ndarray
    common_pairs: dict[str, tuple[np.ndarray, np.ndarray]]  # kind → (rows, ids)


def _add_notes_and_successes(owner, people: _PersonColumns, texts: Texts) -> None:
    """A goal's keywords also hit what the user noted about a person and their recorded successes
    ("Kühlkette" in "baut eine Kühlkettenlogistik auf"): those join the person's expertise as the
    text keywords search. Few people have either, so this reads only them."""
    extra: dict[int, list[str]] = {}
    for person_id, text in Success.objects.for_user(owner).order_by().values_list("person_id", "text"):
        extra.setdefault(person_id, []).append(text)
    noted = Person.objects.for_user(owner).exclude(notes="").order_by().values_list("id", "notes")
    for person_id, notes in noted.iterator(chunk_size=2000):
        extra.setdefault(person_id, []).append(notes)
    if not extra:
        return
    expertise = dict(
        Person.objects.for_user(owner).filter(pk__in=list(extra)).values_list("id", json_text("expertise"))
    )
    rows = rows_of(people.person_id, list(extra))
    for row, (person_id, said) in zip(rows, extra.items(), strict=True):
        if row >= 0:
            words = [*json_list(expertise.get(person_id)), *said]
            people.headline_text[row] = texts.id_of(" ".join(words))


def _ids_in_list(vocabulary: Vocabulary) -> Coder:
    return Coder(lambda raw: tuple(vocabulary.id_of(value) for value in json_list(raw)))


def _read_people(owner, texts: Texts, vocab: dict[str, Vocabulary]) -> tuple:
    countries: dict[str, int] = {}
    coders = {
        "country": Coder(lambda code: countries.setdefault(code, len(countries)) if code else -1),
        "mask": Coder(_region_mask),
        "head": Coder(lambda raw: texts.id_of(" ".join(json_list(raw)))),
        "city": Coder(lambda city: vocab["city"].id_of(city) if city else -1),
    }
    list_kinds = ("interest", "language", "association")
    list_coders = {kind: _ids_in_list(vocab[kind]) for kind in list_kinds}
    # Only languages worth a remark make a commonality: not English, not what most people of the person's
    # country speak (the user's own row is filtered by the user's country the same way).
    list_coders["language"] = Coder(
        lambda pair: tuple(
            vocab["language"].id_of(name) for name in notable_languages(json_list(pair[0]), country=pair[1])
        )
    )
    cols: dict[str, list[np.ndarray]] = {n: [] for n in ("id", "me", *coders)}
    pairs: dict[str, tuple[list, list]] = {kind: ([], []) for kind in list_kinds}
    queryset = (
        Person.objects.for_user(owner)
        .filter(archived_at__isnull=True)  # set aside by retention: out of every ranking
        .order_by("id")
        .values_list(
            "id", "is_me", "country", json_text("regions"), "city", json_text("interests"),
            json_text("languages"), json_text("associations"), json_text("expertise"),
        )
    )  # fmt: skip
    start = 0
    for batch in read_chunks(queryset):
        pid, me, country, regions, city, interests, langs, assocs, expert = zip(*batch, strict=True)
        cols["id"].append(np.array(pid, dtype=np.int64))
        cols["me"].append(np.array(me, dtype=bool))
        for name, column, dtype in (
            ("country", country, np.int16), ("mask", regions, np.int64), ("head", expert, np.int32),
            ("city", city, np.int64),
        ):  # fmt: skip
            cols[name].append(coders[name].values(column, dtype))
        langs = tuple(zip(langs, country, strict=True))
        for kind, column in zip(list_kinds, (interests, langs, assocs), strict=True):
            rows, ids = list_coders[kind].pairs(column, first_row=start)
            pairs[kind][0].append(rows)
            pairs[kind][1].append(ids)
        start += len(batch)
    person_id = concat(cols["id"], np.int64)
    common_pairs = {
        kind: (concat(rows, np.int64), concat(ids, np.int64)) for kind, (rows, ids) in pairs.items()
    }
    common_pairs["city"] = (np.arange(len(person_id), dtype=np.int64), concat(cols["city"], np.int64))
    people = _PersonColumns(
        person_id=person_id,
        is_me=concat(cols["me"], bool),
        country_idx=concat(cols["country"], np.int16),
        region_mask=concat(cols["mask"], np.int64),
        headline_text=concat(cols["head"], np.int32),
        common_pairs=common_pairs,
    )
    return people, tuple(countries)


@dataclass(frozen=True)
class _Organizations:
    org_id: np.ndarray  # sorted
    name_text: np.ndarray
    industry_id: np.ndarray

    def lookup(self, org_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(name text, industry code) per org id; -1 for none."""
        if not len(self.org_id):
            missing = np.full(len(org_ids), -1, dtype=np.int64)
            return missing, missing
        at = np.minimum(np.searchsorted(self.org_id, org_ids), len(self.org_id) - 1)
        found = (org_ids >= 0) & (self.org_id[at] == org_ids)
        return np.where(found, self.name_text[at], -1), np.where(found, self.industry_id[at], -1)


def _read_organizations(owner, texts: Texts) -> _Organizations:
    names, industries = Coder(texts.id_of), Coder(stored_code)
    cols: dict[str, list[np.ndarray]] = {"id": [], "name": [], "industry": []}
    queryset = Organization.objects.for_user(owner).order_by("id").values_list("id", "name", "industry")
    for batch in read_chunks(queryset):
        org_id, name, industry = zip(*batch, strict=True)
        cols["id"].append(np.array(org_id, dtype=np.int64))
        cols["name"].append(names.values(name, np.int64))
        cols["industry"].append(industries.values(industry, np.int64))
    return _Organizations(
        org_id=concat(cols["id"], np.int64),
        name_text=concat(cols["name"], np.int64),
        industry_id=concat(cols["industry"], np.int64),
    )


def _read_positions(owner, person_ids: np.ndarray, texts: Texts, orgs: _Organizations) -> Positions:
    coders = {
        "rank": (Coder(lambda code: _RANK.get(code, -1)), np.int8),
        "function": (Coder(lambda code: _FUNCTION.get(code, -1)), np.int8),
        "mask": (Coder(_region_mask), np.int64),
        "title": (Coder(texts.id_of), np.int32),
    }
    cols: dict[str, list[np.ndarray]] = {n: [] for n in ("row", "current", "org", *coders)}
    queryset = Position.objects.for_user(owner).values_list(
        "person_id", "is_current", "seniority", "function",
        Coalesce("organization_id", Value(-1), output_field=BigIntegerField()), json_text("regions"), "title",
    )  # fmt: skip
    for batch in read_chunks(queryset):
        person, current, seniority, function, org_id, regions, title = zip(*batch, strict=True)
        cols["row"].append(rows_of(person_ids, person))
        cols["current"].append(np.array(current, dtype=bool))
        cols["org"].append(np.array(org_id, dtype=np.int64))
        for name, column in (
            ("rank", seniority),
            ("function", function),
            ("mask", regions),
            ("title", title),
        ):
            coder, dtype = coders[name]
            cols[name].append(coder.values(column, dtype))
    dtypes = {"row": np.int64, "current": bool, "org": np.int64} | {n: d for n, (_, d) in coders.items()}
    merged = {name: concat(parts, dtypes[name]) for name, parts in cols.items()}
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


def _read_pairs(queryset, person_ids: np.ndarray, coder: Coder | None) -> tuple[np.ndarray, np.ndarray]:
    """(pool row, id) of two-column rows (person id, value); ``coder`` turns values into ids."""
    rows, ids = [], []
    for batch in read_chunks(queryset):
        person, value = zip(*batch, strict=True)
        rows.append(rows_of(person_ids, person))
        ids.append(np.array(value, dtype=np.int64) if coder is None else coder.values(value, np.int64))
    return concat(rows, np.int64), concat(ids, np.int64)


def _read_ties(owner, person_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(source rows, target rows, strength 0..1, is reports_to) of every tie, as stored."""
    src, dst, strength, reports = [], [], [], []
    is_reports_to = Coder(lambda kind: kind == Tie.Kind.REPORTS_TO)
    queryset = Tie.objects.for_user(owner).values_list("from_person_id", "to_person_id", "strength", "kind")
    for batch in read_chunks(queryset):
        source, target, stored, kind = zip(*batch, strict=True)
        src.append(rows_of(person_ids, source))
        dst.append(rows_of(person_ids, target))
        strength.append((np.array(stored, dtype=np.float32) - 1) / 4)
        reports.append(is_reports_to.values(kind, bool))
    return concat(src, np.int64), concat(dst, np.int64), concat(strength, np.float32), concat(reports, bool)


def _undirected(source: np.ndarray, target: np.ndarray, strength: np.ndarray) -> Ties:
    """Each pair once, with its strongest tie (a "knows" and a "reports_to" tie are one edge)."""
    low, high = np.minimum(source, target), np.maximum(source, target)
    order = np.lexsort((-strength, high, low))
    low, high, strength = low[order], high[order], strength[order]
    first = np.concatenate([[True], (low[1:] != low[:-1]) | (high[1:] != high[:-1])]) if len(low) else low
    return Ties(source=low[first], target=high[first], strength=strength[first])


def _manager_rows(source: np.ndarray, target: np.ndarray, n: int) -> np.ndarray:
    """Per row the row of its manager from reporting lines (source reports to target), -1 none. With
    several lines from one person (stated before lines became one per person), the lowest row wins."""
    manager = np.full(n, -1, dtype=np.int32)
    order = np.lexsort((target, source))
    sources, first = np.unique(source[order], return_index=True)
    manager[sources] = target[order][first]
    return manager


def _ids_in_row(lists: IdLists, row: int | None) -> frozenset[int]:
    return frozenset() if row is None else frozenset(int(i) for i in lists.row(row))


def build_pool_bundle(*, owner, versions: PoolVersions, today: date) -> PoolBundle:
    """The pool of ``owner`` as stored now, labelled with the data ``versions`` it was read at."""
    with collector_paused():
        return _assemble(owner=owner, versions=versions, today=today)


def _assemble(*, owner, versions: PoolVersions, today: date) -> PoolBundle:
    texts, vocab = Texts(), new_vocabularies()
    people, countries = _read_people(owner, texts, vocab)
    person_ids, n = people.person_id, len(people.person_id)
    _add_notes_and_successes(owner, people, texts)
    orgs = _read_organizations(owner, texts)
    positions = _read_positions(owner, person_ids, texts, orgs)

    common_pairs = dict(people.common_pairs)
    common_pairs["employer"] = (positions.person_row.astype(np.int64), positions.org_id)
    schools = Education.objects.for_user(owner).values_list("person_id", "school")
    common_pairs["school"] = _read_pairs(schools, person_ids, Coder(vocab["school"].id_of))
    shared_events = (
        Attendance.objects.for_user(owner)
        .filter(Q(attended=True) | Q(event__starts_on__lt=today))
        .values_list("person_id", "event_id")
    )
    common_pairs["event"] = _read_pairs(shared_events, person_ids, None)
    common = {kind: _id_lists(rows, ids, n) for kind, (rows, ids) in common_pairs.items()}

    me_rows = np.flatnonzero(people.is_me)
    me_row = int(me_rows[0]) if len(me_rows) else None
    source, target, strength, reports = _read_ties(owner, person_ids)
    valid = (source >= 0) & (target >= 0)
    source, target, strength, reports = source[valid], target[valid], strength[valid], reports[valid]
    mine = (source == me_row) | (target == me_row) if me_row is not None else np.zeros(len(source), bool)
    own_ties = OwnTies.of(np.where(source[mine] == me_row, target[mine], source[mine]), strength[mine])
    ties = _undirected(source[~mine], target[~mine], strength[~mine])
    relationships = relationship_columns(
        owner=owner, person_ids=person_ids, me_row=me_row, ties=ties, own_ties=own_ties, today=today
    )

    pool = Pool(
        region_codes=REGION_CODES,
        person_id=person_ids,
        region_mask=people.region_mask,
        country_idx=people.country_idx,
        headline_text=people.headline_text,
        positions=positions,
        texts=texts.as_tuple(),
        common=common,
        ties=ties,
        manager_row=_manager_rows(source[reports], target[reports], n),
        **relationships,
    )
    me = MeSpec()
    if me_row is not None:
        start, stop = positions.indptr[me_row], positions.indptr[me_row + 1]
        current = np.flatnonzero(positions.is_current[start:stop]) + start
        ranks = positions.seniority[current]
        orgs_now = positions.org_id[current]
        country_idx = int(pool.country_idx[me_row])
        me = MeSpec(
            seniority=int(ranks.max()) if len(ranks) and ranks.max() >= 0 else None,
            org_id=int(orgs_now[orgs_now >= 0][0]) if (orgs_now >= 0).any() else None,
            country_idx=country_idx if country_idx >= 0 else None,
            home_region=home_region(countries[country_idx]) if country_idx >= 0 else None,
            person_id=int(person_ids[me_row]),
            **{f"{kind}_ids": _ids_in_row(common[kind], me_row) for kind in common},
        )
    return PoolBundle(
        owner_id=owner.pk,
        versions=versions,
        built_on=today,
        pool=pool,
        countries=countries,
        vocab={kind: tuple(vocab[kind].display) for kind in VOCAB_KINDS},
        me_id=int(person_ids[me_row]) if me_row is not None else None,
        me=me,
        own_ties=own_ties,
    )


def rows_of_ids(bundle: PoolBundle, person_ids: Iterable[int]) -> np.ndarray:
    """Pool rows of the given database ids that are in the pool."""
    rows = rows_of(bundle.pool.person_id, np.fromiter(person_ids, dtype=np.int64))
    return rows[rows >= 0]
