"""Undo of imports and merges, duplicate suggestions, and the merge keeping all history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vernetzt.events.services import add_attendee, create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.models import Interaction, Snippet
from vernetzt.people.models import Organization, Person, Position, Tie
from vernetzt.people.services import create_person, update_person
from vernetzt.transfer.dedupe import dismiss_duplicate, find_duplicates
from vernetzt.transfer.merge import merge_persons, plan_merge
from vernetzt.transfer.models import ImportBatch
from vernetzt.transfer.services import import_linkedin, import_vcards
from vernetzt.transfer.undo import UndoConflict, undo_batch

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def snapshot(user):
    return (
        list(Person.objects.for_user(user).order_by("pk").values()),
        list(Position.objects.for_user(user).order_by("pk").values()),
        list(Organization.objects.for_user(user).order_by("pk").values_list("pk", flat=True)),
    )


def without_timestamps(rows):
    return [{k: v for k, v in row.items() if k != "updated_at"} for row in rows]


def test_undo_restores_the_state_before(user):
    create_person(owner=user, first_name="Katrin", last_name="Vogel", organization_name="Altfirma GmbH")
    people, positions, orgs = snapshot(user)
    report = import_linkedin(owner=user, source=SAMPLES / "linkedin" / "Connections.csv")
    assert report.created > 0
    undo_batch(owner=user, batch_id=report.batch_id)
    after_people, after_positions, after_orgs = snapshot(user)
    assert without_timestamps(after_people) == without_timestamps(people)
    assert after_positions == positions and after_orgs == orgs
    assert ImportBatch.objects.get(pk=report.batch_id).status == "undone"
    with pytest.raises(ValueError, match="already undone"):
        undo_batch(owner=user, batch_id=report.batch_id)


def test_undo_refuses_when_later_edits_conflict(user):
    report = import_vcards(owner=user, sources=[SAMPLES / "contacts.vcf"])
    person = Person.objects.for_user(user).first()
    update_person(person=person, city="Bremen")
    with pytest.raises(UndoConflict, match="edited by hand"):
        undo_batch(owner=user, batch_id=report.batch_id)
    assert Person.objects.for_user(user).count() == report.created


def test_undo_refuses_when_a_created_person_has_new_history(user):
    report = import_vcards(owner=user, sources=[SAMPLES / "contacts.vcf"])
    person = Person.objects.for_user(user).first()
    Interaction.objects.create(owner=user, person=person, kind="call", date=date(2026, 1, 2))
    with pytest.raises(UndoConflict, match="newer"):
        undo_batch(owner=user, batch_id=report.batch_id)


def test_undo_of_another_users_batch_is_not_found(user, other_user):
    report = import_vcards(owner=user, sources=[SAMPLES / "contacts.vcf"])
    with pytest.raises(LookupError):
        undo_batch(owner=other_user, batch_id=report.batch_id)


def test_duplicates_across_sources_and_dismissal(user):
    a = create_person(
        owner=user, first_name="Katrin", last_name="Vogel", organization_name="Rhein Cargo GmbH"
    )
    b = create_person(owner=user, first_name="Katrin", last_name="Vogell", organization_name="Rhein Cargo")
    c = create_person(owner=user, first_name="K.", last_name="Other", emails=["same@example.com"])
    d = create_person(owner=user, first_name="Kay", last_name="Other", emails=["SAME@example.com"])
    create_person(owner=user, first_name="Katrin", last_name="Vogel", organization_name="Ganz Anders AG")
    pairs = {(p.first_id, p.second_id): p.kind for p in find_duplicates(owner=user)}
    assert pairs == {(a.pk, b.pk): "name", (c.pk, d.pk): "email"}
    dismiss_duplicate(owner=user, first=d, second=c)
    assert [(p.first_id, p.second_id) for p in find_duplicates(owner=user)] == [(a.pk, b.pk)]


def test_different_linkedin_profiles_are_no_duplicates(user):
    create_person(
        owner=user, first_name="Anna", last_name="Schmidt", linkedin_url="https://www.linkedin.com/in/a1"
    )
    create_person(
        owner=user, first_name="Anna", last_name="Schmidt", linkedin_url="https://www.linkedin.com/in/a2"
    )
    assert find_duplicates(owner=user) == []


def test_merge_keeps_all_history_and_undo_brings_it_back(user):
    keep = create_person(owner=user, first_name="Katrin", last_name="Vogel", emails=["k@a.de"], city="Köln")
    other = create_person(
        owner=user,
        first_name="Katrin",
        last_name="Vogel",
        emails=["k@b.de"],
        title="Leiterin Logistik",
        organization_name="Rhein Cargo",
        notes="met at BVL",
    )
    event = create_event(owner=user, name="BVL Forum")
    add_attendee(event=event, person=keep)
    add_attendee(event=event, person=other)
    goal = create_goal(owner=user, text="Expat")
    add_target(goal=goal, person=other)
    interaction = Interaction.objects.create(owner=user, person=other, kind="meeting", date=date(2026, 1, 5))
    Snippet.objects.create(owner=user, person=other, interaction=interaction, text="Segelt gern")
    Tie.objects.create(owner=user, from_person=other, to_person=keep)
    before_rows = snapshot(user)
    plan = plan_merge(owner=user, keep=keep, other=other)
    chosen = {c.name: c.chosen for c in plan.fields}
    assert chosen["emails"] == "both" and chosen["role"] == "other" and chosen["notes"] == "other"
    plan, batch_id = merge_persons(owner=user, keep=keep, other=other)
    keep.refresh_from_db()
    assert not Person.objects.filter(pk=other.pk).exists()
    assert keep.emails == ["k@a.de", "k@b.de"] and keep.city == "Köln" and keep.notes == "met at BVL"
    assert keep.title == "Leiterin Logistik" and keep.seniority == "director"
    assert keep.interactions.count() == 1 and keep.snippets.count() == 1 and keep.targets.count() == 1
    assert keep.attendances.count() == 1 and keep.positions.count() == 1
    assert not Tie.objects.for_user(user).exists()
    undo_batch(owner=user, batch_id=batch_id)
    other_again = Person.objects.get(pk=other.pk)
    assert other_again.interactions.count() == 1 and other_again.targets.count() == 1
    assert Tie.objects.for_user(user).count() == 1 and event.attendances.count() == 2
    people, positions, orgs = snapshot(user)
    assert without_timestamps(people) == without_timestamps(before_rows[0])
    assert (positions, orgs) == before_rows[1:]
    # the re-inserted ids must not collide with new rows (sequences were reset on PostgreSQL)
    create_person(owner=user, first_name="Neu", last_name="Person")


def test_merge_choices_and_refusals(user, other_user):
    keep = create_person(owner=user, first_name="A", last_name="B", city="Köln")
    other = create_person(owner=user, first_name="A", last_name="B", city="Bonn")
    merge_persons(owner=user, keep=keep, other=other, choices={"city": "other"})
    keep.refresh_from_db()
    assert keep.city == "Bonn"
    stranger = create_person(owner=other_user, first_name="X", last_name="Y")
    with pytest.raises(PermissionError):
        plan_merge(owner=user, keep=keep, other=stranger)
    with pytest.raises(ValueError):
        plan_merge(owner=user, keep=keep, other=keep)


BOOM_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER test_boom BEFORE INSERT ON people_position WHEN NEW.title = 'BOOM' "
        "BEGIN SELECT RAISE(ABORT, 'boom'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION test_boom() RETURNS trigger AS $$ BEGIN "
        "IF NEW.title = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER test_boom BEFORE INSERT ON people_position FOR EACH ROW EXECUTE FUNCTION test_boom()",
    ],
}


def test_failure_inside_apply_rolls_everything_back(user):
    """A real database failure in the middle of the write step (persons are already inserted when
    the positions fail): nothing of the import stays."""
    from django.db import DatabaseError, connection

    with connection.cursor() as cursor:
        for statement in BOOM_TRIGGERS[connection.vendor]:
            cursor.execute(statement)
    create_person(owner=user, first_name="Pre", last_name="Existing")
    before = snapshot(user)
    data = (
        SAMPLES / "linkedin" / "Connections.csv"
    ).read_bytes() + b"Zoe,Boom,,,Kaputt AG,BOOM,1 Jan 2024\r\n"
    with pytest.raises(DatabaseError):
        import_linkedin(owner=user, source=data, filename="Connections.csv")
    assert snapshot(user) == before
    assert not ImportBatch.objects.for_user(user).exists()
