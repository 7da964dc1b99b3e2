"""Embeddings and overrides ("Trojan Source"): applied as UAX #9 says, and marked ⟦ ⟧ on screen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import bidi
from reader.text.layout import layout_paragraph

LRE, RLE, PDF, LRO, RLO = "\u202a\u202b\u202c\u202d\u202e"
LRI, RLI, FSI, PDI = "\u2066\u2067\u2068\u2069"


def visual(text: str, width: int = 60) -> str:
    (line,) = layout_paragraph(text, width)
    return line.text


def test_an_override_that_makes_0001_read_1000_is_marked() -> None:
    forced = f"المبلغ {RLO}0001{PDF} دولار"
    plain = "المبلغ 0001 دولار"
    assert "⟦1000⟧" in visual(forced)  # still reordered as UAX #9 says, but marked
    assert visual(forced) != visual(plain)
    assert "0001" in visual(plain)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"abc {RLO}xyz{PDF} def", "abc ⟦zyx⟧ def"),
        (f"abc {RLE}xyz{PDF} def", "abc ⟦xyz⟧ def"),
        (f"abc {LRO}xyz{PDF} def", "abc ⟦xyz⟧ def"),
        (f"abc {LRE}xyz{PDF} def", "abc ⟦xyz⟧ def"),
        (f"abc {RLO}xyz", "abc zyx⟧"),  # unclosed: the span runs to the paragraph's end
        (f"abc {PDF}def", "abc def"),  # a PDF that closes nothing forces nothing: hidden
    ],
)
def test_marks_sit_at_both_ends_of_a_forced_span_in_left_to_right_text(
    text: str, expected: str
) -> None:
    assert visual(text) == expected


@pytest.mark.parametrize("opener", [RLO, RLE, LRO, LRE])
def test_marks_sit_at_both_ends_of_a_forced_span_in_right_to_left_text(opener: str) -> None:
    shown = visual(f"قبل {opener}abc 12{PDF} بعد")
    assert shown.startswith("ﺪﻌﺑ ⟦") and shown.endswith("⟧ ﻞﺒﻗ")
    inside = shown[shown.index("⟦") + 1 : shown.index("⟧")]
    assert inside == ("21 cba" if opener == RLO else "abc 12")


def test_a_span_closed_by_its_isolates_pdi_has_its_opening_mark() -> None:
    assert visual(f"a {RLI}b {LRO}cd{PDI} e") == "a b ⟦cd e"
    assert visual(f"a {LRI}b {RLO}cd{PDI} e") == "a b dc⟧ e"


def test_marks_keep_the_line_width() -> None:
    (line,) = layout_paragraph(f"{RLO}abc{PDF}", 10)
    assert line.width == 5 and [cell.width for cell in line.cells] == [1] * 5


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"aب1٤-,()+$ ", "bc", "جد", "23", LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI]
        ),
        max_size=30,
    ).map("".join),
    st.sampled_from(["auto", "rtl", "ltr"]),
)
def test_marks_move_no_other_character(text: str, direction: str) -> None:
    """Reordered with their marks or without them, the other characters read the same."""
    level, levels = bidi.resolve_levels(text, direction)  # type: ignore[arg-type]
    classes = [bidi.bidi_class(c) for c in text]
    after_l1 = bidi.apply_l1(classes, levels, level)
    kept = [i for i, cls in enumerate(classes) if cls not in bidi.REMOVED_BY_X9]
    with_marks = [i for i, cls in enumerate(classes) if cls != "BN"]
    standard = [kept[k] for k in bidi.visual_order([after_l1[i] for i in kept])]
    marked = [with_marks[k] for k in bidi.visual_order([after_l1[i] for i in with_marks])]
    assert [i for i in marked if i in set(kept)] == standard
