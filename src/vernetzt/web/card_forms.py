"""Forms of the business-card capture: the photos, then one confirm form per card."""

from __future__ import annotations

import base64
import binascii
import io

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from vernetzt.events.models import Event
from vernetzt.importers.records import ContactRecord, Photo
from vernetzt.web.forms import ListField
from vernetzt.web.transfer_forms import MultipleFileInput, import_limit_bytes, upload_limit_message

MAX_PHOTOS = 20


class PhotosField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [super(PhotosField, self).clean(file, initial) for file in files if file]
        if not files:
            raise ValidationError(_("Take a photo of the card or choose one or more photos."))
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("At most %(count)d photos at a time.") % {"count": MAX_PHOTOS})
        if sum(upload.size for upload in files) > import_limit_bytes():
            raise ValidationError(upload_limit_message())
        return files


class CardPhotosForm(forms.Form):
    photos = PhotosField(
        label=_("Business cards or badges"),
        widget=MultipleFileInput(
            attrs={"accept": "image/*", "capture": "environment", "data-autosubmit": ""}
        ),
        help_text=_("The camera opens on a phone; several photos at once are fine."),
    )


def event_choices(owner):
    return Event.objects.for_user(owner).order_by("-starts_on", "-id")[:30]


class CardSaveForm(forms.Form):
    """What applies to all cards of the batch."""

    event = forms.ModelChoiceField(
        label=_("Met at (event)"), queryset=Event.objects.none(), required=False, empty_label=_("no event")
    )
    meeting_agreed = forms.BooleanField(label=_("A meeting was agreed"), required=False)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.for_user(owner)


class CardForm(forms.Form):
    academic_title = forms.CharField(
        label=_("Academic title"), max_length=40, required=False, help_text=_("e.g. Dr. or Prof. Dr.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    title = forms.CharField(label=_("Job title"), max_length=300, required=False)
    organization = forms.CharField(label=_("Organization"), max_length=300, required=False)
    emails = ListField(label=_("E-mail addresses"), required=False, max_length=1000)
    phones = ListField(label=_("Phone numbers"), required=False, max_length=500)
    web = forms.CharField(label=_("Web"), max_length=500, required=False)
    linkedin_url = forms.CharField(label=_("LinkedIn profile"), max_length=500, required=False)
    xing_url = forms.CharField(label=_("XING profile"), max_length=500, required=False)
    city = forms.CharField(label=_("City"), max_length=200, required=False)
    keep_photo = forms.BooleanField(label=_("Keep the photo with the person"), required=False)
    photo = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2_000_000)

    def clean_photo(self) -> Photo | None:
        encoded = self.cleaned_data["photo"]
        if not encoded:
            return None
        try:
            data = base64.b64decode(encoded, validate=True)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
        except (binascii.Error, UnidentifiedImageError, OSError, ValueError):
            raise ValidationError(_("The photo could not be read.")) from None
        if kind != "JPEG":
            raise ValidationError(_("The photo could not be read."))
        return Photo(data=data, media_type="image/jpeg")

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("first_name", "last_name", "organization", "emails")):
            raise ValidationError(_("A card needs at least a name, an organization or an e-mail address."))
        return data

    def record(self, line: int) -> ContactRecord:
        data = self.cleaned_data
        return ContactRecord(
            line=line,
            source="card",
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            academic_title=data["academic_title"].strip(),
            emails=data["emails"],
            phones=data["phones"],
            organization=data["organization"].strip(),
            title=data["title"].strip(),
            city=data["city"].strip(),
            linkedin_url=data["linkedin_url"].strip(),
            xing_url=data["xing_url"].strip(),
            other_urls=[data["web"].strip()] if data["web"].strip() else [],
        )


CardFormSet = forms.formset_factory(CardForm, extra=0, max_num=MAX_PHOTOS, validate_max=True)


def initial_of(record: ContactRecord, photo: Photo | None) -> dict:
    return {
        "academic_title": record.academic_title,
        "first_name": record.first_name,
        "last_name": record.last_name,
        "title": record.title,
        "organization": record.organization,
        "emails": record.emails,
        "phones": record.phones,
        "web": record.other_urls[0] if record.other_urls else "",
        "linkedin_url": record.linkedin_url,
        "xing_url": record.xing_url,
        "city": record.city,
        "photo": base64.b64encode(photo.data).decode("ascii") if photo else "",
    }
