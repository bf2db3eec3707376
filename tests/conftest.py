from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import settings

from vernetzt.accounts.services import ensure_account

# Timings are benchmarks, never pass/fail: hypothesis' per-example deadline would make a property test
# fail on a busy machine (CI runs the suite twice, other work runs beside it).
settings.register_profile("vernetzt", deadline=None)
settings.load_profile("vernetzt")


@pytest.fixture
def loopback_sources(settings):
    """Sources on this machine allowed, as an operator does with VERNETZT_PRIVATE_SOURCES: these tests
    serve their feeds, calendars and mailboxes on loopback, which sources may not reach by default."""
    settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.0/8", "::1/128")


@pytest.fixture
def user(db):
    account, _ = ensure_account(username="alice")
    return account


@pytest.fixture
def other_user(db):
    account, _ = ensure_account(username="mallory")
    return account


@pytest.fixture
def alice_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def mallory_client(client, other_user):
    client.force_login(other_user)
    return client


@pytest.fixture
def world(user):
    """One of everything, owned by alice: what isolation tests try to reach as someone else."""
    from vernetzt.accounts.models import ApiToken
    from vernetzt.events.services import add_attendee, create_event
    from vernetzt.goals.services import add_target, create_goal
    from vernetzt.journal.feed import issue_feed_token
    from vernetzt.journal.models import Benefit, DigestRun, FeedToken, Interaction, Snippet, Task
    from vernetzt.journal.services import journal_settings
    from vernetzt.people.models import Success
    from vernetzt.people.services import create_person, get_or_create_organization, set_me

    today = timezone.localdate()
    me = set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", city="Dortmund")
    person = create_person(
        owner=user,
        first_name="Geheim",
        last_name="Zuckerberg-Öztürk",
        title="Head of Supply Chain APAC",
        organization_name="Secret Harbour Pte. Ltd.",
        city="Singapur",
        emails=["geheim@example.com"],
        birth_day=today.day,
        birth_month=today.month,
    )
    goal = create_goal(owner=user, text="Secret goal: Expat in Südostasien", regions=["Südostasien"])
    target, _ = add_target(goal=goal, person=person)
    event = create_event(
        owner=user, name="Secret Forum", starts_on=today + timedelta(days=5), location="Köln"
    )
    attendance, _ = add_attendee(event=event, person=person)
    interaction = Interaction.objects.create(
        owner=user, person=person, kind="meeting", date=date(2026, 1, 5), notes="secret notes"
    )
    snippet = Snippet.objects.create(
        owner=user, person=person, interaction=interaction, text="secret snippet"
    )
    benefit = Benefit.objects.create(
        owner=user, person=person, direction="offered", description="secret benefit"
    )
    task = Task.objects.create(
        owner=user, person=person, kind="thank_you_email", due=today, title="secret task"
    )
    success = Success.objects.create(owner=user, person=person, date=today, text="secret success")
    token, secret = ApiToken.issue(user=user, name="secret token")
    from vernetzt.transfer.models import ImportBatch, ImportJob

    batch = ImportBatch.objects.create(owner=user, kind="vcard", filename="secret.vcf", counts={"created": 1})
    import_job = ImportJob.objects.create(
        owner=user,
        kind="vcard",
        phase="preview",
        status="done",
        filename="secret.vcf",
        process="test",
        result={
            "counts": {"created": 1, "updated": 0, "unchanged": 0, "skipped": 0},
            "errors": [],
            "preview": [{"status": "created", "name": "Secret Person", "organization": "", "fields": []}],
        },
    )
    issue_feed_token(owner=user)
    DigestRun.objects.create(owner=user, date=today)
    from vernetzt.sources.models import Candidate, Feed, FeedItem

    feed = Feed.objects.create(owner=user, url="https://secret.example/feed.xml", name="Secret Feed")
    feed_item = FeedItem.objects.create(owner=user, feed=feed, key="secret", title="Secret news of Geheim")
    candidate = Candidate.objects.create(owner=user, item=feed_item, person=person, evidence="Geheim")
    from vernetzt.sources.models import Calendar, MailAccount, MailMessage

    mail_account = MailAccount.objects.create(
        owner=user, host="imap.secret.example", username="secret@example.com", password_encrypted="x"
    )
    mail_message = MailMessage.objects.create(
        owner=user, account=mail_account, key="k", person=person, date=today, outgoing=True, subject="Secret"
    )
    return {
        "me": me,
        "person": person,
        "goal": goal,
        "target": target,
        "event": event,
        "attendance": attendance,
        "interaction": interaction,
        "snippet": snippet,
        "benefit": benefit,
        "task": task,
        "success": success,
        "token": token,
        "token_secret": secret,
        "import_batch": batch,
        "import_job": import_job,
        "journal_settings": journal_settings(user),
        "feed_token": FeedToken.objects.get(owner=user),
        "feed": feed,
        "feed_item": feed_item,
        "candidate": candidate,
        "mail_account": mail_account,
        "mail_message": mail_message,
        "calendar": Calendar.objects.create(owner=user, url="https://secret.example/cal.ics", name="Secret"),
        "organization": get_or_create_organization(owner=user, name="Geheim Logistik GmbH"),
    }
