"""Import with preview → confirm → result, duplicates and merge, batch history with undo, downloads.

With htmx, the preview (a dry run) and the import run as background jobs (vernetzt.transfer.jobs):
the form answers at once with the job's page, whose progress bar polls until the job ends and then
shows the preview or the imported batch. Without JavaScript the same job runs within the request.
Between preview and confirm the uploaded files wait in the data directory under a random token.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.accounts.audit import record, record_for_everyone
from vernetzt.accounts.models import User
from vernetzt.core.duplicates import describe
from vernetzt.importers import RowError, describe_error
from vernetzt.importers.detect import detect_files_kind
from vernetzt.language import request_language
from vernetzt.people.models import Person
from vernetzt.transfer.backup import create_backup
from vernetzt.transfer.dedupe import batch_people, dismiss_duplicate, find_duplicates
from vernetzt.transfer.exports import export_csv, export_json, export_vcard
from vernetzt.transfer.jobs import job_progress, settle_job, start_import_job, stored_files
from vernetzt.transfer.merge import merge_persons, plan_merge
from vernetzt.transfer.models import ImportBatch, ImportJob
from vernetzt.transfer.undo import UndoConflict, undo_batch
from vernetzt.web.transfer_forms import (
    BackupForm,
    ImportForm,
    read_as_note,
    upload_limit_message,
    upload_too_large,
)

DUPLICATES_SHOWN = 100


def _upload_dir(user, token: str) -> Path:
    if not token.isalnum():
        raise Http404
    return settings.CONFIG.home / "uploads" / str(user.pk) / token


def _history(user):
    return ImportBatch.objects.for_user(user)[:20]


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _go(request, url: str) -> HttpResponse:
    """A redirect htmx follows as a full page load (a plain 302 would be swapped into the page)."""
    if _is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _job_error(job: ImportJob) -> str:
    return job.result.get("error", {}).get(request_language(), "")


def _row_errors(errors: list[dict]) -> list[dict]:
    lang = request_language()
    return [
        {"file": e.get("file", ""), "line": e.get("line", 0), "message": describe_error(RowError(**e), lang)}
        for e in errors
    ]


def _start_page(request, form: ImportForm, *, error: str = "") -> HttpResponse:
    context = {"form": form, "error": error, "batches": _history(request.user)}
    return render(request, "vernetzt/transfer/start.html", context)


def _preview_page(request, job: ImportJob) -> HttpResponse:
    context = {
        "job": job,
        "counts": job.result["counts"],
        "preview": job.result["preview"],
        "errors": _row_errors(job.result["errors"]),
        "token": job.token,
    }
    return render(request, "vernetzt/transfer/preview.html", context)


@require_http_methods(["GET", "POST"])
def import_start(request):
    if request.method == "POST" and upload_too_large(request):
        return _start_page(request, ImportForm(), error=upload_limit_message())
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_hex(16)
        folder = _upload_dir(request.user, token)
        for number, upload in enumerate(request.FILES.getlist("files")):
            # One folder per file keeps the original name (shown in messages and the history).
            path = folder / f"{number:04d}" / (Path(upload.name).name or "upload")
            path.parent.mkdir(parents=True)
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
        kind = form.cleaned_data["kind"]
        if kind != "attendees":  # an attendee list can be any table; the others say what they are
            found = detect_files_kind(stored_files(folder))
            if found and found != kind:
                messages.info(request, read_as_note(found, kind))
                kind = found
        job = start_import_job(
            owner=request.user,
            kind=kind,
            phase=ImportJob.Phase.PREVIEW,
            folder=folder,
            options=form.options(),
            background=_is_htmx(request),
        )
        if job.status == ImportJob.Status.RUNNING:
            return _go(request, reverse("import_job", args=[job.pk]))
        if job.status == ImportJob.Status.DONE:
            return _preview_page(request, job)
        form.add_error("files", _job_error(job))
    return _start_page(request, form)


@require_POST
def import_confirm(request):
    form = ImportForm(request.POST, confirm=True)
    token = request.POST.get("token", "")
    if token.isalnum():
        started = (
            ImportJob.objects.for_user(request.user)
            .filter(token=token, phase=ImportJob.Phase.IMPORT)
            .exclude(status=ImportJob.Status.FAILED)
            .first()
        )
        if started is not None:  # a second click on "Import now" shows the first import
            return _go(request, reverse("import_job", args=[started.pk]))
    folder = _upload_dir(request.user, token) if token.isalnum() else None
    if folder is None or not stored_files(folder) or not form.is_valid():
        messages.error(request, _("That upload is no longer there; please choose the file again."))
        return _go(request, reverse("import_start"))
    job = start_import_job(
        owner=request.user,
        kind=form.cleaned_data["kind"],
        phase=ImportJob.Phase.IMPORT,
        folder=folder,
        options=form.options(),
        background=_is_htmx(request),
    )
    return _go(request, _job_next(request, job))


def _job_next(request, job: ImportJob) -> str:
    """Where a job's page leads once the job has ended (the preview is shown on the job's page)."""
    if job.status == ImportJob.Status.RUNNING or job.phase == ImportJob.Phase.PREVIEW:
        return reverse("import_job", args=[job.pk])
    if job.status == ImportJob.Status.DONE and job.batch_id:
        return reverse("import_batch", args=[job.batch_id])
    if job.status == ImportJob.Status.FAILED:
        messages.error(request, _job_error(job))
    return reverse("import_start")


@require_GET
def import_job(request, pk: int):
    job = settle_job(get_object_or_404(ImportJob.objects.for_user(request.user), pk=pk))
    if job.status == ImportJob.Status.RUNNING:
        return render(request, "vernetzt/transfer/job.html", {"job": job, **_progress_context(job)})
    if job.phase == ImportJob.Phase.PREVIEW and job.status == ImportJob.Status.DONE:
        return _preview_page(request, job)
    if job.status == ImportJob.Status.FAILED and job.phase == ImportJob.Phase.PREVIEW:
        form = ImportForm(initial={"kind": job.kind, **job.options})
        return _start_page(request, form, error=_job_error(job))
    return redirect(_job_next(request, job))


def _progress_context(job: ImportJob) -> dict:
    done, total = job_progress(job)
    return {"done": done, "total": total, "percent": done * 100 // total if total else 0}


@require_GET
def import_job_progress(request, pk: int):
    """The progress bar alone, polled by the job's page; once the job has ended, htmx is sent on."""
    job = settle_job(get_object_or_404(ImportJob.objects.for_user(request.user), pk=pk))
    context = {"job": job, **_progress_context(job)}
    response = render(request, "vernetzt/transfer/_job_progress.html", context)
    if job.status != ImportJob.Status.RUNNING:
        response["HX-Redirect"] = _job_next(request, job)
    return response


