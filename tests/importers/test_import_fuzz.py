"""Whatever bytes arrive, every parser answers with a result or ImportFormatError — never a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vernetzt.importers.attendees import parse_attendees
from vernetzt.importers.contacts_csv import parse_contacts_csv
from vernetzt.importers.linkedin import parse_linkedin_export
from vernetzt.importers.records import ImportFormatError
from vernetzt.importers.vcard import parse_vcards

SAMPLES = Path(__file__).resolve().parent.parent / "data"
SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix in (".csv", ".vcf", ".txt"))
PARSERS = [
    lambda data: parse_vcards(data, filename="f"),
    lambda data: parse_contacts_csv(data, filename="f"),
    lambda data: parse_attendees(data, filename="f"),
    lambda data: parse_linkedin_export(data, filename="f"),
]


def _feed_all(data: bytes) -> None:
    for parse in PARSERS:
        try:
            parse(data)
        except ImportFormatError as error:
            assert str(error)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes(data):
    _feed_all(data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLE_FILES),
    st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8), st.integers(0, 8)), max_size=6),
)
def test_mutated_sample_files(path, edits):
    """Random splices into real files reach deep into every parser, unlike purely random bytes."""
    data = bytearray(path.read_bytes())
    for where, insert, remove in edits:
        position = int(where * len(data))
        data[position : position + remove] = insert
    _feed_all(bytes(data))


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "Connections.csv",
                "a/messages.csv",
                "Profile.csv",
                "x/Invitations.csv",
                "Positions.csv",
                "Education.csv",
                "Notes.csv",
            ]
        ),
        st.binary(max_size=300),
        min_size=1,
    )
)
def test_random_zip_members(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    _feed_all(buffer.getvalue())


@settings(max_examples=100)
@given(st.text(max_size=400))
def test_random_text_as_utf8(text):
    _feed_all(text.encode("utf-8", errors="surrogatepass"))
