"""Per-character embedding levels (UAX #9 up to I2), and rules L1, L2 and L4 for one line.

Levels come from python-bidi 0.6 (the Rust ``unicode-bidi`` crate).  Its public API only returns
a reordered string, so we rely on one more thing it exposes: ``get_display(text, debug=True)``
returns the Rust ``BidiInfo`` debug dump, whose ``levels`` list holds one ``Level(n)`` per UTF-8
*byte*, resolved up to rule I2 (before L1).  We take the level of each character's first byte.
pyproject pins ``python-bidi>=0.6,<0.7`` and tests/text/test_bidi_conformance.py checks this
against all 91,707 cases of Unicode's BidiCharacterTest, so a format change fails loudly.

Most paragraphs skip python-bidi (whose debug dump costs about a microsecond per character):

* an RTL paragraph with no LTR-strong, number or explicit formatting character is all level 1,
  and an LTR paragraph with no RTL-strong, Arabic-number or explicit formatting character is
  all level 0;
* Arabic with numbers: level 2 exactly on the number runs, found by one regular expression;
* any paragraph without explicit formatting characters, boundary neutrals or non-ASCII
  brackets is a single isolating run sequence: rules W1-W7, N0-N2 and I1-I2 run as regular
  expressions over a string of one-letter class codes (``_resolve_one_run``).

The shortcuts are checked against python-bidi by tests/text/test_bidi_shortcuts.py, and most
of the conformance cases (all but those with explicit formatting characters) go through them.

The line rules work on whatever units the caller reorders (characters or clusters), so the
layout engine can reorder whole grapheme clusters and never separate a haraka from its letter.
"""

import re
import unicodedata
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from itertools import compress
from typing import Literal

from bidi import get_display

from reader.text.mirroring import MIRRORS

Direction = Literal["auto", "rtl", "ltr"]

REMOVED_BY_X9 = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
ISOLATE_CONTROLS = frozenset({"LRI", "RLI", "FSI", "PDI"})
ISOLATE_OPENERS = frozenset({"LRI", "RLI", "FSI"})
# Painted as marks by the engine: rule L1 resets the whitespace before them, not their level.
_MARKED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF"})
_L1_RESET = frozenset({"S", "WS"}) | ISOLATE_CONTROLS | REMOVED_BY_X9
_ARABIC_NUMBERS = frozenset({"AL", "EN", "AN", "NSM", "WS", "ON", "CS", "ES", "ET"})
_CODE = {
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
# Paragraphs with only these classes are one isolating run sequence (no X rules, no X9).
_NO_CONTROLS = frozenset({"L", "R", "AL", "EN", "AN", "ES", "ET", "CS", "NSM", "ON", "WS", "S"})
_MIRRORED = frozenset(MIRRORS)
# Mirrored characters _resolve_one_run knows the Bidi_Paired_Bracket_Type of: the ASCII
# brackets pair up (BidiBrackets.txt), the others are not brackets at all.
_ASCII_BRACKETS_OR_NONE = frozenset("()[]{}<>\u00ab\u00bb")
_OPENING = {"(": ")", "[": "]", "{": "}"}
_BRACKET = re.compile(r"[()[\]{}]")
_FULL_CODE = {
    **_CODE,
    "L": "l",
    "R": "r",
    "AL": "a",
    "S": "o",
}
_W2 = re.compile("a[^lr]*")  # from an Arabic letter to the next L or R
_W7 = re.compile("l[^r]*")  # from an L to the next R (after W3)
_W6 = str.maketrans("cst", "ooo")
_N1_ONE_R = re.compile("(?<=[rne])o(?=[rne])")
_N1_ONE_L = re.compile("(?<=l)o(?=l)")
_N1_R = re.compile("(?<=[rne])o+(?=[rne])")
_N1_L = re.compile("(?<=l)o+(?=l)")
_I2_LEVELS = (
    bytes(1 if chr(b) == "r" else 2 if chr(b) in "en" else 0 for b in range(256)),
    bytes(2 if chr(b) in "len" else 1 for b in range(256)),
)
_LEVEL = re.compile(r"Level\(\s+(\d+),")
# UTF-8 continuation bytes (0x80-0xBF) -> 0, lead and ASCII bytes -> 1
_CHAR_STARTS = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))
_BASE_DIR = {"rtl": "R", "ltr": "L", "auto": None}
_SEGMENT_SEPARATOR = re.compile("[\t\x0b\x1f]")  # every character of Bidi_Class S


