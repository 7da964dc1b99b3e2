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

from reader.text.joining_tables import FORMS, HARAKAT, LAM_ALEF

LAM = "\u0644"
ALEFS = frozenset("\u0622\u0623\u0625\u0627")  # the four that form a lam-alef ligature
TATWEEL = "\u0640"
ZWJ = "\u200d"

_HARAKAT = frozenset(HARAKAT)
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = range(4)
_JOINS: dict[str, tuple[str, str, str, str]] = {**FORMS, ZWJ: FORMS[TATWEEL]}
"""Forms per letter, ZWJ shaped as tatweel."""
_NEEDS_SHAPING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def is_haraka(char: str) -> bool:
    """True for the Arabic marks arabic-reshaper treats as harakat (transparent to joining)."""
    return char in _HARAKAT


def shape(text: str) -> tuple[list[str], list[int]]:
    """Shaped glyph per character of ``text``, and the indices of alefs merged into a lam-alef
    ligature (their glyph is "", the ligature sits at the lam's index).

    Joining never crosses a space, so words are shaped independently and cached: news text
    repeats its words.  The cached words are joined back in one ``str.join``, so a paragraph
    costs no Python work per word once its words are known.

    ``text`` must hold no lone surrogate (``sanitize.replace_surrogates`` removes them): the
    cache marks merged alefs with one.
    """
    if _MERGED in text:
        raise ValueError("shape() needs text without lone surrogates")
    if not _NEEDS_SHAPING.search(text):
        return list(text), []
    words = text.split(" ")
    missing = set(words).difference(_WORDS)
    if missing:
        if len(_WORDS) + len(missing) > _WORDS_LIMIT:  # bound the memory: start afresh
            _WORDS.clear()
            missing = set(words)
        for word in missing:
            _WORDS[word] = _join(word)
    shaped = " ".join(map(_WORDS.__getitem__, words))
    glyphs = list(shaped)
    if _MERGED not in shaped:
        return glyphs, []
    merged = [match.start() for match in _MERGED_RE.finditer(shaped)]
    for i in merged:
        glyphs[i] = ""
    return glyphs, merged


_WORDS: dict[str, str] = {}  # word -> shaped word, one character per letter (_MERGED for "")
_WORDS_LIMIT = 100_000
_MERGED = "\ud800"  # a lone surrogate: never in sanitised text, so free to mark merged alefs
_MERGED_RE = re.compile(_MERGED)


def clear_cache() -> None:
    """Forget every shaped word (benchmarks use it to measure a cold start)."""
    _WORDS.clear()


def _join(word: str) -> str:
    """A word (no space) shaped, one character per input character (_MERGED for an alef in
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
            glyphs[index] = _MERGED
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