def import_batch(request, pk: int):
    batch = get_object_or_404(ImportBatch.objects.for_user(request.user), pk=pk)
    context = {"batch": batch, "errors": _row_errors(batch.errors)}
    return render(request, "vernetzt/transfer/batch.html", context)


@require_GET
def import_batch_duplicates(request, pk: int):
    """The possible duplicates an import brought, loaded after its result page (a scan of the whole
    network takes seconds at 30,000 people; the result and its undo button do not wait for it)."""
    batch = get_object_or_404(ImportBatch.objects.for_user(request.user), pk=pk)
    duplicates = 0
    if batch.status == ImportBatch.Status.DONE and batch.kind != ImportBatch.Kind.MERGE:
        among = batch_people(batch)
        duplicates = len(find_duplicates(owner=request.user, among=among, limit=DUPLICATES_SHOWN))
    context = {"batch": batch, "duplicates": duplicates}
    return render(request, "vernetzt/transfer/_batch_duplicates.html", context)


@require_POST
def import_undo(request, pk: int):
    batch = get_object_or_404(ImportBatch.objects.for_user(request.user), pk=pk)
    try:
        undo_batch(owner=request.user, batch_id=batch.pk)
    except UndoConflict as error:
        messages.error(
            request,
            _(
                "This batch cannot be undone because things changed since: %(conflicts)s. "
                "Undo later imports and merges first."
            )
            % {"conflicts": "; ".join(error.conflicts[:5])},
        )
    except ValueError:
        messages.error(request, _("This batch was already undone."))
    else:
        messages.success(request, _("The batch was undone."))
    return redirect("import_batch", pk=batch.pk)


def duplicate_list(request):
    batch, among = None, None
    if request.GET.get("batch", "").isdigit():
        batch = get_object_or_404(ImportBatch.objects.for_user(request.user), pk=int(request.GET["batch"]))
        among = batch_people(batch)
    pairs = find_duplicates(owner=request.user, limit=DUPLICATES_SHOWN, among=among)
    ids = {pid for pair in pairs for pid in (pair.first_id, pair.second_id)}
    people = {p.pk: p for p in Person.objects.for_user(request.user).filter(pk__in=ids)}
    lang = request_language()
    rows = [
        (pair, people[pair.first_id], people[pair.second_id], [describe(r, lang) for r in pair.reasons])
        for pair in pairs
    ]
    return render(request, "vernetzt/transfer/duplicates.html", {"rows": rows, "batch": batch})


