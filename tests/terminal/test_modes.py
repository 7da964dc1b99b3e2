"""Output modes: what each terminal family draws from the cells it is sent.

kitty's drawing is modelled from its source (kitty/fonts.c, every version up to 0.48):
a row is cut into shaping runs at blank cells, box-drawing cells and changes of bold or
italic; HarfBuzz takes a run's direction from its first character that has a script,
and a right-to-left run is drawn backwards with its mirrored characters mirrored. The
model is independent of the code under test (it finds scripts through bidi classes),
and the real-terminal tests check the same thing on kitty's screen.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from reader.terminal.modes import MODES, Painted, ordered_cells
from reader.text.layout import layout_paragraph, split_paragraphs
from reader.text.mirroring import MIRRORS

UDHR = Path(__file__).resolve().parent.parent / "data" / "udhr_arb.txt"
KITTY = MODES["kitty"]


def _script(char: str) -> str | None:
    """'rtl', 'ltr', or None for Common/Inherited (digits, punctuation, marks, tatweel)."""
    if char == "\u0640" or unicodedata.category(char)[0] == "M":
        return None
    if "\u0660" <= char <= "\u0669" or "\u06f0" <= char <= "\u06f9":
        return "rtl"  # Arabic-Indic digits are of the Arabic script
    if unicodedata.bidirectional(char) in ("R", "AL"):
        return "rtl"
    if unicodedata.category(char)[0] == "L":
        return "ltr"
    return None


def kitty_draws(sent: list[Painted]) -> list[tuple[str, Style | None]]:
    """What kitty shows in each cell of a row it was sent (texts without padding)."""
    shown: list[tuple[str, Style | None]] = [(text, style) for text, _w, style in sent]
    start = 0
    for end in range(len(sent) + 1):
        boundary = (
            end == len(sent)
            or sent[end][0] in (" ", "", "\t")
            or (end > start and _face(sent[end][2]) != _face(sent[end - 1][2]))
        )
        if not boundary:
            continue
        run = sent[start:end]
        scripts = [s for text, _w, _s in run for s in map(_script, text) if s]
        if scripts and scripts[0] == "rtl":
            texts = ["".join(MIRRORS.get(c, c) for c in text) for text, _w, _s in run]
            for offset, text in enumerate(reversed(texts)):
                shown[start + offset] = (text, sent[start + offset][2])
        start = end + 1 if end < len(sent) and sent[end][0] in (" ", "", "\t") else end
    return [(text.replace("\u034f", ""), style) for text, style in shown]


def _face(style: Style | None) -> tuple[bool, bool]:
    return (bool(style and style.bold), bool(style and style.italic))


def painted(line) -> list[Painted]:
    return [(cell.text, cell.width, cell.style) for cell in line.cells]


def test_kitty_draws_every_line_of_real_articles_as_laid_out(sample_text: str) -> None:
    text = sample_text + "\n" + UDHR.read_text(encoding="utf-8")
    checked = 0
    for offset, paragraph in split_paragraphs(text):
        for line in layout_paragraph(paragraph, 60, offset=offset, harakat=True):
            cells = painted(line)
            assert kitty_draws(KITTY.arrange(cells)) == [(t, s) for t, _w, s in cells]
            checked += 1
    assert checked > 300


def test_cells_mode_sends_cells_as_they_are(sample_text: str) -> None:
    line = layout_paragraph(sample_text.splitlines()[2], 50)[0]
    assert MODES["cells"].arrange(painted(line)) == painted(line)


def test_kitty_keeps_colours_where_they_are_painted() -> None:
    line = layout_paragraph("قال بلينكن إن", 40)[0]
    red = Style(color="red")
    cells = [(t, w, red if i % 2 else None) for i, (t, w, _s) in enumerate(painted(line))]
    sent = KITTY.arrange(cells)
    assert [s for _t, _w, s in sent] == [s for _t, _w, s in cells]
    assert kitty_draws(sent) == [(t, s) for t, _w, s in cells]


def test_kitty_pads_a_run_with_harakat_to_even_code_point_counts() -> None:
    line = layout_paragraph("مُحَمَّد", 20, harakat=True)[0]
    sent = KITTY.arrange(painted(line))
    assert len({len(text) for text, _w, _s in sent}) == 1
    assert kitty_draws(sent) == [(t, s) for t, _w, s in painted(line)]


def test_kitty_leaves_latin_and_digit_runs_alone() -> None:
    line = layout_paragraph("عام 2024 في Baku (Azerbaijan)", 60)[0]
    sent = KITTY.arrange(painted(line))
    for (text, _w, _s), (original, _w2, _s2) in zip(sent, painted(line), strict=True):
        if original.isascii():
            assert text == original


def test_a_bold_change_splits_a_kitty_run() -> None:
    bold = Style(bold=True)
    line = layout_paragraph("بلينكن", 20)[0]
    cells = [(t, w, bold if i < 3 else None) for i, (t, w, _s) in enumerate(painted(line))]
    assert kitty_draws(KITTY.arrange(cells)) == [(t, s) for t, _w, s in cells]


WORDS = st.sampled_from(
    ["قال", "الأمين", "لا", "للانفصال", "٢٠٢٣", "2024", "(عام", "1999)", "«الوضع»", "،", "ـ",
     "Baku", "بـ", "[مع]", "NATO", "الإمارات:", "12.5%", "مُحَمَّد"]
)  # fmt: skip


@given(st.lists(WORDS, min_size=1, max_size=14), st.sampled_from(["auto", "rtl", "ltr"]))
def test_kitty_draws_mixed_lines_as_laid_out(words: list[str], direction: str) -> None:
    for line in layout_paragraph(" ".join(words), 40, direction=direction, harakat=True):  # type: ignore[arg-type]
        cells = painted(line)
        assert kitty_draws(KITTY.arrange(cells)) == [(t, s) for t, _w, s in cells]


def test_logical_mode_sends_logical_order_with_brackets_as_written() -> None:
    text = "قال (الوزير) إن 12 شخصا"
    line = layout_paragraph(text, 60)[0]
    cells = ordered_cells(line, MODES["logical"], text, 0)
    assert [c.start for c in cells] == sorted(c.start for c in cells)
    brackets = [c.text for c in cells if c.text in "()"]
    assert brackets == ["(", ")"]  # the engine mirrored them for visual order; not here
    assert all(c.width == 1 for c in cells)  # shaped: a lam-alef stays one cell
