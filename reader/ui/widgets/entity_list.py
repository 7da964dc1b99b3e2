"""The pane's entries as a virtual list: one row per entity, built only when it is on screen.

An `OptionList` makes an `Option` and measures a visual for each of its entries as they are
added: 16,000 entities (a 10 MB article) froze the app for seconds. This Line-API widget
(like toolong's log lines) holds the rows as ints (an entity's index, or a type's heading)
and lays out a row only when it is painted, so filling or filtering the list costs a list of
ints. Each row is one line: an entry too long for the pane is cut at the end of its name
with "…", keeping its mention count; the status line shows the whole name once selected.

It looks and moves like the `OptionList` it replaced: the same component classes (so the
stylesheet's cursor and hover colours apply), headings that the cursor skips, the same keys
(arrows, Home/End, PgUp/PgDn, Enter, and j/k/g/G) with wrap-around, a click choosing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from reader.entities import Entity, EntityType
from reader.text.layout import Span, layout_paragraph
from reader.ui.entity_index import TYPES
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.vim_list import VIM_BINDINGS

TYPE_NAMES: dict[EntityType, str] = {
    "person": "People",
    "place": "Places",
    "organization": "Organizations",
    "number": "Numbers",
}
"""Group headings (the app's chrome is English; entries stay Arabic)."""
EMPTY = -len(TYPES) - 1
"""The row that says the list is empty."""
ELLIPSIS = "…"


def heading_row(kind: EntityType) -> int:
    """The row value of a type's heading (entities are 0 and up)."""
    return -1 - TYPES.index(kind)


def entry_text(entity: Entity) -> str:
    """What a pane row says: the name (or value and counted noun) and the mention count."""
    label = entity.name
    if entity.type == "number" and entity.value is not None:
        value = entity.value
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        label = f"{shown} {entity.unit}" if entity.unit else shown
    return f"{label} ({len(entity.mentions)})"


def fitted(text: str, width: int) -> tuple[str, int]:
    """`text` ("label (N)") cut to one line of `width` cells: the label loses its end to "…"
    when it must. Returns the text and the length of its label part (for the colour)."""
    label_end = text.rindex(" (")
    if _width(text) <= width:
        return text, label_end
    label, count = text[:label_end], text[label_end:]
    low, high = 0, len(label)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if _width(label[:middle].rstrip() + ELLIPSIS + count) <= width:
            low = middle
        else:
            high = middle - 1
    kept = label[:low].rstrip() + ELLIPSIS
    return kept + count, len(kept)


def _width(text: str) -> int:
    """Cells `text` takes on one line."""
    return sum(line.width for line in layout_paragraph(text, 1 << 16))


class RowList(ScrollView, can_focus=True):
    """Keys and looks of a Textual `OptionList` over rows drawn on demand (see above)."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        background: $surface;
        &:focus {
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }
    """The `OptionList` names, so styles written for the option lists apply here too."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to a row that can be chosen."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row
            """The row's value."""

    class Chosen(Message):
        """Enter, or a click, on a row that can be chosen."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row
            """The row's value."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[int] = []
        """Every row's value, top to bottom."""
        self.highlighted: int | None = None
        """The cursor's row (a position in `rows`), if any."""
        self._hover: int | None = None
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    # what subclasses say about their rows --------------------------------------------

    def enabled(self, value: int) -> bool:
        """Whether the cursor may rest on a row with this value."""
        return value >= 0

    def visual(self, value: int, width: int) -> Visual:
        """What a row shows, on one line of `width` cells."""
        raise NotImplementedError

    # rows -----------------------------------------------------------------------------

    def set_rows(self, rows: list[int]) -> None:
        """Replace every row; the cursor goes (`highlight` puts it back)."""
        self.rows = rows
        self.highlighted = None
        self._hover = None
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.refresh()

    def highlight(self, position: int | None) -> None:
        """Put the cursor on a row, scroll it into view and say so."""
        if position is not None and not 0 <= position < len(self.rows):
            position = None
        self.highlighted = position
        self.refresh()
        if position is None or not self.enabled(self.rows[position]):
            return
        if self.is_mounted:
            width = self.scrollable_content_region.width
            self.scroll_to_region(Region(0, position, width, 1), animate=False, force=True)
        self.post_message(self.Highlighted(self.rows[position]))

    def _next(self, start: int | None, step: int, wrap: bool = True) -> int | None:
        """The first enabled row from `start` (excluded) going `step`, wrapping around."""
        count = len(self.rows)
        if not count:
            return None
        if start is None:
            start, wrap = (-1 if step > 0 else count), False
        position = start
        for _ in range(count):
            position += step
            if not 0 <= position < count:
                if not wrap:
                    return None
                position %= count
            if self.enabled(self.rows[position]):
                return position
        return start if 0 <= start < count else None

    def action_cursor_down(self) -> None:
        self.highlight(self._next(self.highlighted, 1))

    def action_cursor_up(self) -> None:
        self.highlight(self._next(self.highlighted, -1))

    def action_first(self) -> None:
        self.highlight(self._next(None, 1))

    def action_last(self) -> None:
        self.highlight(self._next(None, -1))

    def _move_page(self, step: int) -> None:
        if self.highlighted is None:
            self.action_first() if step < 0 else self.action_last()
            return
        height = max(1, self.scrollable_content_region.height)
        target = max(0, min(len(self.rows) - 1, self.highlighted + step * height))
        found = self._next(target - step, step, wrap=False)
        self.highlight(found if found is not None else self._next(target, -step, wrap=False))

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        if self.highlighted is not None and self.enabled(self.rows[self.highlighted]):
            self.post_message(self.Chosen(self.rows[self.highlighted]))

    # mouse ----------------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        position = offset.y + self.scroll_offset.y
        return position if 0 <= position < len(self.rows) else None

    def on_click(self, event: events.Click) -> None:
        position = self._row_at(event)
        if position is not None and self.enabled(self.rows[position]):
            self.highlight(position)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        position = self._row_at(event)
        if position != self._hover:
            self._hover = position
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    # painting -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = self.scroll_offset.y + y
        if not 0 <= position < len(self.rows):
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        value = self.rows[position]
        component = ""
        if not self.enabled(value):
            component = "option-list--option-disabled"
        elif position == self.highlighted:
            component = "option-list--option-highlighted"
        elif position == self._hover:
            component = "option-list--option-hover"
        names = ("option-list--option", component) if component else ("option-list--option",)
        style = self.get_visual_style(*names)
        key = (value, style, width)
        if (strip := self._strips.get(key)) is None:
            visual = self.visual(value, width)
            strips = Visual.to_strips(self, visual, width, 1, style)
            strip = strips[0] if strips else Strip.blank(width, style.rich_style)
            strip = strip.extend_cell_length(width, style.rich_style)
            self._strips[key] = strip
        return strip


class EntityList(RowList):
    """The pane's entries: type headings and entities (their indices in the result)."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[Entity] = []
        self.counts: dict[EntityType, int] = {}
        self.type_styles: dict[EntityType, Style] = {}

    def visual(self, value: int, width: int) -> Visual:
        if value == EMPTY:
            return ShapedText("(no entities)", direction="ltr")
        if value < 0:
            kind = TYPES[-1 - value]
            return ShapedText(
                f"{TYPE_NAMES[kind]} ({self.counts.get(kind, 0)})",
                direction="ltr",
                style=self.type_styles.get(kind, Style()) + Style(bold=True),
            )
        entity = self.entities[value]
        text, label_end = fitted(entry_text(entity), width)
        tint = self.type_styles.get(entity.type, Style())
        return ShapedText(text, direction="rtl", spans=[Span(0, label_end, tint)])
