"""The journal pages as the user sees them: quick capture, Today actions, briefing, ledger, drafts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from vernetzt.events.services import add_attendee, create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.models import Benefit, Interaction, Task
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Success
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db


def test_quick_capture_logs_and_plans(alice_client, user, anna):
    today = timezone.localdate()
    event = create_event(owner=user, name="BVL-Kongress", starts_on=today)
    page = alice_client.get(f"/people/{anna.pk}/log/?event={event.pk}")
    assert page.status_code == 200 and b"BVL-Kongress" in page.content
    response = alice_client.post(
        f"/people/{anna.pk}/log/",
        {
            "kind": "event_conversation",
            "date": today.isoformat(),
            "event": event.pk,
            "notes": "Hanoi",
            "snippets": "Segelwochenende in Kiel\nTochter kommt in die Schule",
            "their_share": "70",
            "meeting_agreed": "on",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert interaction.event == event and interaction.their_share == 70 and interaction.meeting_agreed
    assert interaction.snippets.count() == 2
    kinds = sorted(Task.objects.values_list("kind", flat=True))
    assert kinds == ["call_to_schedule", "connect_linkedin", "thank_you_email"]


def _selected_event(page: str) -> str:
    import re

    select = re.search(r'<select name="event"[^>]*>(.*?)</select>', page, re.S).group(1)
    chosen = re.findall(r'<option value="(\d*)"[^>]*selected>', select)
    return chosen[0] if chosen else ""


def test_the_log_form_preselects_the_linked_or_todays_event_and_never_shows_dashes(alice_client, user, anna):
    today = timezone.localdate()
    later = create_event(owner=user, name="Asia Logistics Forum", starts_on=today + timedelta(days=30))
    page = alice_client.get(f"/people/{anna.pk}/log/").content.decode()
    assert "---------" not in page and "no event" in page
    assert _selected_event(page) == ""  # nothing today: no event rather than a guess
    # From the event page's link, even an event a month ahead (outside the usual choices).
    linked = alice_client.get(f"/people/{anna.pk}/log/?event={later.pk}").content.decode()
    assert _selected_event(linked) == str(later.pk)
    congress = create_event(
        owner=user,
        name="BVL-Kongress",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    assert _selected_event(alice_client.get(f"/people/{anna.pk}/log/").content.decode()) == str(congress.pk)
    # Someone else's event id, or nonsense, is not preselected (and not offered).
    assert _selected_event(alice_client.get(f"/people/{anna.pk}/log/?event=99999").content.decode()) == str(
        congress.pk
    )
    assert alice_client.get(f"/people/{anna.pk}/log/?event=abc").status_code == 200


def test_the_logged_message_counts_in_german(alice_client, user, anna):
    from django.utils import translation
    from django.utils.translation import ngettext

    user.language = "de"
    user.save()
    page = alice_client.post(
        f"/people/{anna.pk}/log/", {"kind": "lunch", "date": timezone.localdate().isoformat()}, follow=True
    )
    planned = Task.objects.count()
    assert planned > 1 and f"Erfasst. {planned} Folgeaufgaben geplant." in page.content.decode()
    with translation.override("de"):  # the same message for one task
        one = ngettext(
            "Logged. %(count)d follow-up task planned.", "Logged. %(count)d follow-up tasks planned.", 1
        )
    assert one % {"count": 1} == "Erfasst. 1 Folgeaufgabe geplant."


def test_each_must_meet_button_names_its_person(alice_client, user, anna):
    import re

    event = create_event(owner=user, name="Forum", starts_on=timezone.localdate() + timedelta(days=10))
    add_attendee(event=event, person=anna)
    page = alice_client.get(f"/events/{event.pk}/").content.decode()
    assert re.findall(r'aria-label="Must meet: ([^"]+)"', page) == ["Anna Weber"]
    alice_client.post(f"/events/{event.pk}/must-meet/{anna.pk}/", {"must_meet": "1"})
    user.language = "de"
    user.save()
    page = alice_client.get(f"/events/{event.pk}/").content.decode()
    assert 'aria-label="Anna Weber von der Pflichtliste nehmen"' in page
    assert 'aria-label="Gespräch mit Anna Weber erfassen"' in page


@pytest.mark.parametrize("data", [{"kind": "dinner"}, {"their_share": "150"}, {"date": "31.02.2026"}])
def test_quick_capture_refuses_bad_input(alice_client, anna, data):
    form = {"kind": "meeting", "date": timezone.localdate().isoformat(), **data}
    response = alice_client.post(f"/people/{anna.pk}/log/", form)
    assert response.status_code == 422
    assert not Interaction.objects.exists()


def test_today_shows_due_tasks_with_actions_and_runs_the_calendar(alice_client, user, anna):
    today = timezone.localdate()
    log_interaction(owner=user, person=anna, kind="meeting", date=today)
    birthday = create_person(
        owner=user,
        first_name="Bea",
        last_name="Tag",
        tier="developing",
        birth_day=(today + timedelta(days=1)).day,
        birth_month=(today + timedelta(days=1)).month,
    )
    page = alice_client.get("/")
    body = page.content.decode()
    assert "Anna Weber" in body
    thank_you = Task.objects.get(kind="thank_you_email")
    assert f"/tasks/{thank_you.pk}/draft/" in body
    assert Task.objects.filter(kind="birthday_greeting", person=birthday).exists()  # lazily planned
    done = alice_client.post(f"/tasks/{thank_you.pk}/done/", HTTP_HX_REQUEST="true")
    assert done.status_code == 200 and b"task settled" in done.content
    thank_you.refresh_from_db()
    assert thank_you.done_at is not None
    linkedin = Task.objects.get(kind="connect_linkedin")
    assert alice_client.post(f"/tasks/{linkedin.pk}/snooze/", {"days": "2"}).status_code == 302
    linkedin.refresh_from_db()
    assert linkedin.due == today + timedelta(days=2)
    assert alice_client.post(f"/tasks/{linkedin.pk}/explode/").status_code == 404
    assert alice_client.post(f"/tasks/{thank_you.pk}/skip/").status_code == 404  # done already


def test_briefing_page_success_form_and_questions(alice_client, user, me, anna):
    today = timezone.localdate()
    response = alice_client.post(
        f"/people/{anna.pk}/successes/",
        {
            "date": today.isoformat(),
            "text": "Eröffnung des Lagers in Hanoi",
            "source_url": "https://example.com/news",
        },
    )
    assert response.status_code == 302
    assert Success.objects.get().text == "Eröffnung des Lagers in Hanoi"
    page = alice_client.get(f"/people/{anna.pk}/briefing/", HTTP_ACCEPT_LANGUAGE="de")
    body = page.content.decode()
    assert "Eröffnung des Lagers in Hanoi" in body and "https://example.com/news" in body
    assert "Segeln" in body  # a commonality with the user
    assert body.count("<li>") >= 5


def test_ledger_suggestion_records_a_planned_introduction(alice_client, user, anna):
    helper = create_person(
        owner=user,
        first_name="Kai",
        last_name="Brandt",
        tier="developing",
        expertise=["Kontraktlogistik"],
        title="Leiter Kontraktlogistik",
    )
    ledger = alice_client.get(f"/people/{anna.pk}/benefits/").content.decode()
    assert "Kai Brandt" in ledger and "Kontraktlogistik" in ledger
    response = alice_client.post(
        f"/people/{anna.pk}/benefits/add/", {"introduce_to": helper.pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    benefit = Benefit.objects.get()
    assert (
        benefit.introduce_to == helper and benefit.status == "planned" and "Kai Brandt" in benefit.description
    )
    assert alice_client.post(f"/benefits/{benefit.pk}/deliver/").status_code == 302
    benefit.refresh_from_db()
    assert benefit.status == "delivered"
    received = alice_client.post(
        f"/people/{anna.pk}/benefits/add/",
        {
            "direction": "received",
            "kind": "information",
            "description": "Marktstudie Vietnam",
            "status": "planned",
        },
    )
    assert received.status_code == 302
    assert "given 1, received 1" in alice_client.get(f"/people/{anna.pk}/benefits/").content.decode()


def test_event_preparation(alice_client, user, me, anna):
    today = timezone.localdate()
    event = create_event(owner=user, name="Asia Logistics Forum", starts_on=today + timedelta(days=10))
    add_attendee(event=event, person=anna)
    create_goal(owner=user, text="Expat in Südostasien", regions=["Südostasien"])
    page = alice_client.get(f"/events/{event.pk}/").content.decode()
    assert "Anna Weber" in page
    assert (
        alice_client.post(f"/events/{event.pk}/must-meet/{anna.pk}/", {"must_meet": "1"}).status_code == 302
    )
    page = alice_client.get(f"/events/{event.pk}/").content.decode()
    assert "1 must meet: 0 researched" in page
    sheet = alice_client.get(f"/events/{event.pk}/briefings/").content.decode()
    assert "Anna Weber" in sheet


def test_goal_target_advances_from_the_web_log(alice_client, user, anna):
    goal = create_goal(owner=user, text="Expat")
    target, _ = add_target(goal=goal, person=anna)
    alice_client.post(f"/people/{anna.pk}/log/", {"kind": "lunch", "date": timezone.localdate().isoformat()})
    target.refresh_from_db()
    assert target.stage == "met"


def test_playbook_settings_page(alice_client, user):
    page = alice_client.get("/settings/playbook/")
    assert page.status_code == 200
    data = {}
    for name, field in page.context["form"].fields.items():
        value = field.initial
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    data["form"] = "playbook"
    data["call_to_schedule_delay_workdays"] = "2"
    data.pop("connect_xing_enabled")
    assert alice_client.post("/settings/playbook/", data).status_code == 302
    from vernetzt.journal.services import playbook_settings

    settings = playbook_settings(user)
    assert settings.call_to_schedule_delay_workdays == 2 and not settings.connect_xing_enabled
    page = alice_client.get("/settings/playbook/").content.decode()
    assert "2 working days later" in page
    data["cadence.secondary_days"] = "5000"
    assert alice_client.post("/settings/playbook/", data).status_code == 422
