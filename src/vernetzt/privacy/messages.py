"""The words of privacy in the reader's language (the import report, the command line)."""

from __future__ import annotations

from datetime import date

from django.utils import translation
from django.utils.translation import ngettext


def format_day(iso: str, lang: str) -> str:
    day = date.fromisoformat(iso)
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def describe_erased_skip(count: int, iso_day: str, lang: str) -> str:
    """ "2 skipped: erased on 2026-12-01" — people an import met again after they were erased."""
    with translation.override(lang):
        return ngettext(
            "%(count)d skipped: erased on %(day)s", "%(count)d skipped: erased on %(day)s", count
        ) % {"count": count, "day": format_day(iso_day, lang)}
