"""Turn the layout engine's visual lines into Textual strips, through the output mode.

Rich's own cropping measures text with `cell_len` and may cut a haraka off its letter, so
every strip here is built from the engine's cells, one segment per cluster, with the exact
width the engine measured. A crop by the compositor then always falls between clusters.
The terminal's output mode (`reader.terminal.modes`) decides the order and form in which
the styled cells are written.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual._context import active_app
from textual.strip import Strip

from reader.terminal.modes import MODES, OutputMode, Painted, ordered_cells
from reader.text.layout import VisualLine


def current_mode() -> OutputMode:
    """The running app's output mode (`cells` outside an app, e.g. in unit tests)."""
    try:
        mode = getattr(active_app.get(), "output_mode", None)
    except LookupError:
        mode = None
    return mode if isinstance(mode, OutputMode) else MODES["cells"]


def line_strip(
    line: VisualLine,
    width: int,
    *,
    base: Style,
    mode: OutputMode,
    left: int = 0,
    column: int | None = None,
    align: str = "auto",
    source: str = "",
    offset: int = 0,
) -> Strip:
    """A strip of exactly `width` cells painting `line` inside a column.

    The column starts `left` cells in and is `column` cells wide (the rest of the width by
    default); RTL lines sit at its right edge, LTR lines at its left, unless `align` says
    "left", "right" or "center". A line wider than the column is cut between clusters.
    `source` and `offset` are the paragraph's logical text and its start (logical mode).
    """
    column = max(0, width - left) if column is None else max(0, min(column, width - left))
    cells: list[Painted] = []
    used = 0
    for cell in ordered_cells(line, mode, source, offset):
        if used + cell.width > column:
            break
        cells.append((cell.text, cell.width, base + cell.style if cell.style else base))
        used += cell.width
    if align == "auto":
        align = "right" if line.rtl else "left"
    slack = column - used
    lead = {"left": 0, "right": slack, "center": slack // 2}.get(align, 0)
    segments: list[Segment] = []
    if left + lead:
        segments.append(Segment(" " * (left + lead), base))
    segments.extend(Segment(text, style) for text, _width, style in mode.arrange(cells))
    tail = width - left - lead - used
    if tail > 0:
        segments.append(Segment(" " * tail, base))
    return Strip(segments, width)
