"""The import upload form (kind, files, attendee-list event, overwrite switch) and the backup form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vernetzt.transfer.encryption import MIN_PASSPHRASE

# Multipart framing and the form's other fields around the files.
UPLOAD_OVERHEAD = 1024 * 1024


def import_limit_bytes() -> int:
    return settings.CONFIG.max_import_mb * 1024 * 1024


def largest_request_bytes() -> int:
    """The largest request body vernetzt accepts: an upload at the import limit with its form.
    `vernetzt serve` gives it to waitress, which refuses a longer body (413) before reading it."""
    return import_limit_bytes() + UPLOAD_OVERHEAD


def upload_limit_message() -> str:
    return gettext(
        "The upload is larger than %(limit)d MB, the most one import reads (VERNETZT_MAX_IMPORT_MB). "
        "Please split the file."
    ) % {"limit": settings.CONFIG.max_import_mb}


def upload_too_large(request) -> bool:
    """Whether the request announces a body beyond the import limit, so it can be refused before
    a byte of it is read or stored."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > largest_request_bytes()


def read_as_note(found: str, chosen: str) -> str:
    """Why an upload was read as another kind than the one picked (importers.detect)."""
    picked = str(dict(ImportForm.KINDS)[chosen])
    notes = {
        "vcard": gettext("The file holds vCards, not what you picked (%(chosen)s); it was read as vCards."),
        "linkedin": gettext(
            "The file is a LinkedIn data export, not what you picked (%(chosen)s); it was read as one."
        ),
        "contacts": gettext(
            "The file is an address book CSV (Google or Outlook), not what you picked (%(chosen)s); "
            "it was read as one."
        ),
    }
    return notes[found] % {"chosen": picked}


class MultipleFileInput(forms.ClearableFileInput):
    """Several files at once. The browser adds up their sizes before sending them (app.js) and names
    the limit at once: the server would refuse a longer body without reading it (see
    largest_request_bytes), with no page of its own to say why."""

    allow_multiple_selected = True

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {"data-max-bytes": str(import_limit_bytes()), "data-too-large": upload_limit_message()}
        )
        return context


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data] if data else []
        if not items and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class ImportForm(forms.Form):
    KINDS = [
        ("linkedin", _("LinkedIn data export (zip or Connections.csv)")),
        ("vcard", _("vCards (one or many files, e.g. from XING or your phone)")),
        ("contacts", _("Address book CSV (Google or Outlook)")),
        ("attendees", _("Attendee list of an event (CSV or Excel)")),
    ]
    kind = forms.ChoiceField(label=_("What are you importing?"), choices=KINDS)
    files = MultipleFileField(label=_("File"))
    event_name = forms.CharField(label=_("Event (for attendee lists)"), max_length=300, required=False)
    event_date = forms.DateField(
        label=_("Date of the event"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    overwrite_edits = forms.BooleanField(label=_("Also overwrite fields I edited by hand"), required=False)

    def __init__(self, *args, confirm: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if confirm:
            del self.fields["files"]

    def clean_files(self):
        files = self.cleaned_data["files"]
        if sum(upload.size for upload in files) > import_limit_bytes():
            raise forms.ValidationError(upload_limit_message())
        return files

    def clean(self):
        data = super().clean()
        if data.get("kind") == "attendees" and not (data.get("event_name") or "").strip():
            self.add_error("event_name", _("An attendee list needs the name of its event."))
        return data

    def options(self) -> dict:
        return {
            "overwrite_edits": self.cleaned_data["overwrite_edits"],
            "event_name": self.cleaned_data.get("event_name", ""),
            "event_date": self.cleaned_data.get("event_date"),
        }


class BackupForm(forms.Form):
    """A backup, encrypted when a passphrase is given (typed twice: a typo would lose the backup)."""

    passphrase = forms.CharField(
        label=_("Passphrase (optional)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Give one to encrypt the backup. An encrypted backup cannot be restored without it."),
    )
    passphrase_again = forms.CharField(
        label=_("Passphrase again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        passphrase = data.get("passphrase", "")
        if passphrase and len(passphrase) < MIN_PASSPHRASE:
            self.add_error(
                "passphrase",
                gettext("The passphrase needs at least %(count)d characters.") % {"count": MIN_PASSPHRASE},
            )
        elif passphrase != data.get("passphrase_again", ""):
            self.add_error("passphrase_again", gettext("The two passphrases differ."))
        return data
