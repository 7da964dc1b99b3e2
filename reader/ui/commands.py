"""Command palette entries (ctrl+p) for the reader's main actions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.screens.article import ArticleScreen

ARTICLE_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Search the article", "search", "Open the search bar (/)"),
    ("Toggle the entity pane", "cycle_pane", "Move the pane left, right or hide it (p)"),
    ("Colour all entities", "colour_all", "Colour every entity by type (a)"),
    ("Toggle harakat", "harakat", "Show or hide the short vowels (d)"),
    ("Wider text", "width(1)", "Widen the text column (+)"),
    ("Narrower text", "width(-1)", "Narrow the text column (-)"),
    ("Reset text width", "width(0)", "Back to the default column width (=)"),
    ("Copy", "copy", "Copy the selected entity or the paragraph (y)"),
    ("Back to the library", "library", "Return to the list of articles (l)"),
)
"""(title, screen action, help) for the article screen."""


class ReaderCommands(Provider):
    """The article screen's actions, plus help."""

    def _commands(self) -> list[tuple[str, str, object]]:
        commands: list[tuple[str, str, object]] = [
            ("Help: keys", "Show every key (?)", self.app.action_help)  # type: ignore[attr-defined]
        ]
        if isinstance(self.screen, ArticleScreen):
            for title, action, help_text in ARTICLE_COMMANDS:
                commands.append((title, help_text, partial(self.screen.run_action, action)))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
