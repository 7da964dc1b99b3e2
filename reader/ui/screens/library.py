"""Several articles: a list of titles with entity counts that fill in as they are found.

Loading and extraction run in one background worker, file by file, so the list is usable
at once; a file that fails to load shows its one-line message and the rest stay usable.
Each article says how far it has been read (`37%`, `✓` when finished, `new` when never
opened); the list opens at the article read last, and `/` filters it by title with the
article search's Arabic-aware matching.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.entities import Entity
from reader.loader import Article, LoadError
from reader.state import article_key
from reader.text.layout import Span
from reader.text.sanitize import neutralise
from reader.text.search import SearchIndex
from reader.ui.screens.article import Abandoned, ArticleScreen
from reader.ui.screens.base import ReaderScreen
from reader.ui.widgets.entity_pane import TYPE_NAMES, TYPES
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.shaped_input import ShapedInput
from reader.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


def _title_matches(entry: Entry, query: str) -> bool:
    """Whether an entry's title holds `query`, folded as the article search folds it."""
    return entry.article is not None and bool(SearchIndex(entry.article.title).find(query))


class Entry:
    """What the library knows about one source."""

    def __init__(self, source: Path | Article) -> None:
        self.source = source
        """The path to load, or an article already loaded."""
        self.article: Article | None = source if isinstance(source, Article) else None
        """The loaded article."""
        self.error: str | None = None
        """The loader's one-line message when the file cannot be opened."""
        self.counts: Counter[str] | None = None
        """Entities per type, once extracted."""
        self.error_counts: str | None = None
        """Why the counts are missing, when extraction failed."""

    @property
    def label(self) -> str:
        """The source's name as given, neutralised: a file name may hold escape sequences."""
        return neutralise(self.article.source if self.article else str(self.source))


