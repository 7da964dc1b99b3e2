"""The article itself: a Line-API view that lays out only the blocks on screen.

A block is what the layout engine lays out at once: a paragraph, or one segment of a
paragraph too long to lay out whole (`reader.text.segments`: a 5 MB line is a thousand
segments, so its first screen costs one or two of them). A 10 MB article has tens of
thousands of blocks; laying them all out before the first screen would take seconds. Each
block's height at the current column width is either measured (laid out once) or estimated
from its length, and the view measures the blocks it is about to show. When a block above
the top of the view turns out taller or shorter than estimated, the scroll position moves by
the difference so the text on screen stays put. The reader's place is a logical character
offset (`anchor`), so a reflow after a resize or a width change puts the same text back at
the top.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Collection, Iterable, Sequence
from itertools import accumulate
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.entities import Entity, EntityType
from reader.terminal.modes import ordered_cells
from reader.text.cache import SizedCache
from reader.text.layout import Direction, Span, VisualLine, layout_paragraph, paragraph_table
from reader.text.segments import HUGE, segments
from reader.ui.cells import current_mode, line_strip
from reader.ui.entity_index import EntityIndex

DEFAULT_TEXT_WIDTH = 72
"""Comfortable column width in cells when the reader has not chosen one."""
MIN_TEXT_WIDTH = 16
"""The narrowest column `-` goes down to."""
WIDTH_STEP = 4
"""Cells added or removed by `+` and `-`."""
MARGIN = 2
"""Blank cells kept on each side of the column when the window is narrow."""

LINES_BUDGET = 1 << 19
"""Characters of laid-out blocks kept for painting (visual lines take ~100 bytes each)."""

LAYERS = ("title", "mentions", "search", "selected", "current")
"""Highlight layers, lowest first: a later layer's style wins where they overlap."""

Band = tuple[Sequence[int], Sequence[int], Style]
"""Ranges [start, end) sorted by start, all in one style: a layer is a few of them, so the
75,000 mentions of a 10 MB article cost no span object until their block is on screen."""


