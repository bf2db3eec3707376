from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel
from vernetzt.people.models import Person


class Goal(OwnedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    text = models.CharField(_("career goal"), max_length=300)
    why = models.TextField(_("why this goal"), blank=True)
    horizon = models.DateField(_("reach it by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # Structured targeting: what the research engine ranks people against.
    levels = models.JSONField(_("levels"), default=list, blank=True)
    functions = models.JSONField(_("functions"), default=list, blank=True)
    regions = models.JSONField(_("regions"), default=list, blank=True)
    # Without regions a goal prefers the user's own country, then region; "anywhere" turns that off.
    anywhere = models.BooleanField(_("anywhere in the world"), default=False)
    organizations = models.JSONField(_("organizations"), default=list, blank=True)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    weights = models.JSONField(_("ranking weights"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.text


class Target(OwnedModel):
    """A person in a goal's pipeline; the stage advances as the user logs what happened."""

    class Stage(models.TextChoices):
        IDENTIFIED = "identified", _("Identified")
        RESEARCHED = "researched", _("Researched")
        BENEFIT_FOUND = "benefit_found", _("Benefit found")
        APPROACHED = "approached", _("Approached")
        APPOINTMENT_AGREED = "appointment_agreed", _("Appointment agreed")
        MET = "met", _("Met")
        RELATIONSHIP = "relationship", _("Relationship")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="targets")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDENTIFIED)
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=2,
        help_text=_("1 = highest"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "-updated_at", "id"]
        constraints = [models.UniqueConstraint(fields=["goal", "person"], name="target_unique_per_goal")]
