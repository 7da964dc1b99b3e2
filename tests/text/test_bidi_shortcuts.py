"""The shortcuts in bidi.resolve_levels agree with python-bidi on the texts they accept."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import bidi

PIECES = [
    *"بتثجحخ",  # AL
    *"0123456789",  # EN
    *"٠١٢٣",  # AN
    *"۰۱۲",  # EN (extended Arabic-Indic)
    *",./:\u060c",  # CS
    *"+-",  # ES
    *"$%#\u066a",  # ET
    *"\u064e\u0650\u0651",  # NSM
    " ",
    *"()[]!?«»",  # ON
    *"abc",  # L
    "א",  # R
]

texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts, st.sampled_from(["auto", "rtl", "ltr"]))
def test_shortcuts_match_python_bidi(text: str, direction: bidi.Direction) -> None:
    assert bidi.resolve_levels(text, direction) == bidi.resolve_levels_exact(text, direction)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([p for p in PIECES if p not in "abcא"]), max_size=30).map("".join))
def test_arabic_with_numbers_matches_python_bidi(text: str) -> None:
    assert bidi.resolve_levels(text, "auto") == bidi.resolve_levels_exact(text, "auto")
    assert bidi.resolve_levels(text, "rtl") == bidi.resolve_levels_exact(text, "rtl")
