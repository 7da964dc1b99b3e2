"""Arabic shaping with arabic-reshaper, plus the logical -> shaped index map it does not give.

arabic-reshaper turns letters into their contextual presentation forms and lam + alef into one
ligature.  ``shape`` returns one entry per input character: its shaped glyph, or ``""`` for the
alef swallowed by a lam-alef ligature (the glyph lives at the lam's index).  Harakat come back
unchanged at their own index, so they can stay in their base letter's cell.

arabic-reshaper 3.1 mishandles ZWJ (a ZWJ shifts later ligature positions, and ``'ب\\u200dلا'``
raises IndexError), so ZWJ is never given to it: it is replaced by TATWEEL, a dual-joining
letter, which keeps ZWJ's meaning (join on both sides, no ligature across it) and keeps the
output aligned with the input.  ZWNJ is passed through and breaks joining as it should.
"""

import re

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.letters import LETTERS_ARABIC

LAM = "\u0644"
ALEFS = frozenset("\u0622\u0623\u0625\u0627")  # the four that form a lam-alef ligature
TATWEEL = "\u0640"
ZWJ = "\u200d"

_RESHAPER = ArabicReshaper(
    configuration={
        "language": "Arabic",  # Arabic, Persian and Urdu letters
        "delete_harakat": False,
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": False,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,  # U+FDF2 is far too wide for one terminal cell
        "ARABIC LIGATURE LAM WITH ALEF": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE": True,
    }
)
_LIGATURE = re.compile("[\ufef5-\ufefc]")
_NEEDS_SHAPING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_FORMS = {
    letter: frozenset(f for f in forms if f) | {letter} for letter, forms in LETTERS_ARABIC.items()
}
_FORMS[LAM] |= frozenset(map(chr, range(0xFEF5, 0xFEFD)))  # lam-alef ligatures sit at the lam


def is_haraka(char: str) -> bool:
    """True for the Arabic marks arabic-reshaper treats as harakat (transparent to joining)."""
    return HARAKAT_RE.match(char) is not None


def shape(text: str) -> tuple[list[str], list[int]]:
    """Shaped glyph per character of ``text``, and the indices of alefs merged into a lam-alef
    ligature (their glyph is "", the ligature sits at the lam's index).

    Joining never crosses a space, so words are shaped independently and cached: news text
    repeats its words.  The words not yet cached go to the reshaper in one call (each call
    costs tens of microseconds of configuration look-ups).  A word whose reshaped form cannot
    be aligned with its letters stays unshaped: a reshaper defect can make a word look
    unjoined but can never move an offset.  The cached words are joined back in one
    ``str.join``, so a paragraph costs no Python work per word once its words are known.

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
        _shape_words(list(missing))
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


def _shape_words(words: list[str]) -> None:
    """Shape words that contain no space and store them in the word cache."""
    sources = [w.replace(ZWJ, TATWEEL) for w in words]
    shaped = _RESHAPER.reshape(" ".join(sources)).split(" ")
    if len(shaped) != len(words):  # cannot happen (spaces pass through); shape one by one
        shaped = [_RESHAPER.reshape(source) for source in sources]
    for word, source, output in zip(words, sources, shaped, strict=True):
        glyphs = _align(source, output)
        _WORDS[word] = word if glyphs is None else "".join(g or _MERGED for g in glyphs)


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
        if i >= n or source[i] != LAM:
            return None
        glyphs.append(shaped[p])
        i += 1
        j = p + 1
        while i < n and is_haraka(source[i]):
            if j >= len(shaped) or shaped[j] != source[i]:
                return None
            glyphs.append(shaped[j])
            i += 1
            j += 1
        if i >= n or source[i] not in ALEFS:
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