@cache
def _runs_at_least(level: int) -> re.Pattern[bytes]:
    """Finds the runs of levels >= ``level`` in a bytes object of levels (compiled when first
    needed: the 127 of them took 5 ms of every start)."""
    return re.compile(b"[" + re.escape(bytes([level])) + b"-\\xff]+")


class BidiFormatError(RuntimeError):
    """python-bidi's debug dump no longer has the shape this module relies on."""


@cache
def bidi_class(char: str) -> str:
    """The Bidi_Class of a character; "" when Python's Unicode data does not know it (such
    text always goes through python-bidi, whose tables may be newer)."""
    return unicodedata.bidirectional(char)


def resolve_levels(
    text: str, direction: Direction = "auto", chars: AbstractSet[str] | None = None
) -> tuple[int, bytes]:
    """Paragraph level and per-character levels after rule I2 for one paragraph.

    ``text`` must hold no paragraph separator and no lone surrogate.  Characters removed by
    rule X9 get a level too; callers skip them.  ``chars`` is ``set(text)`` if the caller
    already has it.
    """
    chars = set(text) if chars is None else chars
    classes = {bidi_class(c) for c in chars}
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
        return 1, _resolve_arabic_with_numbers(text, chars)
    if classes <= _NO_CONTROLS and chars & _MIRRORED <= _ASCII_BRACKETS_OR_NONE:
        return _resolve_one_run(text, direction, chars)
    return resolve_levels_exact(text, direction)


def paragraph_level(text: str) -> int:
    """Rules P2-P3 alone: 1 if the first strong character outside isolates is R or AL, else 0.

    For a paragraph too long to resolve in one piece (``reader.text.segments``).  It is read
    in growing pieces: the set of a piece's characters says whether it holds any strong
    character or isolate control at all, and a regular expression finds them, so the work
    stops soon after the first strong character and no Python loop runs per character.
    ``text`` may be the raw paragraph: the characters that sanitising changes (controls,
    separators, lone surrogates) are never strong, and a character Python's Unicode data
    does not know counts as neutral too.

    The work is bounded, so that a 30 MB paragraph of emoji or dashes costs no more than a
    megabyte's worth: only the first ``_P2_REACH`` characters are read, and the loop runs
    once per isolate control met, at most ``_P2_ISOLATES`` times.  A paragraph with no
    answer within these (only machine-made text) is taken to be LTR, rule P3's default.
    """
    depth = 0  # isolates open (P2 skips what lies inside them, up to the matching PDI)
    budget = _P2_ISOLATES
    start, size = 0, 1024
    while start < min(len(text), _P2_REACH):
        piece = text[start : min(start + size, _P2_REACH)]
        codes = {c: code for c in set(piece) - _SURROGATES if (code := _P2_CODE.get(bidi_class(c)))}
        if codes:
            outside, inside = _p2_patterns(frozenset(codes.items()))
            position = 0
            while match := (inside if depth else outside).search(piece, position):
                code = codes[match.group()]
                if code in "lr":
                    return 1 if code == "r" else 0
                depth += 1 if code == "i" else -1
                budget -= 1
                if not budget:
                    return 0
                position = match.end()
        start += size
        size = min(2 * size, 1 << 20)
    return 0


_P2_CODE = {"L": "l", "R": "r", "AL": "r", "LRI": "i", "RLI": "i", "FSI": "i", "PDI": "p"}
_P2_ISOLATES = 100_000
_P2_REACH = 1 << 20
_SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))  # Bidi_Class L in unicodedata


