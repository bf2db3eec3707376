"""The cached pool: rebuilt exactly when the data it is built from changes, never shared between users."""

from __future__ import annotations

import pytest

from vernetzt.people.models import Education, Person, Tie
from vernetzt.people.services import create_person, update_person
from vernetzt.research.services import build_pool, mark_pool_stale

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
    assert after is not before and after.version > before.version


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
    assert {"language": bundle.vocab["language"]}["language"] == ("Deutsch", "Englisch")
