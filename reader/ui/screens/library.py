"""Several articles: a list of titles with entity counts that fill in as they are found.

Loading and extraction run in one background worker, file by file, so the list is usable
at once; a file that fails to load shows its one-line message and the rest stay usable.
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
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.entities import Entity
from reader.loader import Article, LoadError
from reader.state import article_key
from reader.text.layout import Span
from reader.text.sanitize import neutralise
from reader.ui.screens.article import Abandoned, ArticleScreen
from reader.ui.screens.base import ReaderScreen
from reader.ui.widgets.entity_pane import TYPE_NAMES, TYPES
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


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


class LibraryScreen(ReaderScreen):
    """The list of articles opened together."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", show=True)]

    def __init__(self, sources: list[Path | Article]) -> None:
        super().__init__()
        self.entries = [Entry(source) for source in sources]
        """One entry per source, in the order given."""

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(f"Library · {len(self.entries)} articles", id="title")
        yield ArticleList(*[self._option(i) for i in range(len(self.entries))], id="library")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.scan()

    def _prompt(self, entry: Entry) -> ShapedText:
        """Title line plus a details line (counts, or the error)."""
        if entry.error is not None:
            return ShapedText(
                f"⚠ {neutralise(entry.error)}", direction="ltr", style=Style(color="red", bold=True)
            )
        title = entry.article.title if entry.article else "loading…"
        if entry.error_counts is not None:
            details = f"{entry.label} · {neutralise(entry.error_counts)}"
        elif entry.counts is None:
            details = f"{entry.label} · finding entities…"
        else:
            counts = " · ".join(f"{TYPE_NAMES[k]} {entry.counts.get(k, 0)}" for k in TYPES)
            details = f"{entry.label} · {counts}"
        text = f"{title}\n{details}"
        return ShapedText(
            text,
            spans=[
                Span(0, len(title), Style(bold=True)),
                Span(len(title) + 1, len(text), Style(dim=True)),
            ],
        )

    def _option(self, index: int) -> Option:
        return Option(self._prompt(self.entries[index]), id=f"a{index}")

    class EntryChanged(Message):
        """The scan learnt something about an entry (posted from its thread)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index
            """Which entry."""

    def on_library_screen_entry_changed(self, event: EntryChanged) -> None:
        self._refresh_entry(event.index)

    def _refresh_entry(self, index: int) -> None:
        self.query_one(ArticleList).replace_option_prompt_at_index(
            index, self._prompt(self.entries[index])
        )

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

    def action_open(self) -> None:
        options = self.query_one(ArticleList)
        if options.highlighted is not None:
            self._open(options.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

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
