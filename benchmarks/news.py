"""Real news text for the benchmarks: SaudiNewsNet articles concatenated, never repeated.

A block repeated to a size flatters every cache (the "1 MB" that once stood for real text had
1,049 distinct words; real news of that size has about 27,000), so the benchmarks read
``../shared/data/news/`` (see its README: for benchmarks only, never copied into the repo) and
take whole articles in the file's order, each as ``title + "\\n\\n" + content``, separated by
an empty line, until the size is reached; the last article is cut at a paragraph end. Sizes
beyond the corpus (21.6 MB) are refused rather than padded by repetition.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_2015-07-22_25.jsonl.gz"
"""The corpus, beside the checkout as ``../shared/`` (read-only)."""
_WORD = re.compile(r"\w+")


def news_text(size: int) -> str:
    """About ``size`` bytes of UTF-8 (never more) of whole news articles, in corpus order."""
    if not NEWS.exists():
        raise SystemExit(f"{NEWS} not found: the benchmarks read real news from ../shared/")
    pieces: list[str] = []
    total = 0
    with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            article = "\n\n".join(
                part.strip() for part in (record["title"], record["content"]) if part.strip()
            )
            if not article:
                continue
            piece = article + "\n\n"
            grown = total + len(piece.encode("utf-8"))
            if grown > size:
                pieces.append(_cut(piece, size - total))
                break
            pieces.append(piece)
            total = grown
        else:
            raise SystemExit(f"the news corpus holds {total:,} bytes, fewer than {size:,}")
    return "".join(pieces).rstrip("\n") + "\n"


def _cut(article: str, room: int) -> str:
    """The paragraphs of ``article`` that fit in ``room`` bytes (at least nothing)."""
    kept: list[str] = []
    used = 0
    for paragraph in article.split("\n"):
        cost = len(paragraph.encode("utf-8")) + 1
        if used + cost > room:
            break
        kept.append(paragraph)
        used += cost
    return "\n".join(kept)


def distinct_words(text: str) -> int:
    """How many different words (runs of letters and digits) the text holds."""
    return len(set(_WORD.findall(text)))


def describe(text: str) -> str:
    """Size and distinct words, for a benchmark's report."""
    size = len(text.encode("utf-8"))
    shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} KB"
    return f"{shown} of news, {distinct_words(text):,} distinct words"


def write_news(path: Path, size: int) -> str:
    """Write ``news_text(size)`` to ``path``; returns the text."""
    text = news_text(size)
    path.write_text(text, encoding="utf-8")
    return text
