"""Whom to meet: the research engine's use cases, shared by web, API, CLI and the journal.

``build_pool`` returns the user's columnar pool from an in-process cache keyed by (user, structure
version, relationship version, day), else from the disk cache (:mod:`vernetzt.research.pool_cache`,
which survives a restart), else built from the database. Where only the relationship version moved
(a logged conversation), the cached pool's relationship columns are recomputed
(:mod:`vernetzt.research.relationships`) instead of rebuilding it; see
:mod:`vernetzt.research.freshness` for which change moves which version (bulk writers must call
``mark_pool_stale``). ``rank_for_goal`` and ``network_upward`` score
the whole pool in the core and read names only for the few candidates they return.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import groupby

import numpy as np
from django.utils import timezone

from vernetzt.core.industries import INDUSTRIES
from vernetzt.core.places import REGIONS, region_short_name, resolve_region
from vernetzt.core.ranking import GoalSpec, RankedCandidate, Weights, rank_pool
from vernetzt.core.reasons import describe_chip, describe_reason
from vernetzt.core.terms import common_label
from vernetzt.core.titles import FUNCTION_LABELS, FUNCTIONS, SENIORITY_LEVELS, classify_title
from vernetzt.errors import DataError
from vernetzt.events.models import Attendance, Event
from vernetzt.goals.models import Goal, Target
from vernetzt.people.models import Organization, Person
from vernetzt.research.freshness import PoolVersions, current_versions, mark_pool_stale
from vernetzt.research.pool_builder import PoolBundle, build_pool_bundle, rows_of_ids
from vernetzt.research.pool_cache import account_key, load_pool, save_pool
from vernetzt.research.relationships import with_current_relationships
from vernetzt.research.specs import goal_spec

__all__ = [
    "Candidate",
    "ResearchDataError",
    "build_pool",
    "mark_pool_stale",
    "network_upward",
    "rank_for_goal",
    "summarize_title",
]

CACHED_USERS = 3  # a pool of a million people takes a few hundred MB; keep only the recent users'
# Network upward: the reporting line and seniority above the user decide; goal fit is "works here".
UPWARD_WEIGHTS = Weights(relevance=1.0, upward=3.0, commonality=0.5, reachability=1.0, relationship=0.5)
# The order of network upward: beyond the boss first (their manager, their peers, further up the
# line), then the boss (known already: keep the relationship), then others above the user there.
UPWARD_ORDER = {"manager_of_manager": 0, "peer_of_manager": 1, "higher_in_line": 2, "manager": 3, "above": 4}

_cache: OrderedDict[str, PoolBundle] = OrderedDict()
_cache_lock = threading.Lock()
_build_locks: dict[str, threading.Lock] = {}


class ResearchDataError(DataError):
    """A filter or option the user gave is not valid; ``field`` names which."""


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    title: str
    organization: str
    seniority: str
    function: str
    country: str
    city: str
    score: float
    components: dict[str, float]
    reasons: list[str]  # rendered in the requested language
    chips: list[tuple[str, str, str]]  # (kind, text, reason): the same reasons in a few words each
    introducer_id: int | None
    introducer_name: str | None
    in_pipeline: bool
    relation: str | None  # around the user: manager, manager_of_manager, peer_of_manager, above
    do_not_contact: bool = False  # they objected: still worth knowing, never to approach (a badge)


def summarize_title(text: str) -> dict[str, str]:
    """``{"title", "seniority", "function"}`` of a job title (DESIGN §4)."""
    role = classify_title(text)
    return {"title": text, "seniority": role.seniority, "function": role.function}


def _fits(bundle: PoolBundle | None, versions: PoolVersions, today) -> bool:
    return bundle is not None and (bundle.versions, bundle.built_on) == (versions, today)


def build_pool(*, owner) -> PoolBundle:
    """The user's pool, built from the database only when the structure of their data changed since
    the last build (or the cached file was lost); after a relationship-only change, the cached pool
    with its relationship columns read anew."""
    versions, today, key = current_versions(owner), timezone.localdate(), account_key(owner)
    with _cache_lock:
        cached = _cache.get(key)
        if _fits(cached, versions, today):
            _cache.move_to_end(key)
            return cached
        build_lock = _build_locks.setdefault(key, threading.Lock())
    with build_lock:  # one build per user at a time; others wait and take its result
        with _cache_lock:
            cached = _cache.get(key)
        if _fits(cached, versions, today):
            return cached
        bundle = _fresh_bundle(owner=owner, versions=versions, today=today, cached=cached)
        with _cache_lock:
            _cache[key] = bundle
            _cache.move_to_end(key)
            while len(_cache) > CACHED_USERS:
                _cache.popitem(last=False)
        return bundle


def _fresh_bundle(*, owner, versions: PoolVersions, today, cached: PoolBundle | None) -> PoolBundle:
    if cached is None or (cached.versions.structure, cached.built_on) != (versions.structure, today):
        cached = load_pool(owner=owner, structure=versions.structure, day=today)
    if cached is None:
        bundle = build_pool_bundle(owner=owner, versions=versions, today=today)
        if current_versions(owner) == versions:  # else it changed while being read: label unsure
            save_pool(bundle, owner=owner)
        return bundle
    if cached.versions == versions:
        return cached
    # The relationship columns are read after the versions were, so they are at least as new as the
    # label; a change in between moves the version again and the next request reads them once more.
    return with_current_relationships(cached, owner=owner, relationship_version=versions.relationship)


def _check_owner(owner, obj, what: str) -> None:
    if obj.owner_id != owner.pk:
        raise PermissionError(f"{what} {obj.pk} belongs to another account")


def _filter_mask(bundle: PoolBundle, *, region: str | None, level: str | None, function: str | None):
    """Rows passing the list filters (current role and where the person is), or None without filters."""
    if not (region or level or function):
        return None
    pool, pos = bundle.pool, bundle.pool.positions
    keep = np.ones(len(pool), dtype=bool)
    current = pos.is_current
    rows = pos.person_row
    if region:
        code = region if region in REGIONS else resolve_region(region)
        if code is None:
            raise ResearchDataError("region", f"unknown region {region!r}")
        bit = np.int64(1) << np.int64(pool.region_codes.index(code))
        in_region = (pool.region_mask & bit) != 0
        in_region[rows[current & ((pos.region_mask & bit) != 0)]] = True
        keep &= in_region
    if level:
        if level not in SENIORITY_LEVELS:
            raise ResearchDataError("level", f"unknown level {level!r}")
        at_level = np.zeros(len(pool), dtype=bool)
        at_level[rows[current & (pos.seniority == SENIORITY_LEVELS.index(level))]] = True
        keep &= at_level
    if function:
        if function not in FUNCTIONS:
            raise ResearchDataError("function", f"unknown function {function!r}")
        in_function = np.zeros(len(pool), dtype=bool)
        in_function[rows[current & (pos.function == FUNCTIONS.index(function))]] = True
        keep &= in_function
    return keep


def _exclusions(bundle: PoolBundle, keep: np.ndarray | None) -> np.ndarray:
    excluded = [] if bundle.me_id is None else [bundle.me_id]
    if keep is None:
        return np.array(excluded, dtype=np.int64)
    return np.concatenate([np.array(excluded, dtype=np.int64), bundle.pool.person_id[~keep]])


def rank_for_goal(
    *,
    owner,
    goal: Goal,
    lang: str,
    event: Event | None = None,
    only_event: bool = False,
    limit: int = 50,
    region: str | None = None,
    level: str | None = None,
    function: str | None = None,
) -> list[Candidate]:
    """The people who matter most for ``goal``, best first, with reasons in ``lang``.

    ``event`` counts attendance at it; ``only_event`` keeps only its attendees. ``region``, ``level``
    and ``function`` narrow the list to people currently in that region, at that level, in that
    function. People already in the goal's pipeline stay in the list, marked ``in_pipeline``.
    """
    _check_owner(owner, goal, "goal")
    if limit < 1:
        raise ResearchDataError("limit", "must be at least 1")
    bundle = build_pool(owner=owner)
    keep = _filter_mask(bundle, region=region, level=level, function=function)
    attendees, event_id = None, None
    if event is not None:
        _check_owner(owner, event, "event")
        person_ids = (
            Attendance.objects.for_user(owner).filter(event=event).values_list("person_id", flat=True)
        )
        attendees, event_id = rows_of_ids(bundle, person_ids), event.pk
    elif only_event:
        raise ResearchDataError("event", "choose an event to list only its attendees")
    ranked = rank_pool(
        bundle.pool,
        goal=goal_spec(goal, bundle),
        me=bundle.me,
        event_attendees=attendees,
        event_id=event_id,
        only_event=only_event,
        limit=limit,
        exclude_ids=_exclusions(bundle, keep),
    )
    return _candidates(owner=owner, bundle=bundle, ranked=ranked, lang=lang, goal=goal)


def network_upward(*, owner, lang: str, limit: int = 50) -> list[Candidate]:
    """Upward from the user: their manager's manager, their manager's peers, their manager, and the
    people above them in their organization, with reasons and ``relation``. The user's own peers and
    reports are colleagues and stay out. Empty without a profile."""
    bundle = build_pool(owner=owner)
    me, pool = bundle.me, bundle.pool
    if me.person_id is None:
        return []
    above = (
        frozenset(range(me.seniority + 1, len(SENIORITY_LEVELS))) if me.seniority is not None else frozenset()
    )
    organizations = frozenset({me.org_id}) if me.org_id is not None else frozenset()
    spec = GoalSpec(levels=above, organizations=organizations, anywhere=True, weights=UPWARD_WEIGHTS)
    pos = pool.positions
    around = np.zeros(len(pool), dtype=bool)
    if me.org_id is not None:
        around[pos.person_row[pos.is_current & (pos.org_id == me.org_id)]] = True
    in_lines = pool.manager_row >= 0
    around |= in_lines
    around[pool.manager_row[in_lines]] = True  # lines count where a current role is not recorded
    # Rank everyone around the user, then keep only who is above them or around their manager:
    # a working student at the same company is a colleague, not someone to network upward with.
    everyone = max(int(around.sum()), 1)
    ranked = rank_pool(pool, goal=spec, me=me, limit=everyone, exclude_ids=_exclusions(bundle, around))
    upward = sorted((candidate for candidate in ranked if candidate.relation is not None), key=_upward_group)
    upward = [_without_own_employer(candidate, me.org_id) for candidate in upward[:limit]]
    return _candidates(owner=owner, bundle=bundle, ranked=upward, lang=lang, goal=None)


def _without_own_employer(candidate: RankedCandidate, org_id: int | None) -> RankedCandidate:
    """Everyone upward works at the user's organization: saying so (as goal fit or as a shared
    employer) tells nothing."""
    said = [
        reason for reason in candidate.reasons
        if not (reason.code in ("target_org", "common_employer") and org_id in reason.params.values())
    ]  # fmt: skip
    return replace(candidate, reasons=said)


def _upward_group(candidate: RankedCandidate) -> int:
    in_line = candidate.relation == "above" and any(r.code == "higher_in_line" for r in candidate.reasons)
    return UPWARD_ORDER["higher_in_line" if in_line else candidate.relation]


def _referenced(ranked: Iterable[RankedCandidate], namespace: str) -> set:
    key = {"org": ("org", "employer")}.get(namespace, (namespace,))
    return {
        value
        for candidate in ranked
        for reason in candidate.reasons
        for name, value in reason.params.items()
        if name in key and value is not None
    }


def _labels(*, owner, bundle: PoolBundle, ranked: list[RankedCandidate], lang: str) -> dict[str, dict]:
    labels: dict[str, dict] = {
        "function": {index: FUNCTION_LABELS[code][lang] for index, code in enumerate(FUNCTIONS)},
        "region": {code: region_short_name(code, lang) for code in REGIONS},
        "industry": {code: industry.names[lang] for code, industry in INDUSTRIES.items()},
    }
    for kind, names in bundle.vocab.items():
        # Recorded hobbies, cities and languages read in the reader's language ("Segeln" → "sailing").
        labels[kind] = dict(enumerate(common_label(kind, name, lang) for name in names))
    queries = {
        "org": (Organization, "name"),
        "person": (Person, "display_name"),
        "event": (Event, "name"),
    }
    for namespace, (model, field) in queries.items():
        ids = _referenced(ranked, namespace)
        labels[namespace] = dict(
            model.objects.for_user(owner).filter(pk__in=ids).values_list("pk", field) if ids else ()
        )
    return labels


def _candidates(
    *, owner, bundle: PoolBundle, ranked: list[RankedCandidate], lang: str, goal: Goal | None
) -> list[Candidate]:
    if not ranked:
        return []
    ids = [candidate.person_id for candidate in ranked]
    people = {
        row[0]: row
        for row in Person.objects.for_user(owner)
        .filter(pk__in=ids)
        .values_list(
            "pk", "display_name", "title", "organization_name", "seniority", "function", "country", "city",
            "do_not_contact",
        )
    }
    pipeline = set()
    if goal is not None:
        pipeline = set(
            Target.objects.for_user(owner)
            .filter(goal=goal, person_id__in=ids)
            .values_list("person_id", flat=True)
        )
    labels = _labels(owner=owner, bundle=bundle, ranked=ranked, lang=lang)
    result = []
    for candidate in ranked:
        person = people.get(candidate.person_id)
        if person is None:  # deleted since the pool was built (another process, same second)
            continue
        introducer = next((r.params["person"] for r in candidate.reasons if r.code == "introducer"), None)
        result.append(
            Candidate(
                person_id=candidate.person_id,
                name=person[1],
                title=person[2],
                organization=person[3],
                seniority=person[4],
                function=person[5],
                country=person[6],
                city=person[7],
                score=round(candidate.score, 1),
                components={name: round(value, 3) for name, value in candidate.components.items()},
                reasons=(reasons := [describe_reason(reason, lang, labels) for reason in candidate.reasons]),
                chips=[
                    (*describe_chip(reason, lang, labels), text)
                    for reason, text in zip(candidate.reasons, reasons, strict=True)
                ],
                introducer_id=introducer,
                introducer_name=labels["person"].get(introducer) if introducer is not None else None,
                in_pipeline=candidate.person_id in pipeline,
                relation=candidate.relation,
                do_not_contact=person[8],
            )
        )
    return _ties_by_name(result)


def _ties_by_name(found: list[Candidate]) -> list[Candidate]:
    """People the ranking could not tell apart (equal score and components) in the order of their
    names, not of their ids: import order never decides."""
    ordered: list[Candidate] = []
    for _, run in groupby(found, key=lambda c: (c.score, tuple(sorted(c.components.items())))):
        ordered.extend(sorted(run, key=lambda c: (c.name.casefold(), c.person_id)))
    return ordered
