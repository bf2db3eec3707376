"""What an import or a merge did, recorded so that it can be shown and undone.

A batch lists the ids of every row it created (``created``: model label → ids) and one ImportChange per
row it changed, with the values before and after. Undo deletes the created rows and writes the "before"
values back, but only while nothing changed since (see vernetzt.transfer.undo).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel


class ImportBatch(OwnedModel):
    class Kind(models.TextChoices):
        LINKEDIN = "linkedin", _("LinkedIn export")
        VCARD = "vcard", _("vCards")
        CONTACTS = "contacts", _("Address book (CSV)")
        ATTENDEES = "attendees", _("Attendee list")
        CARD = "card", _("Business cards")
        MERGE = "merge", _("Merge")

    class Status(models.TextChoices):
        DONE = "done", _("Done")
        UNDONE = "undone", _("Undone")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DONE)
    # {"created": n, "updated": n, "unchanged": n, "skipped": n, "errors": n, ...}
    counts = models.JSONField(default=dict, blank=True)
    # RowError fields as dicts, worded in the reader's language when shown.
    errors = models.JSONField(default=list, blank=True)
    # model label ("people.person") → ids of the rows this batch created.
    created = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename}".strip()


class ImportChange(OwnedModel):
    """One row a batch changed. ``before``/``after`` hold the attnames it touched, as JSON values.

    ``action`` "update": fields of a surviving row; "delete": the whole row (``before`` is a full
    snapshot, so undo can insert it again with its id).
    """

    class Action(models.TextChoices):
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="changes")
    model = models.CharField(max_length=60)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.UPDATE)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["batch", "model"], name="importchange_batch_model")]


class NotDuplicate(OwnedModel):
    """The user said these two are different people; the duplicate scan stops suggesting them."""

    first = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="not_duplicate_unique")]


class ImportJob(OwnedModel):
    """One web import (its preview or the import itself) running in the background.

    While it runs, progress lives in the memory of the process running it (the import holds its
    transaction, so writing progress rows would either stay invisible or, on SQLite, wait for the
    import's write lock); this row says who owns the job, whether it is still running and, at the end,
    the report or the error. ``process`` names the server process, so a job orphaned by a restart ends
    "failed" instead of running forever (see vernetzt.transfer.jobs).
    """

    class Phase(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        IMPORT = "import", _("Import")

    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=12, choices=ImportBatch.Kind.choices)
    phase = models.CharField(max_length=8, choices=Phase.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.RUNNING)
    filename = models.CharField(_("file"), max_length=500, blank=True)
    # The upload folder between preview and import (see web.views.transfer).
    token = models.CharField(max_length=64, blank=True, db_index=True)
    # What the form chose: overwrite_edits, event_name, event_date (ISO).
    options = models.JSONField(default=dict, blank=True)
    process = models.CharField(max_length=32)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # Done: the report (counts, RowError fields, preview rows); failed: {"error": {"de": …, "en": …}}.
    result = models.JSONField(default=dict, blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
