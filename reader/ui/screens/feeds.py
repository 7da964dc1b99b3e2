"""The Feeds screen: subscriptions with unread counts beside their items, as in newsboat.

Everything shown comes from the store; the network is used only when the reader refreshes
(`r` one feed, `R` all, a progress bar while it runs), adds a feed (refreshed at once) or
opens an item whose feed carries only a summary (its page is fetched and stored). Opening
an item marks it read; the article screen keeps the reading position per article. Every
title is foreign text and is painted through the layout engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.loader import Article, LoadError
from reader.store import FeedRow, ItemRow, Store
from reader.text.layout import Span
from reader.ui.dialogs.add_feed import AddFeedDialog
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.base import ReaderScreen
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.shaped import ShapedText
from reader.ui.widgets.vim_list import VimOptionList

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.web.refresh import Refreshed

MAX_ERROR_TOASTS = 3
"""Failed feeds reported one toast each, up to this many; the rest are counted."""


def two_lines(title: str, details: str, style: Style) -> ShapedText:
    """A list row: the title (foreign text, laid out by the engine) over dim details."""
    text = f"{title}\n{details}"
    spans = [Span(0, len(title), style), Span(len(title) + 1, len(text), Style(dim=True))]
    return ShapedText(text, spans=spans)


class FeedList(VimOptionList):
    """The subscriptions."""


class ItemList(VimOptionList):
    """The selected feed's items."""


