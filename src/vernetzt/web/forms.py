"""HTML forms: they parse and validate input, then hand plain values to the services."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from vernetzt.carddav.book import SCOPES
from vernetzt.carddav.models import AddressBookSettings
from vernetzt.core.places import REGIONS, region_name
from vernetzt.core.titles import FUNCTION_LABELS, FUNCTIONS, SENIORITY_LABELS, SENIORITY_LEVELS
from vernetzt.events.models import Event
from vernetzt.goals.models import Goal
from vernetzt.language import request_language
from vernetzt.people.models import Formality, Tier, TitleOfAddress
from vernetzt.web.weights_field import WeightsField

_SPLIT = re.compile(r"[\n,;]+")


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


def join_list(values) -> str:
    return ", ".join(values or [])


class ListField(forms.CharField):
    """A comma-, semicolon- or line-separated list shown in one text field."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return join_list(value)
        return value

    def to_python(self, value):
        return split_list(super().to_python(value))


def level_choices():
    return [(code, SENIORITY_LABELS[code][request_language()]) for code in SENIORITY_LEVELS]


def function_choices():
    return [(code, FUNCTION_LABELS[code][request_language()]) for code in FUNCTIONS]


def region_choices():
    return sorted(
        ((code, region_name(code, request_language())) for code in REGIONS), key=lambda item: item[1]
    )


class PersonForm(forms.Form):
    title_of_address = forms.ChoiceField(
        label=_("Title of address"), choices=TitleOfAddress.choices, required=False,
        help_text=_("Used in the salutation of drafts: “Sehr geehrte Frau Dr. Raman” / “Dear Ms Raman”."),
    )
    academic_title = forms.CharField(
        label=_("Academic title"), max_length=40, required=False, help_text=_("e.g. Dr. or Prof. Dr.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    title = forms.CharField(label=_("Job title"), max_length=300, required=False)
    organization_name = forms.CharField(label=_("Organization"), max_length=300, required=False)
    emails = ListField(
        label=_("E-mail addresses"), required=False, help_text=_("Separate several with commas.")
    )
    phones = ListField(label=_("Phone numbers"), required=False)
    city = forms.CharField(label=_("City"), max_length=200, required=False)
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    linkedin_url = forms.URLField(
        label=_("LinkedIn profile"), max_length=500, required=False, assume_scheme="https"
    )
    xing_url = forms.URLField(label=_("XING profile"), max_length=500, required=False, assume_scheme="https")
    birth_day = forms.IntegerField(label=_("Birthday: day"), min_value=1, max_value=31, required=False)
    birth_month = forms.IntegerField(label=_("Birthday: month"), min_value=1, max_value=12, required=False)
    birth_year = forms.IntegerField(
        label=_("Birthday: year (optional)"), min_value=1900, max_value=2100, required=False
    )
    tier = forms.ChoiceField(label=_("Contact tier"), choices=Tier.choices, initial=Tier.POOL)
    formality = forms.ChoiceField(
        label=_("Form of address"), choices=Formality.choices, initial=Formality.SIE
    )
    languages = ListField(label=_("Languages"), required=False)
    interests = ListField(label=_("Interests and hobbies"), required=False)
    associations = ListField(label=_("Associations and clubs"), required=False)
    expertise = ListField(label=_("Field and expertise"), required=False)
    needs = ListField(
        label=_("Looking for"), required=False,
        help_text=_("What they said they need, e.g. “warehouse planner in Vietnam”; one per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    offers = ListField(
        label=_("Can offer"), required=False, help_text=_("What they can give others; one per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    linkedin_connected = forms.BooleanField(label=_("Connected on LinkedIn"), required=False)
    xing_connected = forms.BooleanField(label=_("Connected on XING"), required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or data.get("last_name")):
            raise forms.ValidationError(_("Give at least a first or a last name."))
        return data


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Your career goal"),
        max_length=300,
        help_text=_("A step 1–3 years out, e.g. “Head of Supply Chain in Southeast Asia”."),
    )
    why = forms.CharField(label=_("Why?"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    horizon = forms.DateField(
        label=_("Reach it by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices, initial=Goal.Status.ACTIVE)
    levels = forms.MultipleChoiceField(
        label=_("Levels of the people who matter"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: upward — people above your own level first."),
    )
    functions = forms.MultipleChoiceField(
        label=_("Functions"), required=False, widget=forms.SelectMultiple(attrs={"size": 8})
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: people in your own country first, then your region."),
    )
    anywhere = forms.BooleanField(
        label=_("Anywhere in the world"),
        required=False,
        help_text=_("Without regions, do not prefer people near you."),
    )
    organizations = ListField(label=_("Organizations"), required=False)
    industries = ListField(label=_("Industries"), required=False)
    keywords = ListField(label=_("Keywords"), required=False)
    weights = WeightsField(
        label=_("Ranking weights"),
        required=False,
        help_text=_("How much each part counts in “Whom to meet”, 0–10; empty keeps the default shown."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["levels"].choices = level_choices()
        self.fields["functions"].choices = function_choices()
        self.fields["regions"].choices = region_choices()


class EventForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    starts_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    location = forms.CharField(label=_("Place"), max_length=300, required=False)
    url = forms.URLField(label=_("Web page"), max_length=500, required=False, assume_scheme="https")
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end lies before the start."))
        return data


class AccountForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        from vernetzt.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = User._meta.get_field("language").choices


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("What will use it, e.g. “backup script”.")
    )



class AddressBookForm(forms.ModelForm):
    """Who the phone's address book (CardDAV) holds; the labels are the model's."""

    class Meta:
        model = AddressBookSettings
        fields = list(SCOPES)
