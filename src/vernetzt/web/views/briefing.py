"""The briefing per person, the facts that feed it (successes), the benefits ledger and event preparation."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.errors import DataError
from vernetzt.events.models import Event
from vernetzt.events.preparation import (
    mark_must_meet,
    must_meet_list,
    preparation_status,
    relationships_to_deepen,
    whom_to_meet,
)
from vernetzt.journal.benefits import ledger_for, mark_delivered, record_benefit, suggest_benefits
from vernetzt.journal.briefing import build_briefing
from vernetzt.journal.models import Benefit
from vernetzt.journal.services import add_success
from vernetzt.language import request_language
from vernetzt.web.journal_forms import BenefitForm, SuccessForm
from vernetzt.web.views.journal import _people
from vernetzt.web.views.pwa import current_event


def _event_param(request):
    raw = request.GET.get("event", "")
    if not raw.isdigit():
        return None
    return Event.objects.for_user(request.user).filter(pk=int(raw)).first()


def person_briefing(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    today = timezone.localdate()
    context = {
        "briefing": build_briefing(
            owner=request.user,
            person=person,
            lang=request_language(),
            today=today,
            event=_event_param(request),
        ),
        "success_form": SuccessForm(initial={"date": today}),
    }
    return render(request, "vernetzt/briefing/person.html", context)


@require_POST
def success_add(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    form = SuccessForm(request.POST)
    if form.is_valid():
        try:
            add_success(owner=request.user, person=person, **form.cleaned_data)
        except DataError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The success was recorded."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("person_briefing", pk=person.pk)


def _ledger_context(request, person, form=None):
    return {
        "person": person,
        "ledger": ledger_for(owner=request.user, person=person),
        "suggestions": suggest_benefits(owner=request.user, person=person, lang=request_language()),
        "form": form or BenefitForm(initial={"direction": "offered", "status": "planned"}),
    }


def person_benefits(request, pk: int):
    """The give-and-take ledger as a partial (loaded by htmx on the person page and the briefing)."""
    person = get_object_or_404(_people(request), pk=pk)
    return render(request, "vernetzt/journal/_ledger.html", _ledger_context(request, person))


@require_POST
def benefit_add(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    introduce_to = None
    if request.POST.get("introduce_to"):
        introduce_to = get_object_or_404(_people(request), pk=request.POST["introduce_to"])
        data = {"direction": "offered", "kind": "introduction", "description": "", "status": "planned"}
        form = None
    else:
        form = BenefitForm(request.POST)
        data = form.cleaned_data if form.is_valid() else None
    status = 200
    if data is not None:
        try:
            record_benefit(owner=request.user, person=person, introduce_to=introduce_to, **data)
            form = None
        except DataError as error:
            if form is None:
                form = BenefitForm(initial={"direction": "offered", "status": "planned"})
            form.add_error(error.field if error.field in form.fields else None, error.message)
            status = 422
    else:
        status = 422
    if request.headers.get("HX-Request"):
        return render(
            request, "vernetzt/journal/_ledger.html", _ledger_context(request, person, form), status=status
        )
    if status == 200:
        messages.success(request, _("The benefit was recorded."))
    return redirect("person_detail", pk=person.pk)


@require_POST
def benefit_deliver(request, pk: int):
    benefit = get_object_or_404(Benefit.objects.for_user(request.user).select_related("person"), pk=pk)
    try:
        mark_delivered(benefit=benefit, date=timezone.localdate())
    except DataError as error:
        messages.error(request, error.message)
    if request.headers.get("HX-Request"):
        return render(request, "vernetzt/journal/_ledger.html", _ledger_context(request, benefit.person))
    return redirect("person_detail", pk=benefit.person_id)


def offline_urls(event: Event, must_meet) -> list[str]:
    """What "Keep on this phone" saves: the event, its briefings, and per must-meet person the
    briefing (with the ledger it loads) and the capture form."""
    urls = ["/", reverse("event_detail", args=[event.pk]), reverse("event_briefings", args=[event.pk])]
    for attendance in must_meet:
        pk = attendance.person.pk
        urls += [
            f"{reverse('person_briefing', args=[pk])}?event={event.pk}",
            reverse("person_benefits", args=[pk]),
            f"{reverse('log_conversation', args=[pk])}?event={event.pk}",
        ]
    return urls


def event_preparation(request, event: Event) -> dict:
    """Context for the preparation part of the event page."""
    today = timezone.localdate()
    upcoming = event.starts_on is None or event.starts_on >= today
    must_meet = must_meet_list(owner=request.user, event=event)
    current = current_event(request.user)
    return {
        "offline_urls": offline_urls(event, must_meet) if must_meet else [],
        "offline_start": reverse("event_detail", args=[event.pk]) if current == event else "",
        "upcoming": upcoming,
        "status": preparation_status(owner=request.user, events=[event], today=today)[event.pk],
        "must_meet": must_meet,
        "to_meet": whom_to_meet(owner=request.user, event=event, lang=request_language()) if upcoming else [],
        "deepen": relationships_to_deepen(owner=request.user, event=event),
    }


@require_POST
def must_meet_toggle(request, pk: int, person_pk: int):
    event = get_object_or_404(Event.objects.for_user(request.user), pk=pk)
    person = get_object_or_404(_people(request), pk=person_pk)
    mark_must_meet(
        owner=request.user, event=event, person=person, must_meet=request.POST.get("must_meet") == "1"
    )
    return redirect("event_detail", pk=event.pk)


def event_briefings(request, pk: int):
    """One printable sheet with the briefing of everyone on the must-meet list."""
    event = get_object_or_404(Event.objects.for_user(request.user), pk=pk)
    today, lang, owner = timezone.localdate(), request_language(), request.user
    briefings = [
        build_briefing(owner=owner, person=a.person, lang=lang, today=today, event=event, suggest=False)
        for a in must_meet_list(owner=owner, event=event)
    ]
    return render(request, "vernetzt/briefing/event.html", {"event": event, "briefings": briefings})
