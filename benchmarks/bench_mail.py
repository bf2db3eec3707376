"""Reading a 20,000-message mailbox from a real Dovecot: the first run, and a run with nothing new.

    python benchmarks/bench_mail.py [--messages 20000] [--people 2000]

Starts its own Dovecot (Debian package dovecot-imapd) on loopback with TLS, fills INBOX and Sent with
generated German/English mail (a third with people in the network, the rest newsletters, machines,
round mails and strangers), and times `poll_mail` into a fresh SQLite database.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--people", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("VERNETZT_HOME", tempfile.mkdtemp(prefix="vernetzt-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    os.environ["VERNETZT_PRIVATE_SOURCES"] = "127.0.0.1"  # its Dovecot runs on loopback
    from tests_support.dovecot import mail, start_dovecot, stop_dovecot

    server = start_dovecot()
    os.environ["SSL_CERT_FILE"] = str(server.certificate)
    import django

    django.setup()
    from vernetzt.accounts.services import ensure_account
    from vernetzt.migrate import migrate_database
    from vernetzt.people.models import Person
    from vernetzt.sources.mail import add_mail_account, poll_mail

    try:
        migrate_database()
        user, _ = ensure_account(username=f"bench-{random.randrange(10**9)}")
        user.email = server.user
        user.save()
        rng = random.Random(3)
        people = [f"kontakt{n}@firma{n % 97}.example" for n in range(args.people)]
        Person.objects.bulk_create(
            [Person(owner=user, display_name=f"Kontakt {n}", emails=[a]) for n, a in enumerate(people)]
        )
        start = datetime(2024, 1, 1, tzinfo=UTC)
        inbox, sent = [], []
        subjects = ["Angebot Lagerlogistik", "Re: Treffen in Köln", "Quarterly review", "Danke!", "Grüße"]
        for n in range(args.messages):
            when = start + timedelta(minutes=53 * n)
            roll = rng.random()
            if roll < 0.2:
                sent.append(
                    mail(sender=server.user, to=rng.choice(people), subject=rng.choice(subjects), when=when)
                )
            elif roll < 0.35:
                inbox.append(
                    mail(sender=rng.choice(people), to=server.user, subject=rng.choice(subjects), when=when)
                )
            elif roll < 0.7:
                inbox.append(
                    mail(
                        sender="news@verband.example",
                        to=server.user,
                        subject="Newsletter",
                        when=when,
                        headers={"List-Id": "<news.verband.example>"},
                    )
                )
            elif roll < 0.8:
                inbox.append(
                    mail(sender="no-reply@shop.example", to=server.user, subject="Ihre Bestellung", when=when)
                )
            else:
                inbox.append(
                    mail(sender=f"fremd{n}@else.example", to=server.user, subject="Hello", when=when)
                )
        server.deliver("INBOX", inbox)
        server.deliver("Sent", sent)
        add_mail_account(
            owner=user, host=server.host, port=server.port, username=server.user, password=server.password
        )
        for label in ("first run", "nothing new"):
            began = time.perf_counter()
            report = poll_mail(owner=user)
            elapsed = time.perf_counter() - began
            print(
                f"{label}: {elapsed:.2f} s — {report.messages} mails read, {report.kept} with the network, "
                f"{report.interactions} interactions, failed: {[a.last_error for a in report.failed]}"
            )
    finally:
        stop_dovecot(server)


if __name__ == "__main__":
    main()
