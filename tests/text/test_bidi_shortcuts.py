"""The shortcuts in bidi.resolve_levels agree with python-bidi on the texts they accept."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text import bidi, sanitize

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


CONTROLS = [*"\u2066\u2067\u2068\u2069", *"\u202a\u202b\u202c\u202d\u202e", "\u200e", "\u200f"]
"""Isolates (which rule P2 skips), embeddings and overrides (which it does not), marks."""


@settings(max_examples=500, deadline=None)
@example(0, "\u2067\u05d0\u2069a")  # the isolate is skipped: LTR
@example(0, "\u2066a\u2069\u05d0")
@example(0, "\u2067\u05d0")  # an isolate left open hides everything after it
@example(0, "\u202b\u202ea\u05d0")  # embeddings and overrides are not skipped
@example(2000, "\u2069\u05d0")  # a PDI that closes nothing, after 2,000 neutrals
@given(
    st.one_of(st.just(0), st.integers(0, 3000)),
    st.lists(st.sampled_from(PIECES + CONTROLS), max_size=30).map("".join),
)
def test_paragraph_level_matches_python_bidi(neutral: int, text: str) -> None:
    """Rules P2-P3 alone, also when the first strong character is thousands of characters in
    (the text is read in growing pieces)."""
    text = " 1." * (neutral // 3) + text
    assert bidi.paragraph_level(text) == bidi.resolve_levels_exact(text, "auto")[0]


def test_paragraph_level_work_is_bounded_on_machine_made_text() -> None:
    """Past 100,000 isolate controls or a megabyte of characters the paragraph is LTR (P3's
    default), though here every isolate is closed and a Hebrew letter follows."""
    assert bidi.paragraph_level("\u2067\u2069" * 49_000 + "\u05d0") == 1
    assert bidi.paragraph_level("\u2067\u2069" * 51_000 + "\u05d0") == 0
    assert bidi.paragraph_level("\u2069" * 200_000 + "\u05d0") == 1  # PDIs alone are free
    assert bidi.paragraph_level("." * ((1 << 20) - 1) + "\u05d0") == 1
    assert bidi.paragraph_level("." * (1 << 20) + "\u05d0") == 0


def test_paragraph_level_of_raw_text_sees_lone_surrogates_as_the_layout_does() -> None:
    """Sanitising turns a lone surrogate into U+FFFD (neutral); unicodedata calls it L."""
    raw = "\ud800 \u05d0"
    _display, bidi_text = sanitize.display_and_bidi_text(raw)
    assert bidi.paragraph_level(raw) == bidi.resolve_levels_exact(bidi_text)[0] == 1
