from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests_support.http_files import serve_folder
from vernetzt.people.models import Organization
from vernetzt.people.services import create_person

FEEDS = Path(__file__).parent.parent / "data" / "feeds"


@pytest.fixture
def press(tmp_path, loopback_sources):
    """The sample feeds and article pages, served on loopback; yields (base URL, folder)."""
    folder = tmp_path / "press"
    shutil.copytree(FEEDS, folder)
    with serve_folder(folder) as base:
        yield base, folder


@pytest.fixture
def network(user):
    """Contacts the sample press writes about, and a namesake trap (another Anna Krause elsewhere)."""
    people = {
        "tim": create_person(
            owner=user,
            first_name="Tim",
            last_name="Wongsakul",
            title="Managing Director",
            organization_name="Siam Logistics Co., Ltd.",
            tier="developing",
        ),
        "anna": create_person(
            owner=user,
            first_name="Anna",
            last_name="Krause",
            title="Head of Contract Logistics",
            organization_name="Kühne + Nagel AG",
        ),
        "priya": create_person(
            owner=user,
            first_name="Priya",
            last_name="Sharma",
            title="Regional Director APAC",
            organization_name="Pacific Freight Pte. Ltd.",
        ),
        "juergen": create_person(
            owner=user,
            first_name="Jürgen",
            last_name="Schäfer",
            title="Leiter Logistik",
            organization_name="Rhein Cargo GmbH & Co. KG",
        ),
    }
    organization = Organization.objects.get(owner=user, name="Siam Logistics Co., Ltd.")
    organization.aliases = ["SiamLog"]
    organization.save()
    return people


@pytest.fixture
def dovecot(monkeypatch, loopback_sources):
    """A real Dovecot on loopback (implicit TLS, self-signed certificate trusted via SSL_CERT_FILE)."""
    from tests_support.dovecot import DOVECOT, start_dovecot, stop_dovecot

    if not Path(DOVECOT).exists():
        pytest.skip("dovecot is not installed (Debian package dovecot-imapd; CI installs it)")
    server = start_dovecot()
    monkeypatch.setenv("SSL_CERT_FILE", str(server.certificate))
    yield server
    stop_dovecot(server)
