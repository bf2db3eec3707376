"""Two imports of one account at the same moment (two browser tabs, two servers): the second waits for
the first and then finds its people, instead of failing on PostgreSQL with a duplicate organization or
creating everyone twice. Found by benchmarks/bench_load.py's five writers."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from vernetzt.people.models import Organization, Person
from vernetzt.transfer.services import import_vcards

CARDS = "".join(
    f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gleich {n}\r\nN:{n};Gleich;;;\r\nORG:Gleichzeitig GmbH\r\n"
    f"TITLE:Leiterin Einkauf\r\nEMAIL:gleich{n}@example.org\r\nEND:VCARD\r\n"
    for n in range(300)
).encode()


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_file_at_once_create_each_person_once(user):
    start = threading.Barrier(2)
    reports, failures = [], []

    def run_import() -> None:
        try:
            start.wait()
            reports.append(import_vcards(owner=user, sources=[CARDS], filenames=["gleich.vcf"]))
        except Exception as error:  # the test reports what went wrong
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run_import) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    assert sorted(report.created for report in reports) == [0, 300]
    assert sorted(report.unchanged for report in reports) == [0, 300]
    assert Person.objects.for_user(user).filter(is_me=False).count() == 300
    assert Organization.objects.for_user(user).count() == 1
