"""The cached pool: rebuilt exactly when the data it is built from changes, never shared between users."""

from __future__ import annotations

import dataclasses
import logging

import numpy as np
import pytest
from django.utils import timezone

from vernetzt.people.models import Education, Person, Tie
from vernetzt.people.services import create_person, update_person
from vernetzt.research import services
from vernetzt.research.freshness import current_versions
from vernetzt.research.pool_builder import build_pool_bundle
from vernetzt.research.services import build_pool, mark_pool_stale, rank_for_goal

pytestmark = pytest.mark.django_db


def test_an_unchanged_pool_is_reused(user, scenario):
    assert build_pool(owner=user) is build_pool(owner=user)


@pytest.mark.parametrize(
    "change",
    [
        lambda user, people: create_person(owner=user, first_name="New", last_name="Person"),
        lambda user, people: update_person(person=people["Mei Tan"], title="Head of Logistics"),
        lambda user, people: people["Budi Santoso"].delete(),
        lambda user, people: Tie.objects.create(
            owner=user, from_person=people["Mei Tan"], to_person=people["Budi Santoso"]
        ),
        lambda user, people: Education.objects.create(
            owner=user, person=people["Mei Tan"], school="NUS", normalized_school="nus"
        ),
    ],
    ids=["create", "update", "delete", "tie", "education"],
)
def test_a_change_rebuilds_the_pool(user, scenario, change):
    before = build_pool(owner=user)
    change(user, scenario["people"])
    after = build_pool(owner=user)
    assert after is not before and after.versions.structure > before.versions.structure


def test_bulk_writes_need_mark_pool_stale(user, scenario):
    before = build_pool(owner=user)
    Person.objects.bulk_create([Person(owner=user, display_name=f"Bulk {i}") for i in range(3)])
    assert build_pool(owner=user) is before  # signals do not see bulk writes …
    mark_pool_stale(user)
    after = build_pool(owner=user)
    assert len(after.pool) == len(before.pool) + 3  # … which is why importers call mark_pool_stale


def test_pools_never_mix_users(user, other_user, scenario):
    create_person(owner=other_user, first_name="Only", last_name="Mallory's")
    mine, theirs = build_pool(owner=user), build_pool(owner=other_user)
    assert len(theirs.pool) == 1 and theirs.owner_id == other_user.pk
    assert not set(theirs.pool.person_id.tolist()) & set(mine.pool.person_id.tolist())
    assert build_pool(owner=user) is mine


def test_the_pool_reflects_the_database(user, scenario):
    bundle = build_pool(owner=user)
    pool = bundle.pool
    ids = set(Person.objects.for_user(user).values_list("pk", flat=True))
    assert set(pool.person_id.tolist()) == ids and bundle.me_id == scenario["me"].pk
    daniel = int(pool.rows_of([scenario["people"]["Daniel Ortmann"].pk])[0])
    linh = int(pool.rows_of([scenario["people"]["Linh Nguyen"].pk])[0])
    assert pool.degree[daniel] == 1 and pool.degree[linh] == 2
    assert bundle.me.seniority == 5 and bundle.me.org_id is not None
    assert "TU Dortmund" in bundle.vocab["school"]
    # German and English spoken in Germany are no commonality worth a remark, so none is coded.
    assert bundle.vocab["language"] == ()


# The disk cache: what a restarted process or a CLI run reads instead of rebuilding.


@pytest.fixture
def cache_home(settings, tmp_path):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, home=tmp_path)
    return tmp_path / "cache"


def restart() -> None:
    """What a new process starts with: no pool in memory."""
    services._cache.clear()


def cached_files(cache_home) -> list[str]:
    return sorted(path.name for path in cache_home.glob("*")) if cache_home.exists() else []


def expected_name(owner) -> str:
    structure, relationship = current_versions(owner)
    return f"pool-{owner.pk}-{structure}-{relationship}-{timezone.localdate().isoformat()}.npz"


