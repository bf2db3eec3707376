from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel
from vernetzt.people.models import Person


class Event(OwnedModel):
    class Kind(models.TextChoices):
        EXTERNAL = "external", _("External (association, conference, fair)")
        INTERNAL = "internal", _("Internal (company event)")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.EXTERNAL)
    starts_on = models.DateField(_("date"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    url = models.URLField(_("web page"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.name


class Attendance(OwnedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    must_meet = models.BooleanField(_("must meet"), default=False)
    attended = models.BooleanField(_("attended"), default=False)
    source = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="attendance_unique")]
