"""Logging a conversation recomputes the pool's relationship columns instead of rebuilding the pool —
and ranks exactly as a rebuild would."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vernetzt.core.pool import RELATIONSHIP_DORMANT, RELATIONSHIP_EXISTING, RELATIONSHIP_NEW
from vernetzt.journal.models import Interaction
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Position, Tie
from vernetzt.people.services import update_person
from vernetzt.research import services
from vernetzt.research.freshness import current_versions
from vernetzt.research.pool_builder import build_pool_bundle
from vernetzt.research.services import build_pool, rank_for_goal

pytestmark = pytest.mark.django_db

RELATIONSHIP_COLUMNS = ("degree", "relationship", "last_contact_days", "my_strength")


def restart() -> None:
    services._cache.clear()


def full_rebuild(user):
    return build_pool_bundle(owner=user, versions=current_versions(user), today=timezone.localdate())


def assert_same_relationships(bundle, rebuilt) -> None:
    assert np.array_equal(bundle.pool.person_id, rebuilt.pool.person_id)
    for name in RELATIONSHIP_COLUMNS:
        assert np.array_equal(getattr(bundle.pool, name), getattr(rebuilt.pool, name)), name


def row(bundle, person) -> int:
    return int(bundle.pool.rows_of([person.pk])[0])


def log(user, person, days_ago: int = 0):
    return log_interaction(
        owner=user, person=person, kind="meeting", date=timezone.localdate() - timedelta(days=days_ago)
    )


def test_after_logging_a_conversation_the_ranking_equals_a_rebuilds(user, scenario):
    goal, event, somchai = scenario["goal"], scenario["event"], scenario["people"]["Somchai Wong"]
    before = rank_for_goal(owner=user, goal=goal, lang="en", event=event)
    log(user, somchai)
    refreshed = rank_for_goal(owner=user, goal=goal, lang="en", event=event)
    restart()
    rebuilt = rank_for_goal(owner=user, goal=goal, lang="en", event=event)
    assert refreshed == rebuilt  # candidates, order, scores, components, reasons, introducers
    assert refreshed != before
    assert "Direct contact" in next(c for c in refreshed if c.name == "Somchai Wong").reasons


def test_a_relationship_change_does_not_rebuild_the_structure(user, scenario):
    before = build_pool(owner=user)
    eva = scenario["people"]["Eva Schulz"]
    log(user, scenario["people"]["Somchai Wong"])
    # Written without a version bump: a rebuild would read this position, a refresh must not.
    Position.objects.bulk_create([Position(owner=user, person=eva, title="VP Supply Chain APAC")])
    with CaptureQueriesContext(connection) as queries:
        after = build_pool(owner=user)
    assert after.versions.structure == before.versions.structure
    assert after.versions.relationship > before.versions.relationship
    assert after.pool.positions is before.pool.positions and after.pool.ties is before.pool.ties
    assert len(full_rebuild(user).pool.positions) == len(before.pool.positions) + 1
    read = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("people_position", "people_organization", "people_education", "events_attendance"):
        assert table not in read
    assert build_pool(owner=user) is after  # cached under the new versions


def test_a_refresh_leaves_the_cached_pool_untouched(user, scenario):
    before = build_pool(owner=user)
    columns = {name: getattr(before.pool, name).copy() for name in RELATIONSHIP_COLUMNS}
    log(user, scenario["people"]["Somchai Wong"])
    after = build_pool(owner=user)
    assert after is not before and after.pool is not before.pool
    for name, values in columns.items():
        assert np.array_equal(getattr(before.pool, name), values), name
    assert not np.array_equal(after.pool.degree, before.pool.degree)
    checked = dataclasses.replace(after.pool)  # the refreshed pool passes every check of a new one
    for name in (*RELATIONSHIP_COLUMNS, "person_id", "region_mask", "headline_text"):
        assert getattr(checked, name).dtype == getattr(after.pool, name).dtype, name


@pytest.mark.parametrize(
    "change",
    [
        lambda user, people: update_person(person=people["Mei Tan"], title="Head of Logistics"),
        lambda user, people: update_person(person=people["Mei Tan"], tier="key"),  # a whole-form save
        lambda user, people: Tie.objects.create(
            owner=user, from_person=people["Mei Tan"], to_person=people["Budi Santoso"]
        ),
        lambda user, people: people["Budi Santoso"].save(update_fields=["tier", "city"]),
    ],
    ids=["title", "tier-by-form", "tie", "mixed-fields"],
)
def test_a_structure_change_still_rebuilds(user, scenario, change):
    before = build_pool(owner=user)
    eva = scenario["people"]["Eva Schulz"]
    Position.objects.bulk_create([Position(owner=user, person=eva, title="VP Supply Chain APAC")])
    change(user, scenario["people"])
    after = build_pool(owner=user)
    assert after.versions.structure > before.versions.structure
    assert len(after.pool.positions) == len(full_rebuild(user).pool.positions) > len(before.pool.positions)


@pytest.mark.parametrize(
    ("change", "counter"),
    [
        (lambda people: log(people["user"], people["Mei Tan"]), "relationship"),
        (lambda people: people["Mei Tan"].save(update_fields=["linkedin_connected"]), "relationship"),
        (lambda people: people["Mei Tan"].save(update_fields=["tier", "last_contact_on"]), "relationship"),
        (
            lambda people: people["Mei Tan"].save(update_fields=["xing_connected", "connected_on"]),
            "relationship",
        ),
        (lambda people: people["Mei Tan"].save(), "structure"),
        (lambda people: people["Mei Tan"].save(update_fields=["title"]), "structure"),
        (lambda people: people["Mei Tan"].delete(), "structure"),
    ],
    ids=["log", "linkedin", "tier+contact", "xing+since", "full-save", "title", "delete"],
)
def test_which_change_moves_which_version(user, scenario, change, counter):
    before = current_versions(user)
    change(scenario["people"] | {"user": user})
    after = current_versions(user)
    other = "structure" if counter == "relationship" else "relationship"
    assert getattr(after, counter) > getattr(before, counter)
    assert getattr(after, other) == getattr(before, other)


def _talked(user, people):
    log(user, people["Mei Tan"])
    return people["Mei Tan"], 1, RELATIONSHIP_EXISTING, 0.4  # pool → new tier


def _long_ago(user, people):
    log(user, people["Mei Tan"], days_ago=4 * 365)
    return people["Mei Tan"], 1, RELATIONSHIP_DORMANT, 0.4


def _known_through_a_new_contact(user, people):
    log(user, people["Mei Tan"])
    return people["Budi Santoso"], 2, RELATIONSHIP_NEW, 0.0  # Mei knows Budi


def _connected(user, people):
    mei = people["Mei Tan"]
    mei.linkedin_connected = True
    mei.save(update_fields=["linkedin_connected"])
    return mei, 1, RELATIONSHIP_NEW, 0.0


def _interaction_removed(user, people):
    mei = people["Mei Tan"]
    Interaction.objects.create(owner=user, person=mei, kind="call", date=timezone.localdate()).delete()
    return mei, 0, RELATIONSHIP_NEW, 0.0


def _raised_tier(user, people):
    daniel = people["Daniel Ortmann"]
    daniel.tier = "inner"
    daniel.save(update_fields=["tier"])
    return daniel, 1, RELATIONSHIP_NEW, 1.0


@pytest.mark.parametrize(
    "change",
    [_talked, _long_ago, _known_through_a_new_contact, _connected, _interaction_removed, _raised_tier],
)
def test_states_and_degrees_after_a_refresh(user, scenario, change):
    people = scenario["people"]
    Tie.objects.create(owner=user, from_person=people["Mei Tan"], to_person=people["Budi Santoso"])
    before = build_pool(owner=user)
    person, degree, state, strength = change(user, people)
    after = build_pool(owner=user)
    assert after.versions.structure == before.versions.structure
    at = row(after, person)
    assert (after.pool.degree[at], after.pool.relationship[at]) == (degree, state)
    assert after.pool.my_strength[at] == pytest.approx(strength)
    assert_same_relationships(after, full_rebuild(user))


# The disk cache: a restarted process finds the file of the same structure and refreshes it.


@pytest.fixture
def cache_home(settings, tmp_path):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, home=tmp_path)
    return tmp_path / "cache"


@pytest.mark.django_db(transaction=True)
def test_a_restart_refreshes_the_file_of_the_same_structure(user, scenario, cache_home):
    written = build_pool(owner=user)
    files = sorted(cache_home.glob("pool-*.npz"))
    assert [path.name for path in files] == [
        f"pool-{user.pk}-{written.versions.structure}-{written.versions.relationship}-"
        f"{timezone.localdate().isoformat()}.npz"
    ]
    eva = scenario["people"]["Eva Schulz"]
    log(user, scenario["people"]["Somchai Wong"])
    Position.objects.bulk_create([Position(owner=user, person=eva, title="VP Supply Chain APAC")])
    restart()
    after = build_pool(owner=user)
    assert after.versions == current_versions(user) != written.versions
    assert len(after.pool.positions) == len(written.pool.positions)  # the file's structure, refreshed
    assert_same_relationships(after, full_rebuild(user))
    assert sorted(cache_home.glob("pool-*.npz")) == files  # the structure did not change: no rewrite
