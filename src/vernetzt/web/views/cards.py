"""Business cards and badges on the phone: photograph (tap one), check what was read and save the
person with the conversation (tap two). Matching is the imports': a known person is updated."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from vernetzt.importers import ImportFormatError, describe_error
from vernetzt.importers.cards import CardReading, tesseract_available
from vernetzt.language import request_language
from vernetzt.transfer.cards import import_cards, read_cards
from vernetzt.web.card_forms import CardFormSet, CardPhotosForm, CardSaveForm, initial_of
from vernetzt.web.transfer_forms import upload_limit_message, upload_too_large
from vernetzt.web.views.pwa import current_event


def _confirm(request, formset, save_form, matches, problems, status=200):
    cards = [
        {"form": form, "match": matches[index] if index < len(matches) else None}
        for index, form in enumerate(formset.forms)
    ]
    context = {"formset": formset, "save_form": save_form, "cards": cards, "problems": problems}
    return render(request, "vernetzt/cards/confirm.html", context, status=status)


def _read(request, form):
    lang = request_language()
    try:
        readings = read_cards(
            sources=[upload.read() for upload in form.cleaned_data["photos"]],
            filenames=[upload.name for upload in form.cleaned_data["photos"]],
        )
    except ImportFormatError as error:
        form.add_error("photos", describe_error(error, lang))
        return render(request, "vernetzt/cards/capture.html", {"form": form}, status=422)
    usable = [reading for reading in readings if reading.record is not None]
    problems = [describe_error(error, lang) for reading in readings for error in reading.errors]
    if not usable:
        form.add_error("photos", " ".join(problems))
        return render(request, "vernetzt/cards/capture.html", {"form": form}, status=422)
    preview = import_cards(owner=request.user, readings=usable, dry_run=True)
    formset = CardFormSet(initial=[initial_of(reading.record, reading.photo) for reading in usable])
    event = current_event(request.user)
    save_form = CardSaveForm(owner=request.user, initial={"event": event.pk if event else None})
    return _confirm(request, formset, save_form, preview.extra["people"], problems)


def _save(request):
    formset = CardFormSet(request.POST)
    save_form = CardSaveForm(request.POST, owner=request.user)
    if not (formset.is_valid() and save_form.is_valid()):
        return _confirm(request, formset, save_form, [], [], status=422)
    readings = [
        CardReading(
            filename=_("card %(number)d") % {"number": number},
            record=form.record(number),
            source="confirmed",
            photo=form.cleaned_data["photo"] if form.cleaned_data["keep_photo"] else None,
        )
        for number, form in enumerate(formset.forms, 1)
    ]
    event = save_form.cleaned_data["event"]
    report = import_cards(
        owner=request.user,
        readings=readings,
        event_name=event.name if event else "",
        event_date=event.starts_on if event else None,
        keep_photos=True,
        meeting_agreed=save_form.cleaned_data["meeting_agreed"],
    )
    people = report.extra["people"]
    messages.success(
        request,
        ngettext("%(count)d person saved.", "%(count)d people saved.", len(people)) % {"count": len(people)},
    )
    if len(people) == 1:
        return redirect("person_detail", pk=people[0]["person_id"])
    return redirect("import_batch", pk=report.batch_id)


@require_http_methods(["GET", "POST"])
def card_capture(request):
    if request.method == "POST" and upload_too_large(request):  # refused before a byte is stored
        form = CardPhotosForm()
        form.errors["photos"] = form.error_class([upload_limit_message()])
        return render(request, "vernetzt/cards/capture.html", {"form": form}, status=413)
    if request.method == "POST" and request.POST.get("step") == "save":
        return _save(request)
    form = CardPhotosForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _read(request, form)
    status = 422 if form.is_bound else 200
    context = {"form": form, "ocr": tesseract_available()}
    return render(request, "vernetzt/cards/capture.html", context, status=status)
