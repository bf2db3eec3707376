from __future__ import annotations

import socket

import pytest

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


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on localhost (aiosmtpd); VERNETZT_SMTP_URL points at it."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.VERNETZT_SMTP_URL = f"smtp://127.0.0.1:{port}"
        yield mailbox
    finally:
        controller.stop()
