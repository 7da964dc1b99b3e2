"""Strips from visual lines: one segment per run of a style, marks never cut off their letter."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.style import Style

from reader.terminal.modes import MODES, ordered_cells
from reader.text.layout import Span, layout_paragraph, split_paragraphs
from reader.ui.cells import line_strip

UDHR = Path(__file__).resolve().parent.parent / "data" / "udhr_arb.txt"
BASE = Style(color="white", bgcolor="black")
RED = Style(color="red")


def strip_of(text: str, *, mode: str = "cells", spans=(), harakat: bool = False, width: int = 50):
    line = layout_paragraph(text, width - 4, spans=spans, harakat=harakat)[0]
    return line, line_strip(line, width, base=BASE, mode=MODES[mode], left=2, source=text)


def test_a_plain_line_is_one_segment() -> None:
    line, strip = strip_of("قال الأمين العام إن الوضع")
    assert list(strip) == [Segment(" " * (50 - line.width) + line.text, BASE)]
    assert strip.cell_length == 50


def test_a_span_makes_three_segments_not_one_per_cell() -> None:
    text = "قال الأمين العام إن الوضع"
    start = text.index("الأمين")
    _line, strip = strip_of(text, spans=[Span(start, start + 6, RED)])
    segments = list(strip)
    assert [segment.style for segment in segments] == [BASE, BASE + RED, BASE]
    assert len(segments[1].text) == 5  # الأمين: lam-alef is one cell


@pytest.mark.parametrize("mode", sorted(MODES))
def test_every_mode_writes_the_same_characters_in_the_same_styles(mode: str) -> None:
    text = "عام 2024 في Baku (أذربيجان) قال «الأمين» مُحَمَّد"
    spans = [Span(4, 8, RED), Span(12, 16, Style(bold=True))]
    line = layout_paragraph(text, 60, spans=spans, harakat=True)[0]
    output = MODES[mode]
    strip = line_strip(line, 70, base=BASE, mode=output, source=text)
    cells = ordered_cells(line, output, text, 0)
    per_cell = output.arrange(
        [(c.text, c.width, BASE + c.style if c.style else BASE) for c in cells]
    )
    written = [(char, segment.style) for segment in strip for char in segment.text]
    expected = [(char, style) for painted, _w, style in per_cell for char in painted]
    lead = 70 - line.width
    assert written[lead:] == expected
    assert len(list(strip)) < len(line.cells) // 3


def test_a_crop_never_parts_a_haraka_from_its_letter() -> None:
    """Every crop the compositor may make (a toast over the article, say) keeps each cluster
    whole: the part on the right never starts with a mark."""
    checked = 0
    for offset, paragraph in split_paragraphs(UDHR.read_text(encoding="utf-8"))[:40]:
        for line in layout_paragraph(paragraph, 40, harakat=True, offset=offset):
            strip = line_strip(line, 44, base=BASE, mode=MODES["cells"], left=2)
            for cut in range(1, strip.cell_length):
                right = "".join(segment.text for segment in strip.crop(cut))
                assert not unicodedata.category(right[0]).startswith("M")
                assert strip.crop(0, cut).cell_length + len(right) >= strip.cell_length
                checked += 1
    assert checked > 4_000


def test_cells_with_marks_and_wide_characters_stay_segments_of_their_own() -> None:
    line, strip = strip_of("مُحَمَّد 日本 رسول", harakat=True)
    texts = [segment.text for segment in strip]
    for cell in line.cells:
        if len(cell.text) > 1 or cell.width == 2:
            assert cell.text in texts
