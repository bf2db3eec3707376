"""From the briefing to a sent thank-you mail, on a phone, in German, through a real local SMTP server."""

from __future__ import annotations

import email
import email.policy
import re

import pytest
from playwright.sync_api import expect

from tests_support.smtp import local_smtp_server
from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.journal.models import Task
from vernetzt.people.models import Success
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mailbox(settings):
    with local_smtp_server() as (box, url):
        settings.VERNETZT_SMTP_URL = url
        yield box


def test_briefing_log_meeting_and_send_thank_you(page, live_server, mailbox):
    user, _ = ensure_account(username="thomas")
    user.first_name, user.last_name, user.email, user.language = "Thomas", "Berg", "thomas@example.org", "de"
    user.save()
    set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        interests=["Segeln"],
    )
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title="Head of Supply Chain APAC",
        organization_name="Harbour Logistics Pte. Ltd.",
        emails=["anna@example.com"],
        languages=["Deutsch"],
        interests=["Segeln"],
        expertise=["Kontraktlogistik"],
    )
    page.goto(live_server.url + issue_login_link(user=user))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")

    page.goto(f"{live_server.url}/people/{anna.pk}/briefing/")
    expect(page.get_by_role("heading", name="Vorbereitete Fragen")).to_be_visible()
    page.get_by_label("Was ist passiert").fill("Eröffnung des Lagers in Hanoi")
    page.get_by_role("button", name="Erfolg speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Der Erfolg wurde erfasst.")
    expect(page.locator(".questions")).to_contain_text("Eröffnung des Lagers in Hanoi")
    assert page.locator(".questions li").count() >= 5
    assert Success.objects.filter(person=anna).count() == 1

    page.get_by_role("link", name="Gespräch erfassen").click()
    page.get_by_label("Was ist passiert").select_option("meeting")
    page.get_by_label("Merkenswert").fill("Segelwochenende in Kiel")
    page.get_by_role("button", name="Gespräch speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Weber")

    page.get_by_role("link", name="Heute").click()
    task = Task.objects.get(kind="thank_you_email")
    row = page.locator(f"#task-{task.pk}")
    expect(row).to_contain_text("Anna Weber")
    row.get_by_role("link", name="Entwurf").click()
    body = page.get_by_label("Text")
    expect(body).to_have_value(re.compile(r"Anna[\s\S]*Segelwochenende in Kiel"))
    body.fill(body.input_value() + "\nPS: Bis bald in Kiel!")
    page.get_by_role("button", name="Senden", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Die E-Mail an Anna Weber wurde gesendet.")

    [envelope] = mailbox.messages
    assert envelope.rcpt_tos == ["anna@example.com"]
    sent = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert "Segelwochenende in Kiel" in sent.get_content() and "PS: Bis bald in Kiel!" in sent.get_content()
    task.refresh_from_db()
    assert task.done_at is not None
