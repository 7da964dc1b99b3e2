"""`?`: every key of the reader, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

EXTRA_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Pane", "↑ ↓ / j k", "move between entities: highlights every mention"),
    ("Pane", "enter", "read the article at the selected mention"),
    ("Pane / article", "tab", "move focus between pane and article"),
    ("Article", "↑ ↓ pgup pgdn home end", "scroll"),
    ("Article", "click a mention", "select its entity in the pane"),
    ("Search bar", "enter", "keep the matches and return to the article"),
    ("Search bar", "escape", "clear the search"),
    ("Library", "enter", "open the article"),
    ("Feeds", "enter", "show the feed's items; on an item, read it (marks it read)"),
    ("Feeds", "tab", "move between the feeds and their items"),
    ("Elsewhere", "enter", "read the stored article"),
    ("Anywhere", "ctrl+p", "command palette (actions, themes)"),
)
"""Keys that come from Textual's own widgets or the mouse, described in words."""


def binding_rows(context: str, bindings: Iterable[BindingType]) -> list[tuple[str, str, str]]:
    """(context, key, what it does) for each binding that has a description.

    The footer needs a word or two; the help screen prefers the binding's tooltip.
    """
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            rows.append((context, key_label(binding.key), binding.tooltip or binding.description))
    return rows


def key_label(key: str) -> str:
    """How the help screen and the palette write a binding's key."""
    names = {
        "slash": "/",
        "plus": "+",
        "minus": "-",
        "equals_sign": "=",
        "question_mark": "?",
        "space": "space",
    }
    return ", ".join(names.get(part.strip(), part.strip()) for part in key.split(","))


class HelpDialog(ModalScreen[None]):
    """A table of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        """(context, key, what it does) for every key."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            table: DataTable[str] = DataTable(id="help-table", cursor_type="row")
            table.add_columns("Where", "Key", "Does")
            for row in self.rows:
                table.add_row(*row)
            yield table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
