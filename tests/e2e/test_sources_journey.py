"""Sources in the browser: connect a real Dovecot account in Settings, see the e-mails on the person's
page and the thank-you task closed; subscribe to a feed and confirm a candidate success on a briefing.

Screenshots (phone in German, desktop in English) go to $VERNETZT_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests_support.dovecot import DOVECOT, mail, start_dovecot, stop_dovecot
from tests_support.http_files import serve_folder
from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.journal.models import Task
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Success
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)
FEEDS = Path(__file__).parent.parent / "data" / "feeds"


def _shot(page, name: str) -> None:
    folder = os.environ.get("VERNETZT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def imap(monkeypatch, loopback_sources):
    if not Path(DOVECOT).exists():
        pytest.skip("dovecot is not installed (Debian package dovecot-imapd; CI installs it)")
    server = start_dovecot()
    monkeypatch.setenv("SSL_CERT_FILE", str(server.certificate))
    yield server
    stop_dovecot(server)


def test_connect_mail_and_confirm_a_success(page, browser, live_server, imap, tmp_path):
    user, _ = ensure_account(username="thomas")
    user.first_name, user.last_name, user.email, user.language = "Thomas", "Berg", imap.user, "de"
    user.save()
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Krause",
        emails=["anna.krause@kn.example"],
        title="Head of Contract Logistics",
        organization_name="Kühne + Nagel AG",
    )
    tim = create_person(
        owner=user,
        first_name="Tim",
        last_name="Wongsakul",
        title="Managing Director",
        organization_name="Siam Logistics Co., Ltd.",
        tier="developing",
    )
    met = timezone.localdate() - timedelta(days=2)
    result = log_interaction(owner=user, person=anna, kind="meeting", date=met)
    thanks = next(t for t in result.tasks if t.kind == "thank_you_email")
    sent = datetime(met.year, met.month, met.day, 18, tzinfo=UTC) + timedelta(days=1)
    imap.deliver(
        "Sent",
        [
            mail(
                sender=imap.user,
                to="Anna Krause <anna.krause@kn.example>",
                subject="Danke für das Treffen in Köln",
                when=sent,
            )
        ],
    )
    imap.deliver(
        "INBOX",
        [
            mail(
                sender="Anna Krause <anna.krause@kn.example>",
                to=imap.user,
                subject="Re: Danke für das Treffen in Köln",
                when=sent + timedelta(hours=2),
            ),
            mail(
                sender="news@verband.example",
                to=imap.user,
                subject="Newsletter",
                when=sent,
                headers={"List-Id": "<news.verband.example>"},
            ),
        ],
    )

    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/settings/")
    page.get_by_role("link", name="Quellen: Wirtschaftspresse, E-Mail und Kalender").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quellen")
    page.get_by_label("IMAP-Server").fill(imap.host)
    page.get_by_label("Port").fill(str(imap.port))
    page.get_by_label("Benutzername", exact=True).fill(imap.user)
    page.get_by_label("App-Passwort").fill(imap.password)
    page.locator("#mail-heading ~ form button.primary").click()
    expect(page.get_by_role("status").first).to_contain_text("verbunden")
    expect(page.locator(".sources")).to_contain_text("2 neue Mails mit Ihrem Netzwerk")
    _shot(page, "sources-phone-de")

    page.goto(f"{live_server.url}/people/{anna.pk}/")
    expect(page.locator("main")).to_contain_text(
        "E-Mail: ← Re: Danke für das Treffen in Köln; → Danke für das Treffen in Köln"
    )
    _shot(page, "person-mail-phone-de")
    thanks.refresh_from_db()
    assert thanks.done_at is not None
    page.goto(live_server.url + "/")
    expect(page.locator(f"#task-{thanks.pk}")).to_have_count(0)

    # A feed on the local network is refused, and the page says why and who can allow it.
    page.goto(live_server.url + "/settings/sources/")
    page.get_by_label("Feed-Adresse (RSS oder Atom)").fill("http://192.168.178.1/feed.xml")
    page.get_by_role("button", name="Abonnieren").click()
    expect(page.locator("main")).to_contain_text("Diese Adresse führt in ein privates Netz")
    expect(page.locator("main")).to_contain_text("VERNETZT_PRIVATE_SOURCES")
    page.get_by_label("Feed-Adresse (RSS oder Atom)").scroll_into_view_if_needed()
    _shot(page, "sources-private-phone-de")

    press = tmp_path / "press"
    shutil.copytree(FEEDS, press)
    with serve_folder(press) as base:
        page.goto(live_server.url + "/settings/sources/")
        page.get_by_label("Feed-Adresse (RSS oder Atom)").fill(base + "logistik_rss.xml")
        page.get_by_role("button", name="Abonnieren").click()
        page.get_by_role("button", name="Alle Quellen jetzt lesen").click()
    page.goto(live_server.url + "/")
    expect(page.locator(".news")).to_contain_text(
        "Neu: Siam Logistics eröffnet Hub in Laem Chabang — Tim Wongsakul gratulieren?"
    )
    _shot(page, "today-news-phone-de")
    page.goto(f"{live_server.url}/people/{tim.pk}/briefing/")
    page.get_by_role("button", name="Als Erfolg von Tim Wongsakul bestätigen").click()
    expect(page.get_by_role("status").first).to_contain_text("Als Erfolg von Tim Wongsakul gespeichert")
    assert Success.objects.get(person=tim).source_url == "https://logistik.example/2026/03/siam-logistics-hub"
    page.reload()
    expect(page.locator(".questions")).to_contain_text("Laem Chabang")
    _shot(page, "briefing-phone-de")
    assert Task.objects.filter(pk=thanks.pk, done_at__isnull=False).exists()

    user.language = "en"
    user.save()
    desktop = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    other = desktop.new_page()
    other.goto(live_server.url + issue_login_link(user=user))
    other.goto(live_server.url + "/settings/sources/")
    expect(other.get_by_role("heading", level=1)).to_contain_text("Sources")
    expect(other.locator("main")).to_contain_text("new mails with your network")
    _shot(other, "sources-desktop-en")
    other.get_by_label("Calendar address (ICS or CalDAV)").fill("http://169.254.169.254/latest/meta-data/")
    other.locator("#calendar-heading ~ form button.primary").click()
    expect(other.locator("main")).to_contain_text("This address leads into a private network")
    _shot(other, "sources-private-desktop-en")
    other.goto(f"{live_server.url}/people/{anna.pk}/briefing/")
    _shot(other, "briefing-desktop-en")
    desktop.close()
