"""The side pane: the article's people, places, organizations and numbers.

Entries are grouped by type under disabled header rows, coloured like their highlights in
the article, and painted through the layout engine (`ShapedText`). A legend counts each
type and shows which of the filters 1-4 are on; a progress bar stands in while the
extractor runs in the background.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from reader.entities import Entity, EntityType
from reader.text.layout import Span
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.vim_list import VimOptionList

TYPES: tuple[EntityType, ...] = ("person", "place", "organization", "number")
"""Pane order of the entity types; filter keys 1-4 follow it."""
TYPE_NAMES: dict[EntityType, str] = {
    "person": "People",
    "place": "Places",
    "organization": "Organizations",
    "number": "Numbers",
}
"""Group headings (the app's chrome is English; entries stay Arabic)."""


def entry_text(entity: Entity) -> str:
    """What a pane row says: the name (or value and counted noun) and the mention count."""
    label = entity.name
    if entity.type == "number" and entity.value is not None:
        value = entity.value
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        label = f"{shown} {entity.unit}" if entity.unit else shown
    return f"{label} ({len(entity.mentions)})"


class EntityList(VimOptionList):
    """The pane's entries."""


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

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Fill the pane with the extractor's result."""
        self.entities = list(entities)
        self.query_one(ProgressBar).display = False
        self._rebuild()

    def watch_filters(self) -> None:
        if self.entities is not None:
            self._rebuild()

    def toggle_filter(self, kind: EntityType) -> None:
        """Show or hide one type."""
        self.filters = self.filters ^ {kind}

    def _legend(self) -> ShapedText:
        assert self.entities is not None
        parts: list[str] = []
        spans: list[Span] = []
        position = 0
        for key, kind in enumerate(TYPES, 1):
            count = sum(1 for e in self.entities if e.type == kind)
            on = kind in self.filters
            # Hidden is said in words and by an empty square, not by colour alone.
            part = f"{key} {'■' if on else '□'} {TYPE_NAMES[kind]} {count}" + (
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
        assert self.entities is not None
        self.query_one("#legend", Static).update(self._legend())
        options = self.option_list
        current = self.selected
        options.clear_options()
        rows: list[Option] = []
        for kind in TYPES:
            members = [(i, e) for i, e in enumerate(self.entities) if e.type == kind]
            if kind not in self.filters or not members:
                continue
            members.sort(key=lambda pair: (-len(pair[1].mentions), pair[1].mentions[0].start))
            heading = ShapedText(
                f"{TYPE_NAMES[kind]} ({len(members)})",
                direction="ltr",
                style=self.type_style(kind) + Style(bold=True),
            )
            rows.append(Option(heading, id=f"h-{kind}", disabled=True))
            for index, entity in members:
                text = entry_text(entity)
                name_end = text.rindex(" (")
                rows.append(
                    Option(
                        ShapedText(
                            text, direction="rtl", spans=[Span(0, name_end, self.type_style(kind))]
                        ),
                        id=f"e{index}",
                    )
                )
        if not rows:
            rows.append(Option("(no entities)", disabled=True))
        options.add_options(rows)
        if current is not None and self.entities[current].type in self.filters:
            self.select(current)  # a filter that hides it must not be undone by select()

    @property
    def selected(self) -> int | None:
        """Index of the highlighted entity, if any."""
        options = self.option_list
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or ""
        return int(option_id[1:]) if option_id.startswith("e") else None

    def select(self, entity: int) -> None:
        """Move the cursor to an entity (turning its type's filter back on if needed)."""
        if self.entities is None:
            return
        kind = self.entities[entity].type
        if kind not in self.filters:
            self.filters = self.filters | {kind}
        options = self.option_list
        try:
            options.highlighted = options.get_option_index(f"e{entity}")
        except LookupError:
            return

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.selected))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (entity := self.selected) is not None:
            self.post_message(self.Chosen(entity))