class FeedsScreen(ReaderScreen):
    """Feeds on the left, the highlighted feed's items on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh", "Refresh", tooltip="Refresh the highlighted feed"),
        Binding("R", "refresh_all", "Refresh all", tooltip="Refresh every feed"),
        Binding("a", "add", "Add feed", tooltip="Subscribe to a feed and refresh it"),
        Binding("N", "toggle_read", "Read/unread", tooltip="Mark the item read or unread"),
        Binding("A", "feed_read", "All read", tooltip="Mark every item of the feed read"),
        Binding("s", "star", "Star", tooltip="Star the item: 'reader feed prune' keeps it"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self, feed: str | None = None) -> None:
        super().__init__()
        self.feeds: list[FeedRow] = []
        """The subscriptions, as listed."""
        self.items: list[ItemRow] = []
        """The highlighted feed's items, newest first."""
        self._wanted = feed
        self._store: Store | None = None

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        """The store, opened on the UI thread for reads and small writes."""
        if self._store is None:
            self._store = Store()
        return self._store

    def compose(self) -> ComposeResult:
        yield Static("Feeds", id="title")
        with Horizontal(id="feeds-body"):
            yield FeedList(id="feed-list")
            yield ItemList(id="item-list")
        yield ProgressBar(total=1, show_eta=False, id="refresh-progress")
        yield Static(id="feeds-status")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        try:
            self._load_feeds(select=self._wanted)
        except LoadError as err:
            self.reader_app.report(str(err), severity="error")
            return
        if self._wanted is not None and self.items:
            self.query_one(ItemList).focus()
        else:
            self.query_one(FeedList).focus()

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    def on_screen_resume(self) -> None:
        if self._store is not None:  # back from an article: read state and counts changed
            self._load_feeds()

    # lists ------------------------------------------------------------------------------

    @property
    def feed(self) -> FeedRow | None:
        """The highlighted feed."""
        index = self.query_one(FeedList).highlighted
        return self.feeds[index] if index is not None and index < len(self.feeds) else None

    @property
    def item(self) -> ItemRow | None:
        """The highlighted item."""
        index = self.query_one(ItemList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def _load_feeds(self, select: str | None = None) -> None:
        """Re-read the subscriptions, keeping (or moving to) the highlighted feed."""
        current = select or (self.feed.url if self.feed else None)
        self.feeds = self.store.feeds()
        options = self.query_one(FeedList)
        options.clear_options()
        if not self.feeds:
            options.add_option(
                Option("No feeds yet: a adds one, or 'reader feed add URL'", disabled=True)
            )
            self._show_items(None)
            self._status("")
            return
        options.add_options([Option(self._feed_prompt(feed)) for feed in self.feeds])
        urls = [feed.url for feed in self.feeds]
        options.highlighted = urls.index(current) if current in urls else 0
        self._show_items(self.feed)
        unread = sum(feed.unread for feed in self.feeds)
        self._status(f"{len(self.feeds)} feeds · {unread} unread")

    def _feed_prompt(self, feed: FeedRow) -> ShapedText:
        if feed.error:
            details = f"⚠ {feed.error}"
        elif feed.refreshed is None:
            details = "not refreshed yet: r"
        else:
            details = f"{feed.unread} unread · {feed.items} items"
        text = f"{feed.title}\n{details}"
        style = Style(bold=feed.unread > 0)
        spans = [
            Span(0, len(feed.title), style),
            Span(len(feed.title) + 1, len(text), Style(dim=True)),
        ]
        return ShapedText(text, spans=spans)

    def _show_items(self, feed: FeedRow | None) -> None:
        current = self.item.id if self.item else None
        self.items = self.store.items(feed.url) if feed else []
        options = self.query_one(ItemList)
        options.clear_options()
        if not self.items:
            empty = "No items: r refreshes the feed" if feed else ""
            options.add_option(Option(empty, disabled=True))
            return
        options.add_options([Option(self._item_prompt(item)) for item in self.items])
        ids = [item.id for item in self.items]
        options.highlighted = ids.index(current) if current in ids else 0

    def _item_prompt(self, item: ItemRow) -> ShapedText:
        marks = ("★ " if item.starred else "") + ("" if item.read else "● ")
        date = (item.published or "")[:10] or "no date"
        details = f"{marks}{date}" + ("" if item.complete else " · summary")
        text = f"{item.title}\n{details}"
        title_style = Style(bold=not item.read, dim=item.read)
        spans = [
            Span(0, len(item.title), title_style),
            Span(len(item.title) + 1, len(text), Style(dim=True)),
        ]
        return ShapedText(text, spans=spans)

    def _replace_item(self, index: int) -> None:
        self.query_one(ItemList).replace_option_prompt_at_index(
            index, self._item_prompt(self.items[index])
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "feed-list":
            event.stop()
            self._show_items(self.feed)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "feed-list":
            self.query_one(ItemList).focus()
        else:
            self._open(event.option_index)

    def _status(self, message: str) -> None:
        self.query_one("#feeds-status", Static).update(
            ShapedText(message, direction="ltr") if message else ""
        )

    # opening ----------------------------------------------------------------------------

    class ItemOpened(Message):
        """An item's article is ready (posted from the opening thread)."""

        def __init__(self, item: ItemRow, article: Article | None, error: str | None) -> None:
            super().__init__()
            self.item = item
            """The item opened."""
            self.article = article
            """Its article: the page, the feed's content, or the summary when the page failed."""
            self.error = error
            """Why the page could not be fetched, if it could not."""

    def _open(self, index: int) -> None:
        if index < len(self.items):
            self._status(f"opening {self.items[index].url}")
            self.open_item(self.items[index])

    @work(thread=True, exclusive=True, group="open-item")
    def open_item(self, item: ItemRow) -> None:
        """The item's article from the store, or its page fetched when only a summary is."""
        from reader.web.pages import open_url, stored_item

        article: Article | None = None
        error: str | None = None
        try:
            with Store() as store:
                linkless = item.url.startswith(item.feed + "#")
                if item.complete or linkless:
                    article = stored_item(store, item)
                else:
                    try:
                        opened = open_url(store, item.url)
                        article = opened if isinstance(opened, Article) else None
                    except LoadError as err:
                        error = str(err)
                        article = stored_item(store, item)
        except LoadError as err:  # the store itself
            error = str(err)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ItemOpened(item, article, error))

    def on_feeds_screen_item_opened(self, event: ItemOpened) -> None:
        self._status("")
        if event.error is not None:
            shown = " (showing the feed's summary)" if event.article else ""
            self.reader_app.report(event.error + shown, severity="error", title="cannot fetch")
        if event.article is None:
            return
        self._safely(lambda: self.store.set_read(event.item.id))
        self.app.push_screen(ArticleScreen(event.article))

    # refreshing -------------------------------------------------------------------------

    class RefreshProgress(Message):
        """One feed refreshed (posted from the refreshing thread)."""

        def __init__(self, result: Refreshed | None, done: int, total: int) -> None:
            super().__init__()
            self.result = result
            """How that feed went (None as the refresh starts)."""
            self.done = done
            """Feeds done so far."""
            self.total = total
            """Feeds in this refresh."""

    class RefreshDone(Message):
        """The refresh finished (posted from the refreshing thread)."""

        def __init__(self, results: list[Refreshed], error: str | None = None) -> None:
            super().__init__()
            self.results = results
            """Every feed's result."""
            self.error = error
            """Why the refresh could not run at all (the store), if so."""

    def action_refresh(self) -> None:
        if self.feed is not None:
            self.refresh_feeds([self.feed.url])

    def action_refresh_all(self) -> None:
        if self.feeds:
            self.refresh_feeds([feed.url for feed in self.feeds])

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_feeds(self, urls: list[str]) -> None:
        """Fetch the feeds concurrently, storing each as it arrives."""
        from reader.web.refresh import refresh_feeds

        self.post_message(self.RefreshProgress(None, 0, len(urls)))
        try:
            with Store() as store:
                chosen = [feed for url in urls if (feed := store.feed(url)) is not None]
                results = refresh_feeds(
                    store,
                    chosen,
                    progress=lambda result, done, total: self.post_message(
                        self.RefreshProgress(result, done, total)
                    ),
                )
        except LoadError as err:
            self.post_message(self.RefreshDone([], str(err)))
            return
        self.post_message(self.RefreshDone(results))

    def on_feeds_screen_refresh_progress(self, event: RefreshProgress) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=max(1, event.total), progress=event.done)
        self._status(f"refreshing: {event.done}/{event.total} feeds")

    def on_feeds_screen_refresh_done(self, event: RefreshDone) -> None:
        self.query_one(ProgressBar).display = False
        if event.error is not None:
            self.reader_app.report(event.error, severity="error")
            return
        self._load_feeds()
        failed = [result for result in event.results if result.error is not None]
        for result in failed[:MAX_ERROR_TOASTS]:
            self.reader_app.report(
                f"{result.url}: {result.error}", severity="error", title="refresh failed"
            )
        if len(failed) > MAX_ERROR_TOASTS:
            self.reader_app.report(
                f"{len(failed) - MAX_ERROR_TOASTS} more feeds failed: 'reader feed list' "
                "names them",
                severity="error",
            )
        new = sum(result.new for result in event.results)
        self._status(
            f"refreshed {len(event.results) - len(failed)} of {len(event.results)} feeds · "
            f"{new} new items"
        )

    # other keys -------------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(AddFeedDialog(), self._added)

    def _added(self, url: str | None) -> None:
        if not url:
            return
        if self._safely(lambda: self.store.add_feed(url)):
            self._load_feeds(select=url)
            self.refresh_feeds([url])

    def action_toggle_read(self) -> None:
        if self._change_item(lambda item: self.store.set_read(item.id, not item.read)):
            self._refresh_feed_row()

    def action_feed_read(self) -> None:
        if (feed := self.feed) is not None and self._safely(
            lambda: self.store.set_feed_read(feed.url)
        ):
            self._load_feeds()

    def action_star(self) -> None:
        if self._change_item(lambda item: self.store.set_starred(item.id, not item.starred)):
            starred = self.item is not None and self.item.starred
            self._status("starred: 'reader feed prune' keeps it" if starred else "")

    def _change_item(self, change: Callable[[ItemRow], object]) -> bool:
        """Apply a change to the highlighted item and repaint its row."""
        index = self.query_one(ItemList).highlighted
        if (item := self.item) is None or index is None or not self._safely(lambda: change(item)):
            return False
        self.items[index] = self.store.item(item.id) or item
        self._replace_item(index)
        return True

    def _safely(self, change: Callable[[], object]) -> bool:
        """Run a change to the store; a failure (disk full, locked) is a toast."""
        try:
            change()
        except LoadError as err:
            self.reader_app.report(str(err), severity="error")
            return False
        return True

    def _refresh_feed_row(self) -> None:
        index = self.query_one(FeedList).highlighted
        if index is None or self.feed is None:
            return
        updated = self.store.feed(self.feed.url)
        if updated is not None:
            self.feeds[index] = updated
            self.query_one(FeedList).replace_option_prompt_at_index(
                index, self._feed_prompt(updated)
            )

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
