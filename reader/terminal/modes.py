"""Output modes: how a visual line becomes the characters a terminal is sent.

The layout engine decides shaping, word order, wrapping and alignment for every terminal
alike; terminals differ only in what they do with the cells they receive, so each family
gets a small strategy here, applied where painted cells become output:

- `cells`: terminals that draw each cell as sent (xterm, Alacritty, foot, rxvt-unicode,
  WezTerm, Ghostty, tmux; VTE, Konsole and mlterm once their own bidi is switched off).
- `kitty`: terminals that shape each run of cells themselves with HarfBuzz and lay a run
  whose first letter is right-to-left out backwards (kitty, every version). Such a run is
  sent in reverse, mirrored characters pre-mirrored, so that the terminal's own reversal
  puts it back; colours stay at their screen positions, because they belong to cells.
- `logical`: terminals that reorder by themselves and cannot be told not to. Each line is
  sent in logical order, still shaped (presentation forms keep the engine's cell widths,
  so a lam-alef stays one cell), right-aligned by padding, and the terminal reorders it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from reader.text.layout import Cell, VisualLine
from reader.text.mirroring import MIRRORS

if TYPE_CHECKING:
    import regex
    from rich.style import Style

ModeName = Literal["cells", "kitty", "logical"]
Painted = tuple[str, int, "Style | None"]
"""One cell as written: its text, its width in cells and its final style."""


@cache
def _scripts() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a character HarfBuzz guesses a run's script from (`hb_buffer_guess_segment_properties`),
    a character of a script HarfBuzz lays out right to left (`hb_script_get_horizontal_direction`)).
    Compiled on first use: only the kitty mode needs them, and `regex` takes 10 ms to load."""
    import regex

    scripted = regex.compile(r"[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]")
    right_to_left = regex.compile(
        r"[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}"
        r"\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}"
        r"\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}"
        r"\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Old_South_Arabian}"
        r"\p{Script=Old_North_Arabian}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Hatran}"
        r"\p{Script=Manichaean}\p{Script=Avestan}\p{Script=Inscriptional_Parthian}"
        r"\p{Script=Inscriptional_Pahlavi}\p{Script=Psalter_Pahlavi}\p{Script=Old_Turkic}"
        r"\p{Script=Old_Hungarian}\p{Script=Sogdian}\p{Script=Old_Sogdian}\p{Script=Elymaic}"
        r"\p{Script=Chorasmian}\p{Script=Old_Uyghur}\p{Script=Cypriot}\p{Script=Lydian}"
        r"\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}]"
    )
    return scripted, right_to_left


_BLANK = frozenset(" \t\x00\u2002")
"""Cells kitty draws with no font: each one ends a shaping run."""
_CGJ = "\u034f"
"""COMBINING GRAPHEME JOINER: invisible padding kitty counts as a code point of its cell."""
_MAX_CODEPOINTS = 4
"""A kitty cell holds its character and at most three combining characters."""


@dataclass(frozen=True, slots=True)
class OutputMode:
    """One way of writing visual lines to a terminal."""

    name: ModeName
    summary: str
    """One line for `--help`, the palette and `reader doctor`."""
    logical: bool = False
    """Send logical order and let the terminal reorder (the terminal's bidi stays on)."""

    def arrange(self, cells: Sequence[Painted]) -> list[Painted]:
        """The cells of one painted row in the order and form they are written."""
        if self.name == "kitty":
            return _kitty_runs(cells)
        return list(cells)


MODES: dict[str, OutputMode] = {
    mode.name: mode
    for mode in (
        OutputMode("cells", "the terminal draws each cell as sent (xterm, Alacritty, VTE, ...)"),
        OutputMode(
            "kitty",
            "the terminal shapes runs itself and draws right-to-left runs backwards (kitty)",
        ),
        OutputMode(
            "logical",
            "the terminal reorders and shapes by itself; lines are sent in logical order",
            logical=True,
        ),
    )
}
"""Every output mode, by name."""


def ordered_cells(line: VisualLine, mode: OutputMode, source: str, offset: int) -> list[Cell]:
    """The cells of a visual line in the order `mode` lays them out: visual, or logical.

    In logical order a cell keeps the engine's shaping but not its bidi mirroring, since
    the terminal mirrors what it reorders: a bracket is written as it stands in `source`
    (the paragraph's logical text, starting at article offset `offset`).
    """
    if not mode.logical:
        return list(line.cells)
    result = []
    for cell in sorted(line.cells, key=lambda c: c.start):
        if cell.text in MIRRORS and cell.end - cell.start == 1:
            cell = cell._replace(text=source[cell.start - offset])
        result.append(cell)
    return result


def _kitty_runs(cells: Sequence[Painted]) -> list[Painted]:
    """Write each run kitty will lay out right to left backwards, so it lands as painted.

    kitty cuts a row into shaping runs at blank cells and where the font changes (bold or
    italic here; a fallback font for letters the main font lacks cannot be known), and
    HarfBuzz takes the run's direction from its first letter that has a script. A run is
    reversed when its last such letter on screen is right-to-left (after reversal it comes
    first). Cells of a reversed run are padded to the same number of code points with
    combining grapheme joiners: kitty hands out a run's glyphs by code point counts, and
    uneven counts (harakat) would move marks onto the wrong letters.
    """
    out = list(cells)
    start = 0
    for end in range(len(cells) + 1):
        if end < len(cells) and not _run_break(cells, end, start):
            continue
        if start < end and _ends_right_to_left(cells[start:end]):
            _reverse_run(out, cells, start, end)
        start = end + 1 if end < len(cells) and cells[end][0] in _BLANK else end
    return out


def _run_break(cells: Sequence[Painted], index: int, start: int) -> bool:
    """Whether a new run starts at `index` (a blank cell ends the run before it)."""
    text = cells[index][0]
    if text in _BLANK or not text:
        return True
    return index > start and _face(cells[index][2]) != _face(cells[index - 1][2])


def _face(style: Style | None) -> tuple[bool, bool]:
    return (bool(style and style.bold), bool(style and style.italic))


def _ends_right_to_left(run: Sequence[Painted]) -> bool:
    scripted, right_to_left = _scripts()
    for text, _width, _style in reversed(run):
        for char in reversed(text):
            if scripted.match(char):
                return bool(right_to_left.match(char))
    return False


def _reverse_run(out: list[Painted], cells: Sequence[Painted], start: int, end: int) -> None:
    """Characters (with their widths) move; each position keeps its own style."""
    texts = ["".join(MIRRORS.get(char, char) for char in cells[i][0]) for i in range(start, end)]
    longest = max(map(len, texts))
    if 1 < longest <= _MAX_CODEPOINTS:
        texts = [text + _CGJ * (longest - len(text)) for text in texts]
    moved = zip(reversed(texts), (cells[i][1] for i in reversed(range(start, end))), strict=True)
    for position, (text, width) in zip(range(start, end), moved, strict=True):
        out[position] = (text, width, cells[position][2])
