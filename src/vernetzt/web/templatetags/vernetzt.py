"""Template filters that render vernetzt's codes (countries, regions, levels, functions) in the
active language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from vernetzt.core.places import country_name as _country_name
from vernetzt.core.places import region_name
from vernetzt.core.titles import FUNCTION_LABELS, SENIORITY_LABELS

register = template.Library()


def _lang() -> str:
    return (get_language() or "en")[:2]


@register.filter
def country_name(code: str) -> str:
    return _country_name(code, _lang()) if code else ""


@register.filter
def region_label(code: str) -> str:
    return region_name(code, _lang())


@register.filter
def level_label(code: str) -> str:
    return SENIORITY_LABELS.get(code, {}).get(_lang(), code)


@register.filter
def function_label(code: str) -> str:
    return FUNCTION_LABELS.get(code, {}).get(_lang(), code)
