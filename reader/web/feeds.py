"""Feeds: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed read here (it is JSON).

A parsed item keeps its HTML as the feed gave it; it becomes an article (the loader's HTML
path, the same as a fetched page) only when it is new, so a refresh of an unchanged feed
costs a parse and no extraction. An item whose feed carries its full content (RSS
content:encoded, Atom content, JSON Feed content_html/content_text) is `complete` and reads
offline; one with only a summary has its page fetched when opened.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from reader.loader import Article, LoadError, load_bytes
from reader.web import is_url

JSON_FEED_VERSION = "https://jsonfeed.org/version/"


class FeedError(LoadError):
    """A body that is not a usable feed; `str(err)` is "URL: problem"."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as the feed gave it."""

    guid: str
    url: str
    """The item's page, resolved against the feed's address; a made-up address under the
    feed's own (URL#guid) when the item has no link."""
    title: str
    published: datetime | None
    markup: str
    """Content or summary, HTML (plain text is escaped into HTML)."""
    complete: bool
    """Whether `markup` is the full content rather than a summary."""

    @property
    def digest(self) -> str:
        """What identifies this version of the item: a changed one is stored anew."""
        payload = "\0".join((self.url, self.title, self.markup, str(self.complete)))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def article(self) -> Article:
        """The item as an article, through the loader's HTML path (title + text)."""
        title = html.escape(self.title)
        page = (
            f"<html><head><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{self.markup}</article></body></html>"
        )
        try:
            return load_bytes(page.encode("utf-8"), self.url, encoding="utf-8", html=True)
        except LoadError:  # nothing but a title
            return Article(source=self.url, title=self.title, text=self.title)


@dataclass(frozen=True)
class Feed:
    """What one fetch of a feed said."""

    title: str | None
    site_url: str | None
    items: list[FeedItem]


def parse_feed(data: bytes, url: str, media_type: str = "", base: str | None = None) -> Feed:
    """Parse a fetched feed; `base` (where redirects led) resolves relative links."""
    base = base or url
    if "json" in media_type or data.lstrip()[:1] == b"{":
        return _json_feed(data, url, base)
    return _xml_feed(data, url, base, media_type)


def _xml_feed(data: bytes, url: str, base: str, media_type: str) -> Feed:
    import feedparser  # a large import, paid only when feeds are read

    headers = {"content-location": base}
    if media_type:
        headers["content-type"] = media_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version"):
        if data.lstrip()[:1] == b"<" and b"<html" in data[:2048].lower():
            raise FeedError(url, "not a feed (it is a web page)")
        raise FeedError(url, "not a feed" + (f" ({_reason(error)})" if error else ""))
    if isinstance(error, xml.sax.SAXException) and not parsed.entries:
        raise FeedError(url, f"malformed feed ({_reason(error)})")
    feed = parsed.feed
    items = []
    for entry in parsed.entries:
        link = _link(entry.get("link"), base)
        content = [c for c in entry.get("content", []) if c.get("value")]
        if content:
            markup, complete = _markup(content[0].get("value", ""), content[0].get("type")), True
        else:
            markup = _markup(entry.get("summary", ""), entry.get("summary_detail", {}).get("type"))
            complete = False
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        items.append(
            _item(url, entry.get("id"), link, entry.get("title"), published, markup, complete)
        )
    return Feed(
        title=_clean(feed.get("title")) or None,
        site_url=_link(feed.get("link"), base),
        items=items,
    )


def _json_feed(data: bytes, url: str, base: str) -> Feed:
    """JSON Feed 1.0/1.1 (jsonfeed.org): a plain JSON document, no library needed."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise FeedError(url, f"malformed JSON feed ({_reason(err)})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        JSON_FEED_VERSION
    ):
        raise FeedError(url, "not a feed (JSON without a jsonfeed.org version)")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise FeedError(url, "malformed JSON feed (no list of items)")
    items = []
    for entry in raw_items:
        if not isinstance(entry, dict):
            continue
        link = _link(_text(entry.get("url")) or _text(entry.get("external_url")), base)
        if _text(entry.get("content_html")):
            markup, complete = _text(entry.get("content_html")), True
        elif _text(entry.get("content_text")):
            markup, complete = _markup(_text(entry.get("content_text")), "text/plain"), True
        else:
            markup, complete = _markup(_text(entry.get("summary")), "text/plain"), False
        published = _iso_date(
            _text(entry.get("date_published")) or _text(entry.get("date_modified"))
        )
        guid = _text(entry.get("id")) or None
        items.append(_item(url, guid, link, _text(entry.get("title")), published, markup, complete))
    return Feed(
        title=_clean(_text(document.get("title"))) or None,
        site_url=_link(_text(document.get("home_page_url")), base),
        items=items,
    )


def _item(
    feed_url: str,
    guid: str | None,
    link: str | None,
    title: str | None,
    published: datetime | None,
    markup: str,
    complete: bool,
) -> FeedItem:
    title = _clean(title)
    identity = guid or link or hashlib.sha256(f"{title}\0{markup}".encode()).hexdigest()[:32]
    url = link or f"{feed_url}#{identity}"
    return FeedItem(
        guid=identity,
        url=url,
        title=title or url,
        published=published,
        markup=markup,
        complete=complete,
    )


def _link(value: object, base: str) -> str | None:
    """An http(s) link resolved against `base`; anything else (javascript:, mailto:) is None."""
    if not isinstance(value, str) or not value.strip():
        return None
    resolved = urljoin(base, value.strip())
    return resolved if is_url(resolved) else None


def _markup(value: str, kind: str | None) -> str:
    """HTML for the loader: plain text is escaped, paragraphs kept."""
    if kind and "html" not in kind and "xml" not in kind:
        return "".join(f"<p>{html.escape(part)}</p>" for part in value.split("\n\n"))
    return value


def _iso_date(value: str) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _clean(value: object) -> str:
    """One line: feed titles may carry newlines and runs of spaces."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _reason(err: object) -> str:
    text = str(err) if err is not None else ""
    return " ".join(text.split()) or type(err).__name__
