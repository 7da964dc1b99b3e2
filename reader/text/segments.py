"""Cut a huge paragraph into segments that are laid out one at a time.

The paragraph is the unit of the bidi algorithm and of wrapping, so the engine lays out a
whole paragraph at once.  That suits every real paragraph (the longest in 7,000 news articles
has 20,000 characters) but not a file that is one 5 MB line: laying that out whole takes
seconds and gigabytes before the first line can be shown.  A paragraph longer than ``HUGE``
characters is therefore cut into segments of ``SEGMENT`` to ``2 * SEGMENT`` characters, each
laid out by itself with its own start as the offset, so the app lays out only the segments on
screen and ``reader render`` prints a segment at a time.  Offsets stay exact; a paragraph up
to ``HUGE`` characters is one segment, laid out exactly as before.

Where a cut goes, in order of preference, within ``SEGMENT`` characters after the first
``SEGMENT``: after a sentence end and its spaces; after any space; between two characters
that start clusters (one word longer than the window).  A cut never falls inside an explicit
embedding, override or isolate when a clean place exists in the window, and never before a
combining mark or between a lam and the alef of its ligature.

What cutting changes, only in such paragraphs:

* each segment starts a line, so the line before a cut may be short, as at a paragraph end;
* the bidi algorithm runs per segment at the level of the whole paragraph (rules P2-P3,
  ``bidi.paragraph_level``), so the rules that look across a cut (W1-W7, N0-N2, and an
  embedding, override, isolate or bracket pair that had to be cut) see the segment's edge
  (sos/eos at the paragraph level) instead of the text beyond it.  At a sentence end before
  a word of the paragraph's own direction, where cuts go in natural text, the resolved
  levels are the same (tests/text/test_segments.py checks it on real text); across a
  sentence that ends in the opposite direction and a next one that starts in it, the full
  stop between them goes to the paragraph level, as at the end of any paragraph;
* shaping breaks only at a cut inside a word, where the letters on each side lose their join.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import islice

from reader.text import bidi, sanitize
from reader.text.layout import Direction
from reader.text.shaping import ALEFS, LAM
from reader.text.wrap import BREAKABLE

HUGE = 32_768
"""Paragraphs longer than this many characters are laid out in segments."""
SEGMENT = 2_048
"""A segment's length in characters, at least (but for the last) and at most twice this."""

_SENTENCE_CUT = re.compile(f"[.!?\u061f\u06d4\u2026][\"'\u00bb\u201d\u2019)\\]]*[{BREAKABLE}]+")
_SPACE_CUT = re.compile(f"[{BREAKABLE}]+")
_EXPLICIT_CHARS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_EXPLICIT = re.compile(f"[{_EXPLICIT_CHARS}]")
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI
_PDF = "\u202c"
_SPACES = frozenset(BREAKABLE)
_TRIES = 16
"""Candidates of each kind tried per cut (see ``_cut``)."""
_DENSE = 64
"""Characters per explicit formatting character below which they are not tracked."""


def segments(paragraph: str, direction: Direction = "auto") -> Iterable[tuple[int, int, Direction]]:
    """(start, end, direction) of each segment of a paragraph, relative to the paragraph.

    A paragraph up to ``HUGE`` characters is one segment with ``direction`` as given; the
    segments of a longer one get the whole paragraph's direction ("rtl" or "ltr") when
    ``direction`` is "auto", so every segment is laid out at the paragraph's level.  The
    cuts are found as the segments are taken, so a caller that needs only the first few
    (a title shown on one line) does not pay for the rest.
    """
    if len(paragraph) <= HUGE:
        return ((0, len(paragraph), direction),)
    return _huge_segments(paragraph, direction)


def _huge_segments(paragraph: str, direction: Direction) -> Iterator[tuple[int, int, Direction]]:
    if direction == "auto":
        direction = "rtl" if bidi.paragraph_level(paragraph) else "ltr"
    bounds = _explicit_bounds(paragraph)
    n = len(paragraph)
    start = 0
    while n - start > 2 * SEGMENT:
        end = _cut(paragraph, start + SEGMENT, start + 2 * SEGMENT, bounds)
        yield start, end, direction
        start = end
    yield start, n, direction


def _cut(text: str, low: int, high: int, bounds: list[int]) -> int:
    """The best place to cut in [low, high) (see the module docstring).

    Only the first ``_TRIES`` candidates of each kind are tried, so hostile text (a space
    before every combining mark, say) costs no more per cut than natural text.
    """
    k = bisect_right(bounds, low)
    if k & 1 and (k == len(bounds) or bounds[k] >= high):  # all inside one: no clean place
        bounds = []
    for pattern in (_SENTENCE_CUT, _SPACE_CUT):
        for match in islice(pattern.finditer(text, low - 1, high), _TRIES):
            if low <= match.end() < high and _clean(text, match.end(), bounds):
                return match.end()
    starts = [p for p in range(low, min(high, low + _TRIES)) if _starts_cluster(text, p)]
    return next((p for p in starts if _outside(p, bounds)), starts[0] if starts else low)


def _clean(text: str, position: int, bounds: list[int]) -> bool:
    """A cut here starts a segment with a word, outside any embedding, override or isolate."""
    return (
        text[position] not in _SPACES
        and _starts_cluster(text, position)
        and _outside(position, bounds)
    )


def _starts_cluster(text: str, position: int) -> bool:
    """The character at ``position`` starts a cluster (not a mark, not an alef of lam-alef)."""
    char = text[position]
    if sanitize.kind(char) == sanitize.MARK:
        return False
    return not (char in ALEFS and text[position - 1] == LAM)


def _outside(position: int, bounds: list[int]) -> bool:
    """No explicit embedding, override or isolate is open just before ``position``."""
    return not bisect_right(bounds, position) & 1


def _explicit_bounds(text: str) -> list[int]:
    """Where explicit embeddings, overrides and isolates are open, as a flat sorted list
    [open, close, open, close, ...]: a cut at c is inside one when an odd number of entries
    are at most c.  A stack as in rules X1-X8 (without the depth limit): PDF closes an
    embedding or override only when no isolate is open above it, PDI closes the innermost
    isolate and whatever was opened inside it, and either is ignored when it matches nothing.
    The work is a Python step per explicit formatting character, so a text that has more
    than one in ``_DENSE`` characters up to some point (no natural text has that many) is
    cut as if it had none, as soon as that shows.
    """
    bounds: list[int] = []
    if not any(char in text for char in _EXPLICIT_CHARS):  # C scans, faster than a pattern
        return bounds
    stack: list[bool] = []  # True for an isolate
    isolates = 0
    for count, match in enumerate(_EXPLICIT.finditer(text)):
        if count > match.start() // _DENSE + _DENSE:  # denser than that so far: give up
            return []
        char, position = match.group(), match.start()
        was_open = bool(stack)
        if char in _EMBEDDINGS:
            stack.append(False)
        elif char in _ISOLATES:
            stack.append(True)
            isolates += 1
        elif char == _PDF:
            if stack and not stack[-1]:
                stack.pop()
        elif isolates:  # PDI
            while not stack.pop():
                pass
            isolates -= 1
        if bool(stack) != was_open:  # this character opened or closed the outermost one
            bounds.append(position + 1)
    return bounds
