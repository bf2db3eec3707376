"""Built pools on disk, so that a restarted server or a CLI run reads a pool instead of rebuilding it.

One file per user in ``<VERNETZT_HOME>/cache``: ``pool-<owner id>-<structure version>-<relationship
version>-<day>.npz`` (see :mod:`vernetzt.research.freshness`), the
pool's arrays plus a JSON header stored as bytes inside the same file — no pickle, so a file in the
data directory can never run code — written to a temporary name and renamed, so a reader sees a
whole file or none. Writing a new file removes the owner's older ones.

A file is used only when its header names the same account (id *and* creation time: SQLite may give
a deleted newest account's id to the next one), the same structure version and the same day as the
request; where its relationship version is older, the caller recomputes the relationship columns
(cheap) instead of rebuilding, and does not write the result (the structure, most of the file, is
unchanged). A file that cannot be read is logged, deleted and rebuilt from the database. Only pools
read outside a transaction are written: inside one, the data may still be rolled back while its
version number is reused by the next change.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from vernetzt.core.pool import COMMONALITY_KINDS, IdLists, Pool, Positions, Ties
from vernetzt.core.ranking import MeSpec
from vernetzt.research.freshness import PoolVersions
from vernetzt.research.pool_builder import PoolBundle
from vernetzt.research.relationships import OwnTies

logger = logging.getLogger(__name__)

FORMAT = 5  # 4: industries as codes of core/data/industries.tsv; 5: notes and successes in headlines


def cache_dir() -> Path:
    return Path(settings.CONFIG.home) / "cache"


def _path(owner_id: int, versions: PoolVersions, day: date) -> Path:
    return cache_dir() / f"pool-{owner_id}-{versions.structure}-{versions.relationship}-{day.isoformat()}.npz"


def _newest_of_structure(owner_id: int, structure: int, day: date) -> tuple[int, Path] | None:
    """(relationship version, file) of that structure version and day with the highest relationship
    version, if any."""
    name = re.compile(rf"pool-{owner_id}-{structure}-(\d+)-{day.isoformat()}\.npz")
    found = {}
    for path in cache_dir().glob(f"pool-{owner_id}-{structure}-*-{day.isoformat()}.npz"):
        if match := name.fullmatch(path.name):
            found[int(match.group(1))] = path
    return (max(found), found[max(found)]) if found else None


def account_key(owner) -> str:
    """The account's id and creation time: unlike the id alone, never the same for two accounts."""
    return f"{owner.pk}@{owner.date_joined.isoformat()}"


def _header(bundle: PoolBundle, owner) -> dict:
    me = bundle.me
    return {
        "format": FORMAT,
        "account": account_key(owner),
        "versions": list(bundle.versions),
        "built_on": bundle.built_on.isoformat(),
        "region_codes": list(bundle.pool.region_codes),
        "texts": list(bundle.pool.texts),
        "countries": list(bundle.countries),
        "vocab": {kind: list(names) for kind, names in bundle.vocab.items()},
        "me_id": bundle.me_id,
        "me": {
            "seniority": me.seniority,
            "org_id": me.org_id,
            "country_idx": me.country_idx,
            "home_region": me.home_region,
            "person_id": me.person_id,
            **{kind: sorted(getattr(me, f"{kind}_ids")) for kind in COMMONALITY_KINDS},
        },
    }


def _arrays(pool: Pool) -> dict[str, np.ndarray]:
    arrays = {f"pool.{name}": getattr(pool, name) for name, _ in Pool._DTYPES}
    arrays |= {f"positions.{name}": getattr(pool.positions, name) for name, _ in Positions._DTYPES}
    for kind, lists in pool.common.items():
        arrays[f"common.{kind}.indptr"], arrays[f"common.{kind}.indices"] = lists.indptr, lists.indices
    arrays |= {f"ties.{name}": getattr(pool.ties, name) for name in ("source", "target", "strength")}
    return arrays


def _own_tie_arrays(own_ties: OwnTies) -> dict[str, np.ndarray]:
    return {"own_ties.rows": own_ties.rows, "own_ties.strength": own_ties.strength}


def save_pool(bundle: PoolBundle, *, owner) -> None:
    """Write ``bundle`` for ``owner``; skipped (with a log line) where the cache cannot be written."""
    if bundle.owner_id != owner.pk:
        raise ValueError("a pool is saved only for the account it was built for")
    if connection.in_atomic_block:
        return
    header = json.dumps(_header(bundle, owner), ensure_ascii=False).encode()
    target = _path(owner.pk, bundle.versions, bundle.built_on)
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=".pool-", suffix=".tmp", delete=False
        ) as f:
            temporary = Path(f.name)
            arrays = _arrays(bundle.pool) | _own_tie_arrays(bundle.own_ties)
            np.savez(f, header=np.frombuffer(header, dtype=np.uint8), **arrays)
        os.replace(temporary, target)
        temporary = None
        for old in target.parent.glob(f"pool-{owner.pk}-*.npz"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("not caching the pool of user %s in %s: %s", owner.pk, target.parent, error)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("cannot remove %s: %s", path, error)


def _bundle(files, header: dict, owner_id: int) -> PoolBundle:
    positions = Positions(**{name: files[f"positions.{name}"] for name, _ in Positions._DTYPES})
    common = {
        kind: IdLists(indptr=files[f"common.{kind}.indptr"], indices=files[f"common.{kind}.indices"])
        for kind in COMMONALITY_KINDS
    }
    pool = Pool(
        region_codes=tuple(header["region_codes"]),
        positions=positions,
        texts=tuple(header["texts"]),
        common=common,
        ties=Ties(**{name: files[f"ties.{name}"] for name in ("source", "target", "strength")}),
        **{name: files[f"pool.{name}"] for name, _ in Pool._DTYPES},
    )
    me = header["me"]
    return PoolBundle(
        owner_id=owner_id,
        versions=PoolVersions(*header["versions"]),
        built_on=date.fromisoformat(header["built_on"]),
        pool=pool,
        countries=tuple(header["countries"]),
        vocab={kind: tuple(names) for kind, names in header["vocab"].items()},
        me_id=header["me_id"],
        me=MeSpec(
            seniority=me["seniority"],
            org_id=me["org_id"],
            country_idx=me["country_idx"],
            home_region=me["home_region"],
            person_id=me["person_id"],
            **{f"{kind}_ids": frozenset(me[kind]) for kind in COMMONALITY_KINDS},
        ),
        own_ties=OwnTies(rows=files["own_ties.rows"], strength=files["own_ties.strength"]),
    )


def load_pool(*, owner, structure: int, day: date) -> PoolBundle | None:
    """The pool of ``owner`` at ``structure`` version built on ``day``, if a usable file holds it; its
    relationship version (in ``versions``) is the newest written, which may be older than the data's."""
    newest = _newest_of_structure(owner.pk, structure, day)
    if newest is None:
        return None
    relationship, path = newest
    try:
        # numpy leaves a file it opened itself open when it rejects it; this one is always closed.
        with path.open("rb") as handle, np.load(handle, allow_pickle=False) as files:
            header = json.loads(files["header"].tobytes())
            identity = (
                header.get("format"),
                header.get("account"),
                header.get("versions"),
                header.get("built_on"),
            )
            if identity != (FORMAT, account_key(owner), [structure, relationship], day.isoformat()):
                logger.info("ignoring %s: written for another account, version or format", path)
                _discard(path)
                return None
            return _bundle(files, header, owner.pk)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError, zipfile.BadZipFile) as error:
        logger.warning("pool cache file %s is unreadable (%s); rebuilding it from the database", path, error)
        _discard(path)
        return None