def _paragraph_table(text: str) -> tuple[list[int], list[int]]:
    """(start offset, length) of every paragraph, as two lists of ints.

    Only these are kept: a list of the paragraphs themselves would hold a second copy of
    a 10 MB text for as long as it is open. When the text has breaks other than \\n, the
    engine builds (offset, paragraph) tuples on the way, which wakes the cyclic garbage
    collector again and again to walk objects that cannot form cycles, so it sleeps
    meanwhile.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return paragraph_table(text)
    finally:
        if enabled:
            gc.enable()


def _block_table(
    text: str, offsets: list[int], lengths: list[int]
) -> tuple[list[int], list[int], dict[int, Direction]]:
    """(start offset, length) of every block, and the direction of each block that is a
    segment of a huge paragraph (the whole paragraph's, see `reader.text.segments`).

    Without a huge paragraph, the usual case, the blocks are the paragraphs: the same lists.
    """
    if not lengths or max(lengths) <= HUGE:
        return offsets, lengths, {}
    huge = [index for index, length in enumerate(lengths) if length > HUGE]
    block_offsets: list[int] = []
    block_lengths: list[int] = []
    directions: dict[int, Direction] = {}
    done = 0
    for index in huge:
        block_offsets += offsets[done:index]
        block_lengths += lengths[done:index]
        start = offsets[index]
        for first, end, direction in segments(text[start : start + lengths[index]]):
            directions[len(block_offsets)] = direction
            block_offsets.append(start + first)
            block_lengths.append(end - first)
        done = index + 1
    block_offsets += offsets[done:]
    block_lengths += lengths[done:]
    return block_offsets, block_lengths, directions


def _estimates(lengths: list[int], width: int) -> list[int]:
    """Guess block heights without laying them out (greedy wrap loses ~10%)."""
    per_line = max(1, width) * 9
    return [-(-length * 10 // per_line) or 1 for length in lengths]


class ArticleView(ScrollView, can_focus=True):
    """Paints the article through the layout engine, with entity and search highlights."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--person",
        "article-view--place",
        "article-view--organization",
        "article-view--number",
        "article-view--selected",
        "article-view--search",
        "article-view--current",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    text_width: reactive[int | None] = reactive(None)
    """Column width chosen with +/-; None means the default."""
    harakat: reactive[bool] = reactive(False)
    """Show harakat on their letters."""

    class MentionClicked(Message):
        """The reader clicked a cell that belongs to an entity mention."""

        def __init__(self, entity: int, mention: int) -> None:
            super().__init__()
            self.entity = entity
            """Index of the entity in the screen's entity list."""
            self.mention = mention
            """Index of the mention within the entity."""

    class Moved(Message):
        """The logical offset at the top of the view changed."""

        def __init__(self, offset: int, place: str) -> None:
            super().__init__()
            self.offset = offset
            """Logical offset of the first character at the top."""
            self.place = place
            """Where that is, as a pager says it (see `ArticleView.place`)."""

    def __init__(
        self,
        text: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.text = text
        """The whole article; every offset refers to it."""
        self.anchor = 0
        """Logical offset at the top of the view: the reader's place."""
        self._paragraph_offsets, self._paragraph_lengths = _paragraph_table(text)
        self._offsets, self._lengths, self._directions = _block_table(
            text, self._paragraph_offsets, self._paragraph_lengths
        )
        self._width = 0
        self._heights: list[int] = []
        self._measured = bytearray()
        self._starts: list[int] = [0]
        self._layers: dict[str, list[Band]] = {layer: [] for layer in LAYERS}
        self._span_cache: dict[int, tuple[Span, ...]] = {}
        # Not `_layout_cache`: Textual's Widget has one of its own, cleared on every refresh.
        self._block_lines: SizedCache[tuple[object, ...], list[VisualLine]] = SizedCache(
            LINES_BUDGET, 512
        )
        self._strip_cache: LRUCache[tuple[object, ...], Strip] = LRUCache(2048)
        self._restoring = False
        self._measuring = False
        self._index: EntityIndex | None = None
        self._colour: frozenset[EntityType] = frozenset()
        self._selected: tuple[Entity | None, int | None] = (None, None)
        self._matched: tuple[Sequence[tuple[int, int]], int | None] = ((), None)
        if (visible := re.search(r"\S", text)) is not None:  # the first non-blank paragraph
            first = self.paragraph_at(visible.start())
            start = self._paragraph_offsets[first]
            end = start + self._paragraph_lengths[first]
            self._set_layer("title", [([start], [end], Style())])

    # geometry -------------------------------------------------------------------------

    def _column(self) -> tuple[int, int]:
        """(left margin, column width) for the current size."""
        available = max(1, self.scrollable_content_region.width)
        wanted = self.text_width or DEFAULT_TEXT_WIDTH
        column = max(
            1, min(wanted, available - 2 * MARGIN if available > 4 * MARGIN else available)
        )
        return (available - column) // 2, column

    def column_width(self) -> int:
        """Cells the text column has now: the chosen width, or less if the window is narrow."""
        return self._column()[1]

    def _reset_heights(self, width: int) -> None:
        """Start a fresh height table for a new column width (estimates only)."""
        self._width = width
        self._heights = _estimates(self._lengths, width)
        self._measured = bytearray(len(self._offsets))
        self._rebuild_starts()

    def _rebuild_starts(self) -> None:
        self._starts = [0, *accumulate(self._heights)]
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1])

    def _block_at_y(self, y: int) -> int:
        return max(0, min(len(self._offsets) - 1, bisect.bisect_right(self._starts, y) - 1))

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph that holds a logical offset."""
        return max(0, bisect.bisect_right(self._paragraph_offsets, offset) - 1)

    def paragraph_text(self, index: int) -> str:
        """A paragraph's logical text."""
        start = self._paragraph_offsets[index]
        return self.text[start : start + self._paragraph_lengths[index]]

    def _block_at(self, offset: int) -> int:
        """Index of the block that holds a logical offset."""
        return max(0, bisect.bisect_right(self._offsets, offset) - 1)

    def _block_text(self, index: int) -> str:
        start = self._offsets[index]
        return self.text[start : start + self._lengths[index]]

    # layout ---------------------------------------------------------------------------

    def _spans(self, index: int) -> tuple[Span, ...]:
        """Every highlight over a block, lowest layer first (within a layer, by position)."""
        if (cached := self._span_cache.get(index)) is not None:
            return cached
        start = self._offsets[index]
        end = start + self._lengths[index]
        found: list[Span] = []
        for layer in LAYERS:
            bands = self._layers[layer]
            spans: list[Span] = []
            for starts, ends, style in bands:
                position = max(0, bisect.bisect_left(starts, start) - 1)
                while position < len(starts) and starts[position] < end:
                    first, last = starts[position], ends[position]
                    if last > start and first < last:
                        spans.append(Span(max(first, start), min(last, end), style))
                    position += 1
            if len(bands) > 1:
                spans.sort(key=lambda span: (span.start, span.end))
            found += spans
        result = tuple(found)
        self._span_cache[index] = result
        return result

    def lines_of(self, index: int) -> list[VisualLine]:
        """A block laid out at the current width, measuring it on the way."""
        spans = self._spans(index)
        key = (index, self._width, self.harakat, spans)
        lines = self._block_lines.get(key)
        if lines is None:
            lines = layout_paragraph(
                self._block_text(index),
                self._width,
                spans=spans,
                harakat=self.harakat,
                direction=self._directions.get(index, "auto"),
                offset=self._offsets[index],
            )
            self._block_lines.put(key, lines, self._lengths[index])
        if self._measured and not self._measured[index]:
            self._measured[index] = 1
            self._heights[index] = len(lines)
        return lines

    def _measure(self, indices: Iterable[int]) -> tuple[bool, int]:
        """Measure blocks; (any height changed, change above the current top)."""
        top = round(self.scroll_y)
        changed, above = False, 0
        for index in indices:
            if self._measured[index]:
                continue
            old = self._heights[index]
            new = len(self.lines_of(index))
            if new != old:
                changed = True
                if self._starts[index] < top:
                    above += new - old
        return changed, above

    def _measure_viewport(self) -> None:
        """Measure what is on screen, keeping the text at the top where it is."""
        if self._measuring or not self._heights:
            return
        self._measuring = True
        try:
            for _ in range(16):
                top = round(self.scroll_y)
                bottom = top + max(1, self.scrollable_content_region.height)
                first = self._block_at_y(top)
                last = self._block_at_y(bottom)
                changed, above = self._measure(range(first, last + 1))
                if not changed:
                    break
                self._rebuild_starts()
                if above:
                    self.set_scroll(None, top + above)
        finally:
            self._measuring = False

    def _locate(self, offset: int) -> tuple[int, int]:
        """(block, line within it) that shows a logical offset."""
        index = self._block_at(offset)
        lines = self.lines_of(index)
        starts = [line.start for line in lines]
        return index, max(0, bisect.bisect_right(starts, offset) - 1)

    def _measure_around(self, index: int) -> None:
        """Measure a screenful above and below a block so a jump lands exactly."""
        height = max(1, self.scrollable_content_region.height)
        before, total = index, 0
        while before > 0 and total < height:
            before -= 1
            total += len(self.lines_of(before))
        after, total = index, 0
        while after < len(self._offsets) - 1 and total < height:
            total += len(self.lines_of(after))
            after += 1
        self._measure(range(before, after + 1))
        self._rebuild_starts()

    def y_of(self, offset: int) -> int:
        """Virtual line that shows a logical offset."""
        index, line = self._locate(offset)
        self._measure_around(index)
        return self._starts[index] + line

    # scrolling and the reader's place -------------------------------------------------

    def scroll_to_offset(self, offset: int, *, center: bool = False) -> None:
        """Bring a logical offset to the top of the view (or its middle)."""
        offset = max(0, min(offset, len(self.text)))
        if not self._heights:  # not laid out yet: the first reflow goes there
            self.anchor = offset
            return
        y = self.y_of(offset)
        if center:
            y -= max(1, self.scrollable_content_region.height) // 2
        self.scroll_to(y=max(0, y), animate=False, immediate=True)
        self._measure_viewport()
        if not center:
            self.anchor = offset

    def top_offset(self) -> int:
        """Logical offset of the first cell of the top line."""
        top = round(self.scroll_y)
        index = self._block_at_y(top)
        lines = self.lines_of(index)
        line = lines[max(0, min(top - self._starts[index], len(lines) - 1))]
        return line.start

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._measure_viewport()
        if self._restoring or not self._heights or self._column()[1] != self._width:
            return
        self.anchor = self.top_offset()
        self.post_message(self.Moved(self.anchor, self.place()))

    def place(self) -> str:
        """Where the top line is, as less and vim say it: All, Top, Bot or a percentage.

        A bare "0%" in a corner while the pane's progress bar runs reads like progress.
        """
        top, bottom = round(self.scroll_y), round(self.max_scroll_y)
        if bottom <= 0:
            return "All"
        if top <= 0:
            return "Top"
        if top >= bottom:
            return "Bot"
        return f"{100 * self.anchor // max(1, len(self.text))}%"

    def reflow(self) -> None:
        """Lay out again at the current size, keeping the same text at the top."""
        _left, column = self._column()
        self._restoring = True
        try:
            if column != self._width:
                self._reset_heights(column)
            else:
                self._rebuild_starts()
            self._strip_cache.clear()
            offset = self.anchor
            self.scroll_to_offset(offset)
            self.anchor = offset
        finally:
            self._restoring = False
        self.refresh()
        self.post_message(self.Moved(self.anchor, self.place()))  # the size may have changed

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)
        self._restyle()
        if self.size.width:
            self._reset_heights(self._column()[1])
            self._measure_viewport()

    def on_resize(self, event: events.Resize) -> None:
        self.reflow()

    def watch_text_width(self) -> None:
        if self.is_mounted:
            self.reflow()

    def watch_harakat(self) -> None:
        if self.is_mounted:
            self._block_lines.clear()
            self._reset_heights(self._column()[1])
            self.reflow()

    def title_in_view(self) -> bool:
        """Whether any of the title (the first paragraph with text) is on screen."""
        if not self._layers["title"]:
            return False
        _starts, ends, _style = self._layers["title"][0]
        return self.anchor < ends[0]

    def _on_theme_changed(self, theme: object) -> None:
        """The theme's new colours, read once its CSS has been applied."""
        self._restyle()

    def action_scroll_home(self) -> None:
        """g and Home: to the top at once (a jump, not a one-second animation)."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        """G and End: to the last line at once. An animation heads for the end as it was
        when it started, which moves as the blocks on screen are measured."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        """j and ↓: one line at once, as in a pager (an animated line arrives ~40 ms late)."""
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    # highlights -----------------------------------------------------------------------

    def _set_layer(self, layer: str, bands: list[Band]) -> None:
        self._layers[layer] = bands
        self._span_cache.clear()
        self._strip_cache.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}", partial=True)

    def _restyle(self) -> None:
        """Re-read the component styles (mount, theme change) into every layer."""
        if self._layers["title"]:
            starts, ends, _style = self._layers["title"][0]
            self._set_layer("title", [(starts, ends, self._style("title"))])
        if self._index is not None:
            self.show_mentions(self._index, colour=self._colour)
        if self._matched[0]:
            self.show_matches(*self._matched)
        if self._selected[0] is not None:
            self.select(*self._selected)

    def show_mentions(self, index: EntityIndex, *, colour: Collection[EntityType] = ()) -> None:
        """Know every mention (for clicks); colour those of the given types."""
        self._index, self._colour = index, frozenset(colour)
        bands: list[Band] = []
        for kind in sorted(self._colour):
            starts, ends = index.spans[kind]
            if starts:
                bands.append((starts, ends, self._style(kind)))
        self._set_layer("mentions", bands)

    def select(self, entity: Entity | None, current: int | None = None) -> None:
        """Highlight every mention of one entity, the current one more strongly."""
        self._selected = (entity, current)
        if entity is None:
            self._set_layer("selected", [])
            self._set_layer("current", [])
            return
        selected = self._style("selected") + Style(bgcolor=self._style(entity.type).color)
        mentions = entity.mentions
        self._set_layer("selected", _band(((m.start, m.end) for m in mentions), selected))
        marks = [] if current is None else [mentions[current]]
        self._set_layer("current", _band(((m.start, m.end) for m in marks), self._style("current")))

    def show_matches(self, matches: Sequence[tuple[int, int]], current: int | None) -> None:
        """Highlight search matches, the current one more strongly."""
        self._matched = (matches, current)
        self._set_layer("search", _band(matches, self._style("search")))
        marks = [] if current is None else [matches[current]]
        self._set_layer("current", _band(marks, self._style("current")))

    # painting -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        virtual = round(self.scroll_y) + y
        if not self._heights or virtual >= self._starts[-1]:
            return Strip.blank(width, base)
        index = self._block_at_y(virtual)
        line_number = virtual - self._starts[index]
        left, column = self._column()
        if column != self._width:  # the size changed under us: lay out again after this frame
            self.call_later(self.reflow)
        spans = self._spans(index)
        mode = current_mode()
        key = (
            index,
            line_number,
            width,
            left,
            column,
            self._width,
            self.harakat,
            spans,
            base,
            mode,
        )
        if (strip := self._strip_cache.get(key)) is not None:
            return strip
        lines = self.lines_of(index)
        if line_number >= len(lines):
            strip = Strip.blank(width, base)
        else:
            strip = line_strip(
                lines[line_number],
                width,
                base=base,
                left=left,
                column=column,
                mode=mode,
                source=self._block_text(index),
                offset=self._offsets[index],
            )
        self._strip_cache[key] = strip
        return strip

    def point_of(self, offset: int) -> tuple[int, int] | None:
        """(row on screen, column) of the cell that paints a logical offset, if visible."""
        index, line_number = self._locate(offset)
        row = self._starts[index] + line_number - round(self.scroll_y)
        if not 0 <= row < self.scrollable_content_region.height:
            return None
        line = self.lines_of(index)[line_number]
        left, column = self._column()
        x = left + (column - line.width if line.rtl else 0)
        mode = current_mode()
        for cell in ordered_cells(line, mode, self._block_text(index), self._offsets[index]):
            if cell.start <= offset < cell.end:
                return row, x
            x += cell.width
        return None

    def offset_at(self, x: int, y: int) -> int | None:
        """The logical offset of the cell painted at (column, row on screen), if any."""
        virtual = round(self.scroll_y) + y
        if not self._heights or not 0 <= virtual < self._starts[-1]:
            return None
        index = self._block_at_y(virtual)
        lines = self.lines_of(index)
        line_number = virtual - self._starts[index]
        if line_number >= len(lines):
            return None
        line = lines[line_number]
        left, column = self._column()
        position = left + (column - line.width if line.rtl else 0)
        mode = current_mode()
        for cell in ordered_cells(line, mode, self._block_text(index), self._offsets[index]):
            if position <= x < position + cell.width:
                return cell.start
            position += cell.width
        return None

    def on_click(self, event: events.Click) -> None:
        if self._index is None or (point := event.get_content_offset(self)) is None:
            return
        offset = self.offset_at(point.x, point.y)
        if offset is not None and (found := self._index.mention_at(offset)) is not None:
            self.post_message(self.MentionClicked(*found))


def _band(ranges: Iterable[tuple[int, int]], style: Style) -> list[Band]:
    """One band of (start, end) ranges in one style (none if there are no ranges)."""
    ordered = sorted(ranges)
    if not ordered:
        return []
    return [([start for start, _ in ordered], [end for _, end in ordered], style)]
