"""What every reader screen shares: the "window too small" stand-in."""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from reader.ui.widgets.too_small import TooSmall, too_small


class ReaderScreen(Screen[None]):
    """A screen that hides its content behind a notice when the window is too small."""

    def on_mount(self) -> None:
        self.mount(TooSmall())
        self._check_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        self._check_size(self.app.size.width, self.app.size.height)

    def _check_size(self, width: int, height: int) -> None:
        self.set_class(too_small(width, height), "-too-small")
