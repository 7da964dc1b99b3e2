"""Every way into the reader opens files here: bytes -> decoded, normalised `Article`.

`files` reads bytes (regular files and standard input only, within a size limit),
`encodings` decodes them by one documented rule, `markup` takes a web page's main text.
Any problem becomes a `LoadError` whose message names the input, so callers print one line
and never a traceback; a problem the input survives (a few bytes that are not UTF-8) is the
article's `warning`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.loader.encodings import Decoded, decode, text_codec
from reader.loader.errors import LoadError
from reader.loader.files import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_SIZE,
    STDIN,
    find_articles,
    human_size,
    read_regular_file,
    read_source,
)
from reader.loader.markup import HTML_SUFFIXES, html_article, looks_like_html

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_SIZE",
    "STDIN",
    "Article",
    "Decoded",
    "LoadError",
    "find_articles",
    "human_size",
    "load_article",
    "load_bytes",
    "read_regular_file",
    "read_text",
    "text_codec",
]

_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True)
class Article:
    """A decoded article; every offset elsewhere in the reader refers to `text`."""

    source: str
    title: str
    text: str
    warning: str | None = None
    """A one-line problem the article survived (bytes that were not UTF-8), to show once."""


def load_article(
    source: str | Path, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> Article:
    """Read and decode a regular file, or standard input when `source` is "-"."""
    data = read_source(source, max_size=max_size)
    html = True if Path(source).suffix.lower() in HTML_SUFFIXES else None
    return load_bytes(data, str(source), encoding=encoding, html=html)


def load_bytes(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    html: bool | None = None,
    declared_charset: str | None = None,
) -> Article:
    """Decode `data` into an Article; HTML keeps its main text.

    `html=None` sniffs the content for an HTML document.  `declared_charset` is the charset
    an HTTP header declares (see `reader.loader.encodings` for how it ranks).
    """
    if html is None:
        html = looks_like_html(data)
    decoded = decode(
        data, _name(source), encoding=encoding, declared_charset=declared_charset, html=html
    )
    text = _normalise(decoded.text)
    if html:
        title, text = html_article(text, _name(source))
        return Article(source=source, title=title, text=text, warning=decoded.warning)
    if not text.strip():
        raise LoadError(_name(source), "empty file")
    return Article(source=source, title=_first_line(text), text=text, warning=decoded.warning)


def read_text(
    source: str | Path, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> Decoded:
    """A plain-text file (a token/tag file, say) read and decoded as articles are, with its
    newlines normalised to \\n."""
    decoded = decode(read_source(source, max_size=max_size), _name(str(source)), encoding=encoding)
    return Decoded(_normalise(decoded.text), decoded.encoding, decoded.warning)


def _name(source: str | Path) -> str:
    """How messages name a source: "-" is standard input."""
    return STDIN if str(source) == "-" else str(source)


def _normalise(text: str) -> str:
    if "\r" in text:  # scanning is cheaper than a substitution that finds nothing
        text = _NEWLINES.sub("\n", text)
    return text


def _first_line(text: str) -> str:
    """The first non-empty line, stripped, found without splitting the whole text."""
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() or end < 0:
            return line.strip()
        start = end + 1
