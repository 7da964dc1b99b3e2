"""Command palette entries (ctrl+p), read from the article screen's own key bindings.

Built from the bindings, as the help screen is, so a key and its palette entry can never
say different things.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.dialogs.help import key_label
from reader.ui.screens.article import ArticleScreen


class ReaderCommands(Provider):
    """The article screen's actions, plus help."""

    def _commands(self) -> list[tuple[str, str, object]]:
        commands: list[tuple[str, str, object]] = [
            ("Help: keys", "Show every key (?)", self.app.action_help)  # type: ignore[attr-defined]
        ]
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
