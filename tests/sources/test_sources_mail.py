"""Mail as a source, against a real Dovecot with generated German and English mailboxes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from click.testing import CliRunner

from tests_support.dovecot import mail
from vernetzt.cli import main
from vernetzt.journal.models import Interaction, Task
from vernetzt.journal.services import log_interaction
from vernetzt.people.services import create_person
from vernetzt.sources.mail import MailError, add_mail_account, poll_mail, remove_mail_account
from vernetzt.sources.models import MailAccount, MailMessage

pytestmark = pytest.mark.django_db

ME = "thomas@example.org"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def contacts(user):
    user.email = ME
    user.save()
    return {
        "anna": create_person(
            owner=user,
            first_name="Anna",
            last_name="Krause",
            emails=["Anna.Krause@kn.example"],
            organization_name="Kühne + Nagel AG",
        ),
        "tim": create_person(
            owner=user, first_name="Tim", last_name="Wongsakul", emails=["tim@siamlog.example"]
        ),
    }


def _account(user, server, **kwargs) -> MailAccount:
    return add_mail_account(
        owner=user,
        host=server.host,
        port=server.port,
        username=server.user,
        password=server.password,
        **kwargs,
    )


def test_mail_becomes_interactions_and_the_rules_ignore_the_rest(user, contacts, dovecot):
    day = date.today() - timedelta(days=3)
    dovecot.deliver(
        "INBOX",
        [
            mail(
                sender="Anna Krause <anna.krause@kn.example>", to=ME, subject="Grüße aus Köln", when=_at(day)
            ),
            mail(
                sender="Newsletter <news@kn.example>",
                to=ME,
                subject="KN aktuell",
                when=_at(day),
                headers={"List-Unsubscribe": "<mailto:unsub@kn.example>"},
            ),
            mail(
                sender="anna.krause@kn.example",
                to=ME,
                subject="Automatische Antwort",
                when=_at(day),
                headers={"Auto-Submitted": "auto-replied"},
            ),
            mail(sender="no-reply@siamlog.example", to=ME, subject="Your invoice", when=_at(day)),
            mail(sender="stranger@else.example", to=ME, subject="Hello", when=_at(day)),
            mail(
                sender="tim@siamlog.example",
                to=", ".join(f"p{n}@x.example" for n in range(6)),
                cc=ME,
                subject="Round mail",
                when=_at(day),
            ),
        ],
    )
    dovecot.deliver(
        "Sent",
        [
            mail(
                sender=f"Thomas Berg <{ME}>",
                to="Tim Wongsakul <tim@siamlog.example>",
                subject="Thank you!",
                when=_at(day, 15),
            ),
        ],
    )
    account = _account(user, dovecot)
    report = poll_mail(owner=user)
    assert (report.accounts, report.messages, report.kept, report.failed) == (1, 7, 2, [])
    anna, tim = contacts["anna"], contacts["tim"]
    assert list(Interaction.objects.filter(person=anna).values_list("kind", "date", "notes", "source")) == [
        ("email", day, "← Grüße aus Köln", f"mail:{account.pk}")
    ]
    assert MailMessage.objects.get(person=tim).outgoing is True
    anna.refresh_from_db()
    assert (anna.last_contact_on, anna.tier) == (day, "new")
    mail_source = anna.sources[-1]  # provenance: the account the mail came from
    assert (mail_source["kind"], mail_source["file"]) == ("mail", f"{account.username} ({account.host})")
    account.refresh_from_db()
    assert account.state["INBOX"]["uid"] == 6
    assert (account.last_found, account.progress_done, account.progress_total) == (2, 7, 7)


def test_incremental_idempotent_and_only_the_new(user, contacts, dovecot):
    day = date.today() - timedelta(days=1)
    dovecot.deliver("INBOX", [mail(sender="anna.krause@kn.example", to=ME, subject="Eins", when=_at(day))])
    _account(user, dovecot)
    first = poll_mail(owner=user)
    assert first.failed == [], [(a.last_error, a.last_error_detail) for a in first.failed]
    assert first.messages == 1
    again = poll_mail(owner=user)
    assert (again.messages, again.interactions) == (0, 0)
    dovecot.deliver(
        "INBOX", [mail(sender="anna.krause@kn.example", to=ME, subject="Zwei", when=_at(day, 12))]
    )
    third = poll_mail(owner=user)
    assert (third.messages, third.interactions) == (1, 0)  # the same day was recorded already
    assert MailMessage.objects.count() == 2
    assert Interaction.objects.count() == 1


def test_a_sent_mail_after_the_meeting_closes_the_thank_you_task(user, contacts, dovecot):
    met = date.today() - timedelta(days=2)
    anna = contacts["anna"]
    result = log_interaction(owner=user, person=anna, kind="meeting", date=met)
    thanks = next(t for t in result.tasks if t.kind == "thank_you_email")
    dovecot.deliver(
        "Sent",
        [
            mail(
                sender=ME,
                to="anna.krause@kn.example",
                subject="Danke für das Treffen",
                when=_at(met + timedelta(days=1)),
            )
        ],
    )
    _account(user, dovecot)
    assert poll_mail(owner=user).tasks_closed == 1
    thanks.refresh_from_db()
    assert thanks.done_at is not None
    assert Task.objects.get(pk=thanks.pk).is_open is False


def test_the_first_lines_only_when_allowed(user, contacts, dovecot):
    dovecot.deliver(
        "INBOX",
        [
            mail(
                sender="anna.krause@kn.example",
                to=ME,
                subject="Projekt",
                when=_at(date.today()),
                body="Hallo Thomas,\n\nder Hub steht.\n> alt\n",
            )
        ],
    )
    account = _account(user, dovecot)
    poll_mail(owner=user)
    assert MailMessage.objects.get().first_lines == ""
    account.read_body, account.state = True, {}
    account.save()
    MailMessage.objects.all().delete()
    poll_mail(owner=user)
    assert MailMessage.objects.get().first_lines == "Hallo Thomas, / der Hub steht."


def test_a_wrong_password_is_shown_with_what_to_do(user, contacts, dovecot):
    add_mail_account(
        owner=user, host=dovecot.host, port=dovecot.port, username=dovecot.user, password="wrong"
    )
    report = poll_mail(owner=user)
    [account] = report.failed
    assert account.last_error == "login_failed"


def test_an_untrusted_certificate(user, contacts, dovecot, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE")
    _account(user, dovecot)
    [account] = poll_mail(owner=user).failed
    assert account.last_error == "certificate"


def test_a_server_that_is_gone_and_a_missing_folder(user, contacts, dovecot):
    add_mail_account(owner=user, host="127.0.0.1", port=9, username="x", password="y")
    _account(user, dovecot, folders=["INBOX", "Archiv 2019"])
    errors = sorted(a.last_error for a in poll_mail(owner=user).failed)
    assert errors == ["folder_missing", "unreachable"]


def test_the_password_is_encrypted_at_rest(user, dovecot):
    account = _account(user, dovecot)
    stored = MailAccount.objects.values_list("password_encrypted", flat=True).get(pk=account.pk)
    assert dovecot.password not in stored
    assert stored.startswith("gAAAA")  # a Fernet token


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("host", {"host": ""}),
        ("port", {"port": 0}),
        ("password", {"password": ""}),
        ("user", {"username": "a\x00"}),
    ],
)
def test_bad_account_input(user, field, values):
    arguments = {"host": "imap.example.org", "username": "u", "password": "p", **values}
    with pytest.raises(MailError) as raised:
        add_mail_account(owner=user, **arguments)
    assert raised.value.field == field


def test_removing_an_account_can_take_its_interactions_back(user, contacts, dovecot):
    dovecot.deliver(
        "INBOX", [mail(sender="anna.krause@kn.example", to=ME, subject="x", when=_at(date.today()))]
    )
    account = _account(user, dovecot)
    poll_mail(owner=user)
    assert remove_mail_account(owner=user, account=account, purge=True) == 1
    assert not Interaction.objects.exists()


def test_the_command_line(user, contacts, dovecot):
    dovecot.deliver(
        "INBOX", [mail(sender="anna.krause@kn.example", to=ME, subject="x", when=_at(date.today()))]
    )
    runner = CliRunner()
    added = runner.invoke(
        main,
        [
            "mail",
            "add",
            "--host",
            dovecot.host,
            "--port",
            str(dovecot.port),
            "--user",
            dovecot.user,
            "--folder",
            "INBOX",
            "--json",
        ],
        input=dovecot.password + "\n",
        catch_exceptions=False,
    )
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["folders"] == ["INBOX"]
    polled = json.loads(runner.invoke(main, ["mail", "poll", "--json"], catch_exceptions=False).output)
    assert (polled["accounts"], polled["messages"], polled["kept"], polled["interactions"]) == (1, 1, 1, 1)
    empty = runner.invoke(
        main, ["mail", "add", "--host", "h", "--user", "u", "--json"], input="", catch_exceptions=False
    )
    assert empty.exit_code == 1
