"""A one-line text field whose text is laid out by the engine: shaped, right to left.

Textual's `Input` draws what is typed in logical order with unjoined letters, which reads
backwards in a terminal. Here the value is laid out like any other text (and written in
the terminal's output mode), with a block cursor on the character it stands before; the
end of the text is one more cell (a no-break space: a neutral that takes the paragraph's
direction, so it sits at the left of Arabic and at the right of Latin). The arrow keys
move the cursor on screen (← goes left, whatever the direction of the text under it);
Home and End go to the start and the end of the text.
"""

from __future__ import annotations

import unicodedata
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reader.text.layout import Cell, Span, VisualLine, layout_paragraph
from reader.text.sanitize import neutralise
from reader.ui.cells import current_mode, line_strip

_END = "\u00a0"
"""The cell after the last character, where the cursor stands at the end."""
_STRONG = frozenset({"L", "R", "AL"})
"""Bidi classes that set a paragraph's direction."""


class ShapedInput(Widget, can_focus=True):
    """A text field that shows Arabic shaped and right to left, with a visual cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("home,ctrl+a", "home", "Start of the text", show=False),
        Binding("end,ctrl+e", "end", "End of the text", show=False),
        Binding("backspace", "delete_left", "Delete before the cursor", show=False),
        Binding("delete,ctrl+d", "delete_right", "Delete under the cursor", show=False),
        Binding("ctrl+u", "clear", "Clear", show=False),
        Binding("enter", "submit", "Submit", show=False),
    ]

    DEFAULT_CSS = """
    ShapedInput {
        height: 1;
        width: 1fr;
    }
    """

    value: reactive[str] = reactive("", layout=False, always_update=True)
    """The logical text."""
    cursor: reactive[int] = reactive(0)
    """Logical index the cursor stands before (len(value) at the end)."""
    selected: reactive[bool] = reactive(False)
    """The whole text is selected (a recalled query): typing replaces it."""

    class Changed(Message):
        """The value changed."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value
            """The logical text."""

    class Submitted(Message):
        """Enter was pressed."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value
            """The logical text."""

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder = placeholder
        """Shown, dimmed, while the field is empty."""

    # editing ---------------------------------------------------------------------------

    def set_value(self, value: str, *, selected: bool = False) -> None:
        """Replace the text and put the cursor at its end; `selected`: typing replaces it."""
        self.value = value
        self.cursor = len(value)
        self.selected = selected and bool(value)
        self.post_message(self.Changed(value))

    def insert(self, text: str) -> None:
        """Type `text` at the cursor (one line: line breaks become spaces)."""
        text = " ".join(text.splitlines())
        if not text:
            return
        if self.selected:
            self.value, self.cursor, self.selected = "", 0, False
        self.value = self.value[: self.cursor] + text + self.value[self.cursor :]
        self.cursor += len(text)
        self.post_message(self.Changed(self.value))

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.insert(event.character)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.insert(event.text)

    def action_delete_left(self) -> None:
        if self.selected:
            self.set_value("")
        elif self.cursor > 0:
            self.value = self.value[: self.cursor - 1] + self.value[self.cursor :]
            self.cursor -= 1
            self.post_message(self.Changed(self.value))

    def action_delete_right(self) -> None:
        if self.cursor < len(self.value):
            self.value = self.value[: self.cursor] + self.value[self.cursor + 1 :]
            self.post_message(self.Changed(self.value))

    def action_clear(self) -> None:
        self.set_value("")

    def action_home(self) -> None:
        self.cursor, self.selected = 0, False

    def action_end(self) -> None:
        self.cursor, self.selected = len(self.value), False

    def action_cursor_left(self) -> None:
        self._step(-1)

    def action_cursor_right(self) -> None:
        self._step(1)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self.value))

    def _step(self, direction: int) -> None:
        """Move the cursor one cell left (-1) or right (+1) on screen."""
        self.selected = False
        cells = self._line().cells
        here = self._cursor_cell(cells)
        there = here + direction
        if 0 <= there < len(cells):
            self.cursor = cells[there].start

    # layout ----------------------------------------------------------------------------

    def _line(self, spans: tuple[Span, ...] = ()) -> VisualLine:
        """The value and its end cell as one visual line (never wrapped)."""
        text = self.value + _END
        strong = any(unicodedata.bidirectional(ch) in _STRONG for ch in text)
        direction = "auto" if strong else "rtl"  # an empty field waits for Arabic
        return layout_paragraph(text, max(1, 2 * len(text) + 2), spans=spans, direction=direction)[
            0
        ]

    def _cursor_cell(self, cells: tuple[Cell, ...]) -> int:
        for index, cell in enumerate(cells):
            if cell.start <= self.cursor < cell.end:
                return index
        return len(cells) - 1 if cells else 0

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        if not self.value and not self.has_focus:
            return (
                Strip.blank(width, base)
                if not self.placeholder
                else line_strip(
                    layout_paragraph(neutralise(self.placeholder), max(1, width), direction="ltr")[
                        0
                    ],
                    width,
                    base=base + Style(dim=True),
                    mode=current_mode(),
                    align="left",
                )
            )
        if not self.has_focus:
            spans: tuple[Span, ...] = ()
        elif self.selected:
            spans = (Span(0, len(self.value), Style(reverse=True)),)
        else:
            spans = (Span(self.cursor, self.cursor + 1, Style(reverse=True)),)
        line = self._line(spans)
        window = _window(line, width, self._cursor_cell(line.cells))
        return line_strip(window, width, base=base, mode=current_mode(), source=self.value + _END)

    def watch_cursor(self) -> None:
        self.refresh()

    def watch_selected(self) -> None:
        self.refresh()

    def watch_value(self) -> None:
        self.cursor = min(self.cursor, len(self.value))
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()


def _window(line: VisualLine, width: int, cursor: int) -> VisualLine:
    """The part of a too-long line that fits `width`, around the cursor cell."""
    cells = line.cells
    if line.width <= width:
        return line
    count = max(1, width)
    if line.rtl:  # keep the start of the text (at the right) in view when possible
        low = max(0, len(cells) - count)
        low = min(low, cursor)
    else:
        low = 0 if cursor < count else cursor - count + 1
    shown = cells[low : low + count]
    return VisualLine(
        cells=shown,
        rtl=line.rtl,
        start=min(c.start for c in shown),
        end=max(c.end for c in shown),
        width=sum(c.width for c in shown),
        text="".join(c.text for c in shown),
    )
