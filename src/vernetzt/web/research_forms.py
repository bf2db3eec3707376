"""Forms of the research pages: the "whom to meet" filters and the user's own profile."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from vernetzt.events.models import Event
from vernetzt.goals.models import Target
from vernetzt.people.models import Person
from vernetzt.web.forms import ListField, function_choices, level_choices, region_choices

_PERSON_REF = re.compile(r"\(#(\d+)\)\s*$")


class TargetFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    function = forms.ChoiceField(label=_("Function"), required=False)
    event = forms.TypedChoiceField(label=_("Event"), required=False, coerce=int, empty_value=None)
    only_event = forms.BooleanField(label=_("Only its attendees"), required=False)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("any"))]
        self.fields["region"].choices = anything + region_choices()
        self.fields["level"].choices = anything + level_choices()
        self.fields["function"].choices = anything + function_choices()
        events = Event.objects.for_user(owner).values_list("pk", "name", "starts_on")[:200]
        self.fields["event"].choices = [("", _("none"))] + [
            (pk, f"{name} ({starts:%d.%m.%Y})" if starts else name) for pk, name, starts in events
        ]

    def clean(self):
        data = super().clean()
        if data.get("only_event") and not data.get("event"):
            self.add_error("only_event", _("Choose an event first."))
        return data


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Target.Stage.choices)


class MeForm(forms.Form):
    title = forms.CharField(label=_("Your job title"), max_length=300)
    organization = forms.CharField(label=_("Your organization"), max_length=300)
    city = forms.CharField(label=_("City"), max_length=200, required=False)
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    schools = ListField(
        label=_("Schools and universities"), required=False, help_text=_("Separate several with commas.")
    )
    interests = ListField(label=_("Interests and hobbies"), required=False)
    languages = ListField(label=_("Languages"), required=False)
    associations = ListField(label=_("Associations and clubs"), required=False)
    reports_to = forms.CharField(
        label=_("You report to"),
        required=False,
        help_text=_("Start typing a name from your people; leave empty if nobody."),
        widget=forms.TextInput(attrs={"list": "people-at-my-org", "autocomplete": "off"}),
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_reports_to(self) -> Person | None:
        text = self.cleaned_data["reports_to"].strip()
        if not text:
            return None
        people = Person.objects.for_user(self.owner).filter(is_me=False)
        reference = _PERSON_REF.search(text)
        if reference:
            found = list(people.filter(pk=int(reference.group(1)))[:1])
        else:
            found = list(people.filter(display_name__iexact=text)[:2])
        if not found:
            raise forms.ValidationError(_("Nobody called “%(name)s” is among your people.") % {"name": text})
        if len(found) > 1:
            raise forms.ValidationError(
                _("Several people are called “%(name)s”; pick one from the list.") % {"name": text}
            )
        return found[0]
