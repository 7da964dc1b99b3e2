"""The reader app: one article opens its screen, several open the library.

VTE terminals (GNOME Terminal and friends) reorder RTL text themselves unless told not to;
the app lays out and reorders every line itself, so it switches that off with BDSM
explicit mode (`CSI 8 l`) once the application screen is up and switches it back on
(`CSI 8 h`) when it exits or is suspended. With `terminal_bidi` the app instead emits
logical order and leaves shaping and reordering to a terminal that always does them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from reader.entities import Entity
from reader.loader import DEFAULT_MAX_SIZE, Article, LoadError, load_article
from reader.resources import resource_dir
from reader.state import State
from reader.text.sanitize import neutralise
from reader.ui import signals
from reader.ui.commands import ReaderCommands
from reader.ui.dialogs.help import EXTRA_KEYS, HelpDialog, binding_rows
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import ArticleList, LibraryScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_pane import EntityList
from reader.ui.widgets.search_bar import SearchBar

BIDI_EXPLICIT = "\x1b[8l"
"""BDSM reset: the terminal must not reorder what we send."""
BIDI_IMPLICIT = "\x1b[8h"
"""BDSM set: the terminal's own default, restored on the way out."""


class ReaderApp(App[None]):
    """A terminal reader for Arabic news with an entity pane."""

    TITLE = "reader"
    CSS_PATH: ClassVar[list[str | PurePath]] = [resource_dir("styles") / "reader.tcss"]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+z", "suspend_process", "Suspend", show=False),
    ]

    def __init__(
        self,
        sources: Sequence[Path | Article],
        *,
        encoding: str | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
        terminal_bidi: bool | None = None,
    ) -> None:
        super().__init__()
        self.sources = list(sources)
        """Paths or loaded articles, as given on the command line."""
        self.encoding = encoding
        """Forced encoding for the paths, or None to detect."""
        self.max_size = max_size
        """The largest file the app opens, in bytes."""
        self.state = State.load()
        """Settings and reading positions."""
        if terminal_bidi is not None:  # --terminal-bidi on|off is remembered as a setting
            self.state.settings.terminal_bidi = terminal_bidi
        self.terminal_bidi = self.state.settings.terminal_bidi
        """Leave shaping and reordering to the terminal (emit logical order)."""
        self.save_failure: str | None = None
        """Why the last save of the state failed, if it did (reported after exit)."""
        self.quit_signal: int | None = None
        """The signal that ended the app, if one did."""
        self.entity_cache: dict[str, list[Entity]] = {}
        """Extracted entities per article key, shared by the library and article screens."""
        if self.state.settings.theme in self.available_themes:
            self.theme = self.state.settings.theme

    def on_mount(self) -> None:
        signals.install(self)
        self._bidi_explicit()
        # immediate: a posted callback would run only after the process has stopped
        self.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.app_resume_signal.subscribe(self, self._on_resume)
        if self.state.warning:
            self.notify(neutralise(self.state.warning), severity="warning", markup=False)
        if len(self.sources) == 1:
            try:
                article = self._article(self.sources[0])
            except LoadError as err:
                self.push_screen(LibraryScreen(self.sources))
                self.notify(neutralise(str(err)), severity="error", markup=False)
                return
            self.push_screen(ArticleScreen(article))
        else:
            self.push_screen(LibraryScreen(self.sources))

    def _article(self, source: Path | Article) -> Article:
        return (
            source
            if isinstance(source, Article)
            else load_article(source, encoding=self.encoding, max_size=self.max_size)
        )

    def _bidi_explicit(self) -> None:
        if not self.terminal_bidi and self._driver is not None:
            self._driver.write(BIDI_EXPLICIT)

    def _bidi_implicit(self) -> None:
        if not self.terminal_bidi and self._driver is not None:
            self._driver.write(BIDI_IMPLICIT)

    def _on_suspend(self, app: App[None]) -> None:
        self._bidi_implicit()

    def _on_resume(self, app: App[None]) -> None:
        self._bidi_explicit()

    def on_unmount(self) -> None:
        self._bidi_implicit()
        self.save_state()

    def watch_theme(self, theme: str) -> None:
        self.state.settings.theme = theme

    def save_state(self) -> None:
        """Write settings and positions; a failure is a warning, never a crash, and the last
        one is kept in `save_failure` for the command line to report after exit."""
        self.save_failure = self.state.save()
        if self.save_failure:
            self.notify(neutralise(self.save_failure), severity="warning", markup=False)

    def quit_on_signal(self, number: int) -> None:
        """SIGHUP, SIGTERM or SIGQUIT: quit as `q` does, so the position is saved on the way."""
        self.quit_signal = number
        self.exit(return_code=128 + number)

    def action_suspend_process(self) -> None:
        """Ctrl+Z: suspend as a shell job, the terminal restored meanwhile (where the driver
        can: not in a headless or web session)."""
        if self._driver is not None and self._driver.can_suspend:
            signals.suspend(self)

    def help_rows(self) -> list[tuple[str, str, str]]:
        """Every key the reader answers to, for the help screen."""
        rows = binding_rows("Anywhere", self.BINDINGS)
        rows += binding_rows("Article screen", ArticleScreen.BINDINGS)
        rows += binding_rows("Article", ArticleView.BINDINGS)
        rows += binding_rows("Pane", EntityList.BINDINGS)
        rows += binding_rows("Library", ArticleList.BINDINGS)
        rows += binding_rows("Search bar", SearchBar.BINDINGS)
        return rows + list(EXTRA_KEYS)

    def action_help(self) -> None:
        """Show the keys."""
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.help_rows()))
