"""Behaviour of the layout engine on hand-picked paragraphs."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from reader.text.layout import (
    Cell,
    Direction,
    Span,
    VisualLine,
    iter_paragraphs,
    layout_paragraph,
    paragraph_table,
    split_paragraphs,
)


def _cells(lines: list[VisualLine]) -> list[Cell]:
    return [cell for line in lines for cell in line.cells]


def _cell_at(lines: list[VisualLine], start: int) -> Cell:
    return next(cell for cell in _cells(lines) if cell.start == start)


def _base(text: str) -> str:
    """Undo shaping: presentation forms back to letters, harakat dropped."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(0, "")]),
        ("a", [(0, "a")]),
        ("a\nb", [(0, "a"), (2, "b")]),
        ("a\r\nb\rc\u2029d", [(0, "a"), (3, "b"), (5, "c"), (7, "d")]),
        ("a\n\nb\n", [(0, "a"), (2, ""), (3, "b")]),
        ("\n", [(0, "")]),
        ("a\n\nb\n\n", [(0, "a"), (2, ""), (3, "b"), (5, "")]),
        ("x\r", [(0, "x")]),
        ("\r\r\n\n", [(0, ""), (1, ""), (3, "")]),
    ],
)
def test_split_paragraphs(text: str, expected: list[tuple[int, str]]) -> None:
    assert split_paragraphs(text) == expected


@given(st.text(alphabet="ab\u0628\n\r\u2029", max_size=40))
def test_split_paragraphs_agrees_with_splitlines(text: str) -> None:
    """Both the plain-newline fast path and the general path split like str.splitlines."""
    paragraphs = split_paragraphs(text)
    assert [p for _, p in paragraphs] == (text.splitlines() or [""])
    assert all(text[offset : offset + len(p)] == p for offset, p in paragraphs)


@given(st.text(alphabet="ab\u0628\n\r\u2029", max_size=40))
def test_iter_paragraphs_and_the_table_agree_with_split_paragraphs(text: str) -> None:
    paragraphs = split_paragraphs(text)
    assert list(iter_paragraphs(text)) == paragraphs
    assert paragraph_table(text) == ([o for o, _ in paragraphs], [len(p) for _, p in paragraphs])


@pytest.mark.parametrize("direction", ["auto", "rtl", "ltr"])
def test_empty_paragraph_is_one_empty_line(direction: Direction) -> None:
    """At the paragraph level: an RTL one is right-aligned (render pads it to the width)."""
    (line,) = layout_paragraph("", 20, offset=7, direction=direction)
    assert (line.cells, line.start, line.end, line.width, line.text) == ((), 7, 7, 0, "")
    assert line.rtl == (direction == "rtl")


def test_arabic_paragraph_is_rtl_shaped_and_reversed() -> None:
    (line,) = layout_paragraph("مرحبا", 20)
    assert line.rtl
    assert [cell.start for cell in line.cells] == [4, 3, 2, 1, 0]
    assert line.text == "\ufe8e\ufe92\ufea3\ufeae\ufee3"  # final alef ... initial meem
    assert line.width == 5


def test_english_paragraph_stays_ltr_and_direction_can_be_forced() -> None:
    (line,) = layout_paragraph("hello عالم", 20)
    assert not line.rtl
    assert line.text.startswith("hello ")
    (forced,) = layout_paragraph("hello عالم", 20, direction="rtl")
    assert forced.rtl
    assert forced.text.endswith(" hello")


def test_ltr_line_ending_in_arabic_reverses_only_the_arabic() -> None:
    (line,) = layout_paragraph("ab مرحبا", 20)
    assert not line.rtl
    assert [cell.start for cell in line.cells] == [0, 1, 2, 7, 6, 5, 4, 3]


def test_rtl_line_starting_with_latin_word_stays_rtl() -> None:
    lines = layout_paragraph("مرحبا بكم hello world في البيت", 12)
    assert all(line.rtl for line in lines)
    assert any(line.text == "hello world" for line in lines)


def test_numbers_read_left_to_right_inside_arabic() -> None:
    (line,) = layout_paragraph("في عام 2116 ميلادي", 40)
    assert "2116" in line.text
    assert [cell.start for cell in line.cells if cell.text.isdigit()] == [7, 8, 9, 10]


def test_brackets_are_mirrored_at_odd_levels() -> None:
    lines = layout_paragraph("مرحبا (عالم)", 40)
    opening = _cell_at(lines, 6)
    closing = _cell_at(lines, 11)
    assert (opening.text, closing.text) == (")", "(")
    (line,) = lines
    assert line.text[0] == "(" and line.text[-1] != ")"
    (ltr,) = layout_paragraph("hello (world)", 40)
    assert ltr.text == "hello (world)"


def test_lam_alef_is_one_cell_and_a_span_on_the_alef_styles_it() -> None:
    red = Style(color="red")
    lines = layout_paragraph("لا", 10, spans=[Span(1, 2, red)])
    (cell,) = _cells(lines)
    assert (cell.text, cell.start, cell.end, cell.style) == ("\ufefb", 0, 2, red)


def test_allah_ligature_is_not_used() -> None:
    (line,) = layout_paragraph("الله", 10)
    assert "\ufdf2" not in line.text
    assert len(line.cells) == 4


