"""Turn the layout engine's visual lines into Textual strips, one segment per cell.

Rich's own cropping measures text with `cell_len` and may cut a haraka off its letter, so
every strip here is built from the engine's cells, one segment per cluster, with the exact
width the engine measured. A crop by the compositor then always falls between clusters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.text.layout import Cell, VisualLine

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


def _logical_text(cell: Cell, source: str, offset: int, harakat: bool) -> tuple[str, int]:
    """The cell's source characters (unshaped, unmirrored) when every one is safe to paint.

    In terminal-bidi mode the terminal shapes and reorders, so it must receive the
    logical characters; anything that could act on the terminal keeps the engine's
    neutralised placeholder instead.
    """
    raw = source[cell.start - offset : cell.end - offset]
    if not raw or any(unicodedata.category(ch) in _UNSAFE_CATEGORIES for ch in raw):
        return cell.text, cell.width
    if not harakat:
        raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Mn") or cell.text
    return raw, max(cell_len(raw), 1)


def line_cells(
    line: VisualLine,
    *,
    logical: bool = False,
    source: str = "",
    offset: int = 0,
    harakat: bool = False,
) -> Iterator[tuple[str, int, Style | None]]:
    """(text, width, style) for each cell, in visual order, or logical order if asked."""
    if not logical:
        for cell in line.cells:
            yield cell.text, cell.width, cell.style
        return
    for cell in sorted(line.cells, key=lambda c: c.start):
        text, width = _logical_text(cell, source, offset, harakat)
        yield text, width, cell.style


def line_strip(
    line: VisualLine,
    width: int,
    *,
    base: Style,
    left: int = 0,
    column: int | None = None,
    align: str = "auto",
    logical: bool = False,
    source: str = "",
    offset: int = 0,
    harakat: bool = False,
) -> Strip:
    """A strip of exactly `width` cells painting `line` inside a column.

    The column starts `left` cells in and is `column` cells wide (the rest of the width by
    default); RTL lines sit at its right edge, LTR lines at its left, unless `align` says
    "left", "right" or "center". A line wider than the column is cut between clusters.
    """
    column = max(0, width - left) if column is None else max(0, min(column, width - left))
    cells: list[tuple[str, int, Style | None]] = []
    used = 0
    for text, cell_width, style in line_cells(
        line, logical=logical, source=source, offset=offset, harakat=harakat
    ):
        if used + cell_width > column:
            break
        cells.append((text, cell_width, style))
        used += cell_width
    if align == "auto":
        align = "left" if logical or not line.rtl else "right"
    slack = column - used
    lead = {"left": 0, "right": slack, "center": slack // 2}.get(align, 0)
    segments: list[Segment] = []
    if left + lead:
        segments.append(Segment(" " * (left + lead), base))
    for text, _cell_width, style in cells:
        segments.append(Segment(text, base + style if style else base))
    tail = width - left - lead - used
    if tail > 0:
        segments.append(Segment(" " * tail, base))
    return Strip(segments, width)
