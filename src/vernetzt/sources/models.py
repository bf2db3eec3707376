"""Where news of the network comes from: press feeds, mail accounts and calendars the user connected.

Nothing here exists until the user adds a source; each row says when it last ran, what it found and
what went wrong, so the settings page can show it and its removal can take back what it brought in.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel
from vernetzt.people.models import Organization, Person, Success


class SourceRun(models.Model):
    """What every source remembers of its last run."""

    created_at = models.DateTimeField(auto_now_add=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_found = models.PositiveIntegerField(default=0)
    # Language-neutral error code (see sources.problems) and the server's own words, for the settings page.
    last_error = models.CharField(max_length=40, blank=True)
    last_error_detail = models.CharField(max_length=500, blank=True)

    class Meta:
        abstract = True


class Feed(OwnedModel, SourceRun):
    url = models.URLField(_("feed address"), max_length=1000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    modified = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["owner", "url"], name="feed_unique_url_per_owner")]

    def __str__(self) -> str:
        return self.name or self.url


class FeedItem(OwnedModel):
    """One article: from a feed, or an article link the user pasted (``feed`` empty)."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, null=True, blank=True, related_name="items")
    key = models.CharField(max_length=64, editable=False)  # sha256 of the feed's guid or the link
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    published = models.DateField(null=True, blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="feed_item_unique_key")]


class Candidate(OwnedModel):
    """A news item that may be a success of someone in the network, waiting for the user's word."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        CONFIRMED = "confirmed", _("confirmed")
        DISMISSED = "dismissed", _("dismissed")

    item = models.ForeignKey(FeedItem, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="news_candidates")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The person named (their full name near their organization) or only their organization in the headline.
    named = models.BooleanField(default=True)
    evidence = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    success = models.ForeignKey(Success, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "status"], name="candidate_owner_status")]
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="candidate_once_per_item")]


def default_folders() -> list[str]:
    return ["INBOX", "Sent"]


class MailAccount(OwnedModel, SourceRun):
    """An IMAP account, read only: headers (and, if allowed, the first lines) of chosen folders."""

    host = models.CharField(_("server"), max_length=253)
    port = models.PositiveIntegerField(_("port"), default=993)
    username = models.CharField(_("user name"), max_length=320)
    password_encrypted = models.TextField(editable=False)  # sources.secrets; the key is not in the database
    folders = models.JSONField(_("folders"), default=default_folders)
    read_body = models.BooleanField(_("also read the first lines of each mail"), default=False)
    # Per folder {"uidvalidity": N, "uid": last UID read}: the next run starts after it.
    state = models.JSONField(default=dict, editable=False)
    progress_done = models.PositiveIntegerField(default=0, editable=False)
    progress_total = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["host", "username", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "host", "username"], name="mail_account_once_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.username} @ {self.host}"


class MailMessage(OwnedModel):
    """A message that was contact with someone in the network (ignored mail is not kept)."""

    account = models.ForeignKey(MailAccount, on_delete=models.CASCADE, related_name="messages")
    key = models.CharField(max_length=64, editable=False)  # sha256 of the Message-ID (else folder/UID)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mail_messages")
    date = models.DateField()
    outgoing = models.BooleanField()
    subject = models.CharField(max_length=300, blank=True)
    first_lines = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [models.UniqueConstraint(fields=["account", "key", "person"], name="mail_message_once")]


class Calendar(OwnedModel, SourceRun):
    """An ICS subscription or a CalDAV calendar (user name and encrypted password when it needs them)."""

    url = models.URLField(_("calendar address"), max_length=1000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    username = models.CharField(_("user name"), max_length=320, blank=True)
    password_encrypted = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["owner", "url"], name="calendar_unique_url_per_owner")]

    def __str__(self) -> str:
        return self.name or self.url


class CalendarMeeting(OwnedModel):
    """One occurrence of a calendar event with people of the network, and the interaction it became."""

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="meetings")
    key = models.CharField(max_length=64, editable=False)  # sha256 of UID and occurrence start
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="calendar_meetings")
    date = models.DateField()
    summary = models.CharField(max_length=300, blank=True)
    recorded = models.BooleanField(default=False)  # became an interaction (it has taken place)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "key", "person"], name="calendar_meeting_once")
        ]
