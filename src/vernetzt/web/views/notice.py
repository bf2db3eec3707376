"""The account's public privacy page (no login): who keeps data about the reader, what, why, where it
came from and how to object. It answers 404 until the user has entered their contact details."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from vernetzt.accounts.privacy import public_page_for_slug
from vernetzt.language import request_language


@login_not_required
@require_GET
def public_notice(request, slug: str):
    privacy = public_page_for_slug(slug)
    if privacy is None:
        raise Http404
    lang = request_language(request.GET.get("lang"))
    with translation.override(lang):
        response = render(
            request,
            "vernetzt/notice/public.html",
            {"privacy": privacy, "lang": lang, "other": "en" if lang == "de" else "de"},
        )
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Robots-Tag"] = "noindex"
    return response
