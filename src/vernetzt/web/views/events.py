from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.events.models import Event
from vernetzt.events.services import create_event, delete_event, update_event
from vernetzt.web.forms import EventForm
from vernetzt.web.formtools import form_status, save_with
from vernetzt.web.views.briefing import event_preparation

FORM_FIELDS = tuple(EventForm.base_fields)


def _events(request):
    return Event.objects.for_user(request.user)


def event_list(request):
    today = timezone.localdate()
    events = _events(request)
    context = {
        "upcoming": events.filter(starts_on__gte=today).order_by("starts_on", "id"),
        "past": events.filter(starts_on__lt=today).order_by("-starts_on", "-id")[:50],
        "undated": events.filter(starts_on__isnull=True),
    }
    return render(request, "vernetzt/events/list.html", context)


def event_detail(request, pk: int):
    event = get_object_or_404(_events(request), pk=pk)
    attendances = event.attendances.select_related("person").order_by("-must_meet", "person__display_name")
    context = {"event": event, "attendances": attendances, **event_preparation(request, event)}
    return render(request, "vernetzt/events/detail.html", context)


def _save(request, form, event: Event | None):
    data = {name: form.cleaned_data[name] for name in FORM_FIELDS}
    if event is None:
        return save_with(form, create_event, owner=request.user, **data)
    return save_with(form, update_event, event=event, **data)


@require_http_methods(["GET", "POST"])
def event_create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = _save(request, form, None)
        if event is not None:
            messages.success(request, _("The event was added."))
            return redirect("event_detail", pk=event.pk)
    return render(
        request, "vernetzt/events/form.html", {"form": form, "event": None}, status=form_status(form)
    )


@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int):
    event = get_object_or_404(_events(request), pk=pk)
    form = EventForm(request.POST or None, initial={name: getattr(event, name) for name in FORM_FIELDS})
    if request.method == "POST" and form.is_valid() and _save(request, form, event) is not None:
        messages.success(request, _("Changes saved."))
        return redirect("event_detail", pk=event.pk)
    return render(
        request, "vernetzt/events/form.html", {"form": form, "event": event}, status=form_status(form)
    )


@require_POST
def event_delete(request, pk: int):
    event = get_object_or_404(_events(request), pk=pk)
    delete_event(event=event)
    messages.success(request, _("The event was deleted."))
    return redirect("event_list")