def test_a_pool_read_inside_a_transaction_is_not_written(user, scenario, cache_home):
    build_pool(owner=user)  # this test runs inside a transaction that is rolled back
    assert cached_files(cache_home) == []


@pytest.mark.django_db(transaction=True)
def test_a_restart_reads_the_pool_from_disk_and_ranks_identically(user, scenario, cache_home):
    ranked = rank_for_goal(owner=user, goal=scenario["goal"], lang="de", event=scenario["event"])
    assert cached_files(cache_home) == [expected_name(user)]
    # A bulk write without mark_pool_stale leaves the version alone: a rebuild would see these people,
    # a pool read from the file does not.
    Person.objects.bulk_create([Person(owner=user, display_name=f"Bulk {i}") for i in range(3)])
    restart()
    bundle = build_pool(owner=user)
    assert len(bundle.pool) == Person.objects.for_user(user).count() - 3
    assert rank_for_goal(owner=user, goal=scenario["goal"], lang="de", event=scenario["event"]) == ranked
    assert bundle.me == build_pool_bundle(owner=user, versions=(0, 0), today=timezone.localdate()).me


@pytest.mark.django_db(transaction=True)
def test_a_new_version_ignores_and_replaces_the_old_file(user, scenario, cache_home):
    before = build_pool(owner=user)
    old_name = expected_name(user)
    newcomer = create_person(owner=user, first_name="New", last_name="Person")
    restart()
    after = build_pool(owner=user)
    assert (
        after.versions.structure > before.versions.structure and newcomer.pk in after.pool.person_id.tolist()
    )
    assert cached_files(cache_home) == [expected_name(user)] != [old_name]


@pytest.mark.django_db(transaction=True)
def test_another_users_file_is_never_read(user, other_user, scenario, cache_home):
    create_person(owner=other_user, first_name="Only", last_name="Mallory's")
    build_pool(owner=user)
    # Alice's file under the exact name Mallory's pool would have (same version and day).
    alices = cache_home / expected_name(user)
    planted = cache_home / expected_name(other_user)
    planted.write_bytes(alices.read_bytes())
    restart()
    theirs = build_pool(owner=other_user)
    assert theirs.owner_id == other_user.pk and len(theirs.pool) == 1
    assert set(theirs.pool.person_id.tolist()) == set(
        Person.objects.for_user(other_user).values_list("pk", flat=True)
    )


def _truncated(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path):
    path.write_bytes(b"not a pool at all")


def _missing_array(path):
    with np.load(path) as files:
        arrays = {name: files[name] for name in files.files if name != "pool.degree"}
    with path.open("wb") as f:
        np.savez(f, **arrays)


def _bad_header(path):
    with np.load(path) as files:
        arrays = {name: files[name] for name in files.files}
    arrays["header"] = np.frombuffer(b"{not json", dtype=np.uint8)
    with path.open("wb") as f:
        np.savez(f, **arrays)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("damage", [_truncated, _garbage, _missing_array, _bad_header])
def test_a_corrupt_file_is_ignored_and_rebuilt(user, scenario, cache_home, caplog, damage):
    built = build_pool(owner=user)
    damage(cache_home / expected_name(user))
    restart()
    with caplog.at_level(logging.WARNING, logger="vernetzt.research.pool_cache"):
        rebuilt = build_pool(owner=user)
    assert "unreadable" in caplog.text and expected_name(user) in caplog.text
    assert np.array_equal(rebuilt.pool.person_id, built.pool.person_id) and rebuilt.me == built.me
    restart()
    assert np.array_equal(build_pool(owner=user).pool.degree, built.pool.degree)  # the rewritten file


@pytest.mark.django_db(transaction=True)
def test_an_unwritable_cache_only_costs_a_rebuild(user, scenario, cache_home, caplog):
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING, logger="vernetzt.research.pool_cache"):
        bundle = build_pool(owner=user)
    assert "not caching" in caplog.text and len(bundle.pool) == Person.objects.for_user(user).count()
