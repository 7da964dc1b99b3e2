"""`reader render FILE|-`: the article as visual lines of plain text, the `cat` of Arabic."""

from __future__ import annotations

import argparse
import shutil
import sys
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli.common import add_debug, add_input_options, warn
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
    add_input_options(parser)
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
    """Print the visual lines; RTL lines padded on the left so they end at the width."""
    from reader.text.layout import layout_paragraph, split_paragraphs

    article = load_article(options.source, encoding=options.encoding, max_size=options.max_size)
    if article.warning:  # bytes that were not UTF-8, say
        warn(article.warning)
    width = options.width or (shutil.get_terminal_size().columns if sys.stdout.isatty() else 80)
    paragraphs = split_paragraphs(article.text)
    spans: dict[int, list[Span]] = {}
    if options.color:
        spans = _mention_spans(article, [offset for offset, _ in paragraphs])
    write = _color_writer(width) if options.color else _plain_writer()
    for index, (offset, paragraph) in enumerate(paragraphs):
        for line in layout_paragraph(
            paragraph,
            width,
            spans=spans.get(index, ()),
            harakat=options.harakat,
            direction=options.direction,
            offset=offset,
        ):
            write(line, max(0, width - line.width) if line.rtl else 0)
    sys.stdout.flush()
    return 0


def _mention_spans(article: Article, starts: list[int]) -> dict[int, list[Span]]:
    """Entity mentions coloured by type, filed under each paragraph they overlap.

    Found by bisection: testing every span against every paragraph would take minutes on
    a 10 MB article with a hundred thousand mentions.
    """
    from rich.style import Style

    from reader.entities import extract_entities
    from reader.text.layout import Span

    spans: dict[int, list[Span]] = {}
    for entity in extract_entities(article.text):
        style = Style.parse(TYPE_STYLES[entity.type])
        for mention in entity.mentions:
            first = bisect_right(starts, mention.start) - 1
            last = bisect_right(starts, max(mention.start, mention.end - 1)) - 1
            for index in range(max(0, first), last + 1):
                spans.setdefault(index, []).append(Span(mention.start, mention.end, style))
    for local in spans.values():  # overlapping styles combine in reading order
        local.sort(key=lambda span: span.start)
    return spans


def _plain_writer() -> LineWriter:
    out = sys.stdout

    def write(line: VisualLine, padding: int) -> None:
        out.write(" " * padding + line.text + "\n")

    return write


def _color_writer(width: int) -> LineWriter:
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

    return write
