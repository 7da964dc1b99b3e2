"""`reader [FILE|DIR|-]...`: the interactive app."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.cli.common import (
    EXIT_SOME_FAILED,
    CommandError,
    Parser,
    add_debug,
    add_input_options,
    add_terminal_mode,
    complain,
    terminal_choice,
    warn,
)
from reader.cli.sources import add_refresh, load_source
from reader.loader import Article, find_articles
from reader.web import is_url


def parser(subcommands: Sequence[tuple[str, str]]) -> argparse.ArgumentParser:
    """The app's own options; the epilog lists the subcommands (usage, one-line summary)."""
    listing = "\n".join(f"  reader {name:<22} {summary}" for name, summary in subcommands)
    result = Parser(
        prog="reader",
        description="Read Arabic news articles in the terminal: right-to-left layout, shaped "
        "letters, and a side pane of the people, places, organizations and numbers.",
        epilog=f"subcommands (must come first):\n{listing}\n"
        "Run 'reader SUBCOMMAND --help' for their options. "
        "With no FILE the bundled sample article opens. "
        "A file named like a subcommand opens as ./NAME (reader ./feed).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument(
        "sources",
        nargs="*",
        metavar="FILE|DIR|URL|-",
        help="articles to open: files, directories of .txt/.html/.htm/.md, - for stdin, or "
        "http(s) URLs of articles or of a feed (fetched once, then read from the store)",
    )
    result.add_argument(
        "--feeds", action="store_true", help="open the Feeds screen (also key f in the app)"
    )
    add_input_options(result)
    add_refresh(result)
    add_terminal_mode(result)
    result.add_argument(
        "--terminal-bidi",
        choices=("on", "off"),
        help="deprecated: 'on' is --terminal-mode logical, 'off' is --terminal-mode cells",
    )
    add_debug(result)
    result.add_argument("--version", action="version", version=f"reader {__version__}")
    return result


def run(options: argparse.Namespace) -> int:
    """Resolve the sources (reading stdin now, while it is still ours), then run the app."""
    from reader.ui.heap import configure_malloc

    configure_malloc()  # before any thread: see reader.ui.heap
    feed, sources = _sources(
        options.sources, options.encoding, options.max_size, options.refresh, options.feeds
    )
    if not sys.stdout.isatty():
        raise CommandError(
            "standard output is not a terminal; use 'reader render FILE' to print an article"
        )
    if not sys.stdin.isatty():
        _reattach_terminal()
    override = options.terminal_mode
    if options.terminal_bidi is not None:
        override = "logical" if options.terminal_bidi == "on" else "cells"
        warn(
            f"--terminal-bidi is deprecated: use --terminal-mode {override} "
            "(for this run only; 'reader doctor' saves a mode)"
        )

    from reader.state import State
    from reader.terminal.colours import widen_colours

    widen_colours(os.environ)  # before Textual reads it on import
    from reader.ui import signals
    from reader.ui.app import ReaderApp

    terminal = terminal_choice(State.load().settings.terminal_mode, override)
    app = ReaderApp(
        sources,
        encoding=options.encoding,
        max_size=options.max_size,
        terminal=terminal,
        feeds=options.feeds,
        feed=feed,
    )
    app.run()
    if app.save_failure:  # the screen is restored by now
        complain(app.save_failure)
        return EXIT_SOME_FAILED
    if app.quit_signal is not None:
        if app.quit_signal != getattr(signal, "SIGHUP", None) or not os.isatty(2):
            with contextlib.suppress(OSError):  # no terminal left after a hangup
                complain(f"quit on {signals.name(app.quit_signal)}; reading position saved")
        return 128 + app.quit_signal
    return app.return_code or 0


def _sources(
    arguments: Sequence[str], encoding: str | None, max_size: int, refresh: bool, feeds: bool
) -> tuple[str | None, list[Path | Article]]:
    """The feed to show, if a URL was one, and paths or articles for the app; one file, stdin
    and URLs are opened here so that a bad one fails before the UI."""
    if not arguments and not feeds:
        from reader.resources import sample_article

        arguments = [str(sample_article())]
    if arguments.count("-") > 1:
        raise CommandError("standard input (-) can be given only once")
    sources: list[Path | Article] = []
    feed: str | None = None
    for argument in arguments:
        if argument == "-":
            sources.append(load_source("-", encoding=encoding, max_size=max_size))
        elif is_url(argument):
            opened = _open_url(argument, encoding, max_size, refresh, alone=len(arguments) == 1)
            if isinstance(opened, Article):
                sources.append(opened)
            else:
                feed = opened
        else:
            sources.extend(find_articles([argument]))
    if len(sources) == 1 and isinstance(sources[0], Path):
        sources[0] = load_source(sources[0], encoding=encoding, max_size=max_size)
    return feed, sources


def _open_url(
    url: str, encoding: str | None, max_size: int, refresh: bool, *, alone: bool
) -> Article | str:
    """An article URL's article, or a feed URL's address (subscribed, items stored)."""
    from reader.store import Store
    from reader.web.pages import open_url

    with Store() as store:
        opened = open_url(
            store, url, refresh=refresh, encoding=encoding, feeds=alone, max_size=max_size
        )
    return opened if isinstance(opened, Article) else opened.url


def _reattach_terminal() -> None:
    """After reading a pipe on stdin, take keys from the controlling terminal instead.

    Textual's driver reads keys from file descriptor 0, so the terminal goes there.
    """
    try:
        terminal = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError as err:
        raise CommandError(
            "standard input is not a terminal and no terminal is available for keys "
            f"({err.strerror}); use 'reader render -' to print the article instead"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)
