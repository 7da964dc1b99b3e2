"""`neutralise`: the one function every piece of foreign text goes through outside the engine."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text import sanitize
from reader.text.sanitize import neutralise

UNSAFE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs")
# What a terminal acts on, or what reorders text unseen: never in shown or copied text.
ACTIVE = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} | sanitize.BIDI_CONTROLS


def every_unsafe_character() -> list[str]:
    return [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in UNSAFE_CATEGORIES
    ]


def test_the_pattern_knows_every_control_and_invisible_format_character() -> None:
    found = {char for char in every_unsafe_character() if sanitize._UNSAFE.match(char)}
    missed = set(every_unsafe_character()) - found
    assert missed == set(sanitize._VISIBLE_FORMAT) & missed  # only the visible ones are painted
    assert "\u0600" in missed  # the Arabic number sign is a visible format character


def test_show_turns_controls_into_pictures_and_overrides_into_escapes() -> None:
    shown = neutralise("a\x1b]0;PWNED\x07\x1b[2J\x9b\u202eb\u2066c\ud800\u2028\t")
    assert shown == "a␛]0;PWNED␇␛[2J\ufffd\\u202eb\\u2066c\ufffd␤␉"


def test_show_keeps_the_format_characters_arabic_uses() -> None:
    text = "مي\u200cشود لا\u200dم \u200e\u200f\u061c"
    assert neutralise(text) == text


def test_copy_drops_bidi_controls_and_pictures_controls() -> None:
    text = "نص\x1b[201~rm -rf ~\r\u202eمعكوس\u202c\u2067عزل\u2069\u200c\u200d\u061c"
    copied = neutralise(text, "copy")
    assert copied == "نص␛[201~rm -rf ~␍معكوسعزل\u200c\u200d\u061c"


@given(st.text())
def test_shown_and_copied_text_holds_nothing_a_terminal_obeys(text: str) -> None:
    for mode in ("show", "copy"):
        result = neutralise(text, mode)  # type: ignore[arg-type]
        assert not ACTIVE & set(result)
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in result)


@given(st.text().filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)))
def test_escape_is_exact_json(text: str) -> None:
    escaped = neutralise(json.dumps(text, ensure_ascii=False), "escape")
    assert not any(unicodedata.category(c) in UNSAFE_CATEGORIES for c in escaped)
    assert json.loads(escaped) == text


def test_escape_writes_astral_format_characters_as_a_surrogate_pair() -> None:
    assert neutralise("\U000e0001", "escape") == "\\udb40\\udc01"


@pytest.mark.parametrize("mode", ["show", "copy", "escape"])
def test_kept_characters_pass(mode: str) -> None:
    assert neutralise("a\nb\x1b", mode, keep="\n").startswith("a\nb")  # type: ignore[arg-type]


def test_plain_text_is_returned_as_it_is() -> None:
    text = "نص عادي بلا شيء خاص"
    assert neutralise(text) is text
