"""Arabic-aware search: matches in logical offsets of the original text.

Both the text and the query are folded the same way: harakat, tatweel and invisible
formatting characters vanish; hamza carriers, alef maqsura, taa marbuta, Persian yeh/kaf,
Arabic-Indic digits and Latin case fold to one form each. Every kept character folds to
exactly one character, so a folded offset maps back to the original with a table of the
deleted runs (one entry per run, not per character), and a 10 MB text folds in C speed.

A match must start a word, possibly after attached prefixes (و ف ب ك ل ال and their
combinations such as وال بال لل); its range covers the word part, not the prefix.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

_IGNORABLE_RANGES = (
    (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC),  # harakat,
    (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED),  # Quranic marks
    (0x0640, 0x0640),  # tatweel
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200F),  # invisible
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069), (0xFEFF, 0xFEFF),
)  # fmt: skip
_IGNORABLE_RUN = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _IGNORABLE_RANGES) + "]+"
)
_QUERY_SPACE = re.compile(r"\s+")
_TEXT_SPACE = r"[^\S\n]+"  # words of a query may be split by any spacing, not a paragraph
_ARABIC_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه",
    "ؤ": "ء", "ئ": "ء",
    "ک": "ك",
}  # fmt: skip
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_PREFIXES = frozenset(
    {c + p + a for c in _CONJUNCTIONS for p in _PREPOSITIONS for a in ("", "ال")}
    | {c + "لل" for c in _CONJUNCTIONS}
)
_SORTED_PREFIXES = sorted((p for p in _PREFIXES if p), key=lambda p: (len(p), p))  # stable
_ARTICLE = "ال"


def _fold_table() -> dict[int, int | None]:
    """One-to-one folds and deletions for `str.translate`."""
    table: dict[int, int | None] = {}
    for code in range(0x10000):  # case pairs beyond the BMP are left alone
        char = chr(code)
        lower = char.lower()
        if lower != char and len(lower) == 1:
            table[code] = ord(lower)
    table[ord("İ")] = ord("i")
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):  # presentation forms
        plain = unicodedata.normalize("NFKC", chr(code))
        if len(plain) == 1 and plain != chr(code):
            table[code] = ord(plain)
    for zero in (0x0660, 0x06F0):
        for digit in range(10):
            table[zero + digit] = ord("0") + digit
    for source, target in _ARABIC_FOLDS.items():
        table[ord(source)] = ord(target)
    for first, last in _IGNORABLE_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    for code, target in list(table.items()):  # a folded letter may itself fold further
        if target is not None and target in table:
            table[code] = table[target]
    return table


_TABLE = _fold_table()


def fold(text: str) -> str:
    """The searchable form of `text` (no original offsets kept)."""
    return text.translate(_TABLE)


class SearchIndex:
    """A text folded once, so that every query typed against it is cheap."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        # Deleted runs: kept characters from folded offset _folded_at[k] on sit at
        # original offset _original_at[k] + (folded - _folded_at[k]).
        self._folded_at = [0]
        self._original_at = [0]
        removed = 0
        for run in _IGNORABLE_RUN.finditer(text):
            self._folded_at.append(run.start() - removed)
            removed += run.end() - run.start()
            self._original_at.append(run.end())

    def find(self, query: str) -> list[tuple[int, int]]:
        """Logical ranges of every match of `query`, in text order."""
        words = _QUERY_SPACE.split(fold(query).strip())
        if not words or not words[0]:
            return []
        patterns = [(_pattern(words), "")]
        first = words[0]
        if first.startswith(_ARTICLE) and len(first) > len(_ARTICLE):
            # لل + noun is the preposition ل on the article ال with its alef dropped.
            patterns.append((_pattern([first[1:], *words[1:]]), "ل"))
        found: set[tuple[int, int]] = set()
        for pattern, needed in patterns:
            # The literal search runs at C speed; the word-start check only at its hits.
            starts_word = _word_start(needed).match if first[0].isalnum() else None
            position = 0
            while (match := pattern.search(self.folded, position)) is not None:
                position = match.start() + 1  # overlapping matches are still found
                if starts_word is None or starts_word(self.folded, match.start()):
                    found.add(self._original_range(match.start(), match.end()))
        return sorted(found)

    def _original_range(self, start: int, end: int) -> tuple[int, int]:
        """Folded [start, end) -> original range; marks after the last letter stay inside."""
        original_end = self._original(end) if end < len(self.folded) else len(self.text)
        return self._original(start), original_end

    def _original(self, folded: int) -> int:
        run = bisect_right(self._folded_at, folded) - 1
        return self._original_at[run] + folded - self._folded_at[run]


@lru_cache(maxsize=2)
def _word_start(needed: str) -> re.Pattern[str]:
    """A lookbehind: the start of a word, or only clitic prefixes (ending in `needed`) before.

    Python lookbehinds are fixed-width, so there is one per prefix length.
    """
    options = [] if needed else [r"(?<!\w)"]
    for size in sorted({len(p) for p in _PREFIXES if p}):
        fitting = sorted(p for p in _PREFIXES if len(p) == size and p.endswith(needed))
        if fitting:
            options.append(rf"(?<=(?<!\w)(?:{'|'.join(fitting)}))")
    return re.compile("(?:" + "|".join(options) + ")")


def _pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(_TEXT_SPACE.join(map(re.escape, words)))


@lru_cache(maxsize=4)
def _index(text: str) -> SearchIndex:
    return SearchIndex(text)


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Logical ranges in `text` that match `query` (the last few texts stay indexed)."""
    return _index(text).find(query)


def word_stems(word: str) -> list[str]:
    """The folded `word` behind each attached prefix a match may start after (بالسلاح:
    السلاح, سلاح), for indexes that must find what `find_matches` finds."""
    return [word[len(p) :] for p in _SORTED_PREFIXES if len(word) > len(p) and word.startswith(p)]
