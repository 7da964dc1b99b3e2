"""Property tests: random mixes of Arabic, harakat, Latin, digits, brackets and controls."""

import unicodedata
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from reader.text.layout import Span, VisualLine, layout_paragraph, layout_text

LETTERS = [chr(cp) for cp in range(0x0621, 0x064B)] + list("پچژگکی")
HARAKAT = [chr(cp) for cp in range(0x064B, 0x0653)] + ["\u0670"]
LAM_ALEF = ["لا", "لأ", "لإ", "لآ", "لَا"]
LATIN = ["hello", "World", "abc", "x"]
DIGITS = list("0123456789٠١٢٣")
BRACKETS = list("()[]{}<>«»")
SPACES = [" ", "  ", "\t", "\u00a0"]
JOINERS = ["\u200d", "\u200c"]
BIDI_CONTROLS = [
    chr(cp) for cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
]
CONTROLS = [chr(cp) for cp in [*range(0x20), 0x7F, 0x85, 0x9B]]
PIECES = (
    LETTERS
    + HARAKAT
    + LAM_ALEF
    + LATIN
    + DIGITS
    + BRACKETS
    + SPACES
    + JOINERS
    + BIDI_CONTROLS
    + CONTROLS
)
FORCING = frozenset("\u202a\u202b\u202d\u202e")  # painted as marks
PDF = "\u202c"  # painted as a mark when it closes a span, else hidden
HIDDEN = frozenset(JOINERS + BIDI_CONTROLS) - FORCING - {PDF}
BREAKING_SPACES = frozenset(" \t")
STYLES = [Style(color="red"), Style(bold=True), Style(underline=True), Style(bgcolor="blue")]

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, int, list[Span], bool, str, int]:
    text = draw(texts)
    width = draw(st.integers(min_value=1, max_value=30))
    n = len(text)
    spans = [
        Span(offset_start, offset_start + draw(st.integers(0, n)), draw(st.sampled_from(STYLES)))
        for offset_start in draw(st.lists(st.integers(0, n), max_size=4))
    ]
    harakat = draw(st.booleans())
    direction = draw(st.sampled_from(["auto", "rtl", "ltr"]))
    offset = draw(st.integers(0, 1000))
    shifted = [Span(s.start + offset, s.end + offset, s.style) for s in spans]
    return text, width, shifted, harakat, direction, offset


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Mc")


def _check_ranges(text: str, lines: list[VisualLine], offset: int) -> None:
    """Cells own disjoint clusters; only hidden characters and hanging spaces own no cell."""
    owner: dict[int, int] = {}
    for line in lines:
        for cell in line.cells:
            source = text[cell.start - offset : cell.end - offset]
            assert source, "a cell must come from at least one character"
            assert not HIDDEN & set(source), "hidden characters own no cell"
            for i in range(cell.start - offset, cell.end - offset):
                assert i not in owner, "a character belongs to at most one cell"
                owner[i] = cell.start
            rest = source[1:]
            assert all(_is_mark(c) or c in "اأإآ" for c in rest), f"{source!r} is not one cluster"
    assert lines[0].start == offset and lines[-1].end == offset + len(text)
    for before, after in pairwise(lines):
        assert before.end == after.start
    for line in lines:
        owned = [i for i in range(line.start - offset, line.end - offset) if i in owner]
        last_owned = max(owned, default=line.start - offset - 1)
        for i in range(line.start - offset, line.end - offset):
            if i in owner or text[i] in HIDDEN or text[i] == PDF:
                continue
            assert text[i] not in FORCING, "an embedding or override is always marked"
            assert i > last_owned, f"character {i} ({text[i]!r}) is lost inside a line"
            base = i
            while base > 0 and _is_mark(text[base]) and text[base - 1] not in HIDDEN:
                base -= 1
            assert text[base] in BREAKING_SPACES, f"only trailing spaces may hang, not {text[i]!r}"


@settings(max_examples=400, deadline=None)
@given(cases())
def test_layout_invariants(case: tuple[str, int, list[Span], bool, str, int]) -> None:
    text, width, spans, harakat, direction, offset = case
    lines = layout_paragraph(
        text, width, spans=spans, harakat=harakat, direction=direction, offset=offset
    )  # type: ignore[arg-type]
    assert lines
    _check_ranges(text, lines, offset)
    for line in lines:
        assert line.width <= width
        assert line.width == sum(cell.width for cell in line.cells)
        assert line.text == "".join(cell.text for cell in line.cells)
        for char in line.text:
            assert unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"), repr(char)
        for cell in line.cells:
            covering = [s.style for s in spans if s.start < cell.end and cell.start < s.end]
            assert cell.style == (Style.combine(covering) if covering else None)
            if not harakat:
                assert not any(0x064B <= ord(c) <= 0x0652 or c == "\u0670" for c in cell.text[1:])


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=1, max_value=30))
def test_every_line_of_a_pure_arabic_paragraph_reads_right_to_left(text: str, width: int) -> None:
    arabic = "".join(c for c in text if c in LETTERS or c == " ")
    lines = layout_paragraph(arabic, width)
    for line in lines:
        starts = [cell.start for cell in line.cells]
        assert starts == sorted(starts, reverse=True)


@settings(max_examples=300, deadline=None)
@given(
    texts,
    st.integers(min_value=1, max_value=30),
    st.booleans(),
    st.sampled_from(["auto", "rtl", "ltr"]),
)
def test_text_lines_are_the_cell_lines_texts(
    text: str, width: int, harakat: bool, direction: str
) -> None:
    """`layout_text` (render's path, no cells) gives exactly the lines `layout_paragraph` paints."""
    lines = layout_paragraph(text, width, harakat=harakat, direction=direction)  # type: ignore[arg-type]
    expected = [(line.rtl, line.width, line.text) for line in lines]
    assert layout_text(text, width, harakat=harakat, direction=direction) == expected  # type: ignore[arg-type]
