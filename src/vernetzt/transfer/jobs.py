"""Web imports as jobs: the preview (a dry run) or the import itself, run in a background thread.

The thread runs the same service as the CLI (vernetzt.transfer.services), still as one transaction,
so a refused file or a killed server leaves the database as it was. The ImportJob row says who owns
the job, whether it is still running and, at the end, the report or the bilingual error. While it
runs, its progress goes to vernetzt.transfer.progress_store (a connection outside the import's
transaction), so any server process or host can show the progress bar: the importer counts in this
process's memory, and one beat thread per process writes every running job's count at most every
FLUSH_SECONDS (the import never waits for a write) and thereby says the process is alive.

A job whose process is gone (the server restarted or was killed: no beat for
progress_store.STALE_SECONDS; or this process, where the thread is gone) is marked failed the next
time someone looks at it, so no page waits forever.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from vernetzt.importers import ImportFormatError, describe_error
from vernetzt.transfer import services
from vernetzt.transfer.models import ImportJob
from vernetzt.transfer.progress_store import (
    begin_progress,
    close_store,
    forget_progress,
    read_progress,
    save_progress,
)

log = logging.getLogger(__name__)

# Names this server process; a running job of another process was orphaned by a restart.
PROCESS_ID = uuid.uuid4().hex
LANGS = ("de", "en")
UPLOAD_GONE = gettext_noop("That upload is no longer there; please choose the file again.")
FAILED_UNEXPECTEDLY = gettext_noop("The import failed unexpectedly; nothing was saved.")
INTERRUPTED = gettext_noop("The import was interrupted (the server stopped); nothing was saved.")

# How often the beat thread writes the running jobs' progress (and that this process lives).
FLUSH_SECONDS = 0.5

Listener = Callable[[int, int], None]


class _UploadGone(Exception):
    pass


@dataclass
class JobProgress:
    """The importer's steps, counted in contacts: ``done`` of ``total`` contacts so far.

    The importer reports planning as the first half of its steps (2 per record) and writing as the
    second; a preview stops after planning, so there planning is the whole way.
    """

    phase: str
    done: int = 0
    total: int = 0

    def update(self, steps: int, steps_total: int) -> None:
        if steps_total <= 0:
            return
        if not self.total:
            self.total = steps_total // 2
        share = steps / steps_total
        if self.phase == ImportJob.Phase.PREVIEW:
            share *= 2
        self.done = max(self.done, min(self.total, int(share * self.total)))


_lock = threading.Lock()
_live: dict[int, JobProgress] = {}
_threads: dict[int, threading.Thread] = {}
_beating: list[threading.Thread] = []
_job_ended = threading.Event()  # wakes the beat thread, which lets go of its connection when idle


def _beat_forever() -> None:
    """Write the progress of this process's running jobs every FLUSH_SECONDS; a failed write (the
    database away for a moment) is logged and tried again on the next beat."""
    while True:
        _job_ended.wait(FLUSH_SECONDS)
        _job_ended.clear()
        with _lock:
            beats = {pk: (progress.done, progress.total) for pk, progress in _live.items()}
        try:
            save_progress(beats)
        except Exception:
            log.exception("could not save the progress of import jobs %s", sorted(beats))
            close_store()


def _ensure_beating() -> None:
    with _lock:
        if _beating and _beating[0].is_alive():
            return
        thread = threading.Thread(target=_beat_forever, name="vernetzt-import-progress", daemon=True)
        _beating[:] = [thread]
    thread.start()


def stored_files(folder: Path) -> list[Path]:
    """The uploaded files waiting in ``folder`` (one subfolder per file keeps its original name)."""
    return sorted(path for path in folder.glob("*/*") if path.is_file()) if folder.is_dir() else []


def start_import_job(
    *,
    owner,
    kind: str,
    phase: str,
    folder: Path,
    options: dict[str, Any],
    background: bool = True,
    listener: Listener | None = None,
) -> ImportJob:
    """Run the preview or the import of the files in ``folder``; in a thread unless ``background``
    is False (then the returned job has ended). ``listener`` hears every progress step
    (contacts done, contacts in all) as the page would show it.

    The upload folder is removed when the import ends, and when a preview fails (there is nothing
    left to confirm); a successful preview keeps it for the import.
    """
    files = stored_files(folder)
    job = ImportJob.objects.create(
        owner=owner,
        kind=kind,
        phase=phase,
        filename=(files[0].name if len(files) == 1 else f"{len(files)} files")[:500],
        token=folder.name,
        options={**options, "event_date": _iso(options.get("event_date"))},
        process=PROCESS_ID,
    )
    progress = JobProgress(phase=phase)
    begin_progress(job.pk, process=PROCESS_ID)
    with _lock:
        _live[job.pk] = progress
    _ensure_beating()
    if not background:
        _work(job, files, folder, progress, listener)
        job.refresh_from_db()
        return job
    thread = threading.Thread(
        target=_work_and_close, args=(job, files, folder, progress, listener), daemon=True
    )
    with _lock:
        _threads[job.pk] = thread
    thread.start()
    return job


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _work_and_close(job, files, folder, progress, listener) -> None:
    try:
        _work(job, files, folder, progress, listener)
    finally:
        # A thread's connections are not closed by Django's request cycle.
        connection.close()
        close_store()
        with _lock:
            _threads.pop(job.pk, None)


def _work(job: ImportJob, files: list[Path], folder: Path, progress: JobProgress, listener) -> None:
    def report_progress(steps: int, steps_total: int) -> None:
        with _lock:
            progress.update(steps, steps_total)
            done, total = progress.done, progress.total
        if listener is not None:
            listener(done, total)

    ending: dict[str, Any] = {"status": ImportJob.Status.FAILED}
    try:
        if not files:
            raise _UploadGone
        report = run_import(job, files, progress=report_progress)
    except _UploadGone:
        ending["result"] = {"error": _both(UPLOAD_GONE)}
    except ImportFormatError as error:
        ending["result"] = {"error": {lang: describe_error(error, lang) for lang in LANGS}}
    except ValueError as error:
        ending["result"] = {"error": {lang: str(error) for lang in LANGS}}
    except Exception:
        log.exception("import job %s failed", job.pk)
        ending["result"] = {"error": _both(FAILED_UNEXPECTEDLY)}
    else:
        ending = {
            "status": ImportJob.Status.DONE,
            "result": report_result(report),
            "batch_id": report.batch_id,
        }
    finally:
        if job.phase == ImportJob.Phase.IMPORT or ending["status"] == ImportJob.Status.FAILED:
            shutil.rmtree(folder, ignore_errors=True)
    try:
        ImportJob.objects.filter(pk=job.pk).update(
            **ending, done=progress.done, total=progress.total, finished_at=timezone.now()
        )
    finally:
        with _lock:
            _live.pop(job.pk, None)
        forget_progress(job.pk)
        _job_ended.set()


def run_import(job: ImportJob, files: list[Path], *, progress: services.Progress) -> services.ImportReport:
    """The service for the job's kind, as a dry run for a preview."""
    options = job.options
    common = {
        "owner": job.owner,
        "dry_run": job.phase == ImportJob.Phase.PREVIEW,
        "overwrite_edits": bool(options.get("overwrite_edits")),
        "progress": progress,
    }
    if job.kind == "vcard":
        return services.import_vcards(sources=files, filenames=[f.name for f in files], **common)
    source = files[0]
    if job.kind == "linkedin":
        return services.import_linkedin(source=source, filename=source.name, **common)
    if job.kind == "contacts":
        return services.import_contacts(source=source, filename=source.name, **common)
    event_date = options.get("event_date")
    return services.import_attendees(
        source=source,
        filename=source.name,
        event_name=options.get("event_name", ""),
        event_date=date.fromisoformat(event_date) if event_date else None,
        **common,
    )


