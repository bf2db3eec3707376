"""Cadences that can be lived: after importing 5,000 LinkedIn connections with years of messages, and
after a rule change, keep-in-touch and reconnect tasks arrive a few a day — never all at once."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections import Counter
from datetime import date, timedelta

import pytest

from vernetzt.core.cadence import CADENCE_KINDS, PHASE_IN_DAYS
from vernetzt.journal.models import Task
from vernetzt.journal.services import complete_task, run_calendar_playbook, save_playbook_settings
from vernetzt.people.models import Person
from vernetzt.transfer.services import import_linkedin

pytestmark = pytest.mark.django_db

START = date(2026, 3, 16)
PER_DAY = 4
PEOPLE = 5000


def linkedin_export(rng: random.Random) -> bytes:
    """Connections.csv for 5,000 people and a messages.csv with one conversation for 3,000 of them."""
    connections = io.StringIO()
    connections.write('Notes:\n"Some e-mail addresses may be missing."\n\n')
    writer = csv.writer(connections)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    messages = io.StringIO()
    chat = csv.writer(messages)
    chat.writerow(
        [
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
        ]
    )
    for n in range(PEOPLE):
        url = f"https://www.linkedin.com/in/kontakt-{n}"
        writer.writerow(
            [f"Vorname{n}", f"Nachname{n}", url, "", f"Firma {n % 300} GmbH", "Projektleiter", "04 Sep 2019"]
        )
        if n < 3000:
            sent = START - timedelta(days=rng.randint(20, 1600))
            chat.writerow(
                [
                    f"c-{n}",
                    "",
                    f"Vorname{n} Nachname{n}",
                    url,
                    "Thomas Berger",
                    "https://www.linkedin.com/in/me",
                    f"{sent.isoformat()} 09:00:00 UTC",
                    "",
                    "Schön, von Ihnen zu hören!",
                    "INBOX",
                ]
            )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as export:
        export.writestr("Connections.csv", connections.getvalue())
        export.writestr("messages.csv", messages.getvalue())
    return archive.getvalue()


def cadence_per_day(user) -> Counter:
    """Cadence tasks carried by each day: every keep-in-touch or reconnect task due that day, done or not."""
    return Counter(Task.objects.filter(owner=user, kind__in=CADENCE_KINDS).values_list("due", flat=True))


def test_a_five_thousand_person_import_is_phased_in_a_few_a_day(user):
    rng = random.Random(12)
    report = import_linkedin(owner=user, source=linkedin_export(rng), filename="Basic_LinkedInDataExport.zip")
    assert report.created == PEOPLE
    # The user sorts the people they have been writing with into tiers.
    contacted = list(
        Person.objects.filter(owner=user, last_contact_on__isnull=False).values_list("pk", flat=True)
    )
    assert len(contacted) == 3000
    for tier, share in (("inner", 30), ("developing", 600), ("new", 300)):
        chosen, contacted = contacted[:share], contacted[share:]
        Person.objects.filter(pk__in=chosen).update(tier=tier)
    Person.objects.filter(pk__in=contacted).update(tier="secondary")
    save_playbook_settings(owner=user, data={"cadence_tasks_per_day": PER_DAY, "keep_in_touch_max_open": 30})

    for offset in range(21):
        today = START + timedelta(days=offset)
        if offset == 10:  # a rule change: developing contacts every two weeks instead of monthly
            save_playbook_settings(
                owner=user,
                data={
                    "cadence_tasks_per_day": PER_DAY,
                    "keep_in_touch_max_open": 30,
                    "cadence": {"developing_days": 14},
                },
            )
        run_calendar_playbook(owner=user, today=today)
        carried = cadence_per_day(user)
        assert max(carried.values()) <= PER_DAY
        assert max(carried) <= today + timedelta(days=PHASE_IN_DAYS)
        open_now = Counter(
            Task.objects.filter(owner=user, done_at__isnull=True, skipped=False).values_list(
                "kind", flat=True
            )
        )
        assert open_now["keep_in_touch"] <= 30 and open_now["reconnect"] <= 3
        if offset % 7 != 3:  # most days the user works through what is due; one day a week not
            for task in Task.objects.filter(owner=user, due__lte=today, done_at__isnull=True, skipped=False):
                complete_task(task=task)

    carried = cadence_per_day(user)
    span = [START + timedelta(days=n) for n in range(21)]
    assert all(1 <= carried[day] <= PER_DAY for day in span)  # the backlog keeps coming, a few a day
    assert sum(carried[day] for day in span) >= 2 * len(span)
    assert Task.objects.filter(owner=user, kind="reconnect").exists()  # dormant ties get their turn too
