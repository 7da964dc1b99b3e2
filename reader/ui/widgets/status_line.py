"""One line under the article: what the keys just did, and how far through the article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.ui.widgets.shaped import ShapedText


class StatusLine(Horizontal):
    """`mention 2/5 · name`, `search 3/12`, and the reading position (Top, 40%, Bot)."""

    message: str = ""
    """The last message shown, in logical order (tests and copy read it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="status-message")
        yield Static(id="status-mode")
        yield Static(id="status-position")

    def show_mode(self, label: str) -> None:
        """The output mode, when it is not the detected one (saved, or this run only)."""
        widget = self.query_one("#status-mode", Static)
        widget.update(label)
        widget.display = bool(label)

    def show(self, message: str) -> None:
        """Replace the message; Arabic inside it is shaped and reordered by the engine."""
        self.message = message
        self.query_one("#status-message", Static).update(
            ShapedText(message, direction="ltr") if message else ""
        )

    def show_place(self, place: str) -> None:
        """Where the reader is in the article: All, Top, Bot or a percentage.

        Every scroll says it, and its box has a fixed width: no layout pass, which would
        repaint other widgets' scroll bars too."""
        self.query_one("#status-position", Static).update(place, layout=False)
