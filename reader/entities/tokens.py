"""Tokenisation of raw article text with character offsets, and sentence splitting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
