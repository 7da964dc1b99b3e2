"""One article: the text, the entity pane beside it, search, and the status line.

The screen owns the navigation state (selected entity and mention, search matches) and
tells the view what to highlight; the pane and the view only report what the reader did.
Extraction and search run in thread workers so the article can be read at once.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.entities import Entity, EntityType
from reader.loader import Article
from reader.state import article_key
from reader.text.sanitize import LEFT_MARK, RIGHT_MARK, forces_direction, neutralise
from reader.text.search import SearchIndex
from reader.ui import clipboard
from reader.ui.entity_index import EntityIndex
from reader.ui.screens.base import ReaderScreen
from reader.ui.widgets.article_view import (
    DEFAULT_TEXT_WIDTH,
    MIN_TEXT_WIDTH,
    WIDTH_STEP,
    ArticleView,
)
from reader.ui.widgets.entity_pane import TYPE_NAMES, TYPES, EntityPane
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

PANE_CYCLE = {
    ("left", True): ("right", True),
    ("right", True): ("right", False),
    ("right", False): ("left", True),
    ("left", False): ("left", True),
}
"""`p` moves the pane left → right → hidden → left."""


SWITCH_INTERVAL = 0.001
"""Seconds the extractor's thread holds the GIL while the event loop waits for it."""


def read_percent(place: str) -> int:
    """How far an article has been read, from where its view is (All, Top, Bot, 37%)."""
    if place in ("All", "Bot"):
        return 100
    return int(place.rstrip("%")) if place.endswith("%") else 0


class Abandoned(Exception):
    """Raised from the progress callback when the screen has gone: stops the extractor."""


