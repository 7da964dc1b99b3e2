"""Article URLs wherever a command takes a file: `--refresh`, and opening one.

A URL opens from the store when it was fetched before (offline or not), else it is fetched
and stored; `--refresh` fetches it anew. Anything that is not an http:// or https:// URL is
a file name, so `./http:odd-name` stays a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.loader import Article, load_article
from reader.web import is_url


def add_refresh(parser: argparse.ArgumentParser) -> None:
    """`--refresh`: fetch URLs anew instead of reading the stored copy."""
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch URLs anew (by default a URL fetched before is read from the store)",
    )


def load_source(
    source: str | Path, *, encoding: str | None, max_size: int, refresh: bool = False
) -> Article:
    """A file, standard input ("-") or an article URL, as an Article."""
    if isinstance(source, str) and is_url(source):
        from reader.store import Store
        from reader.web.pages import open_url

        with Store() as store:
            article = open_url(store, source, refresh=refresh, encoding=encoding, max_size=max_size)
        assert isinstance(article, Article)  # feeds=False: a feed is a LoadError
        return article
    return load_article(source, encoding=encoding, max_size=max_size)
