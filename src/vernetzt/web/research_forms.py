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


MAX_PAGE = 200  # 10,000 people: further down nobody reads


class TargetFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    function = forms.ChoiceField(label=_("Function"), required=False)
    event = forms.TypedChoiceField(label=_("Event"), required=False, coerce=int, empty_value=None)
    only_event = forms.BooleanField(label=_("Only its attendees"), required=False)
    # Not shown: the pager's links carry it; changing a filter starts again at page 1.
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

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


class PersonChoiceField(forms.CharField):
    """One of the account's people, typed as a name or picked from a datalist as "Name (#id)"."""

    def __init__(self, *args, datalist: str, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 400)
        widget = forms.TextInput(attrs={"list": datalist, "autocomplete": "off"})
        super().__init__(*args, widget=widget, **kwargs)
        self.people = Person.objects.none()

    def clean(self, value) -> Person | None:
        text = super().clean(value).strip()
        if not text:
            return None
        reference = _PERSON_REF.search(text)
        if reference:
            found = list(self.people.filter(pk=int(reference.group(1)))[:1])
        else:
            found = list(self.people.filter(display_name__iexact=text)[:2])
        if not found:
            raise forms.ValidationError(_("Nobody called “%(name)s” is among your people.") % {"name": text})
        if len(found) > 1:
            raise forms.ValidationError(
                _("Several people are called “%(name)s”; pick one from the list.") % {"name": text}
            )
        return found[0]


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
    expertise = ListField(
        label=_("Your fields and expertise"),
        required=False,
        help_text=_(
            "What you know well enough to share: benefit suggestions offer it to people who need it."
        ),
    )
    offers = ListField(
        label=_("What you can offer"),
        required=False,
        help_text=_("e.g. “contacts in Rhine-Ruhr logistics”; one per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reports_to = PersonChoiceField(
        label=_("You report to"),
        help_text=_("Start typing a name from your people; leave empty if nobody."),
        datalist="people-at-my-org",
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports_to"].people = Person.objects.for_user(owner).filter(is_me=False)


class ManagerForm(forms.Form):
    """ "X reports to Y" on a person's page."""

    manager = PersonChoiceField(
        label=_("Reports to"),
        help_text=_("Their manager, from your people; leave empty to remove the line."),
        datalist="people-at-their-org",
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].people = Person.objects.for_user(person.owner).exclude(pk=person.pk)


class IndustryForm(forms.Form):
    """An organization's industry, from the taxonomy (core/data/industries.tsv)."""

    industry = forms.TypedChoiceField(label=_("Industry"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", _("— not known —")), *choices]
