"""The rest of the LinkedIn export, and a later export: history, the ledger, job changes."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vernetzt.cli import main
from vernetzt.journal.models import Benefit, Interaction, Task
from vernetzt.people.models import Person, Success
from vernetzt.transfer.services import import_linkedin
from vernetzt.transfer.undo import undo_batch

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "linkedin_later"
HISTORY = (
    "messages.csv",
    "Invitations.csv",
    "Recommendations_Received.csv",
    "Recommendations_Given.csv",
    "Endorsement_Received_Info.csv",
    "Endorsement_Given_Info.csv",
)


def _export(connections: str, *extra: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", (DATA / connections).read_bytes())
        for name in extra:
            archive.writestr(name, (DATA / name).read_bytes())
    return buffer.getvalue()


@pytest.fixture
def first_import(user):
    return import_linkedin(owner=user, source=_export("first_Connections.csv"), filename="first.zip")


def _person(last_name: str) -> Person:
    return Person.objects.get(last_name=last_name)


def test_history_counts_and_the_ledger(user, first_import):
    report = import_linkedin(owner=user, source=_export("first_Connections.csv", *HISTORY), filename="b.zip")
    data = report.as_dict()
    assert (data["interactions_from_messages"], data["interactions_from_invitations"]) == (2, 1)
    assert data["job_changes"] == []
    assert data["errors"] == []
    assert data["benefits"] == 5  # 2 recommendations, 3 endorsed skills; the stranger is not in the network
    anna = _person("Krause")
    ledger = sorted(Benefit.objects.filter(person=anna).values_list("direction", "description"))
    assert ledger == [
        ("offered", "LinkedIn: endorsed skill – Logistics"),
        ("received", "LinkedIn recommendation: Thomas hat unser Lagerprojekt mit großer Umsicht geführt."),
    ]
    assert Benefit.objects.get(person=_person("Wongsakul")).direction == "offered"
    assert Benefit.objects.filter(person=_person("Schäfer"), direction="received").count() == 2
    juergen = _person("Schäfer")
    assert Interaction.objects.get(person=juergen).date.isoformat() == "2020-01-19"  # first contact
    again = import_linkedin(owner=user, source=_export("first_Connections.csv", *HISTORY), filename="c.zip")
    assert (again.extra["benefits"], again.extra["interactions"]) == (0, 0)


def test_a_later_export_reports_job_changes_as_successes_with_a_task(user, first_import):
    user.language = "de"
    user.save()
    report = import_linkedin(owner=user, source=_export("later_Connections.csv"), filename="later.zip")
    anna, tim = _person("Krause"), _person("Wongsakul")
    changes = {c["person_id"]: c for c in report.as_dict()["job_changes"]}
    assert set(changes) == {anna.pk, tim.pk}  # Jürgen's "Leiter  Logistik" at "GmbH & Co KG" is no change
    assert changes[anna.pk]["before"] == {
        "title": "Head of Contract Logistics",
        "organization": "Kühne + Nagel AG",
    }
    assert changes[anna.pk]["after"] == {"title": "VP Logistics Europe", "organization": "Kühne + Nagel AG"}
    assert Success.objects.get(person=anna).text == "Jetzt VP Logistics Europe bei Kühne + Nagel AG"
    task = Task.objects.get(person=tim)
    assert task.title == (
        "Tim Wongsakul zur neuen Rolle gratulieren: Chief Operating Officer bei Straits Cold Chain Pte. Ltd."
    )
    tim.refresh_from_db()
    assert tim.organization_name == "Straits Cold Chain Pte. Ltd."
    again = import_linkedin(owner=user, source=_export("later_Connections.csv"), filename="again.zip")
    assert again.extra["job_changes"] == []
    assert Task.objects.filter(person=tim).count() == 1


def test_undo_takes_the_job_changes_back(user, first_import):
    report = import_linkedin(owner=user, source=_export("later_Connections.csv"), filename="later.zip")
    undo_batch(owner=user, batch_id=report.batch_id)
    assert not Success.objects.exists()
    assert not Task.objects.exists()
    assert _person("Wongsakul").organization_name == "Siam Logistics Co. Ltd."


def test_a_dry_run_reports_without_writing(user, first_import):
    report = import_linkedin(owner=user, source=_export("later_Connections.csv"), dry_run=True)
    assert len(report.extra["job_changes"]) == 2
    assert not Success.objects.exists()


def test_a_single_recommendations_file_knows_its_direction(user, first_import):
    source = (DATA / "Recommendations_Given.csv").read_bytes()
    import_linkedin(owner=user, source=source, filename="Recommendations_Given.csv")
    assert Benefit.objects.get().direction == "offered"


def test_the_command_line_report(user, first_import, tmp_path):
    path = tmp_path / "later.zip"
    path.write_bytes(_export("later_Connections.csv", "messages.csv", "Invitations.csv"))
    result = CliRunner().invoke(main, ["import", "linkedin", str(path), "--json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert {c["person_id"] for c in data["job_changes"]} == {_person("Krause").pk, _person("Wongsakul").pk}
    assert (data["interactions_from_messages"], data["interactions_from_invitations"]) == (2, 1)
