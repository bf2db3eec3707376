"""LinkedIn exports through the real database: connections, the own profile, history, re-import."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from vernetzt.importers import ImportFormatError
from vernetzt.journal.models import Interaction
from vernetzt.people.models import Education, Person, Position
from vernetzt.people.services import update_person
from vernetzt.transfer.models import ImportBatch
from vernetzt.transfer.services import import_linkedin

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
UGLY = Path(__file__).parents[1] / "data" / "ugly"


def linkedin_zip(*extra: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((SAMPLES / "linkedin").iterdir()):
            if path.name != "Connections_2020.csv":
                archive.write(path, f"Basic_LinkedInDataExport/{path.name}")
        for path in extra:
            archive.write(path, path.name)
    return buffer.getvalue()


@pytest.fixture
def people(user):
    return Person.objects.for_user(user).filter(is_me=False)


def test_zip_fills_network_profile_and_history(user, people):
    report = import_linkedin(owner=user, source=linkedin_zip(UGLY / "Notes.csv"), filename="export.zip")
    assert report.created == people.count() > 0
    assert report.batch_id and ImportBatch.objects.get(pk=report.batch_id).kind == "linkedin"
    connected = people.filter(linkedin_connected=True)
    assert connected.count() == people.count()
    assert all(p.linkedin_slug for p in connected)
    assert Position.objects.filter(person__in=people, is_current=True).count() >= report.created - 2
    me = Person.objects.get(owner=user, is_me=True)
    assert Position.objects.filter(person=me).exists()
    assert Education.objects.filter(person=me).exists()
    assert me.title
    assert report.extra["interactions"] == Interaction.objects.for_user(user).count() > 0
    assert people.exclude(last_contact_on=None).exists()
    assert people.exclude(notes="").exists()


def test_reimport_changes_nothing(user, people):
    data = linkedin_zip(UGLY / "Notes.csv")
    first = import_linkedin(owner=user, source=data, filename="export.zip")
    before = list(people.values())
    again = import_linkedin(owner=user, source=data, filename="export.zip")
    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == first.created
    assert again.extra["interactions"] == 0
    assert again.extra["me_positions"] == 0
    assert list(people.values()) == before


def test_dry_run_writes_nothing_and_counts_the_same(user, people):
    data = linkedin_zip()
    preview = import_linkedin(owner=user, source=data, dry_run=True)
    assert not people.exists() and not ImportBatch.objects.exists()
    real = import_linkedin(owner=user, source=data)
    assert (preview.created, preview.updated, preview.extra["interactions"]) == (
        real.created,
        real.updated,
        real.extra["interactions"],
    )


def test_update_keeps_fields_edited_by_hand(user, people):
    import_linkedin(owner=user, source=SAMPLES / "linkedin" / "Connections.csv")
    person = people.exclude(title="").first()
    update_person(person=person, title="Chief Dreamer")
    changed = (
        (SAMPLES / "linkedin" / "Connections.csv")
        .read_bytes()
        .replace(person.organization_name.encode(), b"Neue Firma AG")
    )
    report = import_linkedin(owner=user, source=changed, filename="Connections.csv")
    person.refresh_from_db()
    assert person.title == "Chief Dreamer"
    forced = import_linkedin(owner=user, source=changed, filename="Connections.csv", overwrite_edits=True)
    person.refresh_from_db()
    assert person.organization_name == "Neue Firma AG"
    assert forced.updated >= 1 and report.errors == []


def test_older_export_and_excel_forms(user, people):
    for name in ("Connections_2020.csv",):
        import_linkedin(owner=user, source=SAMPLES / "linkedin" / name)
    for name in ("linkedin_excel_de.csv", "linkedin_excel_uk.csv"):
        report = import_linkedin(owner=user, source=UGLY / name)
        assert report.created + report.updated + report.unchanged > 0
    assert people.exclude(connected_on=None).exists()


def test_not_linkedin_is_refused_and_changes_nothing(user, people):
    with pytest.raises(ImportFormatError):
        import_linkedin(owner=user, source=SAMPLES / "contacts.vcf")
    with pytest.raises(ImportFormatError):
        import_linkedin(owner=user, source=b"PK\x03\x04garbage", filename="broken.zip")
    assert not people.exists() and not ImportBatch.objects.exists()


def test_the_profiles_industry_tags_the_current_employer_where_its_name_does_not_tell(user):
    from vernetzt.people.models import Organization

    profile = (SAMPLES / "linkedin" / "Profile.csv").read_text(encoding="utf-8")
    positions = (SAMPLES / "linkedin" / "Positions.csv").read_text(encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Profile.csv", profile)
        archive.writestr("Positions.csv", positions.replace("Muster Maschinenbau GmbH", "Berger & Co. KG", 1))
    import_linkedin(owner=user, source=buffer.getvalue(), filename="export.zip")
    employer = Organization.objects.for_user(user).get(name="Berger & Co. KG")
    assert (employer.industry, employer.industry_source) == ("116", "profile")
    # A name that tells (Maschinenbau) is the company's; the profile names the user's own field.
    import_linkedin(owner=user, source=linkedin_zip(), filename="export.zip")
    assert Organization.objects.for_user(user).get(name="Muster Maschinenbau GmbH").industry == "55"