def test_harakat_hidden_by_default_and_kept_in_their_letter_cell() -> None:
    text = "كَتَبَ"
    hidden = _cells(layout_paragraph(text, 10))
    shown = _cells(layout_paragraph(text, 10, harakat=True))
    assert [(c.start, c.end) for c in hidden] == [(4, 6), (2, 4), (0, 2)]
    assert [(c.start, c.end) for c in shown] == [(4, 6), (2, 4), (0, 2)]
    assert all(len(c.text) == 1 for c in hidden)
    assert all(c.text[1] == "\u064e" and c.width == 1 for c in shown)


def test_lam_harakat_alef_ligature_keeps_the_harakat() -> None:
    (cell,) = _cells(layout_paragraph("لَا", 10, harakat=True))
    assert (cell.text, cell.start, cell.end) == ("\ufefb\u064e", 0, 3)


def test_zwj_before_lam_alef_does_not_break_shaping() -> None:
    cells = _cells(layout_paragraph("ب\u200dلا", 10))
    assert [(c.text, c.start, c.end) for c in cells] == [("\ufefc", 2, 4), ("\ufe91", 0, 1)]


def test_zwnj_breaks_joining_and_is_not_painted() -> None:
    cells = _cells(layout_paragraph("ب\u200cب", 10))
    assert [c.text for c in cells] == ["\ufe8f", "\ufe8f"]  # both isolated
    assert [(c.start, c.end) for c in cells] == [(2, 3), (0, 1)]


def test_controls_become_placeholders_and_formatting_chars_are_hidden() -> None:
    text = "a\x1b[31mb\x07\x9b\u202e\u2066c\u2069\u200f\x7f"
    (line,) = layout_paragraph(text, 40)
    assert "\x1b" not in line.text
    assert line.text.startswith("a\u241b[31mb\u2407\ufffd")
    painted = {cell.start for cell in line.cells}
    assert {10, 12, 13}.isdisjoint(painted)  # LRI, PDI, RLM own no cell
    assert {0, 1, 7, 8, 9, 11, 14} <= painted  # the RLO is marked: it forces a direction
    assert all(unicodedata.category(ch) not in ("Cc", "Cf") for ch in line.text)


def test_tab_is_one_space_cell() -> None:
    (line,) = layout_paragraph("a\tb", 10)
    assert line.text == "a b"
    assert line.cells[1].start == 1


def test_trailing_spaces_hang_and_are_not_painted() -> None:
    lines = layout_paragraph("aaa bbb   ccc", 7)
    assert [line.text for line in lines] == ["aaa bbb", "ccc"]
    assert [(line.start, line.end) for line in lines] == [(0, 10), (10, 13)]
    (line,) = layout_paragraph("abc   ", 10)
    assert (line.text, line.width, line.end) == ("abc", 3, 6)


def test_long_word_is_broken_between_clusters() -> None:
    lines = layout_paragraph("abcdefghij xy", 4)
    assert [line.text for line in lines] == ["abcd", "efgh", "ij", "xy"]
    harakat = "بَبَبَبَبَ"
    lines = layout_paragraph(harakat, 2, harakat=True)
    assert all(line.width <= 2 for line in lines)
    assert [[(c.start, c.end) for c in line.cells] for line in lines] == [
        [(2, 4), (0, 2)],
        [(6, 8), (4, 6)],
        [(8, 10)],
    ]


def test_wide_characters_take_two_cells() -> None:
    lines = layout_paragraph("漢字漢字", 5)
    assert [line.width for line in lines] == [4, 4]
    assert all(cell.width == 2 for line in lines for cell in line.cells)


def test_offset_applies_to_cells_lines_and_spans() -> None:
    bold = Style(bold=True)
    (line,) = layout_paragraph("abc", 10, offset=100, spans=[Span(101, 102, bold)])
    assert [(c.start, c.style) for c in line.cells] == [(100, None), (101, bold), (102, None)]
    assert (line.start, line.end) == (100, 103)


def test_overlapping_spans_add_up_in_order() -> None:
    red, bold, blue = Style(color="red"), Style(bold=True), Style(color="blue")
    (line,) = layout_paragraph(
        "abcd", 10, spans=[Span(0, 3, red), Span(1, 2, bold), Span(2, 4, blue)]
    )
    assert [c.style for c in line.cells] == [red, red + bold, red + blue, blue]


def test_bad_arguments_are_rejected_with_a_clear_error() -> None:
    with pytest.raises(ValueError, match="width"):
        layout_paragraph("abc", 0)
    with pytest.raises(ValueError, match="direction"):
        layout_paragraph("abc", 10, direction="up")  # type: ignore[arg-type]


def test_lone_surrogate_is_replaced() -> None:
    (line,) = layout_paragraph("a\ud800b", 10)
    assert line.text == "a\ufffdb"


def test_orphan_mark_sits_on_a_dotted_circle() -> None:
    (line,) = layout_paragraph("\u0301a", 10)
    assert line.cells[0].text == "\u25cc\u0301"


def test_huge_inputs_are_laid_out() -> None:
    """A long line without spaces and a letter with thousands of harakat stay linear."""
    long_word = "بسم" * 30_000
    lines = layout_paragraph(long_word, 80)
    assert sum(line.width for line in lines) == len(long_word)
    marks = "ب" + "\u064e" * 20_000 + "ت"
    lines = layout_paragraph(marks, 80, harakat=True)
    assert [(c.start, c.end) for c in _cells(lines)] == [(20_001, 20_002), (0, 20_001)]
    assert _base(lines[0].text) == "تب"
