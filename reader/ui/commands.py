"""Command palette entries (ctrl+p): the article screen's key bindings and the output modes.

Built from the bindings, as the help screen is, so a key and its palette entry can never
say different things. The output mode in use is marked, and choosing another one switches
to it at once and saves the choice.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.terminal.modes import MODES
from reader.ui.dialogs.help import key_label
from reader.ui.screens.article import ArticleScreen

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class ReaderCommands(Provider):
    """The article screen's actions, plus help."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = cast("ReaderApp", self.app)
        commands: list[tuple[str, str, object]] = [
            ("Help: keys", "Show every key (?)", app.action_help),
            ("Feeds", "Subscriptions and their items (f)", app.action_feeds),
        ]
        current, detected = app.terminal.mode, app.terminal.detected_mode
        for name, mode in MODES.items():
            marks = [
                word
                for word, on in (("in use", mode == current), ("detected", mode == detected))
                if on
            ]
            title = f"Output mode: {name}" + (f" ({', '.join(marks)})" if marks else "")
            commands.append((title, mode.summary, partial(app.set_output_mode, name)))
        commands.append(
            (
                "Output mode: follow detection",
                f"forget the saved mode and use the detected one ({detected.name})",
                partial(app.set_output_mode, None),
            )
        )
        if isinstance(self.screen, ArticleScreen):
            for binding in ArticleScreen.BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    title = binding.tooltip or binding.description
                    run = partial(self.screen.run_action, binding.action)
                    commands.append((title, f"key: {key_label(binding.key)}", run))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
