"""Forms of the sources page: a feed to subscribe to, an article link to read."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class FeedForm(forms.Form):
    url = forms.URLField(
        label=_("Feed address (RSS or Atom)"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("Trade press, a company newsroom, a Google Alerts feed."),
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=200, required=False)


class ArticleForm(forms.Form):
    url = forms.URLField(label=_("Article link"), max_length=1000, assume_scheme="https")
