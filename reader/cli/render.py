"""`reader render FILE|-`: the article as visual lines of plain text, the `cat` of Arabic."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli.common import add_debug, add_input_options, add_terminal_mode, terminal_choice, warn
from reader.cli.sources import add_refresh, load_source
from reader.loader import Article
from reader.terminal.modes import MODES, OutputMode, Painted, ordered_cells

if TYPE_CHECKING:
    from reader.text.layout import Span, VisualLine

    LineWriter = Callable[[VisualLine, int, str, int], None]

DESCRIPTION = "Print an article as visual lines of plain text, one per line."
USAGE = "FILE|URL|-"
SUMMARY = "print the article as laid-out plain text"
TYPE_STYLES = {
    "person": "bold magenta",
    "place": "bold green",
    "organization": "bold cyan",
    "number": "bold yellow",
}


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `render`."""
    parser.add_argument("source", metavar="FILE|URL|-")
    parser.add_argument(
        "--width", type=_width, help="line width in cells (default: terminal width, or 80)"
    )
    parser.add_argument("--harakat", action="store_true", help="keep harakat (vowel marks)")
    parser.add_argument("--direction", choices=("auto", "rtl", "ltr"), default="auto")
    parser.add_argument(
        "--color", action="store_true", help="colour entity mentions by type (ANSI codes)"
    )
    add_terminal_mode(parser)
    add_input_options(parser)
    add_refresh(parser)
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
    and not with the size of its longest paragraph. Where only the text is printed (no
    colour, the cells mode) the engine gives lines of text, with no object per cell.
    """
    from reader.text import layout
    from reader.text.segments import segments

    article = load_source(
        options.source,
        encoding=options.encoding,
        max_size=options.max_size,
        refresh=options.refresh,
    )
    if article.warning:  # bytes that were not UTF-8, say
        warn(article.warning)
    terminal = sys.stdout.isatty()
    width = options.width or (shutil.get_terminal_size().columns if terminal else 80)
    mode, enter, leave = _output(options.terminal_mode, terminal)
    mentions = iter(_mention_spans(article) if options.color else ())
    upcoming = next(mentions, None)
    active: list[Span] = []  # the mentions that reach into the current segment
    text_only = not options.color and mode.name == "cells"
    write, flush = _color_writer(width, mode) if options.color else _plain_writer(mode)
    out: list[str] = []  # lines of text, written in batches
    sys.stdout.write(enter)
    try:
        for offset, paragraph in layout.iter_paragraphs(article.text):
            for first, end, direction in segments(paragraph, options.direction):
                start = offset + first
                if active:
                    active = [span for span in active if span.end > start]
                while upcoming is not None and upcoming.start < offset + end:
                    if upcoming.end > start:
                        active.append(upcoming)
                    upcoming = next(mentions, None)
                text = paragraph[first:end]
                if text_only:
                    for rtl, used, painted in layout.layout_text(
                        text, width, harakat=options.harakat, direction=direction
                    ):
                        out.append(" " * (width - used) + painted if rtl else painted)
                    if len(out) >= 4096:
                        _write_lines(out)
                    continue
                for line in layout.layout_paragraph(
                    text,
                    width,
                    spans=active,
                    harakat=options.harakat,
                    direction=direction,
                    offset=start,
                ):
                    write(line, max(0, width - line.width) if line.rtl else 0, text, start)
        _write_lines(out)
        flush()
    finally:
        sys.stdout.write(leave)
        sys.stdout.flush()
    return 0


def _output(override: str | None, terminal: bool) -> tuple[OutputMode, str, str]:
    """The output mode, and what to send before and after the text.

    Into a file or a pipe the text is the engine's visual lines (the cells mode) unless
    `--terminal-mode` says otherwise; into a terminal, the mode that reads right there.
    """
    if not terminal:
        return MODES[override if override and override != "auto" else "cells"], "", ""
    from reader.state import State  # the saved mode: read only for a terminal

    choice = terminal_choice(State.load().settings.terminal_mode, override).for_lasting_output()
    return choice.mode, choice.enter(), choice.leave()


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


def _painted(line: VisualLine, mode: OutputMode, source: str, offset: int) -> list[Painted]:
    """The line's cells as `mode` writes them (`source` starts at article offset `offset`)."""
    cells = ordered_cells(line, mode, source, offset)
    return mode.arrange([(cell.text, cell.width, cell.style) for cell in cells])


def _write_lines(lines: list[str]) -> None:
    """Write lines of text at once and forget them: a million blank lines are a million
    calls otherwise."""
    if lines:
        lines.append("")
        sys.stdout.write("\n".join(lines))
        lines.clear()


def _plain_writer(mode: OutputMode) -> tuple[LineWriter, Callable[[], None]]:
    """Lines in the kitty or logical mode, without colour: the cells' texts as arranged."""
    batch: list[str] = []

    def write(line: VisualLine, padding: int, source: str, offset: int) -> None:
        painted = _painted(line, mode, source, offset)
        batch.append(" " * padding + "".join(text for text, _width, _style in painted))
        if len(batch) >= 4096:
            _write_lines(batch)

    def flush() -> None:
        _write_lines(batch)
        sys.stdout.flush()

    return write, flush


def _color_writer(width: int, mode: OutputMode) -> tuple[LineWriter, Callable[[], None]]:
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

    def write(line: VisualLine, padding: int, paragraph: str, offset: int) -> None:
        text = Text(" " * padding, end="")
        for painted, _width, style in _painted(line, mode, paragraph, offset):
            text.append(painted, style=style)
        console.print(text)

    return write, sys.stdout.flush
