"""Arabic shaping by a table-driven joiner, with the logical -> shaped index map.

Letters take their contextual presentation forms and lam + alef becomes one ligature, exactly
as arabic-reshaper (the reference, tests/text/test_joining.py) does with the reader's
configuration: harakat kept and transparent to joining, tatweel kept, only the lam-alef
ligatures. The tables are arabic-reshaper's own, generated into `joining_tables.py` by
scripts/build_joining.py; the joining runs once per distinct word, which the word cache then
serves (news text repeats its words), so no configuration is read and no letter is looked at
twice. ``shape`` returns one entry per input character: its shaped glyph, or ``""`` for the
alef swallowed by a lam-alef ligature (the glyph lives at the lam's index). Harakat come back
unchanged at their own index, so they can stay in their base letter's cell.

ZWJ joins as TATWEEL does, a dual-joining letter (join on both sides, no ligature across it),
and is shaped as one; arabic-reshaper 3.1 mishandles it (a ZWJ shifts later ligature
positions). ZWNJ, like every character the tables do not know, breaks joining.
"""

import re
from collections.abc import Iterator

from reader.text.joining_tables import FORMS, HARAKAT, LAM_ALEF

LAM = "\u0644"
ALEFS = frozenset("\u0622\u0623\u0625\u0627")  # the four that form a lam-alef ligature
TATWEEL = "\u0640"
ZWJ = "\u200d"

_HARAKAT = frozenset(HARAKAT)
MERGED = "\ud800"
"""Marks an alef merged into a lam-alef ligature: a lone surrogate, never in sanitised text."""
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = range(4)
_JOINS: dict[str, tuple[str, str, str, str]] = {**FORMS, ZWJ: FORMS[TATWEEL]}
"""Forms per letter, ZWJ shaped as tatweel."""
_SLOW = re.compile(f"[{HARAKAT}\ufb50-\ufdff\ufe70-\ufeff]")
"""What the batch joiner leaves to ``_join``: harakat, and presentation forms in the input."""
_DUAL = "".join(sorted(letter for letter, forms in _JOINS.items() if forms[_MEDIAL]))
_RIGHT = "".join(
    sorted(letter for letter, forms in _JOINS.items() if forms[_FINAL] and not forms[_MEDIAL])
)
_FORM_TABLES = [str.maketrans({k: f[form] or k for k, f in _JOINS.items()}) for form in range(4)]
_CHAIN = re.compile(f"[{_DUAL}]+[{_DUAL}{_RIGHT}]")
"""Letters joined to each other: dual-joining ones, then one that joins the one before it."""
_LAM_FORMS = FORMS[LAM]
_LIGATURES = [
    (_LAM_FORMS[lam] + FORMS[alef][_FINAL], ligatures[which] + MERGED)
    for alef, ligatures in LAM_ALEF.items()
    for lam, which in ((_INITIAL, 0), (_MEDIAL, 1))
]
"""(lam's initial or medial form + the alef's final form, the ligature + the merged mark)."""
_NEEDS_SHAPING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def is_haraka(char: str) -> bool:
    """True for the Arabic marks arabic-reshaper treats as harakat (transparent to joining)."""
    return char in _HARAKAT


def shape(text: str) -> tuple[list[str], list[int]]:
    """Shaped glyph per character of ``text``, and the indices of alefs merged into a lam-alef
    ligature (their glyph is "", the ligature sits at the lam's index)."""
    shaped, merged = shape_string(text)
    glyphs = list(shaped)
    for i in merged:
        glyphs[i] = ""
    return glyphs, merged


