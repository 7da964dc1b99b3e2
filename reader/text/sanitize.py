"""What foreign text becomes before it is shown, so nothing from a file reaches the terminal raw.

Text from outside (an article, its title, a file name, an error message, a tag) may hold
characters that act on a terminal (C0 and C1 controls: ESC starts escape sequences, BEL ends
them), reorder what is shown without a trace (the bidi embedding, override and isolate
controls) or hide themselves (other invisible format characters).  One table decides what a
control looks like (`PICTURES`: ESC shows as ␛), and two entry points apply it:

* `neutralise` for every piece of foreign text shown, copied or printed outside the layout
  engine (file names, messages, tags, the clipboard, machine-readable output);
* `display_and_bidi_text`, the layout engine's own stage, which keeps the text's length so
  that every cell still maps to its logical offsets, and keeps the bidi controls for the bidi
  algorithm while painting visible marks for embeddings and overrides.

In the engine every character of a paragraph falls in one of three kinds:

* ``BASE``: starts a painted cluster (letters, digits, punctuation, spaces, placeholders);
* ``MARK``: a combining mark, painted in the cell of the cluster before it;
* ``HIDDEN``: never painted and owning no cell: the isolate controls (LRI..PDI), LRM/RLM/ALM,
  ZWJ/ZWNJ and the other invisible format characters (Cf).  They still take part in the bidi
  algorithm, and ZWNJ/ZWJ still steer Arabic joining.

Controls cannot be painted either, but dropping them would hide what the file contains, so C0
controls, ESC and DEL become their Control Pictures symbol (one cell: ESC shows as ␛), C1
controls and lone surrogates become U+FFFD, and the line and paragraph separators U+2028/U+2029
become ␤.  TAB is shown as a single space (one cell); it keeps its bidi class (segment
separator), so rule L1 still resets it to the paragraph level.
"""

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Literal

BASE = 0
MARK = 1
HIDDEN = 2

TAB = "\t"
ZWJ = "\u200d"
ZWNJ = "\u200c"
DOTTED_CIRCLE = "\u25cc"  # the conventional base for a mark that has no letter to sit on

# Format characters that are visible (prepended concatenation marks such as the Arabic number
# sign and end of ayah): they are painted like ordinary characters.
_VISIBLE_FORMAT = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
# The bidi embedding, override and isolate controls: they reorder text without a glyph.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters Arabic text uses on purpose: ZWNJ, ZWJ, LRM, RLM, ALM.  They act on
# nothing but joining and the placement of neutral characters, so they are kept.
ARABIC_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c")


def _pictures() -> dict[int, str]:
    """Every control and separator -> the one-cell symbol shown in its place."""
    table = {cp: chr(0x2400 + cp) for cp in range(0x20)}
    table[0x7F] = "\u2421"  # ␡
    table.update({cp: "\ufffd" for cp in range(0x80, 0xA0)})
    table[0x2028] = "\u2424"  # ␤
    table[0x2029] = "\u2424"
    return table


PICTURES = _pictures()
"""``str.translate`` table: what a control or separator looks like (ESC shows as ␛)."""

DISPLAY_TABLE = {**PICTURES, ord(TAB): " "}
"""``str.translate`` table for the painted text; TAB is painted as a space."""

BIDI_TABLE = dict(PICTURES)
"""``str.translate`` table for the text given to the bidi algorithm: placeholders take the
bidi class of the symbol painted (ON), but TAB stays a segment separator."""
BIDI_TABLE[ord(TAB)] = TAB

# Every character of general category Cc, Cf, Zl, Zp or Cs except the visible format
# characters (tests/text/test_sanitize.py checks this against Python's Unicode data).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")

Mode = Literal["show", "copy", "escape"]


def neutralise(text: str, mode: Mode = "show", *, keep: str = "") -> str:
    """The one way foreign text is made safe outside the layout engine.

    * ``"show"`` (messages, file names, tags, toasts): controls become their pictures (C1 and
      lone surrogates U+FFFD), and invisible format characters other than the ones Arabic
      uses (ZWNJ, ZWJ, LRM, RLM, ALM) become ``\\uXXXX``, so an override is seen, not obeyed;
    * ``"copy"`` (the clipboard): controls become their pictures, the bidi embedding, override
      and isolate controls are left out, every other format character stays;
    * ``"escape"`` (JSON, TSV): every control and format character becomes ``\\uXXXX``, so
      the data stays exact (the caller escapes backslashes, as JSON does).

    Characters in ``keep`` pass unchanged (the newlines of a multi-line table).
    """
    if not _UNSAFE.search(text):
        return text
    replace = _replacements(mode, keep)
    return _UNSAFE.sub(lambda match: replace(match.group()), text)


