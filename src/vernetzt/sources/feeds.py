"""The business press as a source: feeds the user subscribed to, and article links they pasted.

Polling fetches each feed (conditionally), stores the articles it has not seen, and matches only those
against the network, so a second poll of an unchanged feed adds nothing and asks nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from vernetzt.errors import DataError
from vernetzt.people.models import Success
from vernetzt.sources.addresses import PrivateAddress, check_url
from vernetzt.sources.candidates import build_finder, match_items
from vernetzt.sources.fetching import FetchError, fetch
from vernetzt.sources.lookup import find_owned
from vernetzt.sources.models import Candidate, Feed, FeedItem
from vernetzt.sources.press import Article, canonical_url, extract_article, parse_feed
from vernetzt.validation import clean_web_url

MAX_FEEDS = 200


class FeedError(DataError):
    pass


@dataclass
class PollReport:
    feeds: int = 0
    items: int = 0
    candidates: list[Candidate] = field(default_factory=list)
    failed: list[Feed] = field(default_factory=list)


def add_feed(*, owner, url: str, name: str = "") -> Feed:
    url = clean_web_url(url, field="url")
    if not url:
        raise FeedError("url", "give the feed's address")
    name = (name or "").strip()
    if len(name) > 200:
        raise FeedError("name", "at most 200 characters")
    if len(url) > 1000:
        raise FeedError("url", "at most 1000 characters")
    feeds = Feed.objects.for_user(owner)
    if feeds.filter(url=url).exists():
        raise FeedError("url", "this feed is already subscribed")
    if feeds.count() >= MAX_FEEDS:
        raise FeedError("url", f"at most {MAX_FEEDS} feeds")
    try:
        check_url(url)
    except PrivateAddress:
        raise FeedError("url", "private_address") from None
    return Feed.objects.create(owner=owner, url=url, name=name)


def find_feed(*, owner, feed_id) -> Feed:
    return find_owned(Feed.objects, owner=owner, value=feed_id, field="feed", error=FeedError)


@transaction.atomic
def remove_feed(*, owner, feed: Feed, purge: bool = False) -> int:
    """Unsubscribe; its articles and open candidates go with it. ``purge`` also deletes the successes
    confirmed from it. Returns how many successes were deleted."""
    if feed.owner_id != owner.pk:
        raise FeedError("feed", f"no feed with id {feed.pk}")
    removed = 0
    if purge:
        ids = Candidate.objects.for_user(owner).filter(item__feed=feed, success__isnull=False)
        removed, _ = Success.objects.for_user(owner).filter(pk__in=ids.values("success_id")).delete()
    feed.delete()
    return removed


def _store(owner, feed: Feed | None, articles: list[Article]) -> list[FeedItem]:
    keys = [article.key for article in articles]
    known = set(FeedItem.objects.for_user(owner).filter(key__in=keys).values_list("key", flat=True))
    rows = [
        FeedItem(
            owner=owner,
            feed=feed,
            key=article.key,
            url=article.url,
            title=article.title,
            summary=article.text,
            published=article.published,
        )
        for article in dict((a.key, a) for a in articles if a.key not in known).values()
    ]
    FeedItem.objects.bulk_create(rows, ignore_conflicts=True)
    return list(FeedItem.objects.for_user(owner).filter(key__in=[row.key for row in rows]))


def _record(feed: Feed, *, found: int = 0, error: FetchError | None = None) -> None:
    feed.last_run_at = timezone.now()
    feed.last_found = found if error is None else feed.last_found
    feed.last_error = error.code if error else ""
    feed.last_error_detail = error.detail if error else ""
    feed.save(
        update_fields=["last_run_at", "last_found", "last_error", "last_error_detail", "etag", "modified"]
    )


def poll_feeds(*, owner, feeds=None) -> PollReport:
    """Read every subscribed feed (or the given ones); one broken feed does not stop the others."""
    report = PollReport()
    finder = None
    for feed in feeds if feeds is not None else Feed.objects.for_user(owner):
        report.feeds += 1
        try:
            fetched = fetch(feed.url, etag=feed.etag, modified=feed.modified)
            articles = [] if fetched.not_modified else parse_feed(fetched.body, feed_key=f"feed:{feed.pk}")[1]
        except FetchError as error:
            _record(feed, error=error)
            report.failed.append(feed)
            continue
        feed.etag, feed.modified = fetched.etag, fetched.modified
        with transaction.atomic():
            items = _store(owner, feed, articles)
            finder = finder or (build_finder(owner) if items else None)
            candidates = match_items(owner=owner, items=items, finder=finder)
            _record(feed, found=len(candidates))
        report.items += len(items)
        report.candidates.extend(candidates)
    return report


@dataclass
class ArticleRead:
    """What a pasted link gave: its candidates, and whether the article was known already (pasted
    before, or brought by a feed) — then its open candidates are offered again, none twice."""

    candidates: list[Candidate]
    seen_before: bool = False


def _known_item(owner, urls: list[str]) -> FeedItem | None:
    return FeedItem.objects.for_user(owner).filter(url__in=[u for u in urls if u]).order_by("id").first()


def _open_candidates(owner, item: FeedItem) -> list[Candidate]:
    return list(
        Candidate.objects.for_user(owner)
        .filter(item=item, status=Candidate.Status.PENDING)
        .select_related("item", "person")
        .order_by("id")
    )


def add_article(*, owner, url: str) -> ArticleRead:
    """A link the user pasted: fetched once, its text extracted and matched like a feed's article.
    The same article again — the same link, with tracking parameters, or one a feed brought — is not
    fetched or matched a second time."""
    url = clean_web_url(url, field="url")
    if not url:
        raise FeedError("url", "give the article's address")
    known = _known_item(owner, [canonical_url(url)])
    if known is not None:
        return ArticleRead(_open_candidates(owner, known), seen_before=True)
    try:
        fetched = fetch(url)
        article = extract_article(fetched.body, url=fetched.url or url)
    except FetchError as error:
        raise FeedError("url", error.code) from None
    with transaction.atomic():
        known = _known_item(owner, [article.url])  # the link redirected to an article already read
        if known is not None:
            return ArticleRead(_open_candidates(owner, known), seen_before=True)
        items = _store(owner, None, [article])
        if not items:  # stored meanwhile by a concurrent paste
            item = FeedItem.objects.for_user(owner).get(key=article.key)
            return ArticleRead(_open_candidates(owner, item), seen_before=True)
        return ArticleRead(match_items(owner=owner, items=items))
