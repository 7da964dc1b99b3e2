"""Per-character embedding levels (UAX #9 up to I2), and rules L1, L2 and L4 for one line.

Levels come from python-bidi 0.6 (the Rust ``unicode-bidi`` crate).  Its public API only returns
a reordered string, so we rely on one more thing it exposes: ``get_display(text, debug=True)``
returns the Rust ``BidiInfo`` debug dump, whose ``levels`` list holds one ``Level(n)`` per UTF-8
*byte*, resolved up to rule I2 (before L1).  We take the level of each character's first byte.
pyproject pins ``python-bidi>=0.6,<0.7`` and tests/text/test_bidi_conformance.py checks this
against all 91,707 cases of Unicode's BidiCharacterTest, so a format change fails loudly.

Two common cases skip python-bidi because UAX #9 resolves them trivially: an RTL paragraph
with no LTR-strong, number or explicit formatting character is all level 1, and an LTR
paragraph with no RTL-strong, Arabic-number or explicit formatting character is all level 0.

The line rules work on whatever units the caller reorders (characters or clusters), so the
layout engine can reorder whole grapheme clusters and never separate a haraka from its letter.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import compress
from typing import Literal

from bidi import get_display

from reader.text.mirroring import MIRRORS

Direction = Literal["auto", "rtl", "ltr"]

REMOVED_BY_X9 = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
ISOLATE_CONTROLS = frozenset({"LRI", "RLI", "FSI", "PDI"})
_L1_RESET = frozenset({"S", "WS"}) | ISOLATE_CONTROLS | REMOVED_BY_X9
_ARABIC_NUMBERS = frozenset({"AL", "EN", "AN", "NSM", "WS", "ON", "CS", "ES", "ET"})
_CODE = {
    "AL": "a",
    "EN": "e",
    "AN": "n",
    "NSM": "m",
    "WS": "o",
    "ON": "o",
    "CS": "c",
    "ES": "s",
    "ET": "t",
}
_FIRST_MARKS = re.compile("^m+")
_MARKS_AFTER = re.compile("(.)(m+)")
_W4_EN = re.compile("(?<=e)[cs](?=e)")
_W4_AN = re.compile("(?<=n)c(?=n)")
_W5 = re.compile("t+(?=e)|(?<=e)t+")
_NUMBER_LEVELS = bytes(2 if chr(b) in "en" else 1 for b in range(256))
_RTL_SIMPLE = frozenset({"R", "AL", "NSM", "WS", "ON", "CS", "ES", "ET", "BN", "S"})
_LTR_SIMPLE = frozenset({"L", "EN", "NSM", "WS", "ON", "CS", "ES", "ET", "BN", "S"})
_LEVEL = re.compile(r"Level\(\s+(\d+),")
# UTF-8 continuation bytes (0x80-0xBF) -> 0, lead and ASCII bytes -> 1
_CHAR_STARTS = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))
_BASE_DIR = {"rtl": "R", "ltr": "L", "auto": None}


class BidiFormatError(RuntimeError):
    """python-bidi's debug dump no longer has the shape this module relies on."""


@cache
def bidi_class(char: str) -> str:
    """The Bidi_Class of a character; "" when Python's Unicode data does not know it (such
    text always goes through python-bidi, whose tables may be newer)."""
    return unicodedata.bidirectional(char)


def resolve_levels(text: str, direction: Direction = "auto") -> tuple[int, bytes]:
    """Paragraph level and per-character levels after rule I2 for one paragraph.

    ``text`` must hold no paragraph separator and no lone surrogate.  Characters removed by
    rule X9 get a level too; callers skip them.
    """
    classes = {bidi_class(c) for c in set(text)}
    if (
        direction != "ltr"
        and classes <= _RTL_SIMPLE
        and (direction == "rtl" or "R" in classes or "AL" in classes)
    ):
        return 1, bytes([1]) * len(text)
    if direction != "rtl" and classes <= _LTR_SIMPLE:
        return 0, bytes(len(text))
    if (
        direction != "ltr"
        and classes <= _ARABIC_NUMBERS
        and (direction == "rtl" or "AL" in classes)
    ):
        return 1, _resolve_arabic_with_numbers(text)
    return resolve_levels_exact(text, direction)


def resolve_levels_exact(text: str, direction: Direction = "auto") -> tuple[int, bytes]:
    """``resolve_levels`` always through python-bidi (no shortcut); same contract."""
    if not text:  # python-bidi reports no paragraph at all for an empty text
        return (1 if direction == "rtl" else 0), b""
    dump = get_display(text, base_dir=_BASE_DIR[direction], debug=True)
    start = dump.find("levels: [")
    stop = dump.find("paragraphs: [", start)
    if start < 0 or stop < 0:
        raise BidiFormatError("python-bidi debug output has no levels/paragraphs section")
    encoded = text.encode("utf-8")
    per_byte = bytes(map(int, _LEVEL.findall(dump, start, stop)))
    paragraph = _LEVEL.search(dump, stop)
    if len(per_byte) != len(encoded) or paragraph is None:
        raise BidiFormatError("python-bidi debug output does not give one level per UTF-8 byte")
    if len(encoded) == len(text):
        return int(paragraph.group(1)), per_byte
    return int(paragraph.group(1)), bytes(compress(per_byte, encoded.translate(_CHAR_STARTS)))


def _resolve_arabic_with_numbers(text: str) -> bytes:
    """Levels of an RTL paragraph whose only strong characters are Arabic letters (AL), with
    European/Arabic numbers and neutrals, by rules W1-W7, N0-N2 and I1-I2 on a string of
    one-letter class codes (regular expressions instead of a Python loop per character).

    With every strong type R-like, all neutrals resolve to R (level 1) and only numbers, with
    the separators and terminators W4/W5 attach to them, end up at level 2.
    """
    codes = text.translate({ord(c): _CODE[bidi_class(c)] for c in set(text)})
    codes = _FIRST_MARKS.sub(lambda m: "o" * len(m.group()), codes)  # W1: sos is R, neutral here
    codes = _MARKS_AFTER.sub(lambda m: m.group(1) * (len(m.group(2)) + 1), codes)  # W1
    first_arabic = codes.find("a")
    if first_arabic >= 0:  # W2: numbers after an Arabic letter are Arabic numbers
        codes = codes[:first_arabic] + codes[first_arabic:].replace("e", "n")
    codes = _W4_EN.sub("e", codes)
    codes = _W4_AN.sub("n", codes)
    codes = _W5.sub(lambda m: "e" * len(m.group()), codes)
    return codes.encode("ascii").translate(_NUMBER_LEVELS)  # W6, N0-N2, I1-I2


def apply_l1(classes: Sequence[str], levels: Sequence[int], paragraph_level: int) -> list[int]:
    """Rule L1 for one line: segment separators, and whitespace before them or at line end,
    go back to the paragraph level.  Characters removed by X9 count as whitespace here."""
    result = list(levels)
    if not classes or (classes[-1] not in _L1_RESET and "S" not in classes):
        return result
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        cls = classes[i]
        if cls == "S":
            result[i] = paragraph_level
            trailing = True
        elif cls in _L1_RESET:
            if trailing:
                result[i] = paragraph_level
        else:
            trailing = False
    return result


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: indices of the line's units from left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    if highest == min(levels):
        return order[::-1] if highest & 1 else order
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i + 1
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def mirror(char: str) -> str:
    """Rule L4: the mirrored glyph of a character shown at an odd level (itself if none)."""
    return MIRRORS.get(char, char)