@lru_cache(maxsize=256)
def _p2_patterns(codes: frozenset[tuple[str, str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns finding what matters outside isolates (strong characters and isolate
    initiators: a PDI there closes nothing) and inside them (isolate controls)."""
    outside = {c for c, code in codes if code != "p"}
    inside = {c for c, code in codes if code in "ip"}
    return re.compile(_char_class(outside)), re.compile(_char_class(inside))


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
    level = int(paragraph.group(1))
    levels = per_byte
    if len(encoded) != len(text):
        levels = bytes(compress(per_byte, encoded.translate(_CHAR_STARTS)))
    if _FORCING.search(text):
        levels = _forcing_control_levels(text, levels, level)
    return level, levels


_FORCING = re.compile("[\u202a-\u202e]")
_OPENS_RTL = {"RLE": True, "RLO": True, "LRE": False, "LRO": False}
_MAX_DEPTH = 125


def _forcing_control_levels(text: str, levels: bytes, paragraph_level: int) -> bytes:
    """Give LRE, RLE, LRO, RLO the level of the span they open and PDF that of the span it
    closes, so the marks the engine paints in their place (see ``sanitize``) sit at the two
    ends of the span.

    A mark never takes a level below both of its neighbours (the nearest characters that
    rule X9 keeps), so it neither splits a run that UAX #9 reverses as one nor joins two:
    every other character keeps the order UAX #9 gives it (tests check this against
    BidiCharacterTest).  The levels follow rules X1-X8 with their depth limit.
    """
    classes = [bidi_class(c) for c in text]
    first_strong_rtl = _isolate_directions(classes)
    opened: dict[int, int] = {}
    stack = [(paragraph_level, False)]  # (embedding level, is an isolate)
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, cls in enumerate(classes):
        top = stack[-1][0]
        if cls in _OPENS_RTL or cls in ISOLATE_OPENERS:
            rtl = _OPENS_RTL[cls] if cls in _OPENS_RTL else first_strong_rtl.get(i, cls == "RLI")
            new = (top + 1) | 1 if rtl else (top + 2) & ~1
            fits = new <= _MAX_DEPTH and not overflow_isolates and not overflow_embeddings
            if cls in _OPENS_RTL:
                opened[i] = new if fits else top
                if fits:
                    stack.append((new, False))
                elif not overflow_isolates:
                    overflow_embeddings += 1
            elif fits:
                valid_isolates += 1
                stack.append((new, True))
            else:
                overflow_isolates += 1
        elif cls == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][1]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
        elif cls == "PDF":
            opened[i] = top
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][1] and len(stack) > 1:
                stack.pop()
    kept = [cls not in REMOVED_BY_X9 for cls in classes]
    before = _nearest_kept_levels(levels, kept, range(len(text)))
    after = _nearest_kept_levels(levels, kept, range(len(text) - 1, -1, -1))
    result = bytearray(levels)
    for i, level in opened.items():
        neighbours = [n for n in (before[i], after[i]) if n is not None]
        result[i] = max(level, min(neighbours, default=level))
    return bytes(result)


def _nearest_kept_levels(levels: bytes, kept: list[bool], order: range) -> list[int | None]:
    """For each position, the level of the nearest kept character strictly before it in
    ``order`` (None if there is none)."""
    nearest: list[int | None] = [None] * len(levels)
    last: int | None = None
    for i in order:
        nearest[i] = last
        if kept[i]:
            last = levels[i]
    return nearest


def _isolate_directions(classes: list[str]) -> dict[int, bool]:
    """For each FSI, whether its isolate starts right to left (rules P2-P3 on its contents up
    to the matching PDI, skipping nested isolates), in one backward pass."""
    if "FSI" not in classes:
        return {}
    depth = 0
    depths = []
    for cls in classes:  # BD9: the depth of each character, an initiator outside its isolate
        if cls == "PDI" and depth:
            depth -= 1
        depths.append(depth)
        if cls in ISOLATE_OPENERS:
            depth += 1
    result: dict[int, bool] = {}
    first: dict[int, str] = {}  # depth -> nearest strong class after here, in the same isolate
    for i in range(len(classes) - 1, -1, -1):
        cls, d = classes[i], depths[i]
        if cls in ("L", "R", "AL"):
            first[d] = cls
        elif cls == "PDI" or cls in ISOLATE_OPENERS:  # the isolate at depth d + 1 ends here
            if cls == "FSI":
                result[i] = first.get(d + 1, "L") != "L"
            first.pop(d + 1, None)
    return result


def _resolve_arabic_with_numbers(text: str, chars: AbstractSet[str]) -> bytes:
    """Levels of an RTL paragraph whose only strong characters are Arabic letters (AL), with
    European/Arabic numbers and neutrals (rules W1-W7, N0-N2 and I1-I2).

    With every strong type R-like, all neutrals resolve to R (level 1) and only numbers, with
    the separators and terminators W4/W5 attach to them, end up at level 2.  After the first
    Arabic letter, W2 has made every number an Arabic number, so W4 only joins two numbers
    across one common separator and W5 never applies: the level-2 runs there are found by one
    regular expression over the text itself.  Only the stretch before the first Arabic letter
    (usually empty) needs the class-code rules of ``_resolve_codes``.
    """
    split = next((i for i, c in enumerate(text) if bidi_class(c) == "AL"), len(text))
    levels = bytearray(_resolve_codes(text[:split])) + bytearray(b"\x01") * (len(text) - split)
    numbers = _number_runs(frozenset(c for c in chars if c > _COMMON_END and _in_number_run(c)))
    for match in numbers.finditer(text, split):
        start, end = match.span()
        levels[start:end] = bytes([2]) * (end - start)
    return bytes(levels)


@lru_cache(maxsize=64)
def _number_runs(extra: frozenset[str]) -> re.Pattern[str]:
    """Numbers (with the marks W1 gives their type) joined by single common separators (W4).

    The pattern covers every EN, AN, NSM and CS character below U+0800 plus ``extra`` ones
    (those above it in the text), so one pattern serves almost every paragraph.  A mark after
    a separator takes the separator's type, so the separator is no longer single: the pattern
    allows no mark between a separator and the next number.
    """
    chars = _COMMON | extra
    number = _char_class({c for c in chars if bidi_class(c) in ("EN", "AN")})
    marks = _char_class({c for c in chars if bidi_class(c) == "NSM"})
    separator = _char_class({c for c in chars if bidi_class(c) == "CS"})
    unit = f"(?:{number}{marks}*)+"
    return re.compile(f"{unit}(?:{separator}{unit})*")


_COMMON_END = "\u07ff"  # Latin, Arabic and their neighbours: scanned once at import
_COMMON = frozenset(
    c
    for c in map(chr, range(ord(_COMMON_END) + 1))
    if unicodedata.bidirectional(c) in ("EN", "AN", "NSM", "CS")
)


def _in_number_run(char: str) -> bool:
    """True for the classes a number run is made of (EN, AN, NSM, CS)."""
    return bidi_class(char) in ("EN", "AN", "NSM", "CS")


def _char_class(chars: AbstractSet[str]) -> str:
    """A regular-expression character class matching exactly ``chars`` (never, if empty)."""
    return "[" + "".join(map(re.escape, sorted(chars))) + "]" if chars else "(?!)"


def _resolve_codes(text: str) -> bytes:
    """Levels of an RTL stretch with no strong character (numbers and neutrals after sos R),
    by rules W1, W4-W6, N1-N2 and I1-I2 on a string of one-letter class codes (regular
    expressions instead of a Python loop per character)."""
    codes = text.translate({ord(c): _CODE[bidi_class(c)] for c in set(text)})
    codes = _FIRST_MARKS.sub(lambda m: "o" * len(m.group()), codes)  # W1: sos is R, neutral here
    codes = _MARKS_AFTER.sub(lambda m: m.group(1) * (len(m.group(2)) + 1), codes)  # W1
    codes = _W4_EN.sub("e", codes)
    codes = _W4_AN.sub("n", codes)
    codes = _W5.sub(lambda m: "e" * len(m.group()), codes)
    return codes.encode("ascii").translate(_NUMBER_LEVELS)  # W6, N0-N2, I1-I2


def _resolve_one_run(text: str, direction: Direction, chars: AbstractSet[str]) -> tuple[int, bytes]:
    """``resolve_levels`` for a paragraph without explicit formatting characters, boundary
    neutrals or brackets other than ASCII ones: a single isolating run sequence at the
    paragraph level, resolved by rules P2-P3, W1-W7, N0-N2 and I1-I2 on a string of one-letter
    class codes.  Regular expressions do the per-character work; Python loops run per
    bracket pair and per run of several neutrals.
    """
    codes = text.translate({ord(c): _FULL_CODE[bidi_class(c)] for c in chars})
    if direction == "auto":
        first_strong = re.search("[lra]", codes)
        level = 1 if first_strong and first_strong.group() != "l" else 0
    else:
        level = 1 if direction == "rtl" else 0
    edge = "r" if level else "l"  # sos and eos
    marks = codes
    codes = _MARKS_AFTER.sub(lambda m: m.group(1) * (len(m.group(2)) + 1), edge + codes + edge)
    if "e" in codes and "a" in codes:
        codes = _W2.sub(lambda m: m.group().replace("e", "n"), codes)
    codes = codes.replace("a", "r")  # W3
    codes = _W4_AN.sub("n", _W4_EN.sub("e", codes))
    codes = _W5.sub(lambda m: "e" * len(m.group()), codes).translate(_W6)
    if "e" in codes and "l" in codes:
        codes = _W7.sub(lambda m: m.group().replace("e", "l"), codes)
    if _BRACKET.search(text):
        codes = _resolve_brackets(text, marks, codes, edge)
    codes = _N1_ONE_L.sub("l", _N1_ONE_R.sub("r", codes))  # the usual single space, no callback
    codes = _N1_R.sub(lambda m: "r" * len(m.group()), codes)
    codes = _N1_L.sub(lambda m: "l" * len(m.group()), codes)
    codes = codes[1:-1].replace("o", edge)  # N2
    return level, codes.encode("ascii").translate(_I2_LEVELS[level])


def _resolve_brackets(text: str, marks: str, codes: str, edge: str) -> str:
    """Rule N0 on ``codes`` (after W7, with sos and eos around the text's codes).

    ``marks`` holds the original codes, so that marks after a bracket follow its new type.
    """
    pairs: list[tuple[int, int]] = []
    openers: list[tuple[int, str]] = []  # (position, closing bracket), BD16's stack
    for match in _BRACKET.finditer(text):
        char, position = match.group(), match.start()
        if char in _OPENING:
            if len(openers) == 63:  # BD16: stop at a stack overflow
                break
            openers.append((position, _OPENING[char]))
        else:
            for depth in range(len(openers) - 1, -1, -1):
                if openers[depth][1] == char:
                    pairs.append((openers[depth][0], position))
                    del openers[depth:]
                    break
    types = bytearray(codes, "ascii")  # types[i + 1] is the type of text[i] (sos first)
    embedding, opposite = ord(edge), ord("l" if edge == "r" else "r")
    for opening, closing in sorted(pairs):
        inside = types[opening + 2 : closing + 1].translate(_STRONG)
        if embedding in inside:
            new = embedding
        elif opposite in inside:  # the context before the opening bracket decides
            before = types[: opening + 1].translate(_STRONG).rstrip(b"o")
            new = opposite if before[-1] == opposite else embedding
        else:
            continue
        for position in (opening, closing):
            types[position + 1] = new
            position += 1
            while position < len(marks) and marks[position] == "m":  # W1 gave them ON
                types[position + 1] = new
                position += 1
    return types.decode("ascii")


_STRONG = bytes.maketrans(b"en", b"rr")  # numbers count as R in rules N0 and N1


def apply_l1(classes: Sequence[str], levels: Sequence[int], paragraph_level: int) -> bytes:
    """Rule L1 for one line: segment separators, and whitespace before them or at line end,
    go back to the paragraph level.  Characters removed by X9 count as whitespace here, but
    the embedding and override controls keep their level: the engine paints them as marks at
    the ends of their span (their levels are ignored by UAX #9, which removes them)."""
    if not classes or (classes[-1] not in _L1_RESET and "S" not in classes):
        return bytes(levels)
    result = bytearray(levels)
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        cls = classes[i]
        if cls == "S":
            result[i] = paragraph_level
            trailing = True
        elif cls in _L1_RESET:
            if trailing and cls not in _MARKED:
                result[i] = paragraph_level
        else:
            trailing = False
    return bytes(result)


def line_levels(units: str, levels: bytes, paragraph_level: int) -> bytes:
    """Rule L1 for one line given each unit's (base) character: ``apply_l1``, skipped when
    the line holds no segment separator and does not end in a character L1 resets."""
    if not units or (
        bidi_class(units[-1]) not in _L1_RESET and not _SEGMENT_SEPARATOR.search(units)
    ):
        return levels
    return apply_l1([bidi_class(c) for c in units], levels, paragraph_level)


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: indices of the line's units from left to right.

    Runs at each level are found by a regular expression over the levels as bytes, so the
    Python work is per run (a number inside Arabic text, say), not per unit.
    """
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest = min(levels)
    if highest == lowest:
        return order[::-1] if highest & 1 else order
    current = bytearray(levels)  # levels in the current order
    for level in range(highest, (lowest | 1) - 1, -1):
        for match in list(_runs_at_least(level).finditer(current)):
            i, j = match.span()
            order[i:j] = order[i:j][::-1]
            current[i:j] = current[i:j][::-1]
    return order


def mirror(char: str) -> str:
    """Rule L4: the mirrored glyph of a character shown at an odd level (itself if none)."""
    return MIRRORS.get(char, char)
