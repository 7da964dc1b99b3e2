"""A Textual Visual that paints any string through the layout engine.

Everything Arabic outside the article (pane entries, headings, status, search echo,
library titles) is shown through `ShapedText`: a plain `str` handed to Textual would be
drawn unshaped and in logical order, which reads backwards in a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rich.style import Style as RichStyle
from textual.css.types import AlignHorizontal
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from reader.terminal.modes import ordered_cells
from reader.text.layout import Direction, Span, VisualLine, iter_paragraphs, layout_paragraph
from reader.text.sanitize import neutralise
from reader.text.segments import segments
from reader.ui.cells import current_mode, line_strip


def toast_text(message: str, width: int) -> str:
    """A message for a toast, whose text Textual draws as it is given: neutralised, and any
    Arabic in it (a file name, an error from the loader) laid out by the engine at the
    toast's width and written in the output mode, one visual line per line."""
    text = neutralise(message)
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return text
    mode = current_mode()
    lines = []
    for line in layout_paragraph(text, max(1, width)):
        cells = [(c.text, c.width, None) for c in ordered_cells(line, mode, text, 0)]
        painted = "".join(cell for cell, _width, _style in mode.arrange(cells))
        lines.append(" " * (max(0, width - line.width) if line.rtl else 0) + painted)
    return "\n".join(lines)


class ShapedText(Visual):
    """A string laid out by the engine at whatever width Textual gives it."""

    def __init__(
        self,
        text: str,
        *,
        spans: Sequence[Span] = (),
        style: RichStyle | None = None,
        direction: Direction = "auto",
        align: AlignHorizontal | None = None,
        harakat: bool = False,
        truncate: bool = False,
    ) -> None:
        self.text = text
        """The logical string to show."""
        self.spans = tuple(spans)
        """Styles over logical offsets of `text`."""
        self.style = style or RichStyle()
        """Style under every cell."""
        self.direction: Direction = direction
        """Paragraph direction passed to the engine."""
        self.align = align
        """Force an alignment; by default RTL lines go right and LTR lines left."""
        self.harakat = harakat
        """Keep harakat on their letters."""
        self.truncate = truncate
        """Text that needs more rows than it gets ends with an ellipsis: at the end of the
        reading (the left of Arabic, the right of Latin), after the last word that fits."""
        self._lines: dict[int, tuple[bool, list[VisualLine]]] = {}

    def __repr__(self) -> str:
        return f"ShapedText({self.text!r})"

    def lines(self, width: int, limit: int | None = None) -> list[VisualLine]:
        """Visual lines of every paragraph at `width` (cells carry offsets into `text`).

        With a `limit`, at least the first `limit` lines, or all if there are fewer: a title
        shown on one row may be a whole 5 MB line, and laying out all of it would take
        seconds.  Paragraphs too long to lay out whole go by segments, as in the article.
        """
        width = max(1, width)
        complete, lines = self._lines.get(width, (False, []))
        if not complete and (limit is None or len(lines) < limit):
            complete, lines = self._layout(width, limit)
            self._lines[width] = complete, lines
        return lines

    def _layout(self, width: int, limit: int | None) -> tuple[bool, list[VisualLine]]:
        """(whether every line is there, the lines) up to `limit` lines."""
        lines: list[VisualLine] = []
        for offset, paragraph in iter_paragraphs(self.text):
            for start, end, direction in segments(paragraph, self.direction):
                if limit is not None and len(lines) >= limit:
                    return False, lines
                # The engine skips spans outside the paragraph; these texts are short.
                lines += layout_paragraph(
                    paragraph[start:end],
                    width,
                    spans=self.spans,
                    harakat=self.harakat,
                    direction=direction,
                    offset=offset + start,
                )
        return True, lines

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        base = style.rich_style + self.style
        mode = current_mode()
        lines, source = self.lines(width, height)[:height], self.text
        if self.truncate and height and len(self.lines(width, height + 1)) > height:
            source = self._cut(width, height)
            lines = ShapedText(source, spans=self.spans, direction=self.direction).lines(width)
        return [
            line_strip(line, width, base=base, mode=mode, align=self.align or "auto", source=source)
            for line in lines[:height]
        ]

    def _cut(self, width: int, height: int) -> str:
        """The text up to the last word that fits `height` rows with an ellipsis after it."""
        fitting = self.lines(max(1, width - 1), height + 1)
        end = fitting[height - 1].end
        head = self.text[:end]
        if end < len(self.text) and not self.text[end].isspace() and " " in head.strip():
            head = head.rstrip()[: head.rstrip().rfind(" ")]  # never a word cut in half
        return head.rstrip() + "…"

    def get_optimal_width(self, rules: object, container_width: int) -> int:
        return max((line.width for line in self.lines(container_width)), default=0)

    def get_height(self, rules: object, width: int) -> int:
        return len(self.lines(width))
