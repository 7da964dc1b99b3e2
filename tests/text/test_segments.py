"""Cutting huge paragraphs into segments: where the cuts go, and what they leave unchanged."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import bidi
from reader.text.layout import layout_paragraph
from reader.text.segments import HUGE, SEGMENT, segments

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = [
    ROOT / "tests" / "data" / "udhr_arb.txt",
    ROOT / "seeds" / "karabakh-separatists-surrender.txt",
]


def natural_paragraph(size: int) -> str:
    """Real sentences (the UDHR's articles and the sample's news, with their digits, Latin
    names and brackets) joined into one paragraph of at least ``size`` characters."""
    udhr = SOURCES[0].read_text(encoding="utf-8").split("---", 1)[1]
    text = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in SOURCES[1:])
    unit = " ".join(udhr.split()) + " " + text + " "
    return (unit * (size // len(unit) + 1))[:size]


def check_tiling(paragraph: str, cut: list[tuple[int, int, str]]) -> None:
    """Segments cover the paragraph exactly, in order, each of a bounded length."""
    assert cut[0][0] == 0 and cut[-1][1] == len(paragraph)
    for (_, end), (start, _) in pairwise((s, e) for s, e, _ in cut):
        assert end == start
    lengths = [end - start for start, end, _ in cut]
    assert all(SEGMENT <= n <= 2 * SEGMENT for n in lengths[:-1]), lengths
    assert 0 < lengths[-1] <= 2 * SEGMENT


@settings(max_examples=50, deadline=None)
@given(st.integers(0, HUGE), st.sampled_from(["auto", "rtl", "ltr"]))
def test_an_ordinary_paragraph_is_one_segment_as_asked(length: int, direction: str) -> None:
    paragraph = "بت ث" * (length // 4) + "ج" * (length % 4)
    assert list(segments(paragraph, direction)) == [(0, length, direction)]  # type: ignore[arg-type]


def test_natural_text_is_cut_after_sentence_ends() -> None:
    paragraph = natural_paragraph(5 * HUGE)
    cut = list(segments(paragraph))
    check_tiling(paragraph, cut)
    assert len(cut) > 40
    for start, _end, direction in cut[1:]:
        assert direction == "rtl"
        assert re.search(r"[.:؟!]\s+$", paragraph[start - 3 : start]), paragraph[start - 30 : start]
        assert not paragraph[start].isspace()


def test_cuts_change_nothing_in_natural_text() -> None:
    """Levels, shaping and clusters of every character are those of the whole paragraph;
    only the spaces before a cut hang at the end of a line instead of being painted."""
    paragraph = natural_paragraph(2 * HUGE)
    level, whole_levels = bidi.resolve_levels(paragraph, "auto")
    cut_levels = b""
    cells = []
    hanging: set[int] = set()
    for start, end, direction in segments(paragraph):
        piece_level, levels = bidi.resolve_levels(paragraph[start:end], direction)
        assert piece_level == level
        cut_levels += levels
        (line,) = layout_paragraph(paragraph[start:end], 10**6, direction=direction, offset=start)
        cells += line.cells
        hanging.update(range(start + len(paragraph[start:end].rstrip()), end))
    assert cut_levels == whole_levels
    (whole,) = layout_paragraph(paragraph, 10**6)
    expected = [cell for cell in whole.cells if cell.start not in hanging]
    assert len(hanging) < 3 * len(list(segments(paragraph)))
    assert sorted(cells) == sorted(expected)


def test_a_direction_asked_for_is_kept() -> None:
    paragraph = natural_paragraph(HUGE + 1)
    assert {d for _, _, d in segments(paragraph, "ltr")} == {"ltr"}


def test_segments_take_the_whole_paragraphs_direction() -> None:
    """Rules P2-P3 over the whole paragraph: an isolate at its start is skipped."""
    arabic = natural_paragraph(HUGE)
    paragraph = "\u2067" + arabic[:3000] + "\u2069 hello " + arabic
    assert {d for _, _, d in segments(paragraph)} == {"ltr"}
    assert {d for _, _, d in segments("12 " + arabic)} == {"rtl"}


def test_no_cut_inside_an_embedding_override_or_isolate() -> None:
    words = natural_paragraph(HUGE).split(" ")
    pieces, inside, position = [], [], 0
    for index, word in enumerate(words * 3):
        if index % 25 == 0:  # every 25th word: an override or an isolate
            opener, closer = ("\u202e", "\u202c") if index % 2 else ("\u2067", "\u2069")
            word = f"{opener}{word} {word}. {word}{closer}"
            inside.append((position + 1, position + len(word)))  # cuts in (open, close]
        pieces.append(word)
        position += len(word) + 1
    paragraph = " ".join(pieces)
    for start, _end, _direction in list(segments(paragraph))[1:]:
        assert not any(low <= start < high for low, high in inside), start


def test_an_override_left_open_still_cuts() -> None:
    paragraph = "\u202e" + natural_paragraph(3 * HUGE)
    check_tiling(paragraph, list(segments(paragraph)))


@pytest.mark.parametrize(
    "paragraph",
    [
        "ب" * (3 * HUGE),  # one word with no space at all
        "بَ" * (2 * HUGE),  # harakat: never cut before a mark
        "لا" * (2 * HUGE),  # lam-alef: never between the two
        " \u064e" * (2 * HUGE),  # a mark after every space
        "\u064e" * (3 * HUGE),  # marks alone
        "👨\u200d👩\u200d👧 " * HUGE,  # emoji ZWJ sequences
        " " * (3 * HUGE),  # spaces alone
    ],
)
def test_hostile_paragraphs_are_cut_into_bounded_segments(paragraph: str) -> None:
    cut = list(segments(paragraph))
    check_tiling(paragraph, cut)
    for start, _end, _direction in cut[1:]:
        if paragraph[start] in "\u064e":
            assert set(paragraph) <= {"\u064e", " "}  # only when nothing else is there
        assert paragraph[start - 1 : start + 1] != "لا"
