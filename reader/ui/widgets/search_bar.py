"""The search bar: the query, shaped and right to left as the article shows it, and the count.

The query is typed into a `ShapedInput`, so it reads as it will be found. `/` opens the bar
with the last query of the session; ↑ and ↓ go through the earlier ones.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Static

from reader.ui.widgets.shaped_input import ShapedInput


class SearchBar(Horizontal):
    """Bottom bar opened by `/`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Clear the search"),
        Binding("up", "history(-1)", "An earlier query"),
        Binding("down", "history(1)", "A later query"),
    ]

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

    def __init__(self, history: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = history
        """The queries searched for in this session, oldest first (shared by every article)."""
        self._browsing: int | None = None

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield ShapedInput(placeholder="search (Arabic or digits)", id="search-input")
        yield Static(id="search-count")

    @property
    def field(self) -> ShapedInput:
        """The query field."""
        return self.query_one(ShapedInput)

    @property
    def query_text(self) -> str:
        """What is typed in the field."""
        return self.field.value

    def open(self) -> None:
        """Show the bar with the last query (selected for retyping) and put the cursor in it."""
        self.display = True
        self._browsing = None
        if self.history:
            self.field.set_value(self.history[-1], selected=True)
        self.field.focus()

    def close(self) -> None:
        """Hide the bar and forget the query (it stays in the history)."""
        self.remember(self.query_text)
        self.field.value = ""
        self.display = False

    def remember(self, query: str) -> None:
        """Keep a query in the session's history (once, most recent last)."""
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)

    def set_count(self, current: int | None, total: int) -> None:
        """Show `3/12`, or that nothing matched."""
        text = "no match" if total == 0 else f"{(current or 0) + 1}/{total}"
        if not self.query_text:
            text = ""
        self.query_one("#search-count", Static).update(text)

    def action_history(self, step: int) -> None:
        """↑ an earlier query, ↓ a later one (past the newest: an empty field)."""
        if not self.history:
            return
        position = len(self.history) if self._browsing is None else self._browsing
        position = max(0, min(len(self.history), position + step))
        self._browsing = position
        self.field.set_value(self.history[position] if position < len(self.history) else "")

    def on_shaped_input_changed(self, event: ShapedInput.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_shaped_input_submitted(self, event: ShapedInput.Submitted) -> None:
        event.stop()
        self.remember(event.value)
        self.post_message(self.Submitted(event.value))

    def action_close(self) -> None:
        self.post_message(self.Closed())
