"""What the full-text index holds, and how a query becomes an FTS5 expression.

The index (FTS5, unicode61 tokens) holds the text folded by `reader.text.search.fold`, the
in-article search's own folding, plus a column of each word's stems behind attached clitics
(بالسلاح: السلاح, سلاح). A query's words are matched as prefixes of those tokens, which
finds every article that the in-article search would find in it, and a few more; each
candidate is then checked with that search itself (`SearchIndex.find`), which counts its
matches and places the snippet. So `reader search` and `/` in an article agree exactly.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from functools import cache

import regex

from reader.text.search import SearchIndex, fold, word_stems

_TOKEN = regex.compile(r"[\p{L}\p{N}\p{Co}]+")  # unicode61's token characters by default
_SNIPPET_BEFORE = 40
_SNIPPET_AFTER = 80
FORMAT = "1"
"""Bump when what is indexed changes without the folding changing."""


def index_values(title: str, text: str) -> tuple[str, str, str]:
    """(title, body, stems) as the index holds them for one document.

    The stems are joined a line at a time (no token spans a line break): all the words of a
    10 MB article at once were two million strings, 150 MB more for the app that stores it
    while it extracts."""
    body = fold(text)
    lines = (
        " ".join(stem for word in _TOKEN.findall(line) for stem in word_stems(word))
        for line in body.splitlines()
    )
    return fold(title), body, " ".join(line for line in lines if line)


@cache
def fingerprint() -> str:
    """Changes whenever the folding or the stems change: the index is rebuilt then, since
    a contentless index can only forget a row given the very values it indexed."""
    probe = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)
    letters = "وفبكلا"
    words = ["".join(p) + "س" for n in range(5) for p in itertools.product(letters, repeat=n)]
    payload = "\0".join([FORMAT, fold(probe), *("|".join(word_stems(w)) for w in words)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def match_expression(queries: Sequence[str]) -> str | None:
    """An FTS5 expression that every document matching one of `queries` satisfies;
    None when no query has a word in it."""
    alternatives = []
    for query in queries:
        words = _TOKEN.findall(fold(query))
        if not words:
            continue
        first = [words[0]]
        if words[0].startswith("ال") and len(words[0]) > 2:
            first.append(words[0][1:])  # للاسلحة is ل + الاسلحة with the alef dropped
        terms = ["(" + " OR ".join(f'"{w}"*' for w in first) + ")"]
        terms += [f'"{w}"*' for w in words[1:]]
        alternatives.append("(" + " AND ".join(terms) + ")")
    return " OR ".join(alternatives) if alternatives else None


def find(text: str, queries: Sequence[str]) -> list[tuple[int, int]]:
    """Every match of any query in `text`, as the in-article search finds them."""
    index = SearchIndex(text)
    return sorted({match for query in queries for match in index.find(query)})


def snippet(text: str, title: str, matches: Sequence[tuple[int, int]]) -> str:
    """One line around the first match after the title (the title's own, failing that)."""
    heading = len(title) if text.startswith(title) else 0
    start, end = next(((s, e) for s, e in matches if s >= heading), matches[0])
    floor = heading if start >= heading else 0
    left = max(floor, start - _SNIPPET_BEFORE)
    right = min(len(text), end + _SNIPPET_AFTER)
    if left > floor and (space := text.find(" ", left, start)) >= 0:
        left = space + 1
    if right < len(text) and (space := text.rfind(" ", end, right)) >= 0:
        right = space
    line = " ".join(text[left:right].split())
    return ("…" if left > floor else "") + line + ("…" if right < len(text) else "")
