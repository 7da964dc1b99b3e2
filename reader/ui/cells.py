"""Turn the layout engine's visual lines into Textual strips, through the output mode.

Rich's own cropping measures text with `cell_len` and may cut a haraka off its letter, so
every strip here is built from the engine's cells with the exact width the engine measured,
and a crop by the compositor always falls between clusters. The terminal's output mode
(`reader.terminal.modes`) decides the order and form in which the styled cells are written.

Each segment costs a style escape and a reset on the wire, so once the mode has arranged the
row, adjacent cells of the same style are merged into one segment where every character of
the run is one cell wide for Rich as for the engine: such a run holds no combining mark (a
mark is zero cells wide), so any crop Rich makes inside it still falls between clusters. A
cell with a mark, a wide character or anything Rich measures differently stays a segment of
its own. The kitty mode's reversal and padding happen before, per cell, so they are untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual._context import active_app
from textual.strip import Strip

from reader.terminal.modes import MODES, OutputMode, Painted, ordered_cells
from reader.text.layout import VisualLine
from reader.text.sanitize import char_width


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
    row = mode.arrange(cells)
    if left + lead:
        row.insert(0, (" " * (left + lead), left + lead, base))
    tail = width - left - lead - used
    if tail > 0:
        row.append((" " * tail, tail, base))
    return Strip(list(merged_segments(row)), width)


_TEXT = itemgetter(0)
_STYLE = itemgetter(2)
_ONE_CELL: set[str] = set(" ")
"""Characters known to be one cell wide for Rich and for the engine."""
_NOT_ONE_CELL: set[str] = set()


def _one_cell(text: str) -> bool:
    """Every character of `text` is one cell wide for Rich and for the engine."""
    if _ONE_CELL.issuperset(text):
        return True
    for char in set(text).difference(_ONE_CELL):
        if char in _NOT_ONE_CELL:
            return False
        if cell_len(char) == 1 and char_width(char) == 1:
            _ONE_CELL.add(char)
        else:
            _NOT_ONE_CELL.add(char)
            return False
    return True


def merged_segments(row: list[Painted]) -> Iterator[Segment]:
    """Segments for a painted row: runs of one style merged where that is safe (see above)."""
    for style, group in groupby(row, _STYLE):
        run = list(group)
        if len(run) == 1:
            yield Segment(run[0][0], style)
            continue
        text = "".join(map(_TEXT, run))
        if _one_cell(text):
            yield Segment(text, style)
            continue
        pending: list[str] = []  # one-cell texts waiting to be merged
        for cell_text, _width, _style in run:
            if _one_cell(cell_text):
                pending.append(cell_text)
                continue
            if pending:
                yield Segment("".join(pending), style)
                pending.clear()
            yield Segment(cell_text, style)
        if pending:
            yield Segment("".join(pending), style)
