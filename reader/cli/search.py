"""`reader search QUERY`: every stored article that matches, best first.

The store holds fetched pages, feed items and every local file the app has opened; the
search folds text as `/` does inside an article (harakat, hamza forms, ة/ه, ى/ي, digits,
attached clitics), so the two find the same things. Nothing is fetched.
"""

from __future__ import annotations

import argparse

from reader.cli.common import CommandError, add_debug, integer, write_json

DESCRIPTION = (
    "Search every stored article (fetched pages, feed items, files opened in the app) with "
    "the same Arabic-aware folding as search inside an article."
)
USAGE = "QUERY"
SUMMARY = "search everything read: pages, feed items, opened files"
DEFAULT_LIMIT = 20


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `search`."""
    parser.add_argument("query", metavar="QUERY", help="words to find, in order")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--limit",
        type=integer(1),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N results (default {DEFAULT_LIMIT})",
    )
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Print the results as JSON or as a short laid-out table."""
    from reader.cli.lines import Lines
    from reader.store import Store

    if not options.query.strip():
        raise CommandError("nothing to search for (the query is empty)")
    with Store() as store:
        results = store.search([options.query], limit=options.limit)
    if options.json:
        write_json([vars(result) for result in results], indent=2)
        print()
        return 0
    if not results:
        print("no stored article matches")
        return 0
    with Lines() as out:
        for number, result in enumerate(results):
            if number:
                out.blank()
            out.write(result.title)
            plural = "es" if result.matches != 1 else ""
            out.write(f"{result.matches} match{plural} · {result.source}", direction="ltr")
            out.write(result.snippet, indent=2)
    return 0