def shape_string(text: str) -> tuple[str, list[int]]:
    """``text`` shaped, one character per character: the alefs merged into a lam-alef
    ligature are ``MERGED`` (the ligature sits at the lam's index); and their indices.

    Joining never crosses a space, so words are shaped independently and cached: news text
    repeats its words.  The cached words are joined back in one ``str.join``, so a paragraph
    costs no Python work per word once its words are known.

    ``text`` must hold no lone surrogate (``sanitize.replace_surrogates`` removes them): the
    cache marks merged alefs with one.
    """
    if MERGED in text:
        raise ValueError("shape() needs text without lone surrogates")
    if not _NEEDS_SHAPING.search(text):
        return text, []
    words = text.split(" ")
    missing = set(words).difference(_WORDS)
    if missing:
        if len(_WORDS) + len(missing) > _WORDS_LIMIT:  # bound the memory: start afresh
            _WORDS.clear()
            missing = set(words)
        _WORDS.update(_join_words(list(missing)))
    shaped = " ".join(map(_WORDS.__getitem__, words))
    if MERGED not in shaped:
        return shaped, []
    return shaped, [match.start() for match in _MERGED_RE.finditer(shaped)]


_WORDS: dict[str, str] = {}  # word -> shaped word, one character per letter (MERGED for "")
_WORDS_LIMIT = 100_000
_MERGED_RE = re.compile(MERGED)


def clear_cache() -> None:
    """Forget every shaped word (benchmarks use it to measure a cold start)."""
    _WORDS.clear()


def _join_words(words: list[str]) -> Iterator[tuple[str, str]]:
    """(word, shaped word) for words without spaces.

    Words without harakat or presentation forms, nearly all of them, are joined together in
    a few C-level passes: every chain of joined letters (dual-joining ones, then one that
    joins the letter before it) is one match of a regular expression, and a chain takes its
    initial, medial and final forms from the words translated into each form whole. A
    lam-alef is then a lam's initial or medial form before an alef's final form, replaced by
    the ligature. The other words go letter by letter (``_join``).
    """
    batch = " ".join(words)
    fast = words
    if _SLOW.search(batch):
        fast = [word for word in words if not _SLOW.search(word)]
        slow = set(words).difference(fast)
        yield from ((word, _join(word)) for word in slow)
        batch = " ".join(fast)
    if not fast:
        return
    isolated, initial, medial, final = (batch.translate(table) for table in _FORM_TABLES)
    pieces: list[str] = []
    done = 0
    for match in _CHAIN.finditer(batch):
        start, end = match.span()
        pieces += (
            isolated[done:start],
            initial[start],
            medial[start + 1 : end - 1],
            final[end - 1],
        )
        done = end
    pieces.append(isolated[done:])
    shaped = "".join(pieces)
    if "\ufedf" in shaped or "\ufee0" in shaped:  # lam, initial or medial
        for pair, ligature in _LIGATURES:
            shaped = shaped.replace(pair, ligature)
    yield from zip(fast, shaped.split(" "), strict=True)


def _join(word: str) -> str:
    """A word (no space) shaped, one character per input character (MERGED for an alef in
    a lam-alef ligature); the word itself where arabic-reshaper leaves it unshaped."""
    glyphs = list(word)
    previous = -1  # index of the last letter (harakat are skipped), -1 after a non-letter
    forms: tuple[str, str, str, str] | None = None
    joined = False  # the previous letter joins the one before it
    for index, char in enumerate(word):
        if char in _HARAKAT:
            continue
        mine = _JOINS.get(char)
        if mine is None:  # not a letter: nothing joins across it
            previous, forms = index, None
            continue
        if char in ALEFS and previous >= 0 and word[previous] == LAM:
            # lam + alef: one ligature at the lam, final if the lam joins the letter before
            glyphs[previous] = LAM_ALEF[char][1 if joined else 0]
            glyphs[index] = MERGED
            previous, forms, joined = index, None, False
            continue
        link = forms is not None and (
            bool(mine[_FINAL] or mine[_MEDIAL])
            and bool(forms[_MEDIAL] if joined else forms[_INITIAL] or forms[_MEDIAL])
        )
        if link:
            assert forms is not None
            glyphs[previous] = forms[_MEDIAL] if joined else forms[_INITIAL]
            glyphs[index] = mine[_FINAL]
        else:
            glyphs[index] = mine[_ISOLATED]
        previous, forms, joined = index, mine, link
    if "" in glyphs:  # a form the tables lack: arabic-reshaper's output would not line up
        return word
    return "".join(glyphs)
