"""What each logical character becomes on screen, so nothing from a file reaches the terminal raw.

Every character of a paragraph falls in one of three kinds:

* ``BASE``: starts a painted cluster (letters, digits, punctuation, spaces, placeholders);
* ``MARK``: a combining mark, painted in the cell of the cluster before it;
* ``HIDDEN``: never painted and owning no cell: the bidi formatting characters (LRE..RLO, PDF,
  LRI..PDI, LRM/RLM/ALM), ZWJ/ZWNJ and the other invisible format characters (Cf).  They
  still take part in the bidi algorithm, and ZWNJ/ZWJ still steer Arabic joining.

Controls cannot be painted either, but dropping them would hide what the file contains, so C0
controls, ESC and DEL become their Control Pictures symbol (one cell: ESC shows as ␛), C1
controls and lone surrogates become U+FFFD, and the line and paragraph separators U+2028/U+2029
become ␤.  TAB is shown as a single space (one cell); it keeps its bidi class (segment
separator), so rule L1 still resets it to the paragraph level.
"""

import re
import unicodedata
from functools import cache, lru_cache

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


def _display_table() -> dict[int, str]:
    """Map every control and separator to the one-cell symbol painted in its place."""
    table = {cp: chr(0x2400 + cp) for cp in range(0x20)}
    table[0x7F] = "\u2421"  # ␡
    table.update({cp: "\ufffd" for cp in range(0x80, 0xA0)})
    table[0x2028] = "\u2424"  # ␤
    table[0x2029] = "\u2424"
    return table


DISPLAY_TABLE = _display_table()
"""``str.translate`` table for the painted text; TAB is mapped to a space."""
DISPLAY_TABLE[ord(TAB)] = " "

BIDI_TABLE = dict(DISPLAY_TABLE)
"""``str.translate`` table for the text given to the bidi algorithm: placeholders take the
bidi class of the symbol painted (ON), but TAB stays a segment separator."""
BIDI_TABLE[ord(TAB)] = TAB

_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates (possible after lenient decoding) with U+FFFD, length preserved."""
    return _SURROGATE.sub("\ufffd", text)


_NEEDS_TRANSLATION = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def display_and_bidi_text(text: str) -> tuple[str, str]:
    """The text to paint and the text to give the bidi algorithm, both as long as ``text``."""
    text = replace_surrogates(text)
    if not _NEEDS_TRANSLATION.search(text):
        return text, text
    return text.translate(DISPLAY_TABLE), text.translate(BIDI_TABLE)


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
