"""Web imports as background jobs: same result as the synchronous import, progress that only moves
forward and ends at the total, refused files that change nothing, orphaned jobs that end, isolation."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests_support.connections import connections_csv
from vernetzt.importers import ImportFormatError, describe_error, parse_vcards
from vernetzt.people.models import Person
from vernetzt.transfer.jobs import FLUSH_SECONDS, start_import_job, wait_for_job
from vernetzt.transfer.models import ImportBatch, ImportJob
from vernetzt.transfer.services import import_linkedin

ROWS = 2500
HTMX = {"HTTP_HX_REQUEST": "true"}
NO_OPTIONS = {"overwrite_edits": False, "event_name": "", "event_date": None}
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"


def upload_folder(user, data: bytes, name: str = "Connections.csv") -> Path:
    folder = settings.CONFIG.home / "uploads" / str(user.pk) / secrets.token_hex(8)
    (folder / "0000").mkdir(parents=True)
    (folder / "0000" / name).write_bytes(data)
    return folder


def linkedin_job_in_this_thread(user, phase: str, *, listener) -> ImportJob:
    """A job over ROWS connections, run to its end before this returns; ``listener`` hears its steps."""
    return start_import_job(
        owner=user,
        kind="linkedin",
        phase=phase,
        folder=upload_folder(user, connections_csv(ROWS)),
        options=NO_OPTIONS,
        background=False,
        listener=listener,
    )


def counts_of(report_dict: dict) -> dict:
    return {key: value for key, value in report_dict.items() if key not in {"errors", "batch_id"}}


@pytest.mark.django_db(transaction=True)
def test_background_jobs_report_what_a_synchronous_import_reports(user, other_user):
    data = connections_csv(ROWS)
    preview = start_import_job(
        owner=user, kind="linkedin", phase="preview", folder=upload_folder(user, data), options=NO_OPTIONS
    )
    wait_for_job(preview.pk)
    preview.refresh_from_db()
    assert preview.status == "done" and preview.finished_at is not None
    assert not Person.objects.for_user(user).exists()  # a preview saves nothing
    expected_preview = import_linkedin(
        owner=other_user, source=data, filename="Connections.csv", dry_run=True
    )
    assert counts_of(preview.result["counts"]) == counts_of(expected_preview.as_dict())
    assert (preview.done, preview.total) == (ROWS, ROWS)

    folder = settings.CONFIG.home / "uploads" / str(user.pk) / preview.token
    job = start_import_job(owner=user, kind="linkedin", phase="import", folder=folder, options=NO_OPTIONS)
    wait_for_job(job.pk)
    job.refresh_from_db()
    expected = import_linkedin(owner=other_user, source=data, filename="Connections.csv")
    assert job.status == "done" and job.batch_id is not None
    assert counts_of(job.result["counts"]) == counts_of(expected.as_dict()) and expected.created == ROWS
    assert Person.objects.for_user(user).filter(is_me=False).count() == ROWS
    assert ImportBatch.objects.for_user(user).get().pk == job.batch_id
    assert not folder.exists()  # the upload is gone once imported


@pytest.mark.parametrize("phase", ["preview", "import"])
@pytest.mark.django_db
def test_progress_only_moves_forward_and_reaches_the_total(user, phase):
    seen: list[tuple[int, int]] = []
    job = linkedin_job_in_this_thread(user, phase, listener=lambda done, total: seen.append((done, total)))
    assert job.status == "done"
    assert {total for _, total in seen} == {ROWS}
    done = [value for value, _ in seen]
    assert done == sorted(done) and done[-1] == ROWS
    assert len(set(done)) >= 3  # steps in between, not only the start and the end


@pytest.mark.django_db
def test_the_progress_bar_while_the_import_runs(alice_client, user):
    pages: list[str] = []

    def look(done: int, total: int) -> None:
        if done == 1000:
            url = f"/import/jobs/{job_id()}/progress/"
            pages.append(alice_client.get(url, HTTP_ACCEPT_LANGUAGE="de", **HTMX).content.decode())

    def job_id() -> int:
        return ImportJob.objects.for_user(user).get().pk

    linkedin_job_in_this_thread(user, "preview", listener=look)
    (page,) = pages
    assert re.search(r'<progress value="1000" max="2500"', page)
    assert "1.000 von 2.500 Kontakten" in page and 'hx-trigger="every 500ms"' in page


@pytest.mark.django_db(transaction=True)
def test_htmx_upload_runs_in_the_background_and_ends_in_the_preview_then_the_batch(alice_client, user):
    upload = SimpleUploadedFile("Connections.csv", connections_csv(ROWS))
    started = alice_client.post("/import/", {"kind": "linkedin", "files": upload}, **HTMX)
    assert started.status_code == 204
    job_url = started["HX-Redirect"]
    job = ImportJob.objects.for_user(user).get()
    assert job_url == f"/import/jobs/{job.pk}/"
    wait_for_job(job.pk)
    finished = alice_client.get(f"{job_url}progress/", **HTMX)
    assert finished["HX-Redirect"] == job_url and "hx-trigger" not in finished.content.decode()
    preview = alice_client.get(job_url)
    assert preview.status_code == 200 and preview.context["counts"]["created"] == ROWS
    assert not Person.objects.for_user(user).exists()

    confirm = {"token": job.token, "kind": "linkedin"}
    imported = alice_client.post("/import/confirm/", confirm, **HTMX)
    import_job = ImportJob.objects.for_user(user).get(phase="import")
    assert imported["HX-Redirect"] == f"/import/jobs/{import_job.pk}/"
    again = alice_client.post("/import/confirm/", confirm, **HTMX)  # a second click
    assert again["HX-Redirect"] == imported["HX-Redirect"]
    wait_for_job(import_job.pk)
    import_job.refresh_from_db()
    result = alice_client.get(f"/import/jobs/{import_job.pk}/progress/", **HTMX)
    assert result["HX-Redirect"] == f"/import/batches/{import_job.batch_id}/"
    assert Person.objects.for_user(user).filter(is_me=False).count() == ROWS
    assert ImportBatch.objects.for_user(user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_wrong_file_ends_failed_with_the_reason_and_changes_nothing(alice_client, user):
    started = alice_client.post(
        "/import/", {"kind": "vcard", "files": SimpleUploadedFile("photo.vcf", PNG)}, **HTMX
    )
    job = ImportJob.objects.for_user(user).get()
    wait_for_job(job.pk)
    job.refresh_from_db()
    with pytest.raises(ImportFormatError) as refused:
        parse_vcards(PNG, filename="photo.vcf")
    assert job.status == "failed"
    assert job.result["error"] == {lang: describe_error(refused.value, lang) for lang in ("de", "en")}
    assert not (settings.CONFIG.home / "uploads" / str(user.pk) / job.token).exists()
    page = alice_client.get(started["HX-Redirect"], HTTP_ACCEPT_LANGUAGE="de")
    assert describe_error(refused.value, "de") in page.content.decode()
    assert not Person.objects.for_user(user).exists() and not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_without_javascript_the_preview_is_the_answer_to_the_upload(alice_client, user):
    upload = SimpleUploadedFile("Connections.csv", connections_csv(10))
    response = alice_client.post("/import/", {"kind": "linkedin", "files": upload})
    assert response.status_code == 200 and response.context["counts"]["created"] == 10
    assert ImportJob.objects.for_user(user).get().status == "done"


@pytest.mark.parametrize("process", ["an-earlier-server-process", "this process, thread gone"])
@pytest.mark.django_db
def test_a_job_whose_thread_is_gone_ends_failed_instead_of_running_forever(alice_client, user, process):
    from vernetzt.transfer.jobs import PROCESS_ID

    job = ImportJob.objects.create(
        owner=user,
        kind="linkedin",
        phase="preview",
        filename="Connections.csv",
        process=PROCESS_ID if process.startswith("this") else process,
    )
    page = alice_client.get(f"/import/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    job.refresh_from_db()
    assert job.status == "failed" and job.finished_at is not None
    assert "interrupted" in job.result["error"]["en"] and "unterbrochen" in job.result["error"]["de"]
    assert job.result["error"]["en"] in page.content.decode()


@pytest.mark.django_db
def test_another_users_job_is_not_found(mallory_client, user):
    job = ImportJob.objects.create(owner=user, kind="vcard", phase="preview", process="x", filename="a.vcf")
    for url in (f"/import/jobs/{job.pk}/", f"/import/jobs/{job.pk}/progress/"):
        assert mallory_client.get(url).status_code == 404
    job.refresh_from_db()
    assert job.status == "running"  # looking as someone else did not touch it


@pytest.mark.django_db
def test_an_import_whose_upload_is_gone_fails_and_its_page_says_so(alice_client, user, tmp_path):
    job = start_import_job(
        owner=user, kind="contacts", phase="import", folder=tmp_path, options=NO_OPTIONS, background=False
    )
    assert job.status == "failed" and job.batch_id is None
    page = alice_client.get(f"/import/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="de", follow=True)
    assert page.redirect_chain[-1][0] == "/import/"
    assert "Dieser Upload ist nicht mehr vorhanden" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_progress_is_in_the_database_while_the_import_holds_its_transaction(user):
    from vernetzt.transfer.progress_store import read_progress

    stored: list[tuple[int, int]] = []

    def look(done: int, total: int) -> None:
        # Inside the import's transaction (on SQLite it holds the only write lock): another
        # connection, as another server process would use, sees the count within a few beats.
        if done >= 1000 and not stored:
            job = ImportJob.objects.for_user(user).get()
            for _ in range(200):
                progress = read_progress(job.pk)
                if progress is not None and progress.done >= 1000:
                    stored.append((progress.done, progress.total))
                    return
                time.sleep(FLUSH_SECONDS / 5)

    job = linkedin_job_in_this_thread(user, "import", listener=look)
    assert job.status == "done"
    ((done, total),) = stored
    assert 1000 <= done < ROWS
    assert total == ROWS
    assert read_progress(job.pk) is None  # an ended job leaves no progress row behind


def _job_of_another_process(user) -> ImportJob:
    from vernetzt.transfer.progress_store import begin_progress, save_progress

    job = ImportJob.objects.create(
        owner=user, kind="linkedin", phase="preview", filename="Connections.csv", process="other-host-1"
    )
    begin_progress(job.pk, process=job.process)
    save_progress({job.pk: (400, 1000)})
    return job


@pytest.mark.django_db
def test_a_job_of_another_live_process_shows_its_progress_from_the_database(alice_client, user):
    job = _job_of_another_process(user)
    page = alice_client.get(f"/import/jobs/{job.pk}/progress/", HTTP_ACCEPT_LANGUAGE="en", **HTMX)
    assert re.search(r'<progress value="400" max="1000"', page.content.decode())
    assert "HX-Redirect" not in page
    job.refresh_from_db()
    assert job.status == "running"


@pytest.mark.django_db
def test_a_job_whose_process_stopped_beating_ends_interrupted_in_both_languages(alice_client, user):
    from vernetzt.transfer import progress_store

    job = _job_of_another_process(user)
    silent = progress_store.STALE_SECONDS + 1
    progress_store._run(
        [(f"UPDATE {progress_store.TABLE} SET beat = beat - %s WHERE job_id = %s", [silent, job.pk])]
    )
    page = alice_client.get(f"/import/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="de")
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.result["error"]["de"] in page.content.decode()
    assert "unterbrochen" in job.result["error"]["de"]
    assert "interrupted" in job.result["error"]["en"]
