from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
# Daniel Ortmann is in the LinkedIn sample (with his e-mail and profile); the vCard and the attendee
# list below name him again, the way the same person arrives from three sources.
DANIEL_VCARD = b"""BEGIN:VCARD
VERSION:3.0
N:Ortmann;Daniel;;;
FN:Daniel Ortmann
ORG:Westfalen F\xc3\xb6rdertechnik AG
TITLE:Head of Intralogistics
EMAIL;type=INTERNET:daniel.ortmann@example.com
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Sommer;Jana;;;
FN:Jana Sommer
ORG:Rhein Cargo GmbH
EMAIL;type=INTERNET:jana.sommer@example.com
END:VCARD
"""
ATTENDEES = (
    "Vorname;Nachname;Firma;E-Mail\n"
    "Daniel;Ortmann;Westfalen F\u00f6rdertechnik AG;daniel.ortmann@example.com\n"
    "Petra;Lang;Hafen Hamburg AG;petra.lang@example.com\n"
).encode("utf-8")


@pytest.fixture
def samples():
    return SAMPLES


@pytest.fixture
def daniel_files(tmp_path):
    linkedin = SAMPLES / "linkedin" / "Connections.csv"
    vcard = tmp_path / "daniel.vcf"
    vcard.write_bytes(DANIEL_VCARD)
    attendees = tmp_path / "teilnehmer.csv"
    attendees.write_bytes(ATTENDEES)
    return {"linkedin": linkedin, "vcard": vcard, "attendees": attendees}