def _shown(value) -> str:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if item not in ("", None))
    return str(value) if value not in ("", None, False) else "–"


@require_http_methods(["GET", "POST"])
def merge_preview(request, keep: int, other: int):
    people = Person.objects.for_user(request.user).filter(is_me=False)
    keep_person = get_object_or_404(people, pk=keep)
    other_person = get_object_or_404(people, pk=other)
    if keep_person.pk == other_person.pk:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "dismiss":
        dismiss_duplicate(owner=request.user, first=keep_person, second=other_person)
        messages.success(request, _("Noted: these are two different people."))
        return redirect("duplicate_list")
    plan = plan_merge(owner=request.user, keep=keep_person, other=other_person)
    if request.method == "POST":
        choices = {c.name: request.POST.get(f"choice_{c.name}", c.chosen) for c in plan.fields}
        choices = {name: value for name, value in choices.items() if value in ("keep", "other", "both")}
        _plan, batch_id = merge_persons(
            owner=request.user, keep=keep_person, other=other_person, choices=choices
        )
        messages.success(request, _("Merged. Everything of both is now on one person; you can undo this."))
        return redirect("import_batch", pk=batch_id)
    labels = {f.name: f.verbose_name for f in Person._meta.fields}
    labels.update({"birthday": _("birthday"), "role": _("current role")})
    fields = [
        (choice, labels.get(choice.name, choice.name), _shown(choice.keep_value), _shown(choice.other_value))
        for choice in plan.fields
    ]
    context = {"keep": keep_person, "other": other_person, "plan": plan, "fields": fields}
    return render(request, "vernetzt/transfer/merge.html", context)


def _is_whole_database_owner(user) -> bool:
    """A backup holds every account, so only an administrator, or the single local account, gets it."""
    return user.is_superuser or User.objects.count() == 1


def data_page(request, *, backup_form: BackupForm | None = None):
    context = {
        "can_backup": _is_whole_database_owner(request.user),
        "batches": _history(request.user),
        "backup_form": backup_form or BackupForm(),
    }
    status = 422 if backup_form is not None and backup_form.errors else 200
    return render(request, "vernetzt/transfer/data.html", context, status=status)


def export_download(request, kind: str):
    stamp = timezone.localdate().isoformat()
    if kind == "vcard":
        buffer = io.StringIO()
        export_vcard(owner=request.user, fileobj=buffer)
        response = HttpResponse(buffer.getvalue(), content_type="text/vcard; charset=utf-8")
        name = f"vernetzt-{stamp}.vcf"
    elif kind == "csv":
        buffer = io.StringIO(newline="")
        export_csv(owner=request.user, fileobj=buffer)
        response = HttpResponse(
            ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
        name = f"vernetzt-{stamp}.csv"
    elif kind == "json":
        buffer = io.StringIO()
        export_json(owner=request.user, fileobj=buffer)
        response = HttpResponse(buffer.getvalue(), content_type="application/json")
        name = f"vernetzt-{stamp}.json"
    else:
        raise Http404
    record(request.user, "export", {"format": kind, "via": "web"})
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def backup_download(request):
    if not _is_whole_database_owner(request.user):
        messages.error(request, _("Only the administrator can download a backup of the whole database."))
        return redirect("data_page")
    form = BackupForm(request.POST)
    if not form.is_valid():
        return data_page(request, backup_form=form)
    passphrase = form.cleaned_data["passphrase"] or None
    folder = Path(tempfile.mkdtemp(prefix="vernetzt-backup-"))
    name = f"vernetzt-backup-{timezone.localdate().isoformat()}.zip"
    path = folder / (f"{name}.enc" if passphrase else name)
    create_backup(path, passphrase=passphrase)
    record_for_everyone("backup", {"encrypted": bool(passphrase), "via": "web"})
    return FileResponse(
        _RemovedAfterDownload(path),
        as_attachment=True,
        filename=path.name,
        content_type="application/octet-stream" if passphrase else "application/zip",
    )


class _RemovedAfterDownload(io.BufferedReader):
    """The backup file, deleted with its folder once the response has sent and closed it (which
    works on Windows too, where an open file cannot be deleted)."""

    def __init__(self, path: Path):
        super().__init__(io.FileIO(path, "rb"))
        self._folder = path.parent

    def close(self) -> None:
        try:
            super().close()
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)
