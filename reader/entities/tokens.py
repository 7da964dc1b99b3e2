"""Tokenisation of raw article text with character offsets, and sentence splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A number with its separators, a word (letters, digits, harakat, tatweel), or one other character.
_TOKEN = re.compile(
    r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*"
    r"|[^\W\d_][\w\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
    r"|\S",
)
_SENTENCE_END = frozenset(".!?؟…؛")
MAX_SENTENCE = 120  # long unpunctuated runs are cut so tagging cost stays linear


@dataclass(frozen=True, slots=True)
class Token:
    """One token and its [start, end) range in the article."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words, numbers and single punctuation marks (quotes “ ” included)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Group tokens into sentences: after end punctuation, at line breaks, or every MAX_SENTENCE."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if current and (
            "\n" in text[current[-1].end : token.start] or len(current) >= MAX_SENTENCE
        ):
            out.append(current)
            current = []
        current.append(token)
        if token.text in _SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out
