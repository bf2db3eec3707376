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
from vernetzt.sources.candidates import confirm_candidate, dismiss_candidate
from vernetzt.sources.feeds import add_article, add_feed, poll_feeds, remove_feed
from vernetzt.sources.models import Candidate, Feed
from vernetzt.sources.problems import PROBLEMS, describe_problem
from vernetzt.web.sources_forms import ArticleForm, FeedForm


def _page(request, *, feed_form=None, article_form=None, status=200):
    lang = request_language()
    feeds = [(feed, describe_problem(feed.last_error, lang)) for feed in Feed.objects.for_user(request.user)]
    context = {
        "feeds": feeds,
        "feed_form": feed_form or FeedForm(),
        "article_form": article_form or ArticleForm(),
    }
    return render(request, "vernetzt/sources/page.html", context, status=status)


@require_GET
def sources_page(request):
    return _page(request)


def _form_error(request, form, error: DataError) -> None:
    """A fetch problem (a code) in the user's words; any other refusal as the service said it."""
    message = (
        describe_problem(error.message, request_language()) if error.message in PROBLEMS else error.message
    )
    form.add_error(error.field if error.field in form.fields else None, message)


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
def feeds_poll(request):
    report = poll_feeds(owner=request.user)
    messages.success(
        request,
        ngettext("%(feeds)d feed read", "%(feeds)d feeds read", report.feeds) % {"feeds": report.feeds}
        + ": "
        + ngettext("%(n)d new article", "%(n)d new articles", report.items) % {"n": report.items}
        + ", "
        + ngettext("%(n)d candidate", "%(n)d candidates", len(report.candidates))
        % {"n": len(report.candidates)}
        + ".",
    )
    return redirect("sources")


@require_POST
def article_add(request):
    form = ArticleForm(request.POST)
    if form.is_valid():
        try:
            found = add_article(owner=request.user, url=form.cleaned_data["url"])
        except DataError as error:
            _form_error(request, form, error)
        else:
            if found:
                messages.success(
                    request,
                    ngettext("%(n)d candidate found.", "%(n)d candidates found.", len(found))
                    % {"n": len(found)},
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
