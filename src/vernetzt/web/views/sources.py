"""The sources page (Settings → Sources) and the one-click verdict on news candidates."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from vernetzt.errors import DataError
from vernetzt.language import request_language
from vernetzt.sources.calendars import add_calendar, remove_calendar
from vernetzt.sources.candidates import confirm_candidate, dismiss_candidate
from vernetzt.sources.feeds import add_article, add_feed, remove_feed
from vernetzt.sources.mail import add_mail_account, remove_mail_account
from vernetzt.sources.models import Calendar, Candidate, Feed, MailAccount
from vernetzt.sources.problems import PROBLEMS, describe_problem
from vernetzt.sources.rounds import read_now
from vernetzt.web.sources_forms import ArticleForm, CalendarForm, FeedForm, MailAccountForm


def _page(request, *, feed_form=None, article_form=None, mail_form=None, calendar_form=None, status=200):
    lang = request_language()
    feeds = [(feed, describe_problem(feed.last_error, lang)) for feed in Feed.objects.for_user(request.user)]
    accounts = [(a, describe_problem(a.last_error, lang)) for a in MailAccount.objects.for_user(request.user)]
    context = {
        "feeds": feeds,
        "accounts": accounts,
        "feed_form": feed_form or FeedForm(),
        "article_form": article_form or ArticleForm(),
        "mail_form": mail_form or MailAccountForm(),
        "calendars": [
            (c, describe_problem(c.last_error, lang)) for c in Calendar.objects.for_user(request.user)
        ],
        "calendar_form": calendar_form or CalendarForm(),
    }
    return render(request, "vernetzt/sources/page.html", context, status=status)


@require_GET
def sources_page(request):
    return _page(request)


def _form_error(request, form, error: DataError, *, fields: dict[str, str] | None = None) -> None:
    """A fetch problem (a code) in the user's words; any other refusal as the service said it.
    ``fields`` maps the service's field names to the form's."""
    message = (
        describe_problem(error.message, request_language()) if error.message in PROBLEMS else error.message
    )
    field = (fields or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, message)


@require_POST
def feed_add(request):
    form = FeedForm(request.POST)
    if form.is_valid():
        try:
            feed = add_feed(owner=request.user, url=form.cleaned_data["url"], name=form.cleaned_data["name"])
        except DataError as error:
            _form_error(request, form, error)
        else:
            messages.success(
                request, _("Subscribed to %(feed)s. It is read on the next round.") % {"feed": feed}
            )
            return redirect("sources")
    return _page(request, feed_form=form, status=422)


@require_POST
def feed_remove(request, pk: int):
    feed = get_object_or_404(Feed.objects.for_user(request.user), pk=pk)
    purge = request.POST.get("purge") == "1"
    removed = remove_feed(owner=request.user, feed=feed, purge=purge)
    messages.success(
        request,
        _("Feed removed.")
        + (
            " " + ngettext("%(n)d success deleted.", "%(n)d successes deleted.", removed) % {"n": removed}
            if purge
            else ""
        ),
    )
    return redirect("sources")


@require_POST
def sources_read(request):
    read_now(request.user)
    messages.success(request, _("Your sources are being read; this page shows what they found."))
    return redirect("sources")


@require_POST
def mail_add(request):
    form = MailAccountForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            account = add_mail_account(
                owner=request.user,
                host=data["host"],
                port=data["port"],
                username=data["username"],
                password=data["password"],
                folders=data["folders"],
                read_body=data["read_body"],
            )
        except DataError as error:
            _form_error(request, form, error, fields={"user": "username", "folder": "folders"})
        else:
            read_now(request.user)
            messages.success(
                request, _("Connected %(account)s; its mail is being read.") % {"account": account}
            )
            return redirect("sources")
    return _page(request, mail_form=form, status=422)


def _removed(request, message: str, *, purge: bool, interactions: int):
    if purge:
        message += " " + ngettext(
            "%(n)d interaction deleted.", "%(n)d interactions deleted.", interactions
        ) % {"n": interactions}
    messages.success(request, message)
    return redirect("sources")


@require_POST
def mail_remove(request, pk: int):
    account = get_object_or_404(MailAccount.objects.for_user(request.user), pk=pk)
    purge = request.POST.get("purge") == "1"
    removed = remove_mail_account(owner=request.user, account=account, purge=purge)
    return _removed(request, _("Mail account removed."), purge=purge, interactions=removed)


@require_POST
def article_add(request):
    form = ArticleForm(request.POST)
    if form.is_valid():
        try:
            read = add_article(owner=request.user, url=form.cleaned_data["url"])
        except DataError as error:
            _form_error(request, form, error)
        else:
            found = len(read.candidates)
            if read.seen_before:
                messages.info(
                    request,
                    ngettext(
                        "This article was read before; %(n)d candidate is waiting for your word.",
                        "This article was read before; %(n)d candidates are waiting for your word.",
                        found,
                    )
                    % {"n": found},
                )
            elif found:
                messages.success(
                    request,
                    ngettext("%(n)d candidate found.", "%(n)d candidates found.", found) % {"n": found},
                )
            else:
                messages.info(request, _("Nobody in your network is named in this article."))
            return redirect("sources")
    return _page(request, article_form=form, status=422)


@require_POST
def candidate_decide(request, pk: int, action: str):
    candidate = get_object_or_404(
        Candidate.objects.for_user(request.user)
        .filter(status=Candidate.Status.PENDING)
        .select_related("item", "person"),
        pk=pk,
    )
    if action == "confirm":
        confirm_candidate(owner=request.user, candidate=candidate)
    elif action == "dismiss":
        dismiss_candidate(owner=request.user, candidate=candidate)
    else:
        raise Http404
    if request.headers.get("HX-Request"):
        return render(request, "vernetzt/sources/_decided.html", {"candidate": candidate})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "today"
    return redirect(back or "today")


@require_POST
def calendar_add(request):
    form = CalendarForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            calendar = add_calendar(
                owner=request.user, url=data["url"], username=data["username"], password=data["password"]
            )
        except DataError as error:
            _form_error(request, form, error)
        else:
            read_now(request.user)
            messages.success(request, _("Connected %(calendar)s; it is being read.") % {"calendar": calendar})
            return redirect("sources")
    return _page(request, calendar_form=form, status=422)


@require_POST
def calendar_remove(request, pk: int):
    calendar = get_object_or_404(Calendar.objects.for_user(request.user), pk=pk)
    purge = request.POST.get("purge") == "1"
    removed = remove_calendar(owner=request.user, calendar=calendar, purge=purge)
    return _removed(request, _("Calendar removed."), purge=purge, interactions=removed)
