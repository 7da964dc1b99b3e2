"""The side pane: the article's people, places, organizations and numbers.

Entries are grouped by type under headings the cursor skips, coloured like their highlights
in the article, and painted through the layout engine (`ShapedText`) by a virtual list that
lays out only the rows on screen (`EntityList`). A legend counts each type and shows which of
the filters 1-4 are on; a progress bar stands in while the extractor runs in the background.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static

from reader.entities import Entity, EntityType
from reader.text.layout import Span
from reader.ui.entity_index import TYPES, EntityIndex
from reader.ui.widgets.entity_list import EMPTY, TYPE_NAMES, EntityList, entry_text, heading_row
from reader.ui.widgets.shaped import ShapedText

__all__ = ["TYPES", "TYPE_NAMES", "EntityList", "EntityPane", "entry_text"]


class EntityPane(Vertical):
    """Legend, extraction progress and the grouped entity list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entity-pane--person",
        "entity-pane--place",
        "entity-pane--organization",
        "entity-pane--number",
        "entity-pane--off",
    }

    filters: reactive[frozenset[EntityType]] = reactive(frozenset(TYPES))
    """Types shown in the list."""

    class Progress(Message):
        """How far the extractor has got, 0..1 (posted from its thread)."""

        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction
            """Share of the work done."""

    class Highlighted(Message):
        """The cursor moved to an entity (or off every entity)."""

        def __init__(self, entity: int | None) -> None:
            super().__init__()
            self.entity = entity
            """Index into the entity list, or None."""

    class Chosen(Message):
        """Enter on an entity: read it in the article."""

        def __init__(self, entity: int) -> None:
            super().__init__()
            self.entity = entity
            """Index into the entity list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[Entity] | None = None
        """None until extraction finishes."""
        self.index: EntityIndex | None = None
        """The entities grouped for the pane (built off the UI thread)."""
        self._group_rows: dict[EntityType, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("Finding names and numbers…", id="legend")
        yield ProgressBar(total=100, show_eta=False, id="progress")
        yield EntityList(id="entities")

    @property
    def option_list(self) -> EntityList:
        """The list widget, for focus and cursor moves."""
        return self.query_one(EntityList)

    def type_style(self, kind: EntityType) -> Style:
        """The colour of a type, shared with the article's highlights through the theme."""
        return self.get_component_rich_style(f"entity-pane--{kind}", partial=True)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)

    def _on_theme_changed(self, theme: object) -> None:
        """Rows and legend are painted with the type colours: paint them in the new ones."""
        if self.entities is not None:
            self._rebuild()

    def set_progress(self, fraction: float) -> None:
        """Advance the bar while the extractor works."""
        self.query_one(ProgressBar).update(progress=round(100 * max(0.0, min(1.0, fraction))))

    def on_entity_pane_progress(self, event: Progress) -> None:
        event.stop()
        if self.entities is None:
            self.set_progress(event.fraction)

    def set_failed(self, message: str) -> None:
        """Extraction failed: say so where the list would be."""
        self.query_one(ProgressBar).display = False
        self.query_one("#legend", Static).update(ShapedText(message, direction="ltr"))

    def set_entities(self, entities: Sequence[Entity], index: EntityIndex | None = None) -> None:
        """Fill the pane with the extractor's result (`index`, if built already elsewhere)."""
        self.entities = list(entities)
        self.index = index if index is not None else EntityIndex(self.entities)
        self.query_one(ProgressBar).display = False
        self._rebuild()

    def watch_filters(self) -> None:
        if self.entities is not None:
            self._rebuild()

    def toggle_filter(self, kind: EntityType) -> None:
        """Show or hide one type."""
        self.filters = self.filters ^ {kind}

    def _legend(self) -> ShapedText:
        assert self.index is not None
        counts = self.index.counts()
        parts: list[str] = []
        spans: list[Span] = []
        position = 0
        for key, kind in enumerate(TYPES, 1):
            on = kind in self.filters
            # Hidden is said in words and by an empty square, not by colour alone.
            part = f"{key} {'■' if on else '□'} {TYPE_NAMES[kind]} {counts[kind]}" + (
                "" if on else " (hidden)"
            )
            style = (
                self.type_style(kind)
                if on
                else self.get_component_rich_style("entity-pane--off", partial=True)
            )
            spans.append(Span(position, position + len(part), style))
            parts.append(part)
            position += len(part) + 1
        return ShapedText("\n".join(parts), spans=spans, direction="ltr")

    def _rebuild(self) -> None:
        """Legend and rows for the current filters: a list of ints, whatever the count."""
        assert self.index is not None and self.entities is not None
        self.query_one("#legend", Static).update(self._legend())
        options = self.option_list
        current = self.selected
        options.entities = self.entities
        options.counts = self.index.counts()
        options.type_styles = {kind: self.type_style(kind) for kind in TYPES}
        rows: list[int] = []
        self._group_rows = {}
        for kind in TYPES:
            members = self.index.groups[kind]
            if kind not in self.filters or not members:
                continue
            self._group_rows[kind] = len(rows) + 1
            rows.append(heading_row(kind))
            rows += members
        options.set_rows(rows or [EMPTY])
        if current is not None and self.entities[current].type in self.filters:
            self.select(current)  # a filter that hides it must not be undone by select()

    def rows(self) -> list[int | str]:
        """What the list shows, top to bottom: an entity's index, or a heading's type."""
        return [
            value if value >= 0 else "empty" if value == EMPTY else TYPES[-1 - value]
            for value in self.option_list.rows
        ]

    @property
    def selected(self) -> int | None:
        """Index of the highlighted entity, if any."""
        options = self.option_list
        if options.highlighted is None:
            return None
        value = options.rows[options.highlighted]
        return value if value >= 0 else None

    def select(self, entity: int) -> None:
        """Move the cursor to an entity (turning its type's filter back on if needed)."""
        if self.entities is None or self.index is None:
            return
        kind = self.entities[entity].type
        if kind not in self.filters:
            self.filters = self.filters | {kind}
        if kind in self._group_rows:
            self.option_list.highlight(self._group_rows[kind] + self.index.rank[entity])

    def on_row_list_highlighted(self, event: EntityList.Highlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.selected))

    def on_row_list_chosen(self, event: EntityList.Chosen) -> None:
        event.stop()
        if (entity := self.selected) is not None:
            self.post_message(self.Chosen(entity))
