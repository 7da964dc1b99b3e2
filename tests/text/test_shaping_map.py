"""Shaping word by word, with the index map, gives what arabic-reshaper gives for the whole text."""

import pytest
from arabic_reshaper import ArabicReshaper
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import shaping

REFERENCE = ArabicReshaper(
    configuration={"delete_harakat": False, "support_zwj": False, "ARABIC LIGATURE ALLAH": False}
)
PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءآأؤإئپچژگکی",
    "لا",
    "لأ",
    "لَا",
    "\u064e",
    "\u0651",
    " ",
    "  ",
    "\u0640",
    "a1",
    "(",
    "\u200c",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_word_by_word_shaping_equals_whole_text_shaping(text: str) -> None:
    glyphs, merged = shaping.shape(text)
    assert len(glyphs) == len(text)
    assert "".join(glyphs) == REFERENCE.reshape(text)
    assert merged == [i for i, glyph in enumerate(glyphs) if glyph == ""]
    for i in merged:
        lam = max(j for j in range(i) if text[j] == "ل")
        assert glyphs[lam] in "\ufef5\ufef6\ufef7\ufef8\ufef9\ufefa\ufefb\ufefc"
        assert text[i] in "اأإآ"


def test_zwj_keeps_joining_without_the_reshaper_defect() -> None:
    glyphs, merged = shaping.shape("ب\u200dلا")
    assert glyphs == ["\ufe91", "\u0640", "\ufefc", ""]
    assert merged == [3]


def test_presentation_forms_in_the_input_pass_through() -> None:
    glyphs, merged = shaping.shape("\ufefbب")
    assert glyphs == ["\ufefb", "\ufe8f"]
    assert merged == []


def test_shaping_stays_right_when_the_word_cache_overflows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shaping, "_WORDS_LIMIT", 3)
    text = "بب تت ثث جج حح"
    first, _ = shaping.shape(text)
    second, _ = shaping.shape(text + " خخ")
    assert "".join(first) == REFERENCE.reshape(text)
    assert "".join(second) == REFERENCE.reshape(text + " خخ")
