from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from vernetzt.importers.linkedin import parse_linkedin_export
from vernetzt.importers.records import Birthday, ImportFormatError, describe_error

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "linkedin"


def _export_zip(
    *,
    prefix: str = "",
    extra: dict[str, bytes] | None = None,
    upper: bool = False,
    without: tuple[str, ...] = (),
) -> bytes:
    """A data export as LinkedIn ships it, built from the sample files (optionally in a sub-folder)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SAMPLES.iterdir()):
            if path.name == "Connections_2020.csv" or path.name in without:
                continue
            name = path.name.upper() if upper else path.name
            archive.writestr(prefix + name, path.read_bytes())
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_connections_2023_export(read_data):
    export = parse_linkedin_export(read_data("samples/linkedin/Connections.csv"), filename="Connections.csv")
    names = [record.full_name for record in export.connections]
    assert names == ["Katrin Vogel", "Daniel Ortmann", "Priya Raman", "Lena Brandt"]
    assert export.skipped == 1  # the hidden profile with only a date
    assert export.errors == []
    katrin, daniel, priya, lena = export.connections
    assert katrin.line == 5 and lena.line == 9
    assert katrin.source == "linkedin"
    assert katrin.source_key == "katrin-vogel-3a1b2c"
    assert katrin.linkedin_url == "https://www.linkedin.com/in/katrin-vogel-3a1b2c"
    assert katrin.emails == [] and daniel.emails == ["daniel.ortmann@example.com"]
    assert katrin.connected_on == date(2025, 9, 4)
    assert daniel.organization == "Westfalen Fördertechnik AG"
    assert priya.title == "VP Supply Chain, Southeast Asia"
    assert lena.organization == "Brandt, Kühn & Partner"


def test_connections_2020_export_without_url_and_excel_dates(read_data):
    export = parse_linkedin_export(read_data("samples/linkedin/Connections_2020.csv"), filename="c.csv")
    martin, aylin = export.connections
    assert (martin.full_name, martin.connected_on, martin.source_key) == ("Martin Haas", date(2020, 2, 7), "")
    assert aylin.connected_on == date(2019, 10, 23)
    assert aylin.emails == ["aylin.kaya@example.com"]


def test_connections_resaved_by_german_excel(read_data):
    export = parse_linkedin_export(read_data("ugly/linkedin_excel_de.csv"), filename="c.csv")
    joerg, francois = export.connections
    assert joerg.organization == "Stäbler & Söhne\nSpedition"
    assert joerg.connected_on == date(2022, 2, 7)
    assert francois.full_name == "François Lefèvre"
    assert francois.organization == "Œuvre Logistique SARL"
    assert francois.connected_on == date(2021, 12, 31)
    assert export.skipped == 1


def test_connections_resaved_by_english_excel_day_first_and_bad_date(read_data):
    export = parse_linkedin_export(read_data("ugly/linkedin_excel_uk.csv"), filename="Connections.csv")
    dates = [record.connected_on for record in export.connections]
    assert dates == [date(2022, 2, 7), date(2022, 2, 13), date(2022, 2, 7), None]
    [error] = export.errors
    assert (error.line, error.code, error.field, error.dropped) == (5, "invalid_date", "Connected On", False)
    assert error.params["value"] == "32/01/2022"
    assert error.file == "Connections.csv"


def test_profile_positions_education(read_data):
    export = parse_linkedin_export(_export_zip(), filename="export.zip")
    profile = export.profile
    assert profile.full_name == "Thomas Berger"
    assert profile.headline.startswith("Logistikleiter")
    assert profile.industry == "Transportation, Logistics, Supply Chain and Storage"
    assert profile.geo_location == "Dortmund, North Rhine-Westphalia, Germany"
    assert profile.birthday == Birthday(3, 14, 1982)
    current, previous = profile.positions
    assert (current.organization, current.start, current.end) == (
        "Muster Maschinenbau GmbH",
        date(2021, 10, 1),
        None,
    )
    assert current.location == "Dortmund, Germany"
    assert (previous.start, previous.end) == (date(2016, 4, 1), date(2021, 9, 1))
    [school] = profile.schools
    assert (school.school, school.start_year, school.end_year) == (
        "Technische Universität Dortmund",
        2007,
        2012,
    )
    assert school.degree == "Master of Science - Logistik" and school.activities == "Segelclub"


def test_messages_and_invitations(read_data):
    export = parse_linkedin_export(_export_zip(), filename="export.zip")
    first, second = export.messages
    assert first.sent_at == datetime(2026, 3, 2, 9, 14, 55, tzinfo=UTC)
    assert (first.from_slug, first.to_slugs, first.folder) == ("dortmann", ["thomas-berger-log"], "INBOX")
    assert first.conversation_id == second.conversation_id == "2-ZmE1"
    assert second.content == "Gern — Mittagessen im April?"
    [invitation] = export.invitations
    assert invitation.direction == "OUTGOING"
    assert invitation.sent_at == datetime(2022, 11, 30, 8, 41, tzinfo=UTC)
    assert (invitation.inviter_slug, invitation.invitee_slug) == ("thomas-berger-log", "priya-raman-sg")


def test_zip_in_subfolder_with_mac_junk_and_upper_case_names(read_data):
    junk = {
        "__MACOSX/Basic_LinkedInDataExport/._Connections.csv": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
        "Basic_LinkedInDataExport/Rich_Media.csv": b"\x89PNG\r\n\x1a\n",
    }
    data = _export_zip(prefix="Basic_LinkedInDataExport/", extra=junk, upper=True)
    export = parse_linkedin_export(data, filename="Basic_LinkedInDataExport_11-27-2026.zip")
    assert len(export.connections) == 4
    assert export.files[0] == "Basic_LinkedInDataExport/CONNECTIONS.CSV"
    assert len(export.messages) == 2 and export.profile.full_name == "Thomas Berger"


def test_shallowest_copy_wins_when_a_file_occurs_twice():
    older = b"First Name,Last Name,Email Address,Company,Position,Connected On\r\nOld,Copy,,,,1 Jan 2020\r\n"
    data = _export_zip(extra={"backup/old/Connections.csv": older})
    export = parse_linkedin_export(data, filename="export.zip")
    assert "Old Copy" not in [record.full_name for record in export.connections]


def test_notes_file_is_read_when_present(read_data):
    export = parse_linkedin_export(
        _export_zip(extra={"Notes.csv": read_data("ugly/Notes.csv")}), filename="e.zip"
    )
    [note] = export.notes
    assert (note.slug, note.name) == ("dortmann", "Daniel Ortmann")
    assert note.text == "Mag Rennrad, Tochter studiert in Delft"
    assert note.created_at == datetime(2025, 11, 3, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("Profile.csv", "profile"),
        ("messages.csv", "messages"),
        ("Invitations.csv", "invitations"),
        ("Positions.csv", "profile"),
        ("Education.csv", "profile"),
    ],
)
def test_single_csv_is_recognised_by_its_header(name, attribute):
    renamed = "upload.csv"
    export = parse_linkedin_export((SAMPLES / name).read_bytes(), filename=renamed)
    assert getattr(export, attribute)
    assert export.files == [renamed]
    assert export.connections == []


def test_path_argument_reads_the_file():
    export = parse_linkedin_export(SAMPLES / "Connections.csv")
    assert export.files == ["Connections.csv"] and len(export.connections) == 4


def test_bad_message_rows_are_reported_and_others_kept():
    data = (
        b"CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER\r\n"
        b"c1,A,https://www.linkedin.com/in/a,B,https://www.linkedin.com/in/b,not a date,Hi,INBOX\r\n"
        b"c1,B,https://www.linkedin.com/in/b,A,https://www.linkedin.com/in/a,,Hi,INBOX\r\n"
        b'c1,B,https://www.linkedin.com/in/b,"A, C","https://www.linkedin.com/in/a,https://www.linkedin.com/in/c",'
        b"2024-01-02 03:04:05 UTC,Hallo,SENT\r\n"
    )
    export = parse_linkedin_export(data, filename="messages.csv")
    assert [(e.line, e.code, e.field) for e in export.errors] == [
        (2, "invalid_date", "DATE"),
        (3, "missing_value", "DATE"),
    ]
    [message] = export.messages
    assert message.to_slugs == ["a", "c"] and message.to_names == "A, C"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"PK\x03\x04garbage that is no zip", "bad_zip"),
        (None, "not_linkedin"),
        (b"\x89PNG\r\n\x1a\n\x00", "binary_file"),
        (b"Name,Firma\nAnna,X\n", "no_header"),
    ],
)
def test_files_that_are_no_linkedin_export_are_refused(data, code):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("photos/holiday.jpg", b"\xff\xd8\xff")
        data = buffer.getvalue()
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin_export(data, filename="upload.zip")
    assert caught.value.code == code


def test_unreadable_history_file_is_reported_and_the_rest_imported():
    broken = {"messages.csv": b"\x89PNG\r\n\x1a\n\x00", "Invitations.csv": b"Von,An\nA,B\n"}
    data = _export_zip(extra=broken, without=tuple(broken))
    export = parse_linkedin_export(data, filename="export.zip")
    assert len(export.connections) == 4 and export.messages == [] and export.invitations == []
    assert [(e.file, e.code) for e in export.errors] == [
        ("messages.csv", "binary_file"),
        ("Invitations.csv", "no_header"),
    ]
    assert "Invitations.csv" in describe_error(export.errors[1], "de")
    assert "Sent At" in describe_error(export.errors[1], "en")


def test_broken_connections_file_inside_the_zip_names_that_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export/Connections.csv", b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ImportFormatError) as caught:
        parse_linkedin_export(buffer.getvalue(), filename="export.zip")
    assert caught.value.filename == "export/Connections.csv"


def test_generated_30000_rows_parse_completely():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        from gen_linkedin import generate_connections_csv
    finally:
        sys.path.pop(0)
    export = parse_linkedin_export(generate_connections_csv(30_000), filename="Connections.csv")
    assert len(export.connections) + export.skipped == 30_000
    assert export.errors == []
    assert len({record.source_key for record in export.connections}) == len(export.connections)
