"""The pool's relationship columns: how close the user is to each person, and since when.

``degree``, ``relationship``, ``last_contact_days`` and ``my_strength`` depend on the structure
(which rows exist, the ties between them, the user's own ties) and on a few relationship facts that
change every day: a person's tier, LinkedIn/XING connection, last contact, and the interactions. Those
facts are read with two queries that return only the people the user has a relationship with — every
other person is "pool, never contacted" — so recomputing the columns for a cached pool after a logged
conversation costs a fraction of a rebuild. The full build uses the same code, so both agree.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db.models import Max, Q

from vernetzt.core.pool import RELATIONSHIP_DORMANT, RELATIONSHIP_EXISTING, RELATIONSHIP_NEW, Pool, Ties
from vernetzt.core.ranking import DORMANT_DAYS
from vernetzt.journal.models import Interaction
from vernetzt.people.models import TIER_CLOSENESS, Person, Tier
from vernetzt.research.pool_columns import Coder, concat, days_since, read_chunks, rows_of

# How close the user is to a first-degree contact when no tie of their own says so (0 = unknown).


@dataclass(frozen=True, eq=False)
class OwnTies:
    """The user's own ties: the other person's row (ascending, once) and the strongest strength 0..1."""

    rows: np.ndarray
    strength: np.ndarray

    @classmethod
    def of(cls, rows: np.ndarray, strength: np.ndarray) -> OwnTies:
        order = np.lexsort((-strength, rows))
        rows, strength = rows[order].astype(np.int64), strength[order].astype(np.float32)
        first = np.concatenate([[True], rows[1:] != rows[:-1]]) if len(rows) else rows.astype(bool)
        return cls(rows=rows[first], strength=strength[first])


@dataclass(frozen=True, eq=False)
class _Facts:
    """Relationship facts of the people that have any, as (row, value) columns."""

    rows: np.ndarray
    first: np.ndarray  # a tier other than pool, or connected on LinkedIn/XING
    closeness: np.ndarray
    last_contact: np.ndarray  # days since, -1 unknown
    contacted_rows: np.ndarray  # rows with an interaction …
    contacted_days: np.ndarray  # … and the days since the latest


def _read_facts(owner, person_ids: np.ndarray, today: date) -> _Facts:
    coders = {
        "first": (Coder(lambda tier: tier != Tier.POOL), bool),
        "close": (Coder(lambda tier: TIER_CLOSENESS.get(tier, 0.0)), np.float32),
        "days": (Coder(lambda value: days_since(value, today)), np.int32),
    }
    cols: dict[str, list[np.ndarray]] = {name: [] for name in ("row", "connected", *coders)}
    related = (
        Person.objects.for_user(owner)
        .filter(
            ~Q(tier=Tier.POOL)
            | Q(last_contact_on__isnull=False)
            | Q(linkedin_connected=True)
            | Q(xing_connected=True)
        )
        .order_by()  # Person's default order by name would walk a name index over every row
        .values_list("id", "tier", "linkedin_connected", "xing_connected", "last_contact_on")
    )
    for batch in read_chunks(related):
        pid, tier, linked, xing, last = zip(*batch, strict=True)
        cols["row"].append(rows_of(person_ids, pid))
        cols["connected"].append(np.array(linked, dtype=bool) | np.array(xing, dtype=bool))
        for name, column in (("first", tier), ("close", tier), ("days", last)):
            coder, dtype = coders[name]
            cols[name].append(coder.values(column, dtype))
    rows = concat(cols["row"], np.int64)
    keep = rows >= 0  # written after the structure was read (only possible without a version bump)

    contacted = Interaction.objects.for_user(owner).order_by().values("person_id").annotate(last=Max("date"))
    days_of = Coder(lambda value: days_since(value, today))
    contacted_rows, contacted_days = [], []
    for batch in read_chunks(contacted.values_list("person_id", "last")):
        pid, last = zip(*batch, strict=True)
        contacted_rows.append(rows_of(person_ids, pid))
        contacted_days.append(days_of.values(last, np.int32))
    c_rows, c_days = concat(contacted_rows, np.int64), concat(contacted_days, np.int32)
    return _Facts(
        rows=rows[keep],
        first=(concat(cols["first"], bool) | concat(cols["connected"], bool))[keep],
        closeness=concat(cols["close"], np.float32)[keep],
        last_contact=concat(cols["days"], np.int32)[keep],
        contacted_rows=c_rows[c_rows >= 0],
        contacted_days=c_days[c_rows >= 0],
    )


def relationship_columns(
    *, owner, person_ids: np.ndarray, me_row: int | None, ties: Ties, own_ties: OwnTies, today: date
) -> dict[str, np.ndarray]:
    """``degree``, ``relationship``, ``last_contact_days`` and ``my_strength`` of the pool rows
    ``person_ids`` as the database holds them now; ``ties`` are the pool's (the user's own excluded)."""
    facts = _read_facts(owner, person_ids, today)
    n = len(person_ids)
    last_contact = np.full(n, -1, dtype=np.int32)
    last_contact[facts.rows] = facts.last_contact
    # Interactions make a contact first-degree and date the relationship where the column is empty.
    rows, days = facts.contacted_rows, facts.contacted_days
    last_contact[rows] = np.where(last_contact[rows] >= 0, np.minimum(last_contact[rows], days), days)

    first = np.zeros(n, dtype=bool)
    first[facts.rows] = facts.first
    first[rows] = True
    first[own_ties.rows] = True
    closeness = np.zeros(n, dtype=np.float32)
    closeness[facts.rows] = facts.closeness
    closeness[own_ties.rows] = own_ties.strength  # the user's own tie replaces the tier's guess
    if me_row is not None:
        first[me_row] = False

    degree = np.zeros(n, dtype=np.int8)
    second = np.zeros(n, dtype=bool)
    second[ties.target[first[ties.source]]] = True
    second[ties.source[first[ties.target]]] = True
    degree[second] = 2
    degree[first] = 1
    if me_row is not None:
        degree[me_row] = 0

    relationship = np.where(last_contact >= 0, RELATIONSHIP_EXISTING, RELATIONSHIP_NEW)
    relationship = np.where(last_contact >= DORMANT_DAYS, RELATIONSHIP_DORMANT, relationship)
    return {
        "degree": degree,
        "relationship": relationship.astype(np.int8),
        "last_contact_days": last_contact,
        "my_strength": np.where(first, closeness, 0).astype(np.float32),
    }


def _with_columns(pool: Pool, columns: dict[str, np.ndarray]) -> Pool:
    """A new pool sharing every array of ``pool`` except ``columns``.

    Not ``dataclasses.replace``: that re-checks the invariants of every column, and the uniqueness of
    a million person ids alone takes longer than the whole refresh — while the rows stay the same.
    The copy keeps the pool's cached keyword index, as the texts are the same too."""
    dtypes = dict(Pool._DTYPES)
    fresh = copy.copy(pool)
    for name, values in columns.items():
        if len(values) != len(pool):
            raise ValueError(f"{name} needs one value per person")
        object.__setattr__(fresh, name, np.asarray(values, dtype=dtypes[name]))
    return fresh


def with_current_relationships(bundle, *, owner, relationship_version: int):
    """``bundle`` (a :class:`~vernetzt.research.pool_builder.PoolBundle`) with its relationship
    columns read anew, labelled with ``relationship_version``; its other arrays are shared, not copied,
    and nothing of ``bundle`` is changed."""
    pool = bundle.pool
    me_row = None
    if bundle.me_id is not None:
        me_row = int(rows_of(pool.person_id, [bundle.me_id])[0])
    columns = relationship_columns(
        owner=owner,
        person_ids=pool.person_id,
        me_row=me_row,
        ties=pool.ties,
        own_ties=bundle.own_ties,
        today=bundle.built_on,
    )
    return dataclasses.replace(
        bundle,
        versions=bundle.versions._replace(relationship=relationship_version),
        pool=_with_columns(pool, columns),
    )
