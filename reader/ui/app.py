"""The reader app: one article opens its screen, several open the library.

Every line is laid out by the engine and written through the terminal's output mode
(`reader.terminal`). Terminals that reorder right-to-left text by themselves (VTE,
Konsole, mlterm) are told not to once the application screen is up, and given their own
bidi back when the app exits or is suspended. The mode can be switched from the command
palette, which saves the choice; a mode that is not the detected one shows in the status
line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel

from reader.entities import Entity
from reader.loader import DEFAULT_MAX_SIZE, Article, LoadError, load_article
from reader.resources import resource_dir
from reader.state import State
from reader.store import Store, store_key
from reader.terminal.choice import TerminalChoice, choose
from reader.terminal.detect import Detection
from reader.terminal.modes import OutputMode
from reader.ui import signals
from reader.ui.commands import ReaderCommands
from reader.ui.dialogs.help import HelpDialog, HelpGroup
from reader.ui.palette import theme_variables
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.elsewhere import ElsewhereScreen
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.library import ArticleList, LibraryScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_pane import EntityList
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.shaped import toast_text
from reader.ui.widgets.status_line import StatusLine
from reader.web import is_url

TOAST_WIDTH = 58
"""Text cells inside a Textual toast (60 wide with one cell of padding on each side)."""
UNDETECTED = Detection(None, None, "not detected", "guess")
"""The terminal of an app started without one (tests): cells as sent, no switches."""


class ReaderApp(App[None]):
    """A terminal reader for Arabic news with an entity pane."""

    TITLE = "reader"
    CSS_PATH: ClassVar[list[str | PurePath]] = [resource_dir("styles") / "reader.tcss"]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+z", "suspend_process", "Suspend", show=False),
        Binding("f", "feeds", "Feeds", tooltip="Feeds: subscriptions and their items"),
    ]

    def __init__(
        self,
        sources: Sequence[Path | Article],
        *,
        encoding: str | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
        terminal: TerminalChoice | None = None,
        feeds: bool = False,
        feed: str | None = None,
    ) -> None:
        super().__init__()
        self.sources = list(sources)
        """Paths or loaded articles, as given on the command line."""
        self.start_feed = feed
        """A feed's URL to show its items at start (`reader FEED_URL`)."""
        self.start_feeds = feeds or feed is not None
        """Whether the Feeds screen opens at start."""
        self.encoding = encoding
        """Forced encoding for the paths, or None to detect."""
        self.max_size = max_size
        """The largest file the app opens, in bytes."""
        self.state = State.load()
        """Settings and reading positions."""
        self.terminal = terminal or choose(UNDETECTED, self.state.settings.terminal_mode, None)
        """The detected terminal and the output mode in use."""
        self.save_failure: str | None = None
        """Why the last save of the state failed, if it did (reported after exit)."""
        self.quit_signal: int | None = None
        """The signal that ended the app, if one did."""
        self.search_history: list[str] = []
        """Queries searched for in this session, oldest first (`/` recalls the last)."""
        self.entity_cache: dict[str, list[Entity]] = {}
        """Extracted entities per article key, shared by the library and article screens."""
        for name, theme in list(self.available_themes.items()):
            if theme.ansi:
                # ANSI themes draw in the terminal's own palette, whose contrast the reader
                # cannot know, let alone bring to 4.5:1 (see reader.ui.palette).
                self.unregister_theme(name)
        if self.state.settings.theme in self.available_themes:
            self.theme = self.state.settings.theme

    @property
    def output_mode(self) -> OutputMode:
        """How painted cells are written to this terminal (`reader.ui.cells` reads it)."""
        return self.terminal.mode

    def on_mount(self) -> None:
        signals.install(self)
        self._write(self.terminal.enter())
        # immediate: a posted callback would run only after the process has stopped
        self.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.app_resume_signal.subscribe(self, self._on_resume)
        for message in (self.state.warning, self.state.migrated, self.terminal.notice()):
            if message:
                self.report(message, severity="warning", timeout=10)
        if not self.sources and self.start_feeds:
            self.push_screen(FeedsScreen(self.start_feed))
            return
        if len(self.sources) == 1:
            try:
                article = self._article(self.sources[0])
            except LoadError as err:
                self.push_screen(LibraryScreen(self.sources))
                self.report(str(err), severity="error")
                return
            self.push_screen(ArticleScreen(article))
        else:
            self.push_screen(LibraryScreen(self.sources))
        if self.start_feeds:
            self.push_screen(FeedsScreen(self.start_feed))

    def _article(self, source: Path | Article) -> Article:
        return (
            source
            if isinstance(source, Article)
            else load_article(source, encoding=self.encoding, max_size=self.max_size)
        )

    def _write(self, sequence: str) -> None:
        if sequence and self._driver is not None:
            self._driver.write(sequence)
            self._driver.flush()

    def _on_suspend(self, app: App[None]) -> None:
        self._write(self.terminal.leave())

    def _on_resume(self, app: App[None]) -> None:
        self._write(self.terminal.enter())

    def on_unmount(self) -> None:
        self._write(self.terminal.leave())
        self.save_state()

    def set_output_mode(self, name: str | None) -> None:
        """Switch the output mode now and save the choice (None: follow detection again)."""
        self._write(self.terminal.leave())
        self.state.settings.terminal_mode = name
        self.terminal = choose(self.terminal.detection, name, None)
        self._write(self.terminal.enter())
        for screen in self.screen_stack:
            for status in screen.query(StatusLine):
                status.show_mode(self.terminal.status())
            for widget in screen.walk_children(with_self=True):
                widget.refresh()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus the reader's colours computed for it (`palette`)."""
        variables = super().get_css_variables()
        variables.update(theme_variables(variables))
        return variables

    def watch_theme(self, theme: str) -> None:
        self.state.settings.theme = theme

    def save_state(self) -> None:
        """Write settings and positions; a failure is a warning, never a crash, and the last
        one is kept in `save_failure` for the command line to report after exit."""
        self.save_failure = self.state.save()
        if self.save_failure:
            self.report(self.save_failure, severity="warning")

    def report(
        self,
        message: str,
        *,
        severity: SeverityLevel = "information",
        title: str = "",
        timeout: float | None = None,
    ) -> None:
        """A toast for foreign text (errors naming files, warnings): neutralised and shaped."""
        width = max(10, min(TOAST_WIDTH, self.size.width // 2 - 2))
        self.notify(
            toast_text(message, width),
            title=title,
            severity=severity,
            markup=False,
            timeout=timeout,
        )

    def quit_on_signal(self, number: int) -> None:
        """SIGHUP, SIGTERM or SIGQUIT: quit as `q` does, so the position is saved on the way."""
        self.quit_signal = number
        self.exit(return_code=128 + number)

    def action_suspend_process(self) -> None:
        """Ctrl+Z: suspend as a shell job, the terminal restored meanwhile (where the driver
        can: not in a headless or web session)."""
        if self._driver is not None and self._driver.can_suspend:
            signals.suspend(self)

    def action_feeds(self) -> None:
        """Open the Feeds screen (or go back to it)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, FeedsScreen):
                while self.screen is not screen:
                    self.pop_screen()
                return
        self.push_screen(FeedsScreen())

    def remember(self, article: Article) -> None:
        """Keep a local file the reader opened in the store, for `reader search` and `o`.

        Fetched pages and feed items are stored when fetched; standard input cannot be
        opened again and is not kept."""
        key = store_key(article.source)
        if key is not None and not is_url(key):
            self._store_file(key, article)

    class StoreFailed(Message):
        """Keeping an opened file in the store failed (posted from its thread)."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason
            """The one-line message."""

    @work(thread=True, group="remember")
    def _store_file(self, key: str, article: Article) -> None:
        try:
            with Store() as store:
                store.save_document(key, "file", article.title, article.text)
        except LoadError as err:
            self.post_message(self.StoreFailed(str(err)))

    def on_reader_app_store_failed(self, event: StoreFailed) -> None:
        self.report(event.reason, severity="warning")

    def help_rows(self) -> list[tuple[str, str, str]]:
        """Every key the reader answers to, one line per action, for the help screen."""
        return [row for group in HELP_GROUPS for row in group.rows()]

    def action_help(self) -> None:
        """Show the keys."""
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.help_rows()))


