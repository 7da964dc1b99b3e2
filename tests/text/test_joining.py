"""The table-driven joiner gives what arabic-reshaper gives, word for word: every distinct word
of the UDHR and of a sample of real news, with and without harakat.

The reference is arabic-reshaper itself with the reader's configuration, its output mapped back
onto the input's characters as the reader did before it had its own joiner (a word whose
output cannot be mapped back stays unshaped).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from arabic_reshaper import ArabicReshaper
from arabic_reshaper.letters import LETTERS_ARABIC

from reader.text import shaping
from reader.text.sanitize import display_and_bidi_text

ROOT = Path(__file__).resolve().parent.parent.parent
UDHR = ROOT / "tests" / "data" / "udhr_arb.txt"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_2015-07-22_25.jsonl.gz"
EVERY = 7  # a thousand of the 6,996 articles, every source and day

RESHAPER = ArabicReshaper(
    configuration={
        "language": "Arabic",
        "delete_harakat": False,
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": False,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
        "ARABIC LIGATURE LAM WITH ALEF": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE": True,
    }
)
_LIGATURE = re.compile("[\ufef5-\ufefc]")
_FORMS = {
    letter: frozenset(f for f in forms if f) | {letter} for letter, forms in LETTERS_ARABIC.items()
}
_FORMS[shaping.LAM] |= frozenset(map(chr, range(0xFEF5, 0xFEFD)))


def reference(word: str) -> list[str]:
    """arabic-reshaper's shaping of one word, one glyph per character ("" for a merged alef)."""
    source = word.replace(shaping.ZWJ, shaping.TATWEEL)
    glyphs = _align(source, RESHAPER.reshape(source))
    return list(word) if glyphs is None else glyphs


def _align(source: str, shaped: str) -> list[str] | None:
    """Map reshaper output back onto its input; None if they do not line up."""
    glyphs: list[str] = []
    i = j = 0
    n = len(source)
    for match in _LIGATURE.finditer(shaped):
        p = match.start()
        glyphs.extend(shaped[j:p])
        i += p - j
        if i < n and source[i] == shaped[p]:  # a presentation form already in the input
            glyphs.append(shaped[p])
            i += 1
            j = p + 1
            continue
        if i >= n or source[i] != shaping.LAM:
            return None
        glyphs.append(shaped[p])
        i += 1
        j = p + 1
        while i < n and shaping.is_haraka(source[i]):
            if j >= len(shaped) or shaped[j] != source[i]:
                return None
            glyphs.append(shaped[j])
            i += 1
            j += 1
        if i >= n or source[i] not in shaping.ALEFS:
            return None
        glyphs.append("")
        i += 1
    glyphs.extend(shaped[j:])
    if len(glyphs) != n:
        return None
    for char, glyph in zip(source, glyphs, strict=True):
        if glyph != char and glyph and glyph not in _FORMS.get(char, ()):
            return None
    return glyphs


def distinct_words(text: str) -> set[str]:
    """The words the layout engine shapes: split on spaces after sanitising, as it does."""
    return {
        word
        for line in text.splitlines()
        for word in display_and_bidi_text(line)[0].split(" ")
        if word
    }


def news_sample() -> str:
    if not NEWS.exists():
        pytest.fail(
            f"the real-news corpus is missing: {NEWS} (../shared/data/news/ beside the checkout)",
            pytrace=False,
        )
    with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for index, line in enumerate(lines) if index % EVERY == 0]
    return "\n".join(f"{r['title']}\n{r['content']}" for r in records)


def check(words: set[str]) -> int:
    """Compare every word; returns how many were compared."""
    shaping.clear_cache()
    wrong = []
    for word in sorted(words):
        glyphs, _merged = shaping.shape(word)
        if glyphs != reference(word):
            wrong.append(word)
    assert not wrong, f"{len(wrong)} words differ from arabic-reshaper, e.g. {wrong[:5]}"
    return len(words)


def test_every_word_of_the_udhr() -> None:
    words = distinct_words(UDHR.read_text(encoding="utf-8"))
    assert check(words) > 700
    assert check({w for w in words if any(map(shaping.is_haraka, w))}) >= 20


def test_every_word_of_real_news() -> None:
    assert check(distinct_words(news_sample())) > 40_000


def test_words_built_to_stress_the_joiner() -> None:
    """Harakat between lam and alef, tatweel, ZWJ and ZWNJ, non-letters inside words."""
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءآأؤإئپچژگکیۀ"
    extras = ["\u064e", "\u0651", "\u0640", "\u200d", "\u200c", "1", "a", "\ufefb", "ـ"]
    words = {a + b + c for a in letters for b in (*letters, *extras) for c in "لاأإآ"}
    words |= {"ل" + mark + alef for mark in ("", "\u064e", "\u0651\u064e") for alef in "اأإآ"}
    assert check(words) > 10_000
