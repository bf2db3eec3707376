"""Pages of the follow-up: quick capture, task actions, drafts, calendar feed, playbook settings."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vernetzt.core.drafts import DRAFT_KINDS
from vernetzt.core.playbook import describe_rules
from vernetzt.core.questions import talk_share_feedback
from vernetzt.core.special_categories import special_category_warning
from vernetzt.errors import DataError
from vernetzt.events.models import Event
from vernetzt.journal.digest import set_digest
from vernetzt.journal.facts import open_tasks
from vernetzt.journal.feed import build_feed, feed_owner, issue_feed_token, revoke_feed_tokens
from vernetzt.journal.messages import (
    build_eml,
    compose_draft,
    draft_for_task,
    mailto_url,
    send_draft,
    sender_name,
    smtp_configured,
)
from vernetzt.journal.models import FeedToken, Task
from vernetzt.journal.services import (
    DoNotContact,
    complete_task,
    journal_settings,
    log_interaction,
    move_task,
    playbook_settings,
    save_playbook_settings,
    skip_task,
    snooze_task,
    task_reason,
)
from vernetzt.language import account_language, request_language
from vernetzt.people.models import Person
from vernetzt.web.journal_forms import DraftForm, LogForm, PlaybookForm
from vernetzt.web.redirects import redirect_back
from vernetzt.web.views.pwa import current_event


def _people(request):
    return Person.objects.for_user(request.user).filter(is_me=False)


def _wants_json(request) -> bool:
    """The phone's offline queue sends captures with fetch and reads the answer as JSON."""
    return request.headers.get("Accept", "").startswith("application/json")