@lru_cache(maxsize=16)
def _replacements(mode: Mode, keep: str) -> Callable[[str], str]:
    """The replacement of each unsafe character in one mode (memoised: few characters recur)."""

    @cache
    def replace(char: str) -> str:
        if char in keep:
            return char
        if mode == "escape":
            return _escape(char)
        picture = PICTURES.get(ord(char))
        if picture is not None:
            return picture
        if _SURROGATE.match(char):
            return "\ufffd"
        if mode == "copy":
            return "" if char in BIDI_CONTROLS else char
        return char if char in ARABIC_FORMAT else _escape(char)

    return replace


def _escape(char: str) -> str:
    """``\\uXXXX`` as JSON writes it (a surrogate pair beyond the BMP)."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates (possible after lenient decoding) with U+FFFD, length preserved."""
    return _SURROGATE.sub("\ufffd", text)


_NEEDS_TRANSLATION = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FORCING = re.compile("[\u202a-\u202e]")  # the embedding and override controls, and PDF
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
LEFT_MARK = "\u27e6"  # ⟦
RIGHT_MARK = "\u27e7"  # ⟧
"""The marks painted at the two ends of a span whose direction an embedding or override forces."""
_OPENERS = {"\u202a": False, "\u202b": True, "\u202d": False, "\u202e": True}  # -> RTL span
_PDF = "\u202c"
_ISOLATE_OPENERS = "\u2066\u2067\u2068"
_PDI = "\u2069"


def forces_direction(text: str) -> bool:
    """Whether ``text`` holds an embedding or override control (painted as ⟦ ⟧ marks)."""
    return _FORCING.search(text) is not None


def display_and_bidi_text(text: str) -> tuple[str, str]:
    """The text to paint and the text to give the bidi algorithm, both as long as ``text``."""
    text = replace_surrogates(text)
    if not _NEEDS_TRANSLATION.search(text):
        display, bidi_text = text, text
    else:
        display, bidi_text = text.translate(DISPLAY_TABLE), text.translate(BIDI_TABLE)
    if _FORCING.search(text):
        display = _mark_forced_spans(display)
    return display, bidi_text


def _mark_forced_spans(display: str) -> str:
    """Paint each embedding and override control (LRE, RLE, LRO, RLO) and the PDF that closes
    it as a mark, so a reader sees that a span's direction was forced ("Trojan Source").

    The bidi algorithm places the opener's mark at the span's start and the PDF's mark at its
    end (``bidi.resolve_levels`` gives them the span's level), so a left-to-right span shows
    as ⟦...⟧ with ⟦ first, and a right-to-left one also as ⟦...⟧, its opener's mark on the
    right.  An unclosed span has its opener's mark only; a PDF that closes nothing stays
    hidden, as do the isolate controls, which force nothing outside themselves.
    """
    chars = list(display)
    spans: list[bool | None] = []  # open spans, innermost last: True for RTL, None for isolates
    for match in _DIRECTION_CONTROLS.finditer(display):
        i, char = match.start(), match.group()
        if char in _OPENERS:
            rtl = _OPENERS[char]
            spans.append(rtl)
            chars[i] = RIGHT_MARK if rtl else LEFT_MARK
        elif char == _PDF:
            if spans and spans[-1] is not None:
                chars[i] = LEFT_MARK if spans.pop() else RIGHT_MARK
        elif char in _ISOLATE_OPENERS:
            spans.append(None)
        elif None in spans:  # a PDI closes its isolate and every span opened inside it
            while spans.pop() is not None:
                pass
    return "".join(chars)


@cache
def kind(char: str) -> int:
    """BASE, MARK or HIDDEN for one character of the *display* text (after DISPLAY_TABLE)."""
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Mc"):
        return MARK
    if category == "Cf" and char not in _VISIBLE_FORMAT:
        return HIDDEN
    return BASE


@lru_cache(maxsize=1024)
def special_pattern(chars: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern finding these characters (the non-BASE ones of a paragraph), None if none."""
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@cache
def char_width(char: str) -> int:
    """Terminal cells of a base character: 2 for East Asian wide/fullwidth, else 1."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
