"""Logging an interaction: one transaction that records, updates the person and targets, and plans."""

from __future__ import annotations

from datetime import date

import pytest

from vernetzt.events.services import create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.models import Interaction, Snippet, Task
from vernetzt.journal.services import (
    JournalDataError,
    complete_task,
    log_interaction,
    skip_task,
    snooze_task,
)
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db

FRIDAY = date(2026, 3, 13)
MONDAY = date(2026, 3, 16)


def test_event_conversation_with_meeting_agreed_plans_the_call(user, anna):
    event = create_event(owner=user, name="BVL-Kongress", starts_on=FRIDAY)
    goal = create_goal(owner=user, text="Expat in Südostasien")
    target, _ = add_target(goal=goal, person=anna)
    result = log_interaction(
        owner=user,
        person=anna,
        kind="event_conversation",
        date=FRIDAY,
        event=event,
        snippets=["Segelwochenende in Kiel", " ", "Segelwochenende in Kiel"],
        their_share=70,
        meeting_agreed=True,
        notes="Lager in Hanoi",
    )
    # Thanks and LinkedIn the same day (Anna lives in Singapore: no XING), the call the next working day.
    assert [(t.kind, t.due) for t in result.tasks] == [
        ("thank_you_email", FRIDAY),
        ("connect_linkedin", FRIDAY),
        ("call_to_schedule", MONDAY),
    ]
    assert [s.text for s in result.snippets] == ["Segelwochenende in Kiel"]
    anna.refresh_from_db()
    target.refresh_from_db()
    assert anna.last_contact_on == FRIDAY and anna.tier == "new"
    assert target.stage == "appointment_agreed"
    assert result.stages == {target.pk: ("identified", "appointment_agreed")}


def test_meeting_plans_thank_you_the_same_day_and_connections(user, anna):
    result = log_interaction(owner=user, person=anna, kind="meeting", date=MONDAY)
    kinds = {t.kind: t.due for t in result.tasks}
    assert kinds["thank_you_email"] == MONDAY
    assert {"connect_linkedin", "propose_lunch"} <= set(kinds)
    assert "connect_xing" not in kinds  # Anna lives in Singapore
    # Logging the same meeting again proposes nothing new: the dedupe keys exist.
    again = log_interaction(owner=user, person=anna, kind="meeting", date=MONDAY)
    assert again.tasks == []
    assert Task.objects.filter(owner=user, kind="thank_you_email").count() == 1


def test_connected_networks_get_no_connect_task(user):
    person = create_person(
        owner=user, first_name="Jan", last_name="Roth", city="Köln", linkedin_connected=True
    )
    result = log_interaction(owner=user, person=person, kind="lunch", date=MONDAY)
    assert "connect_linkedin" not in {t.kind for t in result.tasks}
    assert "connect_xing" in {t.kind for t in result.tasks}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "dinner"}, "kind"),
        ({"date": "2026-13-01"}, "date"),
        ({"their_share": 101}, "their_share"),
        ({"their_share": -1}, "their_share"),
        ({"snippets": ["x" * 501]}, "snippet"),
    ],
)
def test_invalid_input_stores_nothing(user, anna, changes, field):
    arguments = {"owner": user, "person": anna, "kind": "meeting", "date": MONDAY, **changes}
    with pytest.raises(JournalDataError) as error:
        log_interaction(**arguments)
    assert error.value.field == field
    assert not Interaction.objects.exists() and not Snippet.objects.exists() and not Task.objects.exists()
    anna.refresh_from_db()
    assert anna.last_contact_on is None


def test_another_users_person_or_event_is_refused(user, other_user, anna):
    theirs = create_person(owner=other_user, first_name="Eve", last_name="Other")
    with pytest.raises(JournalDataError, match="no person"):
        log_interaction(owner=user, person=theirs, kind="call", date=MONDAY)
    their_event = create_event(owner=other_user, name="Other event")
    with pytest.raises(JournalDataError, match="no event"):
        log_interaction(owner=user, person=anna, kind="call", date=MONDAY, event=their_event)
    assert not Interaction.objects.exists()


def test_task_actions(user):
    jan = create_person(owner=user, first_name="Jan", last_name="Roth", city="Köln")
    tasks = log_interaction(owner=user, person=jan, kind="meeting", date=MONDAY).tasks
    by_kind = {t.kind: t for t in tasks}
    complete_task(task=by_kind["thank_you_email"])
    skip_task(task=by_kind["connect_xing"])
    snoozed = snooze_task(task=by_kind["connect_linkedin"], today=MONDAY, days=3)
    assert snoozed.due == date(2026, 3, 19)
    with pytest.raises(JournalDataError):
        complete_task(task=by_kind["thank_you_email"])
    with pytest.raises(JournalDataError):
        snooze_task(task=by_kind["propose_lunch"], today=MONDAY, days=0)
    open_kinds = set(Task.objects.filter(done_at__isnull=True, skipped=False).values_list("kind", flat=True))
    assert open_kinds == {"connect_linkedin", "propose_lunch"}
