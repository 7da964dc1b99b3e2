"""`reader render FILE|-`: the article as visual lines of plain text, the `cat` of Arabic."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli.common import add_debug, add_encoding
from reader.loader import Article, load_article

if TYPE_CHECKING:
    from reader.text.layout import Span, VisualLine

    LineWriter = Callable[[VisualLine, int], None]

DESCRIPTION = "Print an article as visual lines of plain text, one per line."
USAGE = "FILE|-"
SUMMARY = "print the article as laid-out plain text"
TYPE_STYLES = {
    "person": "bold magenta",
    "place": "bold green",
    "organization": "bold cyan",
    "number": "bold yellow",
}


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `render`."""
    parser.add_argument("source", metavar="FILE|-")
    parser.add_argument(
        "--width", type=_width, help="line width in cells (default: terminal width, or 80)"
    )
    parser.add_argument("--harakat", action="store_true", help="keep harakat (vowel marks)")
    parser.add_argument("--direction", choices=("auto", "rtl", "ltr"), default="auto")
    parser.add_argument(
        "--color", action="store_true", help="colour entity mentions by type (ANSI codes)"
    )
    add_encoding(parser)
    add_debug(parser)


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 2 <= width <= 10_000:
        raise argparse.ArgumentTypeError(f"must be between 2 and 10000, not {width}")
    return width


def run(options: argparse.Namespace) -> int:
    """Print the visual lines; RTL lines padded on the left so they end at the width.

    Streamed: one paragraph, or one segment of a huge paragraph (`reader.text.segments`),
    is laid out at a time and its lines written out, so time and memory grow with the input
    and not with the size of its longest paragraph.
    """
    from reader.text.layout import iter_paragraphs, layout_paragraph
    from reader.text.segments import segments

    article = load_article(options.source, encoding=options.encoding)
    width = options.width or (shutil.get_terminal_size().columns if sys.stdout.isatty() else 80)
    mentions = iter(_mention_spans(article) if options.color else ())
    upcoming = next(mentions, None)
    active: list[Span] = []  # the mentions that reach into the current segment
    write, flush = _color_writer(width) if options.color else _plain_writer()
    for offset, paragraph in iter_paragraphs(article.text):
        for first, end, direction in segments(paragraph, options.direction):
            start = offset + first
            if active:
                active = [span for span in active if span.end > start]
            while upcoming is not None and upcoming.start < offset + end:
                if upcoming.end > start:
                    active.append(upcoming)
                upcoming = next(mentions, None)
            for line in layout_paragraph(
                paragraph[first:end],
                width,
                spans=active,
                harakat=options.harakat,
                direction=direction,
                offset=start,
            ):
                write(line, max(0, width - line.width) if line.rtl else 0)
    flush()
    return 0


def _mention_spans(article: Article) -> list[Span]:
    """Entity mentions coloured by type, in reading order (overlapping styles combine in
    that order)."""
    from rich.style import Style

    from reader.entities import extract_entities
    from reader.text.layout import Span

    spans = [
        Span(mention.start, mention.end, Style.parse(TYPE_STYLES[entity.type]))
        for entity in extract_entities(article.text)
        for mention in entity.mentions
    ]
    spans.sort(key=lambda span: span.start)
    return spans


def _plain_writer() -> tuple[LineWriter, Callable[[], None]]:
    """Write lines in batches: a million blank lines are a million calls otherwise."""
    out = sys.stdout
    batch: list[str] = []

    def write(line: VisualLine, padding: int) -> None:
        batch.append(" " * padding + line.text + "\n")
        if len(batch) >= 4096:
            flush()

    def flush() -> None:
        out.write("".join(batch))
        batch.clear()
        out.flush()

    return write, flush


def _color_writer(width: int) -> tuple[LineWriter, Callable[[], None]]:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=sys.stdout,
        force_terminal=True,
        width=max(width, 2),
        soft_wrap=True,
        highlight=False,
        markup=False,
        emoji=False,
    )

    def write(line: VisualLine, padding: int) -> None:
        text = Text(" " * padding, end="")
        for cell in line.cells:
            text.append(cell.text, style=cell.style)
        console.print(text)

    return write, sys.stdout.flush
