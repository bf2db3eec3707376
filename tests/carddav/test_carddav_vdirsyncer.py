"""A real CardDAV client, vdirsyncer, discovers the address book from the server's address and syncs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import vobject

from vernetzt.journal.services import log_interaction

VDIRSYNCER = Path(sys.executable).with_name("vdirsyncer")


def _config(tmp_path: Path, url: str, secret: str, *, vcard_4: bool) -> Path:
    config = tmp_path / "config"
    config.write_text(
        f"""[general]
status_path = "{tmp_path / "status"}"

[pair phone]
a = "vernetzt"
b = "local"
collections = ["from a"]
conflict_resolution = "a wins"

[storage vernetzt]
type = "carddav"
url = "{url}"
username = "alice"
password = "{secret}"
read_only = true
use_vcard_4 = {"true" if vcard_4 else "false"}

[storage local]
type = "filesystem"
path = "{tmp_path / "contacts"}"
fileext = ".vcf"
""",
        encoding="utf-8",
    )
    return config


def _run(config: Path, *args: str) -> str:
    result = subprocess.run(
        [str(VDIRSYNCER), "-c", str(config), *args],
        input="y\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def _synced(tmp_path: Path) -> dict[str, vobject.base.Component]:
    files = sorted((tmp_path / "contacts").glob("*/*.vcf"))
    cards = [vobject.readOne(path.read_text(encoding="utf-8")) for path in files]
    return {card.fn.value: card for card in cards}


@pytest.mark.parametrize("vcard_4", [False, True], ids=["vcard3", "vcard4"])
def test_vdirsyncer_discovers_and_syncs_exactly_the_chosen_people(live_server, book, tmp_path, vcard_4):
    config = _config(tmp_path, live_server.url + "/", book["secret"], vcard_4=vcard_4)
    discovery = _run(config, "-v", "debug", "discover", "phone")
    assert "PROPFIND http://localhost" in discovery
    assert "/.well-known/carddav" in discovery
    _run(config, "sync")
    cards = _synced(tmp_path)
    assert set(cards) == {person.display_name for person in book["in"]}
    katrin = cards["Katrin Vogel"]
    assert katrin.org.value == ["Elbe Terminal GmbH"]
    assert katrin.email.value == "katrin.vogel@elbe-terminal.de"
    assert katrin.version.value == ("4.0" if vcard_4 else "3.0")
    assert "Last encounter:" in katrin.note.value
    assert "Priya Raman" in cards

    # A conversation with someone from the pool brings them onto the phone with the next sync.
    newcomer = book["out"][0]
    log_interaction(owner=newcomer.owner, person=newcomer, kind="call", date=book["event"].starts_on)
    _run(config, "sync")
    assert set(_synced(tmp_path)) == {person.display_name for person in [*book["in"], newcomer]}
