"""The journal over the JSON API: same services, scoped to the caller, 422 for bad data."""

from __future__ import annotations

import pytest

from vernetzt.journal.models import Interaction, Task

pytestmark = pytest.mark.django_db


def test_log_today_brief_and_task_actions(alice_client, user, anna):
    response = alice_client.post(
        "/api/v1/interactions",
        {
            "person_id": anna.pk,
            "kind": "event_conversation",
            "date": "2026-03-13",
            "meeting_agreed": True,
            "snippets": ["Segelwochenende in Kiel"],
            "their_share": 60,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    tasks = response.json()["tasks"]
    # Anna lives in Singapore: LinkedIn, not XING.
    assert [(t["kind"], t["due"]) for t in tasks] == [
        ("thank_you_email", "2026-03-13"),
        ("connect_linkedin", "2026-03-13"),
        ("call_to_schedule", "2026-03-16"),
    ]
    task = tasks[-1]
    today = alice_client.get("/api/v1/today?date=2026-03-16").json()
    assert today["date"] == "2026-03-16"
    assert "call_to_schedule" in [t["kind"] for t in today["tasks"]]
    assert alice_client.get(f"/api/v1/people/{anna.pk}/briefing").json()["snippets"] == [
        "Segelwochenende in Kiel"
    ]
    snoozed = alice_client.post(
        f"/api/v1/tasks/{task['id']}/snooze", {"days": 2}, content_type="application/json"
    )
    assert snoozed.status_code == 200 and snoozed.json()["due"] > "2026-03-16"
    assert alice_client.post(f"/api/v1/tasks/{task['id']}/done").status_code == 200
    assert alice_client.post(f"/api/v1/tasks/{task['id']}/skip").status_code == 404
    assert Task.objects.get(pk=task["id"]).done_at is not None


@pytest.mark.parametrize(
    ("change", "field"), [({"kind": "dinner"}, "kind"), ({"their_share": 150}, "their_share")]
)
def test_bad_interactions_answer_422(alice_client, anna, change, field):
    payload = {"person_id": anna.pk, "kind": "call", "date": "2026-03-13", **change}
    response = alice_client.post("/api/v1/interactions", payload, content_type="application/json")
    assert response.status_code == 422 and response.json()["field"] == field
    assert not Interaction.objects.exists()
