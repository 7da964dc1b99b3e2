"""The search bar: an input, the query echoed shaped, and the match count.

Textual's `Input` shows what was typed in logical order with unjoined letters, which an
Arabic reader cannot check at a glance; the echo next to it shows the same query as the
article would paint it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static

from reader.ui.widgets.shaped import ShapedText


class SearchBar(Horizontal):
    """Bottom bar opened by `/`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Clear search")]

    class Changed(Message):
        """The query changed (search as you type)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query
            """The logical query text."""

    class Submitted(Message):
        """Enter: keep the matches and go back to reading."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query
            """The logical query text."""

    class Closed(Message):
        """Esc: clear the search."""

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield Input(placeholder="search (Arabic or digits)", id="search-input")
        yield Static(id="search-echo")
        yield Static(id="search-count")

    @property
    def query_text(self) -> str:
        """What is typed in the input."""
        return self.query_one(Input).value

    def open(self) -> None:
        """Show the bar and put the cursor in it."""
        self.display = True
        self.query_one(Input).focus()

    def close(self) -> None:
        """Hide the bar and forget the query."""
        self.query_one(Input).value = ""
        self.display = False

    def set_count(self, current: int | None, total: int) -> None:
        """Show `3/12`, or that nothing matched."""
        text = "no match" if total == 0 else f"{(current or 0) + 1}/{total}"
        if not self.query_text:
            text = ""
        self.query_one("#search-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        echo = ShapedText(event.value, direction="auto", align="right") if event.value else ""
        self.query_one("#search-echo", Static).update(echo)
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_close(self) -> None:
        self.post_message(self.Closed())
