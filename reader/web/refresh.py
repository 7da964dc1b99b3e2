"""Refreshing feeds: fetched concurrently (8 at a time), stored one by one as they arrive.

Each feed is asked conditionally (its ETag and Last-Modified from the last refresh), so a
feed that has not changed costs a 304 and nothing else. Fetching and parsing run in worker
threads; the store is written only from the calling thread, which owns its connection. A
feed that fails keeps everything stored and gets its error recorded; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from reader.loader import DEFAULT_MAX_SIZE
from reader.store import FeedRow, Store
from reader.web.feeds import Feed, FeedError, parse_feed
from reader.web.fetch import FEED_TYPES, Fetcher, FetchError, Response

CONCURRENCY = 8


@dataclass(frozen=True)
class Refreshed:
    """How one feed's refresh went, as `reader feed refresh --json` prints it."""

    url: str
    title: str
    new: int
    error: str | None
    """The problem, one line, when the refresh failed."""


Progress = Callable[[Refreshed, int, int], None]
"""Called after each feed with its result, how many are done, and how many in all."""


def refresh_feeds(
    store: Store,
    feeds: Sequence[FeedRow] | None = None,
    *,
    progress: Progress | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    fetcher: Fetcher | None = None,
) -> list[Refreshed]:
    """Refresh `feeds` (every subscription by default); results in the order given."""
    chosen = list(store.feeds() if feeds is None else feeds)
    if not chosen:
        return []
    results: dict[str, Refreshed] = {}
    own = fetcher is None
    client = fetcher or Fetcher(max_size=max_size)
    try:
        with ThreadPoolExecutor(max_workers=min(CONCURRENCY, len(chosen))) as pool:
            futures = {pool.submit(_fetch, client, feed): feed for feed in chosen}
            for future in as_completed(futures):
                feed = futures[future]
                results[feed.url] = _store(store, feed, future.result())
                if progress is not None:
                    progress(results[feed.url], len(results), len(chosen))
    finally:
        if own:
            client.close()
    return [results[feed.url] for feed in chosen]


Outcome = tuple[Response, Feed | None] | FetchError | FeedError


def _fetch(fetcher: Fetcher, feed: FeedRow) -> Outcome:
    """In a worker thread: fetch and parse, or the one-line reason why not."""
    try:
        response = fetcher.get(
            feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
        )
        if response.status == 304:
            return response, None
        parsed = parse_feed(response.content, feed.url, response.media_type, response.final_url)
    except (FetchError, FeedError) as err:
        return err
    return response, parsed


def _store(store: Store, feed: FeedRow, outcome: Outcome) -> Refreshed:
    if isinstance(outcome, (FetchError, FeedError)):
        store.record_failure(feed.url, outcome.problem)
        return Refreshed(feed.url, feed.title, 0, outcome.problem)
    response, parsed = outcome
    if parsed is None:
        store.record_not_modified(feed.url)
        new = 0
    else:
        new = store.record_refresh(feed.url, parsed, response.etag, response.last_modified)
    after = store.feed(feed.url)
    return Refreshed(feed.url, after.title if after else feed.title, new, None)
