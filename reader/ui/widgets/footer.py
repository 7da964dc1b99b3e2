"""The footer: as many keys as fit, the ones a newcomer needs first.

Textual's footer lists every shown binding in the order of the focus chain, so the app's
own keys (quit, help) came last and were the first to be cut at 80 columns, and a key
whose label did not fit showed bare. This one orders the keys (`FIRST`: quit, help,
search, focus) and shows only those that fit whole; every key stays in the help screen
and the command palette.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST = ("quit", "help", "search", "app.focus_next")
"""Actions shown first, in this order, whatever widget has focus."""
_PALETTE = 12
"""Cells the command palette key takes at the right ("^p palette")."""


def key_cells(key_display: str, description: str) -> int:
    """Cells a footer key takes (" key " then "description ")."""
    return len(key_display) + 2 + len(description) + 1


class ReaderFooter(Footer):
    """A footer that never cuts a key in half and shows the essential keys first."""

    _laid_out_for = 0
    """The width the keys were chosen for."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _namespace, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        order = sorted(
            enumerate(shown.values()),
            key=lambda item: (
                FIRST.index(item[1][0].action) if item[1][0].action in FIRST else len(FIRST),
                item[0],
            ),
        )
        budget = (self.size.width or self.app.size.width) - _PALETTE
        fitting = []
        for _position, (binding, enabled, tooltip) in order:
            display = self.app.get_key_display(binding)
            cells = key_cells(display, binding.description)
            if cells > budget:
                break
            budget -= cells
            fitting.append((binding, display, enabled, tooltip))
        self.styles.grid_size_columns = len(fitting) + 1
        for binding, display, enabled, tooltip in fitting:
            yield FooterKey(
                binding.key,
                display,
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                yield FooterKey(
                    palette.binding.key,
                    self.app.get_key_display(palette.binding),
                    palette.binding.description,
                    palette.binding.action,
                    classes="-command-palette",
                    disabled=not palette.enabled,
                    tooltip=palette.binding.tooltip or palette.binding.description,
                )

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._laid_out_for:
            self._laid_out_for = event.size.width
            self.refresh(recompose=True)
