"""`?`: every key of the reader, read from the bindings themselves so it cannot drift.

One line per action in each group: keys bound to the same action (`j` and `↓`) share a
line, and Textual's own generic words ("Scroll Down") give way to the reader's where a
group names them. Keys that are not bindings (the mouse, the palette) are described in
words. The table scrolls with the usual keys, Home and End included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

IGNORED = frozenset(
    {
        "scroll_left",  # sideways scrolling: nothing in the reader is wider than its column
        "scroll_right",
        "page_left",
        "page_right",
        "app.focus_next",  # every screen's Tab and Shift+Tab: said once, under "Anywhere"
        "app.focus_previous",
        "screen.copy_text",  # Textual's copy of a mouse selection, which the reader has none of
    }
)
"""Actions the help screen leaves out (or says once, in words)."""

KEY_NAMES = {
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "question_mark": "?",
    "space": "space",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
}


def key_label(key: str) -> str:
    """How the help screen and the palette write a binding's key (Ctrl+Z, PgUp, /)."""
    return ", ".join(_one_key(part.strip()) for part in key.split(","))


def _one_key(key: str) -> str:
    *modifiers, name = key.split("+")
    return "+".join([*(m.capitalize() for m in modifiers), KEY_NAMES.get(name, name)])


@dataclass(frozen=True)
class HelpGroup:
    """One group of the help screen: where the keys work, and where they are bound."""

    name: str
    sources: tuple[type[DOMNode] | Iterable[BindingType], ...]
    """Classes whose bindings (inherited ones too) count, or lists of bindings."""
    words: Mapping[str, str] = field(default_factory=dict)
    """What an action does, where Textual's own description is too generic."""
    extra: tuple[tuple[str, str], ...] = ()
    """(keys, what they do) for what no binding says: the mouse, Textual's own keys."""

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, keys, what they do), one row per action."""
        effective: dict[str, Binding] = {}  # per key, the binding that wins (subclass last)
        for binding in self._bindings():
            if binding.action not in IGNORED and binding.description:
                for key in binding.key.split(","):
                    effective[key.strip()] = binding
        keys: dict[str, list[str]] = {}
        said: dict[str, str] = {}
        for key, binding in effective.items():
            keys.setdefault(binding.action, []).append(key_label(key))
            said[binding.action] = binding.tooltip or binding.description
        rows = [
            (self.name, ", ".join(labels), _sentence(self.words.get(action, said[action])))
            for action, labels in keys.items()
        ]
        return rows + [(self.name, key, _sentence(does)) for key, does in self.extra]

    def _bindings(self) -> Iterable[Binding]:
        for source in self.sources:
            if isinstance(source, type):
                for bindings in source._merge_bindings().key_to_bindings.values():
                    yield from bindings
            else:
                yield from (b for b in source if isinstance(b, Binding))


def _sentence(text: str) -> str:
    """One style for every line: a capital first letter."""
    return text[:1].upper() + text[1:]


class HelpDialog(ModalScreen[None]):
    """A table of keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("home,g", "first", "First", show=False, priority=True),
        Binding("end,G", "last", "Last", show=False, priority=True),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        """(group, keys, what they do) for every key."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            table: DataTable[str] = DataTable(id="help-table", cursor_type="row")
            table.add_columns("Where", "Keys", "Does")
            for row in self.rows:
                table.add_row(*row)
            yield table

    @property
    def table(self) -> DataTable[str]:
        """The table of keys."""
        return self.query_one(DataTable)

    def action_first(self) -> None:
        self.table.move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        self.table.move_cursor(row=self.table.row_count - 1, animate=False)

    def action_down(self) -> None:
        self.table.action_cursor_down()

    def action_up(self) -> None:
        self.table.action_cursor_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
