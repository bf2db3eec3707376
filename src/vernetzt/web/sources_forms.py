"""Forms of the sources page: a feed to subscribe to, an article link to read."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class _OnePage(forms.Form):
    """The sources page shows all these forms at once; each names its fields' ids after itself, so two
    forms' "url" or "password" fields do not share an id (and a label does not point at another's)."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class FeedForm(_OnePage):
    id_prefix = "feed"
    url = forms.URLField(
        label=_("Feed address (RSS or Atom)"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("Trade press, a company newsroom, a Google Alerts feed."),
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=200, required=False)


class ArticleForm(_OnePage):
    id_prefix = "article"
    url = forms.URLField(label=_("Article link"), max_length=1000, assume_scheme="https")


class MailAccountForm(_OnePage):
    id_prefix = "mail"

    host = forms.CharField(
        label=_("IMAP server"), max_length=253, help_text=_("e.g. imap.gmx.net, outlook.office365.com")
    )
    port = forms.IntegerField(
        label=_("Port"),
        min_value=1,
        max_value=65535,
        initial=993,
        help_text=_("993 for TLS; 143 only with STARTTLS"),
    )
    username = forms.CharField(
        label=_("User name"), max_length=320, help_text=_("usually your e-mail address")
    )
    password = forms.CharField(
        label=_("App password"),
        max_length=1000,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Stored encrypted; the key is kept outside the database and its backups."),
    )
    folders = forms.CharField(
        label=_("Folders"),
        max_length=1000,
        initial="INBOX, Sent",
        required=False,
        help_text=_("comma-separated; “Sent” finds your server's sent folder"),
    )
    read_body = forms.BooleanField(label=_("Also keep the first lines of each mail"), required=False)

    def clean_folders(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data["folders"].split(",") if part.strip()]


class CalendarForm(_OnePage):
    id_prefix = "calendar"

    url = forms.URLField(
        label=_("Calendar address (ICS or CalDAV)"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("the private ICS address of your calendar, or a CalDAV calendar's URL"),
    )
    username = forms.CharField(label=_("User name (CalDAV only)"), max_length=320, required=False)
    password = forms.CharField(
        label=_("Password (CalDAV only)"),
        max_length=1000,
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
    )
