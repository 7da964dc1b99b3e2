"""`a` on the Feeds screen: ask for a feed's address."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.shaped_input import ShapedInput
from reader.web import is_url


class AddFeedDialog(ModalScreen[str | None]):
    """An input for the URL; Enter subscribes, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-feed-box"):
            yield Static("Subscribe to a feed (RSS, Atom, JSON Feed)", id="add-feed-title")
            yield ShapedInput(placeholder="https://…", id="add-feed-url")
            yield Static(id="add-feed-problem")

    def on_mount(self) -> None:
        self.query_one(ShapedInput).focus()

    def on_shaped_input_submitted(self, event: ShapedInput.Submitted) -> None:
        event.stop()
        url = event.value.strip()
        if is_url(url):
            self.dismiss(url)
        else:
            problem = f"not a feed address (http:// or https://): {url}" if url else ""
            self.query_one("#add-feed-problem", Static).update(ShapedText(problem, direction="ltr"))

    def action_cancel(self) -> None:
        self.dismiss(None)
