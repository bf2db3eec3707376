"""The installable web app: manifest, service worker, the offline page and where the app opens."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vernetzt.events.models import Event
from vernetzt.language import request_language

THEME = "#1f5f8b"


@login_not_required
@require_GET
def manifest(request):
    """W3C Web App Manifest; Android offers "Install app" with it, iOS reads the apple-touch-icon."""
    data = {
        "name": "vernetzt",
        "short_name": "vernetzt",
        "description": _("Goal-driven career networking, on your own machine."),
        "lang": request_language(),
        "start_url": "/start/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [
            {"src": static("vernetzt/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("vernetzt/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("vernetzt/icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [
            {"name": _("Today"), "url": "/"},
            {"name": _("Read a business card"), "url": "/cards/"},
        ],
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@login_not_required
@require_GET
def service_worker(request):
    """Served from the root so that it may control every page (a worker's scope is its own path)."""
    script = Path(finders.find("vernetzt/sw.js")).read_bytes()
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def offline(request):
    return render(request, "vernetzt/offline.html")


def current_event(owner) -> Event | None:
    today = timezone.localdate()
    events = Event.objects.for_user(owner).filter(starts_on__lte=today)
    ongoing = events.filter(ends_on__gte=today) | events.filter(ends_on__isnull=True, starts_on=today)
    return ongoing.order_by("-starts_on", "-id").first()


@require_GET
def start(request):
    """Where the installed app opens: the event happening today, else Today."""
    event = current_event(request.user)
    return redirect("event_detail", pk=event.pk) if event else redirect("today")