@require_http_methods(["GET", "POST"])
def log_conversation(request, pk: int):
    person = _people(request).filter(pk=pk).first()
    if person is None:
        if request.method == "POST" and _wants_json(request):
            message = _("This person is no longer in vernetzt: merged with someone or deleted.")
            advice = _("Find them under People and log the conversation there; your notes are below.")
            return JsonResponse({"error": message, "advice": advice}, status=404)
        raise Http404
    initial = {"date": timezone.localdate(), "kind": "event_conversation"}
    linked = request.GET.get("event", "")
    event = Event.objects.for_user(request.user).filter(pk=int(linked)).first() if linked.isdigit() else None
    form = LogForm(
        request.POST or None, owner=request.user, initial=initial, event=event or current_event(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = log_interaction(
                owner=request.user,
                person=person,
                kind=data["kind"],
                date=data["date"],
                event=data["event"],
                notes=data["notes"],
                snippets=form.snippet_list(),
                their_share=data["their_share"],
                meeting_agreed=data["meeting_agreed"],
                capture_key=data["capture_key"],
                topic=data["topic"],
            )
        except DataError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            planned = len(result.tasks)
            logged = ngettext(
                "Logged. %(count)d follow-up task planned.",
                "Logged. %(count)d follow-up tasks planned.",
                planned,
            ) % {"count": planned}
            feedback = talk_share_feedback(data["their_share"], request_language())
            sensitive = special_category_warning(
                [data["notes"], *form.snippet_list()], lang=request_language()
            )
            # A capture from the phone's queue synced later is announced in the queue's panel; a flash
            # message would wait for some later page and greet the user there, perhaps in another
            # language. An online submit (X-Capture-Then: page) opens the next page at once.
            if not _wants_json(request) or request.headers.get("X-Capture-Then") == "page":
                messages.success(request, logged)
                if feedback:
                    messages.info(request, feedback)
                if sensitive:
                    messages.warning(request, sensitive)
            if _wants_json(request):
                next_url = reverse("person_detail", args=[person.pk])
                return JsonResponse(
                    {
                        "interaction_id": result.interaction.pk,
                        "tasks": len(result.tasks),
                        "repeated": result.repeated,
                        "message": logged,
                        "special_categories_warning": sensitive,
                        "feedback": feedback,
                        "next": next_url,
                    }
                )
            return redirect("person_detail", pk=person.pk)
    status = 422 if form.is_bound and form.errors else 200
    if status == 422 and _wants_json(request):
        problems = [" ".join(errors) for errors in form.errors.values()]
        advice = _("Open the person and log the conversation again.")
        return JsonResponse({"error": " ".join(problems), "advice": advice}, status=422)
    return render(request, "vernetzt/journal/log.html", {"form": form, "person": person}, status=status)


def _task_response(request, task: Task):
    if request.headers.get("HX-Request"):
        today = timezone.localdate()
        item = {"task": task, "reason": task_reason(task, request_language()), "overdue": task.due < today}
        return render(request, "vernetzt/journal/_task_done.html", {"item": item})
    return redirect_back(request, fallback="today")


@require_POST
def task_action(request, pk: int, action: str):
    task = get_object_or_404(open_tasks(request.user), pk=pk)
    if action == "done":
        complete_task(task=task)
    elif action == "skip":
        skip_task(task=task)
    elif action == "snooze":
        try:
            days = int(request.POST.get("days", "1"))
            snooze_task(task=task, today=timezone.localdate(), days=days)
        except ValueError:
            return HttpResponse(_("Snooze by 1 to 365 days."), status=422)
    elif action == "move":
        try:
            due = datetime.date.fromisoformat(request.POST.get("due", ""))
            move_task(task=task, due=due, today=timezone.localdate())
        except ValueError:  # not a date, or refused by the service (a DataError)
            return HttpResponse(_("Choose a day from today to a year ahead."), status=422)
    else:
        raise Http404
    return _task_response(request, task)


class MailtoRedirect(HttpResponseRedirect):
    allowed_schemes = ["mailto"]


def _draft_page(request, *, person: Person, kind: str, task: Task | None):
    try:
        draft = compose_draft(
            owner=request.user,
            person=person,
            kind=kind,
            ui_lang=request_language(),
            task=task,
            with_notice=request.GET.get("notice") != "off",
            request_origin=f"{request.scheme}://{request.get_host()}",
        )
    except DoNotContact as refusal:
        context = {"person": person, "message": refusal.message}
        return render(request, "vernetzt/journal/draft_refused.html", context, status=409)
    form = DraftForm(
        request.POST or None, initial={"to": draft.to, "subject": draft.subject, "body": draft.body}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = request.POST.get("action")
        if action == "mailto":
            return MailtoRedirect(mailto_url(to=data["to"], subject=data["subject"], body=data["body"]))
        if action == "eml":
            sender = f"{sender_name(request.user)} <{request.user.email}>" if request.user.email else ""
            response = HttpResponse(
                build_eml(sender=sender, to=data["to"], subject=data["subject"], body=data["body"]),
                content_type="message/rfc822",
            )
            response["Content-Disposition"] = f'attachment; filename="{kind}-{person.pk}.eml"'
            return response
        if action == "send":
            try:
                send_draft(
                    owner=request.user,
                    person=person,
                    kind=kind,
                    to=data["to"],
                    subject=data["subject"],
                    body=data["body"],
                    task=task,
                )
            except DataError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request, _("The e-mail to %(name)s was sent.") % {"name": person.display_name}
                )
                return redirect("person_detail", pk=person.pk)
    context = {
        "form": form,
        "person": person,
        "task": task,
        "kind": kind,
        "draft": draft,
        "kinds": DRAFT_KINDS,
        "notice_toggle": _notice_toggle(request, appended=draft.with_notice),
        "can_send": smtp_configured() and bool(request.user.email),
        "smtp": smtp_configured(),
    }
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "vernetzt/journal/draft.html", context, status=status)


def _notice_toggle(request, *, appended: bool) -> str:
    """This draft's address with the privacy notice switched the other way."""
    query = request.GET.copy()
    if appended:
        query["notice"] = "off"
    else:
        query.pop("notice", None)
    return f"{request.path}?{query.urlencode()}" if query else request.path


@require_http_methods(["GET", "POST"])
def task_draft(request, pk: int):
    task = get_object_or_404(Task.objects.for_user(request.user).select_related("person"), pk=pk)
    draft = draft_for_task(owner=request.user, task=task, ui_lang=request_language())
    if draft is None:
        raise Http404
    return _draft_page(request, person=task.person, kind=draft.kind, task=task if task.is_open else None)


@require_http_methods(["GET", "POST"])
def person_draft(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    kind = request.GET.get("kind", "thank_you_email")
    if kind not in DRAFT_KINDS:
        raise Http404
    return _draft_page(request, person=person, kind=kind, task=None)


@login_not_required
@require_GET
def calendar_feed(request, token: str):
    owner = feed_owner(token)
    if owner is None:
        raise Http404
    body = build_feed(owner=owner, today=timezone.localdate(), lang=account_language(owner))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@require_http_methods(["GET", "POST"])
def playbook_page(request):
    settings = playbook_settings(request.user)
    form = PlaybookForm(request.POST or None, initial_settings=settings)
    feed_url = None
    if request.method == "POST":
        action = request.POST.get("form")
        if action == "playbook" and form.is_valid():
            try:
                save_playbook_settings(owner=request.user, data=form.as_settings_dict())
            except DataError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Playbook saved."))
                return redirect("playbook")
        elif action == "feed":
            feed_url = request.build_absolute_uri(f"/feed/{issue_feed_token(owner=request.user)}.ics")
        elif action == "feed_revoke":
            revoke_feed_tokens(owner=request.user)
            messages.success(request, _("The calendar link was revoked."))
            return redirect("playbook")
        elif action == "digest":
            try:
                set_digest(owner=request.user, enabled=request.POST.get("enabled") == "on")
            except DataError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Settings saved."))
            return redirect("playbook")
    shown: set[str] = set()
    rules = []
    for rule in describe_rules(settings, request_language()):
        fields = [form[name] for name in rule.fields if name not in shown]
        shown.update(rule.fields)
        rules.append({"rule": rule, "fields": fields})
    context = {
        "rules": rules,
        "form": form,
        "feed_url": feed_url,
        "feed": FeedToken.objects.for_user(request.user).first(),
        "digest_enabled": journal_settings(request.user).digest_enabled,
        "smtp": smtp_configured(),
    }
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "vernetzt/journal/playbook.html", context, status=status)
