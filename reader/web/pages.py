"""Opening a URL: the stored copy when there is one, else the page fetched, read and stored.

A URL is an article or a feed; which one is told by the response (its content type, then
its body). A fetched article goes through the loader like a file (the HTTP charset handed
on for its decoding rule) and is stored, so opening it again serves the same text, offsets
and entities with or without a network; `refresh` fetches it anew.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.loader import DEFAULT_MAX_SIZE, Article, LoadError, load_bytes
from reader.store import ItemRow, Store
from reader.web.feeds import FeedError, parse_feed
from reader.web.fetch import FEED_TYPES, Fetcher, Response

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FeedAddress:
    """A URL that turned out to be a feed: subscribed, its items stored."""

    url: str
    new: int
    """Items the fetch brought (0 when it was already subscribed and not refreshed)."""


def open_url(
    store: Store,
    url: str,
    *,
    refresh: bool = False,
    encoding: str | None = None,
    feeds: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Article | FeedAddress:
    """The article at `url`, or with `feeds` the feed there (subscribed and refreshed).

    Without `refresh` a stored article or a subscribed feed is served from the store and
    nothing is fetched; a feed item stored only as its summary is fetched. Without `feeds`
    a feed is an error: the caller wanted an article.
    """
    if not refresh:
        document = store.document(url)
        if document is not None and document.complete:
            return Article(source=url, title=document.title, text=document.text)
        if store.feed(url) is not None:
            if not feeds:
                raise _not_an_article(url)
            return FeedAddress(url, 0)
    with Fetcher(max_size=max_size) as fetcher:
        response = fetcher.get(url, accept=FEED_TYPES)
    if not _is_page(response):
        try:
            feed = parse_feed(response.content, url, response.media_type, response.final_url)
        except FeedError:
            if "json" in response.media_type or not _looks_like_html(response.content):
                raise
        else:
            if not feeds:
                raise _not_an_article(url)
            store.add_feed(url)
            return FeedAddress(url, store.record_refresh(url, feed, response.etag, None))
    article = read_page(response, encoding)
    store.save_document(url, "page", article.title, article.text)
    return article


def stored_item(store: Store, item: ItemRow) -> Article | None:
    """What the store holds for an item (perhaps only its summary), without the network."""
    document = store.document(item.url)
    if document is None:
        return None
    return Article(source=item.url, title=document.title, text=document.text)


def read_page(response: Response, encoding: str | None = None) -> Article:
    """A fetched page through the loader, with the HTTP charset for its decoding rule."""
    html = True if response.media_type in _HTML_TYPES else None
    if response.media_type == "text/plain":
        html = False
    return load_bytes(
        response.content,
        response.url,
        encoding=encoding,
        html=html,
        declared_charset=response.charset,
    )


def _is_page(response: Response) -> bool:
    return response.media_type in (*_HTML_TYPES, "text/plain")


def _looks_like_html(data: bytes) -> bool:
    return b"<html" in data[:4096].lower()


def _not_an_article(url: str) -> LoadError:
    return LoadError(
        url,
        "this is a feed, not an article (open it with 'reader URL' or subscribe with "
        "'reader feed add URL')",
    )
