"""`o` on an entity: the other stored articles that mention it, by its name or a variant.

The variants are the forms the article itself uses for the entity (its mentions, clitics
already cut off), searched with the same folding as `/`; the store holds every page
fetched, every feed item and every file the app opened, so this reads across everything
read before, offline. Enter opens a result from the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.loader import Article, LoadError
from reader.store import Found, Store
from reader.ui.screens.base import ReaderScreen
from reader.ui.screens.feeds import two_lines
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from reader.entities import Entity
    from reader.ui.app import ReaderApp

LIMIT = 50


def variants(entity: Entity) -> list[str]:
    """The entity's name and every other form the article writes it in."""
    forms = [entity.name, *(mention.text for mention in entity.mentions)]
    return list(dict.fromkeys(" ".join(form.split()) for form in forms if form.strip()))


class FoundList(VimOptionList):
    """The articles found."""


class ElsewhereScreen(ReaderScreen):
    """Stored articles that mention an entity."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, name: str, queries: Sequence[str], exclude: str | None) -> None:
        super().__init__()
        self.name_shown = name
        """The entity's name, for the title."""
        self.queries = list(queries)
        """Its name and variants."""
        self.exclude = exclude
        """The store key of the article it came from."""
        self.found: list[Found] | None = None
        """The results, once searched."""

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(ShapedText(f"Elsewhere: {self.name_shown}"), id="title")
        yield FoundList(Option("searching the store…", disabled=True), id="found")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.query_one(FoundList).focus()
        self.search()

    class Searched(Message):
        """The search finished (posted from its thread)."""

        def __init__(self, found: list[Found], error: str | None) -> None:
            super().__init__()
            self.found = found
            """What it found."""
            self.error = error
            """Why it could not search, if so."""

    @work(thread=True, exclusive=True, group="elsewhere")
    def search(self) -> None:
        """Search the store off the event loop."""
        exclude = [self.exclude] if self.exclude else []
        try:
            with Store() as store:
                found = store.search(self.queries, limit=LIMIT, exclude=exclude)
        except LoadError as err:
            self.post_message(self.Searched([], str(err)))
            return
        self.post_message(self.Searched(found, None))

    def on_elsewhere_screen_searched(self, event: Searched) -> None:
        self.found = event.found
        options = self.query_one(FoundList)
        options.clear_options()
        if event.error is not None:
            self.reader_app.report(event.error, severity="error")
        if not event.found:
            options.add_option(Option("No other stored article mentions it", disabled=True))
            return
        for result in event.found:
            times = "mention" if result.matches == 1 else "mentions"
            details = f"{result.matches} {times} · {result.source}\n{result.snippet}"
            options.add_option(Option(two_lines(result.title, details, Style(bold=True))))
        options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def action_open(self) -> None:
        if (index := self.query_one(FoundList).highlighted) is not None:
            self._open(index)

    def _open(self, index: int) -> None:
        from reader.ui.screens.article import ArticleScreen

        if not self.found or index >= len(self.found):
            return
        source = self.found[index].source
        try:
            with Store() as store:
                document = store.document(source)
        except LoadError as err:
            self.reader_app.report(str(err), severity="error")
            return
        if document is None:
            self.reader_app.report(f"{source}: no longer stored", severity="error")
            return
        article = Article(source=source, title=document.title, text=document.text)
        self.app.push_screen(ArticleScreen(article))

    def action_back(self) -> None:
        self.app.pop_screen()
