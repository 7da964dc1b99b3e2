"""Greedy wrapping of a paragraph's clusters, in logical order, to a width in terminal cells.

Wrapping happens before reordering (UAX #9 section 3.4): reordering a whole paragraph first
would put its last words on the first line.  Lines break at spaces; spaces at the end of a
line hang (they take no width and are not painted); a word wider than the line is broken
between clusters, never inside one.

The work is per line, not per cluster: each line's end is found by one regular-expression
match over the clusters that can fit (the last word end within the width), so wrapping costs
a few C-level scans of at most ``width`` characters per line.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

BREAKABLE = "\t \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
"""Spaces a line may break after; NBSP, FIGURE SPACE and NARROW NBSP are meant not to break."""

_SPACE = re.compile(f"[{BREAKABLE}]")
_NON_SPACE = re.compile(f"[^{BREAKABLE}]")
# Matched from a line's start up to its last possible cell: ends at the last word end that is
# followed by a space inside the window (greedy ".*" backtracks from the window's end).
_LAST_WORD_END = re.compile(f"(?s:.*)[^{BREAKABLE}](?=[{BREAKABLE}])")


class LineBreak(NamedTuple):
    """One wrapped line as cluster indices: painted clusters are [first, painted), the hanging
    spaces after them are [painted, end)."""

    first: int
    painted: int
    end: int


def wrap(clusters: str, widths: Sequence[int] | None, width: int) -> list[LineBreak]:
    """Break clusters into lines of at most ``width`` cells.

    ``clusters`` has one character per cluster, its base character: a line may break after
    the ones in ``BREAKABLE``.  ``widths`` gives each cluster's cells, or is None when every
    cluster is one cell wide.  A cluster wider than the whole line (a wide character at width
    1) gets a line of its own.  Always at least one line.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 cell, got {width}")
    n = len(clusters)
    # cells_before[k]: the cells taken by clusters [0, k)
    cells_before: Sequence[int] = range(n + 1)
    if widths is not None:
        cells_before = [*accumulate(widths, initial=0)]

    def limit(first: int) -> int:
        """The last cluster boundary at most ``width`` cells after ``first``."""
        if widths is None:
            return min(first + width, n)
        return bisect_right(cells_before, cells_before[first] + width, first) - 1

    def last_word_end(after: int, upto: int) -> int | None:
        """The last end of a word in (after, upto], None if no word ends there."""
        if upto <= after:
            return None
        if upto == n and clusters[-1] not in BREAKABLE:
            return n
        match = _LAST_WORD_END.match(clusters, after, upto + 1)
        return match.end() if match else None

    def next_word(position: int) -> int:
        """Start of the first word at or after ``position`` (``n`` if none)."""
        match = _NON_SPACE.search(clusters, position)
        return match.start() if match else n

    lines: list[LineBreak] = []
    first = 0  # first cluster of the current line
    start = next_word(0)  # the next word to place; only spaces lie in [first, start)
    if start == n:
        return [LineBreak(0, 0, n)]
    while True:
        painted = last_word_end(first, limit(first))
        if painted is None:  # the word at ``start`` does not fit on the line
            gap = cells_before[start] - cells_before[first]  # the paragraph's leading spaces
            if gap and gap >= width:  # they fill a line of their own, where they hang
                lines.append(LineBreak(first, first, start))
                first = start
                continue
            match = _SPACE.search(clusters, start)
            end = match.start() if match else n
            first = _break_word(cells_before, first, start, end, width, lines)
            painted = last_word_end(end, limit(first)) or end  # words after the broken one
        after = next_word(painted)
        if after == n:
            lines.append(LineBreak(first, painted, n))
            return lines
        lines.append(LineBreak(first, painted, after))
        first = start = after


def _break_word(
    cells_before: Sequence[int],
    first: int,
    start: int,
    end: int,
    width: int,
    lines: list[LineBreak],
) -> int:
    """Break the word [start, end) cluster by cluster onto lines of at most ``width`` cells,
    the current line beginning at ``first``; returns the first cluster of the word's last line.
    """
    used = cells_before[start] - cells_before[first]
    for k in range(start, end):
        w = cells_before[k + 1] - cells_before[k]
        if used + w > width and (used > 0 or k > first):
            lines.append(LineBreak(first, k, k))
            first = k
            used = 0
        used += w
    return first