class ArticleScreen(ReaderScreen):
    """Reading one article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("tab", "app.focus_next", "Pane/text", tooltip="Move between pane and article"),
        Binding("n", "step(1)", "Next", tooltip="Next search match or mention"),
        Binding("N", "step(-1)", "Previous", show=False, tooltip="Previous match or mention"),
        Binding("a", "colour_all", "All entities", tooltip="Colour every entity by type"),
        Binding("p", "cycle_pane", "Pane", tooltip="Pane on the left, on the right, hidden"),
        Binding("d", "harakat", "Harakat", tooltip="Show or hide harakat (short vowels)"),
        Binding("plus", "width(1)", "Wider", show=False),
        Binding("minus", "width(-1)", "Narrower", show=False),
        Binding("equals_sign", "width(0)", "Reset width", show=False),
        Binding("y", "copy", "Copy", tooltip="Copy the entity or paragraph, logical order"),
        Binding(
            "o",
            "elsewhere",
            "Elsewhere",
            tooltip="Other stored articles that mention the selected entity or a variant",
        ),
        *(
            Binding(str(key), f"filter({kind!r})", f"{TYPE_NAMES[kind]} filter", show=False)
            for key, kind in enumerate(TYPES, 1)
        ),
        Binding("escape", "back", "Back / clear", show=False),
        Binding("l", "library", "Library", show=False),
    ]

    def __init__(self, article: Article, entities: Sequence[Entity] | None = None) -> None:
        super().__init__()
        self.article = article
        """The article on show."""
        self.key = article_key(article)
        """Its key in the reading-position store."""
        self.entities: list[Entity] | None = list(entities) if entities is not None else None
        """The extractor's result, None while it runs."""
        self.entity: int | None = None
        """Selected entity (index into `entities`)."""
        self.mention = 0
        """Current mention of the selected entity."""
        self.matches: list[tuple[int, int]] = []
        """Search matches, logical ranges in reading order."""
        self.match: int | None = None
        """Current match."""
        self.stepping: Literal["entity", "search"] = "entity"
        """What n/N step through: the last thing the reader asked for."""
        self.colour_all = False
        """Whether every entity is coloured by type."""
        self._search_origin = 0
        self._header_shown = False
        self._header_shows_title = False
        self._clicked: tuple[int, int] | None = None
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def selected_entity(self) -> Entity | None:
        """The selected entity itself, if any."""
        if self.entities is None or self.entity is None:
            return None
        return self.entities[self.entity]

    @property
    def view(self) -> ArticleView:
        """The article view."""
        return self.query_one(ArticleView)

    @property
    def pane(self) -> EntityPane:
        """The entity pane."""
        return self.query_one(EntityPane)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar."""
        return self.query_one(SearchBar)

    def compose(self) -> ComposeResult:
        settings = self.reader_app.state.settings
        yield Static(id="title")
        with Horizontal(id="body"):
            yield EntityPane(id="pane")
            view = ArticleView(self.article.text, id="article")
            view.anchor = self.reader_app.state.position(self.key) or 0
            view.harakat = settings.harakat
            view.text_width = settings.text_width
            yield view
        search = SearchBar(history=self.reader_app.search_history, id="search")
        search.display = False
        yield search
        yield StatusLine(id="status")
        yield ReaderFooter()

    def on_mount(self) -> None:
        settings = self.reader_app.state.settings
        self._place_pane(settings.pane_side, settings.pane_visible)
        self.status.show_mode(self.reader_app.terminal.status())
        self.view.focus()
        if self.article.warning:  # bytes that were not UTF-8, say
            self.reader_app.report(self.article.warning, severity="warning")
        if forces_direction(self.article.text):  # said once; the marks stay in the text
            self.status.show(
                f"direction overrides in this article are marked {LEFT_MARK} {RIGHT_MARK}"
            )
        self.call_after_refresh(self.reader_app.remember, self.article)
        if self.entities is None:  # after the first paint: the thread competes for the GIL
            self.call_after_refresh(self.extract)
        else:
            self._entities_ready(self.entities)

    def on_unmount(self) -> None:
        self.reader_app.save_state()
        gc.unfreeze()  # what this article froze may go now

    # extraction -----------------------------------------------------------------------

    class EntitiesFound(Message):
        """The extractor finished (posted from its thread)."""

        def __init__(self, entities: list[Entity], index: EntityIndex) -> None:
            super().__init__()
            self.entities = entities
            """Everything it found."""
            self.index = index
            """The same, grouped for the pane and sorted for the view (built in the thread)."""

    class ExtractionFailed(Message):
        """The extractor raised (posted from its thread)."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason
            """One line for the pane."""

    class MatchesFound(Message):
        """A search finished (posted from its thread)."""

        def __init__(self, query: str, matches: list[tuple[int, int]]) -> None:
            super().__init__()
            self.query = query
            """The query searched for."""
            self.matches = matches
            """Its matches, logical ranges."""

    @work(thread=True, exclusive=True, group="extract")
    def extract(self) -> None:
        """Run the extractor off the event loop, reporting progress to the pane.

        Results travel as messages (`post_message` is thread-safe and never blocks), so a
        worker still running while the app exits cannot wait on a loop that has stopped.
        The pane's groups and the sorted mentions are built here too, so that handing a big
        result over costs the event loop next to nothing.

        Meanwhile the event loop must keep answering keys: the thread gives up the GIL
        every millisecond when the loop wants it (Python's default is 5 ms, and a repaint
        takes many turns), and what the extractor has built so far is frozen at each step
        of progress (`gc.freeze`), since the full collections over its growing heap stopped
        every thread for 100-170 ms at a time (measured on 1 MB of news). Each step first
        collects everything not yet frozen (what was made since the previous step: a few
        ms), since frozen garbage is never freed: collecting only the young generations
        froze the repaints' older garbage with the rest, 135,000 objects (strips, their
        caches, segments) over a 10 MB article read while it was extracted. Once done,
        everything alive is frozen, so no later collection walks the result either.
        """
        from reader.entities import extract_entities

        worker = get_current_worker()
        pane = self.pane
        last = [-1]

        def progress(fraction: float) -> None:
            if worker.is_cancelled:
                raise Abandoned
            step = int(fraction * 50)
            if step != last[0]:
                last[0] = step
                gc.collect()  # garbage frozen would stay (see above)
                gc.freeze()
                pane.post_message(EntityPane.Progress(fraction))

        interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            entities = extract_entities(self.article.text, progress)
            index = EntityIndex(entities)
        except Abandoned:
            return
        except Exception as err:  # the pane reports it; the article stays readable
            self.post_message(self.ExtractionFailed(f"entity extraction failed: {err}"))
            return
        finally:
            gc.freeze()
            sys.setswitchinterval(interval)
        if not worker.is_cancelled:
            self.post_message(self.EntitiesFound(entities, index))

    def on_article_screen_entities_found(self, event: EntitiesFound) -> None:
        self._entities_ready(event.entities, event.index)

    def on_article_screen_extraction_failed(self, event: ExtractionFailed) -> None:
        self.pane.set_failed(event.reason)

    def _entities_ready(self, entities: list[Entity], index: EntityIndex | None = None) -> None:
        self.entities = entities
        self.reader_app.entity_cache[self.key] = entities
        self.pane.set_entities(entities, index)
        self._show_mentions()
        # The result and the index are long-lived (a cached result arrives here without the
        # worker): spare every later full collection from walking them (a million objects
        # for a 10 MB article, 0.35 s a time).
        gc.freeze()

    def _show_mentions(self) -> None:
        if self.pane.index is None:
            return
        colour = self.pane.filters if self.colour_all else frozenset()
        self.view.show_mentions(self.pane.index, colour=colour)

    # entity selection -----------------------------------------------------------------

    def on_entity_pane_highlighted(self, event: EntityPane.Highlighted) -> None:
        clicked, self._clicked = self._clicked, None
        if event.entity is None or self.entities is None:
            self.entity = None
            self.view.select(None)
            self.status.show("")
            return
        mention = clicked[1] if clicked and clicked[0] == event.entity else 0
        self._select(event.entity, mention, scroll=clicked is None)

    def on_entity_pane_chosen(self, event: EntityPane.Chosen) -> None:
        if self.entity != event.entity:
            self._select(event.entity, 0)
        self.view.focus()

    def on_article_view_mention_clicked(self, event: ArticleView.MentionClicked) -> None:
        if self.pane.selected == event.entity:
            self._select(event.entity, event.mention, scroll=False)
        else:
            self._clicked = (event.entity, event.mention)
            self.pane.select(event.entity)

    def _select(self, entity: int, mention: int, *, scroll: bool = True) -> None:
        assert self.entities is not None
        chosen = self.entities[entity]
        self.entity, self.mention, self.stepping = entity, mention, "entity"
        self.view.select(chosen, mention)
        if scroll:
            self.view.scroll_to_offset(chosen.mentions[mention].start, center=True)
        self.status.show(f"mention {mention + 1}/{len(chosen.mentions)} · {chosen.name}")

    # search ---------------------------------------------------------------------------

    def _show_header(self) -> None:
        """The title is the article's first paragraph: the header shows it once that has
        scrolled out of view (cut with an ellipsis), and the article's source meanwhile."""
        showing_title = not self.view.title_in_view()
        if showing_title == self._header_shows_title and self._header_shown:
            return
        self._header_shown, self._header_shows_title = True, showing_title
        header = self.query_one("#title", Static)
        header.set_class(not showing_title, "-source")
        if showing_title:
            header.update(ShapedText(self.article.title, style=Style(bold=True), truncate=True))
        else:
            source = self.article.source
            name = "standard input" if source == "-" else source.rstrip("/").rsplit("/", 1)[-1]
            header.update(ShapedText(neutralise(name), truncate=True))

    def action_search(self) -> None:
        self._search_origin = self.view.anchor
        self.search_bar.open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.run_search(event.query)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.view.focus()

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        self._clear_search()

    def _search_index(self) -> SearchIndex:
        with self._index_lock:
            if self._index is None:
                self._index = SearchIndex(self.article.text)
            return self._index

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Find matches off the event loop (a 10 MB article takes a moment)."""
        matches = self._search_index().find(query) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(self.MatchesFound(query, matches))

    def on_article_screen_matches_found(self, event: MatchesFound) -> None:
        query, matches = event.query, event.matches
        if query != self.search_bar.query_text:
            return
        self.matches = matches
        self.stepping = "search"
        self.match = None
        if matches:
            after = [i for i, (start, _) in enumerate(matches) if start >= self._search_origin]
            self._go_to_match(after[0] if after else 0)
        else:
            self.view.show_matches([], None)
            self.search_bar.set_count(None, 0)
            self.status.show("no match" if query.strip() else "")

    def _go_to_match(self, index: int) -> None:
        self.match = index
        start, _end = self.matches[index]
        self.view.show_matches(self.matches, index)
        self.view.scroll_to_offset(start, center=True)
        self.search_bar.set_count(index, len(self.matches))
        self.status.show(f"search {index + 1}/{len(self.matches)}")

    def _clear_search(self) -> None:
        self.matches, self.match = [], None
        self.search_bar.close()
        self.view.show_matches([], None)
        if self.entity is not None and self.entities is not None:
            self._select(self.entity, self.mention, scroll=False)
        else:
            self.status.show("")
        self.view.focus()

    # keys -----------------------------------------------------------------------------

    def action_step(self, direction: int) -> None:
        """n/N: next or previous search match or mention, wrapping around."""
        if self.stepping == "search":
            if self.matches:
                self._go_to_match(((self.match or 0) + direction) % len(self.matches))
            else:  # the search found nothing: say so, rather than step through something else
                self.status.show("no matches (Esc clears the search)")
        elif self.entity is not None and self.entities is not None:
            count = len(self.entities[self.entity].mentions)
            self._select(self.entity, (self.mention + direction) % count)
        else:
            self.status.show("select an entity or search first")

    def action_colour_all(self) -> None:
        self.colour_all = not self.colour_all
        self._show_mentions()
        self.status.show("all entities coloured" if self.colour_all else "")

    def action_filter(self, kind: EntityType) -> None:
        self.pane.toggle_filter(kind)
        self._show_mentions()
        entities, entity = self.entities, self.entity
        if (
            entities is not None
            and entity is not None
            and entities[entity].type not in self.pane.filters
        ):
            self.entity = None
            self.view.select(None)
        shown = ", ".join(TYPE_NAMES[k] for k in TYPES if k in self.pane.filters) or "nothing"
        self.status.show(f"showing: {shown}")

    def _place_pane(self, side: str, visible: bool) -> None:
        body = self.query_one("#body")
        body.set_class(side == "right", "-pane-right")
        self.pane.display = visible

    def action_cycle_pane(self) -> None:
        settings = self.reader_app.state.settings
        settings.pane_side, settings.pane_visible = PANE_CYCLE[
            (settings.pane_side, settings.pane_visible)
        ]
        self._place_pane(settings.pane_side, settings.pane_visible)
        if not settings.pane_visible:
            self.view.focus()
        self.status.show(
            f"pane on the {settings.pane_side}" if settings.pane_visible else "pane hidden (p)"
        )

    def action_harakat(self) -> None:
        view = self.view
        view.harakat = not view.harakat
        self.reader_app.state.settings.harakat = view.harakat
        self.status.show("harakat shown" if view.harakat else "harakat hidden")

    def action_width(self, change: int) -> None:
        view = self.view
        current = view.text_width or DEFAULT_TEXT_WIDTH
        wanted = None if change == 0 else max(MIN_TEXT_WIDTH, current + change * WIDTH_STEP)
        view.text_width = wanted
        self.reader_app.state.settings.text_width = wanted
        wanted = wanted or DEFAULT_TEXT_WIDTH
        fits = view.column_width()
        self.status.show(
            f"text width {wanted}" + (f" (the window fits {fits})" if fits < wanted else "")
        )

    def action_copy(self) -> None:
        """Copy the selected entity, or the paragraph at the top, in logical order.

        Pasted into a shell, a raw ESC could end a bracketed paste and type commands, so
        controls are copied as their pictures and the bidi controls are left out.
        """
        if self.pane.has_focus_within and self.entity is not None and self.entities:
            text = self.entities[self.entity].name
        else:
            view = self.view
            text = view.paragraph_text(view.paragraph_at(view.anchor))
        self.copy(neutralise(text, "copy"))

    @work(thread=True, exclusive=True, group="copy")
    def copy(self, text: str) -> None:
        """Copy off the event loop (a clipboard program can take a moment) and say how."""
        how = clipboard.copy(
            text, lambda t: self.app.call_from_thread(self.app.copy_to_clipboard, t)
        )
        self.app.call_from_thread(self.status.show, f"{len(text)} characters {how}")

    def action_elsewhere(self) -> None:
        """The other stored articles that mention the selected entity."""
        from reader.store import store_key
        from reader.ui.screens.elsewhere import ElsewhereScreen, variants

        entity = self.selected_entity
        if entity is None:
            self.status.show("select an entity first (Tab to the pane)")
            return
        exclude = store_key(self.article.source)
        self.app.push_screen(ElsewhereScreen(entity.name, variants(entity), exclude))

    def action_back(self) -> None:
        if self.search_bar.display or self.matches:
            self._clear_search()
        else:
            self.action_library()

    def action_library(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.status.show("no library: only one article was opened")

    def on_article_view_moved(self, event: ArticleView.Moved) -> None:
        self.status.show_place(event.place)
        self._show_header()
        state = self.reader_app.state
        state.set_position(self.key, event.offset)
        state.set_progress(self.key, read_percent(event.place))