HELP_GROUPS = (
    HelpGroup(
        "Anywhere",
        (ReaderApp.BINDINGS,),
        extra=(
            ("Tab, Shift+Tab", "move between pane and article (or lists)"),
            ("Ctrl+P", "command palette: every action, output modes, themes"),
        ),
    ),
    HelpGroup(
        "Article",
        (ArticleScreen, ArticleView),
        words={
            "scroll_up": "up a line",
            "scroll_down": "down a line",
            "scroll_home": "to the top",
            "scroll_end": "to the bottom",
            "page_up": "up a page",
            "page_down": "down a page",
        },
        extra=(("click a mention", "select its entity in the pane"),),
    ),
    HelpGroup(
        "Pane",
        (EntityList,),
        words={
            "cursor_up": "previous entity (its mentions are highlighted)",
            "cursor_down": "next entity (its mentions are highlighted)",
            "first": "first entity",
            "last": "last entity",
            "page_up": "up a page",
            "page_down": "down a page",
            "select": "read the article at the selected mention",
        },
    ),
    HelpGroup(
        "Search",
        (SearchBar,),
        extra=(("Enter", "keep the matches and return to the article"),),
    ),
    HelpGroup("Library", (LibraryScreen, ArticleList), words={"select": "open the article"}),
    HelpGroup("Feeds", (FeedsScreen,)),
    HelpGroup("Elsewhere", (ElsewhereScreen,)),
)
"""The help screen's groups, in the order a reader meets them."""
