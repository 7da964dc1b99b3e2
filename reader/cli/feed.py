"""`reader feed ACTION`: subscriptions, refreshes and items, for scripts and for newsboat users.

Only `refresh` touches the network. `refresh` exits 0 when every feed refreshed, 1 when
some failed (each named on standard error), 2 on a usage error, like every other command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from reader.cli.common import (
    CommandError,
    Parser,
    add_debug,
    add_max_size,
    complain,
    integer,
    write_json,
)
from reader.loader import read_regular_file
from reader.text.sanitize import neutralise
from reader.web import is_url

if TYPE_CHECKING:
    from reader.cli.lines import Lines
    from reader.store import FeedRow, Store

DESCRIPTION = (
    "Subscribe to news feeds (RSS, Atom, JSON Feed), refresh them and list their items. "
    "Only 'refresh' fetches anything; the app's Feeds screen (key f) reads the same store."
)
USAGE = "ACTION"
SUMMARY = "feeds: add, remove, import, export, refresh, list, items, prune"
EXIT_SOME_FAILED = 1
FEED_FIELDS = ("url", "title", "items", "unread", "refreshed")
"""`reader feed list --json`: one object per feed with these fields."""
ITEM_FIELDS = ("feed", "url", "title", "published", "read")
"""`reader feed items --json`: one object per item with these fields."""
DEFAULT_PRUNE_DAYS = 30


def configure(parser: argparse.ArgumentParser) -> None:
    """The actions of `feed` and their options."""
    add_debug(parser)
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )

    def action(name: str, summary: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=summary, description=summary[0].upper() + summary[1:])
        add_debug(sub)
        return sub

    add = action("add", "subscribe to a feed; its items arrive with the next refresh")
    add.add_argument("url", metavar="URL")
    add.add_argument("--title", metavar="T", help="show the feed as T instead of its own title")
    action("remove", "unsubscribe: the feed's items go, fetched pages stay").add_argument(
        "url", metavar="URL"
    )
    importing = action("import", "subscribe to every feed of an OPML file (nothing is fetched)")
    importing.add_argument("file", metavar="FILE.opml")
    add_max_size(importing)
    action("export", "print the subscriptions as OPML (for newsboat and other readers)")
    refresh = action("refresh", "fetch every feed, or one, 8 at a time")
    refresh.add_argument("url", nargs="?", metavar="URL")
    refresh.add_argument("--json", action="store_true", help="print the results as JSON")
    add_max_size(refresh)
    listing = action("list", "the subscriptions with their item and unread counts")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    items = action("items", "the items of every feed, or of one, newest first")
    items.add_argument("url", nargs="?", metavar="URL")
    items.add_argument("--unread", action="store_true", help="only items not yet read")
    items.add_argument("--json", action="store_true", help="print the items as JSON")
    prune = action("prune", "forget old unstarred items that their feeds no longer list")
    prune.add_argument(
        "--older-than",
        type=integer(0),
        default=DEFAULT_PRUNE_DAYS,
        metavar="DAYS",
        help=f"items older than this many days (default {DEFAULT_PRUNE_DAYS})",
    )


def run(options: argparse.Namespace) -> int:
    """Run one action against the store."""
    from reader.store import Store

    with Store() as store:
        return ACTIONS[options.action](store, options)


def _add(store: Store, options: argparse.Namespace) -> int:
    url = _address(options.url)
    if store.add_feed(url, options.title):
        print(f"subscribed: {neutralise(url)} (its items arrive with 'reader feed refresh')")
    else:
        print(f"already subscribed: {neutralise(url)}")
    return 0


def _remove(store: Store, options: argparse.Namespace) -> int:
    if not store.remove_feed(options.url):
        raise CommandError(f"{options.url}: not subscribed (see 'reader feed list')")
    print(f"unsubscribed: {neutralise(options.url)}")
    return 0


def _import(store: Store, options: argparse.Namespace) -> int:
    from reader.web.opml import OpmlError, read_opml

    path = options.file
    data = read_regular_file(path, max_size=options.max_size)  # one-line LoadError
    try:
        outlines, skipped = read_opml(data)
    except OpmlError as err:
        raise CommandError(f"{path}: {err}") from None
    for address in skipped:
        complain(f"{path}: skipped {address} (only http and https feeds are read)")
    added = sum(store.import_feed(o.url, o.title, o.site_url) for o in outlines)
    print(f"imported {added} feeds ({len(outlines) - added} already subscribed)")
    return 0


def _export(store: Store, options: argparse.Namespace) -> int:
    from reader.web.opml import Outline, write_opml

    outlines = [Outline(feed.url, feed.title, feed.site_url) for feed in store.feeds()]
    sys.stdout.write(write_opml(outlines))
    return 0


def _refresh(store: Store, options: argparse.Namespace) -> int:
    from reader.web.refresh import refresh_feeds

    feeds: list[FeedRow] | None = None
    if options.url is not None:
        feed = store.feed(options.url)
        if feed is None:
            raise CommandError(f"{options.url}: not subscribed (add it with 'reader feed add')")
        feeds = [feed]
    results = refresh_feeds(store, feeds, max_size=options.max_size)
    failed = [result for result in results if result.error is not None]
    if options.json:
        write_json([vars(result) for result in results], indent=2)
        print()
    elif not results:
        print("no feeds: subscribe with 'reader feed add URL' or 'reader feed import FILE'")
    else:
        with _lines() as out:
            for result in results:
                if result.error is None:
                    out.write(result.title)
                    out.write(f"{result.new} new · {result.url}", direction="ltr", indent=2)
    for result in failed:
        complain(f"{result.url}: {result.error}")
    return EXIT_SOME_FAILED if failed else 0


def _list(store: Store, options: argparse.Namespace) -> int:
    feeds = store.feeds()
    if options.json:
        write_json([_fields(feed, FEED_FIELDS) for feed in feeds], indent=2)
        print()
        return 0
    with _lines() as out:
        for feed in feeds:
            out.write(feed.title)
            state = f"refreshed {feed.refreshed}" if feed.refreshed else "never refreshed"
            if feed.error:
                state += f" · last refresh failed: {feed.error}"
            details = f"{feed.unread} unread of {feed.items} · {state} · {feed.url}"
            out.write(details, direction="ltr", indent=2)
    return 0


def _items(store: Store, options: argparse.Namespace) -> int:
    if options.url is not None and store.feed(options.url) is None:
        raise CommandError(f"{options.url}: not subscribed (see 'reader feed list')")
    items = store.items(options.url, unread=options.unread)
    if options.json:
        write_json([_fields(item, ITEM_FIELDS) for item in items], indent=2)
        print()
        return 0
    with _lines() as out:
        for item in items:
            out.write(("  " if item.read else "• ") + item.title)
            when = item.published or "no date"
            out.write(f"{when} · {item.feed_title} · {item.url}", direction="ltr", indent=2)
    return 0


def _prune(store: Store, options: argparse.Namespace) -> int:
    items, documents = store.prune(timedelta(days=options.older_than))
    print(f"removed {items} items and {documents} stored articles")
    return 0


def _fields(row: object, names: tuple[str, ...]) -> dict[str, object]:
    """The JSON object of a row: exactly the contract's fields, in its order."""
    return {name: getattr(row, name) for name in names}


def _lines() -> Lines:
    from reader.cli.lines import Lines

    return Lines()


def _address(url: str) -> str:
    if not is_url(url):
        raise CommandError(f"{url}: not a feed address (http:// or https://)")
    return url


ACTIONS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "add": _add,
    "remove": _remove,
    "import": _import,
    "export": _export,
    "refresh": _refresh,
    "list": _list,
    "items": _items,
    "prune": _prune,
}
