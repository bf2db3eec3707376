"""News candidates where the user already looks: Today and a person's briefing (read only)."""

from __future__ import annotations

from django import template

from vernetzt.sources.candidates import pending_candidates

register = template.Library()

TODAY_LIMIT = 5


@register.inclusion_tag("vernetzt/sources/_news.html", takes_context=True)
def news_candidates(context, person=None, hide_empty=False):
    user = context["request"].user
    rows = pending_candidates(user, person=person)
    shown = list(rows[: TODAY_LIMIT + 1]) if person is None else list(rows)
    return {
        "candidates": shown[:TODAY_LIMIT] if person is None else shown,
        "more": person is None and len(shown) > TODAY_LIMIT,
        "person": person,
        "hide_empty": hide_empty,
        "csrf_token": context.get("csrf_token"),
    }