class ArticleList(VimOptionList):
    """The library's list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--details", "article-list--error"}


class LibraryScreen(ReaderScreen):
    """The list of articles opened together."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", tooltip="Show only the articles whose title matches"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, sources: list[Path | Article]) -> None:
        super().__init__()
        self.entries = [Entry(source) for source in sources]
        """One entry per source, in the order given."""
        self.shown: list[int] = list(range(len(self.entries)))
        """The entries the filter lets through, in order (indices into `entries`)."""
        self._reopened = False

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="title")
        field = ShapedInput(placeholder="filter by title", id="library-filter")
        field.display = False
        yield field
        yield ArticleList(*[self._option(i) for i in self.shown], id="library")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.scan()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        for index in self.shown:  # back from an article: its progress moved
            self._refresh_entry(index)

    def _heading(self) -> str:
        """`Library · 3 articles`, counting what can be read, and what cannot."""
        failed = sum(entry.error is not None for entry in self.entries)
        readable = len(self.entries) - failed
        text = f"Library · {readable} article{'' if readable == 1 else 's'}"
        return text + (f" · {failed} cannot be opened" if failed else "")

    def _progress(self, entry: Entry) -> str:
        """`new`, `37%` or `✓ read` for an article, from the saved state."""
        if entry.article is None:
            return ""
        key = article_key(entry.article)
        state = self.reader_app.state
        percent = state.progress.get(key)
        if percent is None:
            return "new" if state.position(key) is None else "0%"
        return "✓ read" if percent >= 100 else f"{percent}%"

    def _prompt(self, entry: Entry) -> ShapedText:
        """Title line plus a details line (progress, source, counts; or the error)."""
        styles = self.query_one(ArticleList) if self.is_mounted else None
        if entry.error is not None:
            error = (
                styles.get_component_rich_style("article-list--error", partial=True)
                if styles
                else None
            )
            return ShapedText(f"⚠ {neutralise(entry.error)}", direction="ltr", style=error)
        title = entry.article.title if entry.article else "loading…"
        parts = [self._progress(entry), entry.label]
        if entry.error_counts is not None:
            parts.append(neutralise(entry.error_counts))
        elif entry.counts is None:
            parts.append("finding entities…")
        else:
            parts += [f"{TYPE_NAMES[k]} {entry.counts.get(k, 0)}" for k in TYPES]
        details = " · ".join(part for part in parts if part)
        text = f"{title}\n{details}"
        muted = (
            styles.get_component_rich_style("article-list--details", partial=True)
            if styles
            else Style()
        )
        return ShapedText(
            text,
            spans=[
                Span(0, len(title), Style(bold=True)),
                Span(len(title) + 1, len(text), muted),
            ],
        )

    def _option(self, index: int) -> Option:
        return Option(self._prompt(self.entries[index]), id=f"a{index}")

    # filter ---------------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#library-filter", ShapedInput)
        field.display = True
        field.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#library-filter", ShapedInput)
        if field.display:
            field.value = ""
            field.display = False
            self._apply_filter("")
            self.query_one(ArticleList).focus()

    def on_shaped_input_changed(self, event: ShapedInput.Changed) -> None:
        event.stop()
        self._apply_filter(event.value)

    def on_shaped_input_submitted(self, event: ShapedInput.Submitted) -> None:
        event.stop()
        self.query_one(ArticleList).focus()

    def _apply_filter(self, query: str) -> None:
        """Show the entries whose title matches `query` as the article search matches."""
        current = self._highlighted_entry()
        self.shown = [
            index
            for index, entry in enumerate(self.entries)
            if not query.strip() or _title_matches(entry, query)
        ]
        options = self.query_one(ArticleList)
        options.clear_options()
        options.add_options([self._option(index) for index in self.shown])
        if current in self.shown:
            options.highlighted = self.shown.index(current)
        elif self.shown:
            options.highlighted = 0

    def _highlighted_entry(self) -> int | None:
        options = self.query_one(ArticleList)
        if options.highlighted is None or options.highlighted >= len(self.shown):
            return None
        return self.shown[options.highlighted]

    class EntryChanged(Message):
        """The scan learnt something about an entry (posted from its thread)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index
            """Which entry."""

    def on_library_screen_entry_changed(self, event: EntryChanged) -> None:
        self._refresh_entry(event.index)
        self.query_one("#title", Static).update(self._heading())
        if not self._reopened and all(e.article or e.error for e in self.entries):
            self._reopened = True
            self._reopen_last_read()

    def _refresh_entry(self, index: int) -> None:
        if index in self.shown:
            self.query_one(ArticleList).replace_option_prompt_at_index(
                self.shown.index(index), self._prompt(self.entries[index])
            )

    def _reopen_last_read(self) -> None:
        """Put the cursor on the article read last (positions are kept most recent last)."""
        recency = {key: order for order, key in enumerate(self.reader_app.state.positions)}
        read = [
            (recency[key], index)
            for index, entry in enumerate(self.entries)
            if entry.article is not None and (key := article_key(entry.article)) in recency
        ]
        if read and max(read)[1] in self.shown:
            self.query_one(ArticleList).highlighted = self.shown.index(max(read)[1])

    @work(thread=True, exclusive=True, group="library")
    def scan(self) -> None:
        """Load every source, then extract each one's entities for the counts."""
        from reader.entities import extract_entities
        from reader.loader import load_article

        worker = get_current_worker()
        app = self.reader_app

        def progress(_fraction: float) -> None:
            if worker.is_cancelled:
                raise Abandoned

        for index, entry in enumerate(self.entries):
            if entry.article is None:
                try:
                    entry.article = load_article(
                        entry.source, encoding=app.encoding, max_size=app.max_size
                    )
                except LoadError as err:
                    entry.error = str(err)
                if worker.is_cancelled:
                    return
                self.post_message(self.EntryChanged(index))
        for index, entry in enumerate(self.entries):
            if entry.article is None:
                continue
            key = article_key(entry.article)
            entities = app.entity_cache.get(key)
            if entities is None:
                try:
                    entities = extract_entities(entry.article.text, progress)
                except Abandoned:
                    return
                except Exception as err:  # counts stay unknown; the article still opens
                    entry.error_counts = f"entity extraction failed: {err}"
                    self.post_message(self.EntryChanged(index))
                    continue
                app.entity_cache[key] = entities
            entry.counts = Counter(entity.type for entity in entities)
            if worker.is_cancelled:
                return
            self.post_message(self.EntryChanged(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self.shown[event.option_index])

    def _open(self, index: int) -> None:
        entry = self.entries[index]
        if entry.error is not None:
            self.reader_app.report(entry.error, title="cannot open", severity="error")
            return
        if entry.article is None:
            self.notify("still loading…")
            return
        entities: list[Entity] | None = self.reader_app.entity_cache.get(article_key(entry.article))
        self.app.push_screen(ArticleScreen(entry.article, entities))
