"""Short tables on standard output (`reader search`, `reader feed list|items|refresh`).

Titles and snippets from the web are foreign text: every line goes through the layout
engine (controls shown as pictures, Arabic shaped and in visual order, right-aligned when
it reads right to left) and is written in the output mode `reader render` would use.
"""

from __future__ import annotations

import shutil
import sys
from types import TracebackType

from reader.cli.common import terminal_choice
from reader.terminal.modes import MODES, ordered_cells
from reader.text.layout import Direction, layout_paragraph


class Lines:
    """A writer of laid-out lines; a context manager (terminal switches go around it)."""

    def __init__(self, width: int | None = None) -> None:
        terminal = sys.stdout.isatty()
        self.width = max(20, width or (shutil.get_terminal_size().columns if terminal else 80))
        if terminal:
            from reader.state import State

            choice = terminal_choice(State.load().settings.terminal_mode, None)
            choice = choice.for_lasting_output()
            self.mode, self._enter, self._leave = choice.mode, choice.enter(), choice.leave()
        else:
            self.mode, self._enter, self._leave = MODES["cells"], "", ""

    def __enter__(self) -> Lines:
        sys.stdout.write(self._enter)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        sys.stdout.write(self._leave)
        sys.stdout.flush()

    def write(self, text: str, *, direction: Direction = "auto", indent: int = 0) -> None:
        """One paragraph, wrapped at the width less `indent`; RTL lines end at the width."""
        width = self.width - indent
        paragraph = " ".join(text.split())
        for line in layout_paragraph(paragraph, width, direction=direction):
            cells = [(c.text, c.width, None) for c in ordered_cells(line, self.mode, paragraph, 0)]
            painted = "".join(cell for cell, _width, _style in self.mode.arrange(cells))
            padding = indent + (width - line.width if line.rtl else 0)
            sys.stdout.write(" " * padding + painted + "\n")

    def blank(self) -> None:
        """An empty line between records."""
        sys.stdout.write("\n")
