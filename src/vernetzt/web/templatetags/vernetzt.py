"""Template filters that render vernetzt's codes (countries, regions, levels, functions) in the
active language."""

from __future__ import annotations

from babel.numbers import format_decimal
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from vernetzt.core.drafts_text import ENGLISH_TITLES
from vernetzt.core.places import country_name as _country_name
from vernetzt.core.places import region_name
from vernetzt.core.playbook import describe_task_kind
from vernetzt.core.terms import common_label, term_in
from vernetzt.core.titles import FUNCTION_LABELS, SENIORITY_LABELS
from vernetzt.language import request_language

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return _country_name(code, request_language()) if code else ""


@register.filter
def region_label(code: str) -> str:
    return region_name(code, request_language())


@register.filter
def level_label(code: str) -> str:
    return SENIORITY_LABELS.get(code, {}).get(request_language(), code)


@register.filter
def function_label(code: str) -> str:
    return FUNCTION_LABELS.get(code, {}).get(request_language(), code)


@register.filter
def title_of_address(person) -> str:
    """Frau/Herr and the academic title as the reader says them: "Frau Dr." in German, "Ms · Dr." in
    English (where "Ms Dr." is no form of address)."""
    if request_language() == "en":
        title = ENGLISH_TITLES.get(person.title_of_address, "")
        return " · ".join(part for part in (title, person.academic_title) if part)
    return " ".join(part for part in (person.title_of_address, person.academic_title) if part)


@register.filter
def term(text: str) -> str:
    """A recorded city, hobby or field in the reader's language ("Singapur" → "Singapore")."""
    return term_in(text, request_language()) if text else ""


@register.filter
def terms(texts) -> str:
    """A recorded list (interests, fields) joined, each in the reader's language where known."""
    return ", ".join(term_in(text, request_language()) for text in texts or () if text and text.strip())


@register.filter
def common_ground(commonality) -> str:
    """A shared thing of the briefing (``CommonGround``) as the reader reads it."""
    return common_label(commonality.kind, commonality.label, request_language())


@register.filter
def number(value) -> str:
    """A number as the reader's language writes it: 2.842 and 0,5 in German, 2,842 and 0.5 in English."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_decimal(value, locale=request_language())
    return value


@register.filter
def task_kind_label(kind: str) -> str:
    return describe_task_kind(kind, request_language())


@register.filter
def place_of(candidate) -> str:
    """Where a suggested person is, in the reader's language: "Singapore", "Hamburg, Germany"."""
    city = term_in(candidate.city, request_language()) if candidate.city else ""
    country = _country_name(candidate.country, request_language()) if candidate.country else ""
    return ", ".join(part for part in dict.fromkeys((city, country)) if part)


_BIRTHDAY_PARTS = frozenset({"birth_day", "birth_month", "birth_year"})


@register.filter
def person_field_labels(names) -> str:
    """Changed fields of a person (model field names) as the reader calls them: "connected since",
    not ``connected_on``; the birthday's parts as one; fields vernetzt keeps for itself left out."""
    from django.core.exceptions import FieldDoesNotExist
    from django.utils.translation import gettext

    from vernetzt.people.models import Person

    labels: list[str] = []
    for name in names or []:
        if name in _BIRTHDAY_PARTS:
            label = gettext("birthday")
        else:
            try:
                field = Person._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.editable:
                continue
            label = str(field.verbose_name)
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


@register.filter
def day_options(days, selected) -> str:
    """The ``<option>``s of a day choice, ``selected`` marked. ``days`` are (ISO date, label) pairs
    built once per page (``web.views.today.day_choices``): the week plan has a choice for each of its
    hundred tasks, and a template loop formatting every day for each took most of the page's time."""
    chosen = selected.isoformat() if selected else ""
    options = (
        f'<option value="{value}"{" selected" * (value == chosen)}>{conditional_escape(label)}</option>'
        for value, label in days
    )
    return mark_safe("".join(options))