def report_result(report: services.ImportReport) -> dict[str, Any]:
    """The report as JSON: counts, row errors as data (worded when shown) and the preview rows."""
    counts = report.as_dict()
    del counts["errors"]
    return {
        "counts": counts,
        "errors": [{**asdict(error), "file": error.file or report.filename} for error in report.errors],
        "preview": [asdict(row) for row in report.preview],
    }


def _both(message: str) -> dict[str, str]:
    texts = {}
    for lang in LANGS:
        with translation.override(lang):
            texts[lang] = gettext(message)
    return texts


def settle_job(job: ImportJob) -> ImportJob:
    """The job as it stands; a running job whose process or thread is gone is marked failed first."""
    if job.status != ImportJob.Status.RUNNING or _is_alive(job):
        return job
    ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.FAILED,
        result={"error": _both(INTERRUPTED)},
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _is_alive(job: ImportJob) -> bool:
    if job.process == PROCESS_ID:
        with _lock:
            return job.pk in _live
    stored = read_progress(job.pk)
    return stored is not None and stored.process == job.process and stored.alive


def job_progress(job: ImportJob) -> tuple[int, int]:
    """(contacts done, contacts in all) of a job; (0, 0) while the files are still being read."""
    with _lock:
        progress = _live.get(job.pk)
        if progress is not None:
            return progress.done, progress.total
    if job.status == ImportJob.Status.RUNNING:
        stored = read_progress(job.pk)
        if stored is not None:
            return stored.done, stored.total
    return job.done, job.total


def wait_for_job(job_id: int, timeout: float | None = None) -> None:
    """Block until the job's thread has ended (tests wait for it before they look at the result)."""
    with _lock:
        thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
