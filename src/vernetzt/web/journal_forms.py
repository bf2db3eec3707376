"""Forms of the journal pages: quick capture, successes, benefits, drafts, playbook settings."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.core.cadence import CadenceSettings
from vernetzt.core.playbook import PlaybookSettings
from vernetzt.events.models import Event
from vernetzt.journal.models import Benefit, Interaction
from vernetzt.journal.services import MAX_TOPIC_LENGTH

RECENT_EVENT_DAYS = 60


class LogForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=Interaction.Kind.choices)
    date = forms.DateField(label=_("When"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    event = forms.ModelChoiceField(
        label=_("Where (event)"), queryset=Event.objects.none(), required=False, empty_label=_("no event")
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    snippets = forms.CharField(
        label=_("Worth remembering"),
        required=False,
        help_text=_("One per line: a hobby, a child's new school, a project."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    their_share = forms.IntegerField(
        label=_("How much did they talk (%)"),
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 10}),
    )
    meeting_agreed = forms.BooleanField(label=_("A meeting was agreed"), required=False)
    topic = forms.CharField(
        label=_("Topic for the next meeting"),
        max_length=MAX_TOPIC_LENGTH,
        required=False,
        help_text=_(
            "What to talk about next time, e.g. “logistics in Vietnam”; the lunch invitation names it."
        ),
    )
    # One key per capture: a form sent twice (a lost answer, the offline queue) is logged once.
    capture_key = forms.RegexField(regex=r"^[A-Za-z0-9-]{8,64}$", required=False, widget=forms.HiddenInput)

    def __init__(self, *args, owner, event=None, **kwargs):
        """``event``: where the conversation most likely took place — the event whose page linked here,
        else the one happening today; it is preselected and always among the choices."""
        super().__init__(*args, **kwargs)
        self.fields["capture_key"].initial = uuid.uuid4().hex
        today = timezone.localdate()
        events = Event.objects.for_user(owner)
        near = events.filter(
            starts_on__gte=today - timedelta(days=RECENT_EVENT_DAYS), starts_on__lte=today + timedelta(days=7)
        )
        if event is not None:
            near = near | events.filter(pk=event.pk)
            self.fields["event"].initial = event.pk
        self.fields["event"].queryset = near.order_by("-starts_on", "-id")

    def snippet_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["snippets"].splitlines() if line.strip()]


class SuccessForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    text = forms.CharField(label=_("What happened"), max_length=500)
    source_url = forms.URLField(label=_("Source (link)"), required=False, assume_scheme="https")


class BenefitForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=Benefit.Direction.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=Benefit.Kind.choices)
    description = forms.CharField(label=_("What"), max_length=500)
    status = forms.ChoiceField(label=_("Status"), choices=Benefit.Status.choices)


class DraftForm(forms.Form):
    to = forms.EmailField(label=_("To"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}))


SETTING_LABELS = {
    "observe_holidays": _("Skip public holidays"),
    "call_to_schedule_delay_workdays": _("Delay (working days)"),
    "thank_you_delay_days": _("Delay (days)"),
    "connect_delay_days": _("Delay (days)"),
    "propose_lunch_delay_days": _("Delay (days)"),
    "birthday_notice_days": _("Announce this many days ahead"),
    "birthday_call_for_inner": _("Inner circle: call instead of writing"),
    "reconnect_max_open": _("At most this many open at a time"),
    "keep_in_touch_max_open": _("At most this many open at a time"),
    "cadence_tasks_per_day": _("Keep-in-touch and reconnect tasks per day, at most"),
    "focus_size": _("Tasks shown first"),
    "goal_nudge_after_days": _("Nudge after (days)"),
    "cadence.inner_days": _("Inner circle: every … days"),
    "cadence.new_days": _("New contact: every … days"),
    "cadence.new_contact_touches": _("New contact: touches until developing"),
    "cadence.developing_days": _("Developing: every … days"),
    "cadence.secondary_days": _("Wider network: every … days"),
    "cadence.dormant_after_days": _("Dormant after (days)"),
}


def _label(name: str):
    return _("Rule on") if name.endswith("_enabled") else SETTING_LABELS[name]


def _settings_fields() -> list[tuple[str, type]]:
    top = [(f.name, f.type) for f in dataclasses.fields(PlaybookSettings) if f.name != "cadence"]
    nested = [(f"cadence.{f.name}", f.type) for f in dataclasses.fields(CadenceSettings)]
    return top + nested


class PlaybookForm(forms.Form):
    """One field per setting, named as in ``describe_rules`` (dots for cadence fields)."""

    def __init__(self, *args, initial_settings: PlaybookSettings, **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind in _settings_fields():
            value = (
                getattr(initial_settings.cadence, name.split(".", 1)[1])
                if name.startswith("cadence.")
                else getattr(initial_settings, name)
            )
            if kind == "bool":
                field = forms.BooleanField(label=_label(name), required=False, initial=value)
            else:
                field = forms.IntegerField(label=_label(name), min_value=0, max_value=3650, initial=value)
            self.fields[name] = field

    def as_settings_dict(self) -> dict:
        data: dict = {"cadence": {}}
        for name, value in self.cleaned_data.items():
            if name.startswith("cadence."):
                data["cadence"][name.split(".", 1)[1]] = value
            else:
                data[name] = value
        return data
