"""What happened and what is to do: interactions, remembered snippets, benefits, tasks."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel
from vernetzt.events.models import Event
from vernetzt.goals.models import Goal
from vernetzt.people.models import Person


class Interaction(OwnedModel):
    class Kind(models.TextChoices):
        EVENT_CONVERSATION = "event_conversation", _("Conversation at an event")
        MEETING = "meeting", _("Meeting")
        LUNCH = "lunch", _("Lunch")
        CALL = "call", _("Phone call")
        EMAIL = "email", _("E-mail")
        MESSAGE = "message", _("Message")
        BIRTHDAY_GREETING = "birthday_greeting", _("Birthday greeting")
        OTHER = "other", _("Other")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="interactions"
    )
    notes = models.TextField(_("notes"), blank=True)
    their_share = models.PositiveSmallIntegerField(
        _("their share of the talking (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    meeting_agreed = models.BooleanField(_("meeting agreed"), default=False)
    source = models.CharField(max_length=50, blank=True)
    # The phone's key for a capture: sent again after a lost answer or from the offline queue, the same
    # capture is logged once (journal.services.log_interaction returns the first result).
    capture_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["owner", "person", "date"], name="interaction_person_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(their_share__isnull=True) | Q(their_share__lte=100), name="their_share_percent"
            ),
            models.UniqueConstraint(
                fields=["owner", "capture_key"], condition=~Q(capture_key=""), name="interaction_capture_once"
            ),
        ]


class Snippet(OwnedModel):
    """Something worth remembering from a conversation: a hobby, a child's new school, a project."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="snippets")
    interaction = models.ForeignKey(
        Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="snippets"
    )
    text = models.CharField(_("snippet"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Benefit(OwnedModel):
    class Direction(models.TextChoices):
        OFFERED = "offered", _("I give")
        RECEIVED = "received", _("I received")

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        INFORMATION = "information", _("Information")
        HELP = "help", _("Help")
        RECOMMENDATION = "recommendation", _("Recommendation")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DELIVERED = "delivered", _("Delivered")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="benefits")
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.INFORMATION)
    description = models.CharField(_("what"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    date = models.DateField(_("date"), null=True, blank=True)
    introduce_to = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("introduce to"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Task(OwnedModel):
    class Kind(models.TextChoices):
        CALL_TO_SCHEDULE = "call_to_schedule", _("Call to fix the date")
        THANK_YOU_EMAIL = "thank_you_email", _("Thank-you e-mail")
        CONNECT_LINKEDIN = "connect_linkedin", _("Connect on LinkedIn")
        CONNECT_XING = "connect_xing", _("Connect on XING")
        BIRTHDAY_GREETING = "birthday_greeting", _("Birthday greeting")
        BIRTHDAY_CALL = "birthday_call", _("Birthday call")
        PROPOSE_LUNCH = "propose_lunch", _("Propose lunch")
        KEEP_IN_TOUCH = "keep_in_touch", _("Keep in touch")
        RECONNECT = "reconnect", _("Reconnect")
        START_GOAL = "start_goal", _("Start on your goal")
        CUSTOM = "custom", _("Task")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks")
    interaction = models.ForeignKey(
        Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    due = models.DateField(_("due"))
    done_at = models.DateTimeField(null=True, blank=True)
    skipped = models.BooleanField(default=False)
    # The playbook proposes each task once; this key makes a second proposal a no-op.
    dedupe_key = models.CharField(max_length=200, blank=True)
    # Why the playbook proposed it, language-neutral: {"code": ..., "params": {...}} (core.playbook.Reason).
    reason = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["owner", "done_at", "due"], name="task_owner_open_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "dedupe_key"], condition=~Q(dedupe_key=""), name="task_dedupe_per_owner"
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.done_at is None and not self.skipped


class JournalSettings(OwnedModel):
    """Per-account switches of the follow-up machinery (one row per user, created on first use)."""

    # settings_to_dict() of core.playbook.PlaybookSettings; missing keys take the defaults.
    playbook = models.JSONField(default=dict, blank=True)
    digest_enabled = models.BooleanField(_("daily digest e-mail"), default=False)
    # The calendar rules run at most once a day per account; changing the settings clears this.
    calendar_ran_on = models.DateField(null=True, blank=True, editable=False)
    # Opening Today queues the day's rules for the worker at most once a day.
    calendar_queued_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="journal_settings_one_per_owner")]


class FeedToken(OwnedModel):
    """The secret in a private calendar feed URL; only its hash is stored, so it is shown once."""

    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class DigestRun(OwnedModel):
    """One row per account and day: several workers enqueue the daily digest, the unique key lets
    exactly one of them win."""

    date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "date"], name="digest_once_per_day")]
