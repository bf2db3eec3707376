"""Forms of Settings → Privacy: they validate, the services in accounts.privacy write."""

from __future__ import annotations

from django import forms

from vernetzt.accounts.models import PrivacySettings
from vernetzt.accounts.privacy import PRIVACY_FIELDS


class NoticeForm(forms.ModelForm):
    """The notice switch and the contact details the public page shows; the labels are the model's."""

    class Meta:
        model = PrivacySettings
        fields = ["notice_enabled", "contact_name", "contact_email", "postal_address"]
        widgets = {"postal_address": forms.Textarea(attrs={"rows": 3})}


class RetentionForm(forms.ModelForm):
    class Meta:
        model = PrivacySettings
        fields = ["retention_enabled", "archive_after_months", "delete_after_months"]


assert set(NoticeForm.Meta.fields) | set(RetentionForm.Meta.fields) == set(PRIVACY_FIELDS)
