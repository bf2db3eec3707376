from __future__ import annotations

import pytest

from tests_support.smtp import local_smtp_server
from vernetzt.people.services import create_person, set_me


@pytest.fixture
def me(user):
    user.first_name, user.last_name, user.email = "Thomas", "Berg", "thomas@example.org"
    user.save()
    return set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        schools=["TU Dortmund"],
        interests=["Segeln"],
    )


@pytest.fixture
def anna(user):
    return create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title="Head of Supply Chain APAC",
        organization_name="Harbour Logistics Pte. Ltd.",
        city="Singapur",
        emails=["anna@example.com"],
        expertise=["Kontraktlogistik"],
        interests=["Segeln"],
        languages=["Deutsch", "Englisch"],
    )


@pytest.fixture
def smtp_server(settings):
    """VERNETZT_SMTP_URL points at a real local SMTP server; yields its mailbox."""
    with local_smtp_server() as (mailbox, url):
        settings.VERNETZT_SMTP_URL = url
        yield mailbox
