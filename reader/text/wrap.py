"""Greedy wrapping of a paragraph's clusters, in logical order, to a width in terminal cells.

Wrapping happens before reordering (UAX #9 section 3.4): reordering a whole paragraph first
would put its last words on the first line.  Lines break at spaces; spaces at the end of a
line hang (they take no width and are not painted); a word wider than the line is broken
between clusters, never inside one.
"""

from collections.abc import Sequence
from typing import NamedTuple


class LineBreak(NamedTuple):
    """One wrapped line as cluster indices: painted clusters are [first, painted), the hanging
    spaces after them are [painted, end)."""

    first: int
    painted: int
    end: int


def wrap(widths: Sequence[int], spaces: Sequence[bool], width: int) -> list[LineBreak]:
    """Break clusters with these cell ``widths`` into lines of at most ``width`` cells.

    ``spaces[i]`` marks the clusters a line may break after.  A cluster wider than the whole
    line (a wide character at width 1) gets a line of its own.  Always at least one line.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 cell, got {width}")
    lines: list[LineBreak] = []
    n = len(widths)
    first = 0  # first cluster of the current line
    used = 0  # cells taken by the line's painted clusters, up to its last word
    content_end = 0  # index after the line's last painted (non-hanging) cluster
    i = 0
    while i < n:
        if spaces[i]:
            i += 1
            continue
        # a word: clusters [i, j)
        j = i
        word = 0
        while j < n and not spaces[j]:
            word += widths[j]
            j += 1
        gap = sum(widths[content_end:i]) if content_end < i else 0
        if used + gap + word <= width:
            used += gap + word
            content_end = j
            i = j
            continue
        if content_end > first or (used == 0 and gap >= width):
            # the word goes to the next line; the spaces before it hang on this one
            lines.append(LineBreak(first, content_end, i))
            first = content_end = i
            used = gap = 0
            if word <= width:
                used = word
                content_end = j
                i = j
                continue
        # the word (after any leading spaces) is wider than what is left: break it
        used += gap
        k = i
        while k < j:
            w = widths[k]
            if used + w > width and (used > 0 or k > first):
                lines.append(LineBreak(first, k, k))
                first = k
                used = 0
            used += w
            k += 1
        content_end = j
        i = j
    lines.append(LineBreak(first, content_end, n))
    return lines
