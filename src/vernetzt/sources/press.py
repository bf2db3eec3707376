"""Articles out of feeds (RSS 2.0, RSS 1.0, Atom; feedparser) and out of article pages (trafilatura).

What comes out is plain text: HTML entities decoded, markup dropped, at most ``TEXT_LIMIT``
characters, and a date only where the source gives one (a missing or nonsensical date stays None).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, date, datetime

import feedparser
import trafilatura
from lxml import html as lxml_html

from vernetzt.sources.fetching import FetchError

TEXT_LIMIT = 4000
TITLE_LIMIT = 500


@dataclass(frozen=True)
class Article:
    key: str  # stable across polls: the entry's id, else its link, else its title
    title: str
    url: str
    text: str
    published: date | None


# Query parameters that say who sent the reader, not which article it is (campaign and click trackers).
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|igshid)$"
)
_WRAPPERS = {("www.google.com", "/url"), ("google.com", "/url")}  # Google Alerts' redirect links


def canonical_url(url: str) -> str:
    """One spelling per article, so a link pasted twice, with a newsletter's tracking parameters, or as
    a feed brought it (Google Alerts wrap each link in google.com/url?url=…) is recognised as the same:
    scheme and host in lower case, no default port, no fragment, no tracking parameters."""
    url = (url or "").strip()
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not host:
        return url
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if (host, parts.path) in _WRAPPERS:
        target = dict(query).get("url") or dict(query).get("q") or ""
        if target.lower().startswith(("http://", "https://")):
            return canonical_url(target)
    netloc = host if ":" not in host else f"[{host}]"
    if port and port != {"http": 80, "https": 443}[scheme]:
        netloc += f":{port}"
    if parts.username:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    kept = [(name, value) for name, value in query if not _TRACKING.match(name.lower())]
    return urllib.parse.urlunsplit(
        (scheme, netloc, parts.path or "/", urllib.parse.urlencode(kept, doseq=True), "")
    )


def item_key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def plain_text(markup: str) -> str:
    """Text of an HTML fragment (feed summaries are HTML, often entity-encoded twice)."""
    markup = (markup or "").strip()
    if not markup:
        return ""
    if "<" in markup:
        try:
            markup = lxml_html.fromstring(markup).text_content()
        except (ValueError, lxml_html.etree.ParserError):
            markup = re.sub(r"<[^>]*>", " ", markup)
    return " ".join(html.unescape(markup).split())


def _entry_date(entry) -> date | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
            except (OverflowError, ValueError, OSError):
                return None
    return None


def parse_feed(body: bytes, *, feed_key: str) -> tuple[str, list[Article]]:
    """The feed's title and its articles; ``FetchError("not_a_feed")`` for anything else."""
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=False)
    version = parsed.get("version", "")
    if not version and not parsed.entries:
        reason = str(parsed.get("bozo_exception", "")) or "no RSS or Atom document"
        raise FetchError("not_a_feed", reason)
    articles = []
    for entry in parsed.entries:
        title = plain_text(entry.get("title", ""))[:TITLE_LIMIT]
        link = (entry.get("link") or "").strip()
        summary = entry.get("summary", "")
        content = " ".join(part.get("value", "") for part in entry.get("content", []) or [])
        text = plain_text(content if len(content) > len(summary) else summary)[:TEXT_LIMIT]
        if not title and not text:
            continue
        identity = (entry.get("id") or link or title).strip()
        articles.append(
            Article(
                key=item_key(feed_key, identity),
                title=title or text[:120],
                url=canonical_url(link) if link.lower().startswith(("http://", "https://")) else "",
                text=text,
                published=_entry_date(entry),
            )
        )
    return plain_text(parsed.feed.get("title", ""))[:200], articles


def extract_article(body: bytes, *, url: str) -> Article:
    """Headline, text and date of an article page; ``FetchError("no_article")`` when there is none."""
    document = trafilatura.bare_extraction(body, url=url, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise FetchError("no_article", url[:200])
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    text = " ".join(document.text.split())
    url = canonical_url(url)
    return Article(
        key=item_key("link", url),
        title=(document.title or text[:120]).strip()[:TITLE_LIMIT],
        url=url,
        text=text[:TEXT_LIMIT],
        published=published,
    )
