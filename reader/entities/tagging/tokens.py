"""Tokenisation of raw article text with character offsets, and sentence splitting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Letters of the Arabic script (tatweel among them), and the harakat and Quranic marks.
_ARABIC = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff"
)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# Pictographs and the joiners, selectors, keycap and tag characters that build emoji sequences
# (👨‍👩‍👧, 1️⃣, flags): no name or number is made of them, so they are not tokens at all. As
# tokens, one each, 10 MB of emoji sequences cost the tagger millions of empty positions.
_PICTOGRAPHS = (
    "\u200d\u20e3\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe00-\ufe0f"
    "\U0001f000-\U0001faff\U000e0000-\U000e007f"
)
# A number with its separators; an Arabic word (letters, harakat, tatweel); a word of another
# script (letters and digits: F16); or one other character but a pictograph. A word never mixes
# Arabic with other letters or digits: سنة2006 is a word and a number, and the m of a stray
# escape code's [0m stays off the name it is glued to (mبوتين).
_TOKEN = re.compile(
    r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*"
    rf"|[{_ARABIC}][{_ARABIC}{_MARKS}]*"
    rf"|(?:(?![{_ARABIC}])[^\W\d_])(?:(?![{_ARABIC}])[\w{_MARKS}])*"
    rf"|[^\s{_PICTOGRAPHS}]",
)
_SENTENCE_END = frozenset(".!?؟…؛")
MAX_SENTENCE = 120  # long unpunctuated runs are cut so tagging cost stays linear


@dataclass(frozen=True, slots=True)
class Token:
    """One token and its [start, end) range in the article."""

    text: str
    start: int
    end: int


def iter_tokens(text: str) -> Iterator[Token]:
    """Words, numbers and single punctuation marks (quotes “ ” included), lazily."""
    for m in _TOKEN.finditer(text):
        yield Token(m.group(), m.start(), m.end())


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``."""
    return list(iter_tokens(text))


def iter_sentences(text: str, tokens: Iterable[Token]) -> Iterator[list[Token]]:
    """Sentences, one at a time: after end punctuation, at line breaks, or every MAX_SENTENCE."""
    current: list[Token] = []
    for token in tokens:
        if current and (
            "\n" in text[current[-1].end : token.start] or len(current) >= MAX_SENTENCE
        ):
            yield current
            current = []
        current.append(token)
        if token.text in _SENTENCE_END:
            yield current
            current = []
    if current:
        yield current


def sentences(text: str, tokens: Iterable[Token]) -> list[list[Token]]:
    """All sentences of ``text``."""
    return list(iter_sentences(text, tokens))
