"""Database columns → numpy arrays, with Python work per distinct value instead of per row.

A million people repeat a few hundred region lists, a few thousand titles and a few dozen cities.
Each distinct raw value is decoded (JSON), normalised and looked up once (:class:`Coder`); rows are
mapped to the result by C-level iteration (``map`` over a dict into ``np.fromiter``), which is what
makes reading a million rows take seconds rather than tens of seconds. Rows come straight from the
database cursor, without Django's per-value converters.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import chain

import numpy as np
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Cast, NullIf

from vernetzt.core.language import language_code
from vernetzt.core.pool import normalize_text
from vernetzt.core.text import fold, normalize_org_name

CHUNK = 50_000


def read_chunks(queryset) -> Iterator[list[tuple]]:
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a block.

    Reading a million rows allocates tens of millions of tuples and strings; each allocation burst
    triggers a collection that walks every live object, a third of the build time, while nothing
    the build creates can form a reference cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def json_text(field: str) -> NullIf:
    """A JSON column read as its text, NULL for an empty list.

    Text is decoded once per distinct value instead of once per row, and the many empty lists arrive
    as ``None`` (no string to create per row)."""
    return NullIf(Cast(field, output_field=TextField()), Value("[]"), output_field=TextField())


def json_list(raw: str | None) -> tuple:
    if not raw:
        return ()
    value = json.loads(raw)
    return tuple(value) if isinstance(value, list) else ()


def days_since(value, today: date) -> int:
    """Days from a raw date value (``date`` or ISO text, as the backend returns it) to ``today``;
    -1 for none."""
    if not value:
        return -1
    return (today - (date.fromisoformat(value[:10]) if isinstance(value, str) else value)).days


class Coder:
    """``derive`` applied once per distinct raw value of a column, remembered across batches."""

    def __init__(self, derive: Callable):
        self._derive = derive
        self._known: dict = {}

    def _learn(self, column: Sequence) -> dict:
        known = self._known
        for raw in dict.fromkeys(column):  # first-seen order keeps ids deterministic
            if raw not in known:
                known[raw] = self._derive(raw)
        return known

    def values(self, column: Sequence, dtype) -> np.ndarray:
        """The derived value of every row."""
        known = self._learn(column)
        return np.fromiter(map(known.__getitem__, column), dtype=dtype, count=len(column))

    def pairs(self, column: Sequence, *, first_row: int) -> tuple[np.ndarray, np.ndarray]:
        """(row, id) for every id of every row, where ``derive`` gives a tuple of ids per value."""
        known = self._learn(column)
        counts = np.fromiter(map(len, map(known.__getitem__, column)), dtype=np.int64, count=len(column))
        ids = np.fromiter(
            chain.from_iterable(map(known.__getitem__, column)), dtype=np.int64, count=int(counts.sum())
        )
        return np.repeat(np.arange(first_row, first_row + len(column), dtype=np.int64), counts), ids


class Vocabulary:
    """Ids for texts of one kind, keyed by a normalised form, remembering the first spelling seen."""

    def __init__(self, key: Callable[[str], str]):
        self._key = key
        self._ids: dict[str, int] = {}
        self._by_raw: dict[str, int] = {}  # the same spelling recurs inside different lists
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


class Texts:
    """Distinct normalised texts (titles, organization names, headlines) and their indices."""

    def __init__(self) -> None:
        self._by_normal: dict[str, int] = {}

    def id_of(self, raw: str | None) -> int:
        if not raw:
            return -1
        return self._by_normal.setdefault(normalize_text(raw), len(self._by_normal))

    def as_tuple(self) -> tuple[str, ...]:
        return tuple(self._by_normal)


def new_vocabularies() -> dict[str, Vocabulary]:
    def folded(text: str) -> str:
        return fold(text).strip()

    return {
        "school": Vocabulary(normalize_org_name),
        "city": Vocabulary(folded),
        "interest": Vocabulary(folded),
        "language": Vocabulary(language_code),
        "association": Vocabulary(normalize_org_name),
    }


def rows_of(person_ids: np.ndarray, wanted) -> np.ndarray:
    """Pool rows of database ids (``person_ids`` sorted); -1 where an id is not in the pool."""
    wanted = np.asarray(wanted, dtype=np.int64)
    if not len(person_ids):
        return np.full(len(wanted), -1, dtype=np.int64)
    rows = np.minimum(np.searchsorted(person_ids, wanted), len(person_ids) - 1)
    return np.where(person_ids[rows] == wanted, rows, -1)


def concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)
