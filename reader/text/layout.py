"""Lay out one logical paragraph as visual lines of cells, each cell knowing its source range.

Pipeline for a paragraph: sanitise (controls become placeholders, formatting characters are
hidden), shape (arabic-reshaper, with an index map), resolve bidi levels (python-bidi, up to
rule I2), group characters into clusters (base + marks; lam + alef + their harakat), wrap the
clusters in logical order, then per line apply L1, reorder clusters by L2 and mirror by L4.
Everything up to the clusters depends only on the paragraph text, the direction and the
harakat option, so it is cached; wrapping and styling are cheap and done per call.

Spans style every cell whose source range overlaps them, so a highlight that starts on the
alef of a lam-alef ligature still lights the ligature.  Trailing spaces of a line are not
painted: their clusters belong to the line's range but to no cell.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import Literal

from rich.style import Style

from reader.text import bidi, sanitize, shaping
from reader.text.mirroring import MIRRORS
from reader.text.wrap import wrap

Direction = Literal["auto", "rtl", "ltr"]

__all__ = ["Cell", "Direction", "Span", "VisualLine", "layout_paragraph", "split_paragraphs"]


@dataclass(frozen=True, slots=True)
class Span:
    """A style over logical offsets [start, end)."""

    start: int
    end: int
    style: Style


@dataclass(frozen=True, slots=True)
class Cell:
    """One painted grapheme cluster, in visual order."""

    text: str  # safe to paint: shaped, mirrored, controls neutralised; may carry harakat
    start: int  # logical source range [start, end), in the caller's offsets
    end: int
    width: int  # terminal cells (1, or 2 for wide characters)
    style: Style | None  # the sum of every span covering the cluster


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One line as painted, left to right, without alignment padding."""

    cells: tuple[Cell, ...]
    rtl: bool  # paragraph direction: right-align when True
    start: int  # logical range the line covers
    end: int
    width: int  # cells used
    text: str  # "".join(cell.text)


# Spaces a line may break after; NBSP, FIGURE SPACE and NARROW NBSP are meant not to break.
_BREAKABLE = frozenset(
    "\t \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)


_MIRRORED = frozenset(MIRRORS)
_PARAGRAPH_BREAK = re.compile("\r\n|[\n\r\u2029]")


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """Width-independent analysis of one paragraph: clusters in logical order."""

    level: int  # paragraph embedding level (0 LTR, 1 RTL)
    starts: list[int]  # logical range of each cluster
    ends: list[int]
    texts: list[str]  # painted text at an even level
    mirrorable: list[int]  # clusters whose base character mirrors at an odd level (L4)
    widths: list[int]
    levels: list[int]  # resolved level of the cluster's base character (before L1)
    classes: list[str]  # bidi class of the cluster's base character (for L1)
    spaces: list[bool]  # a line may break after this cluster
    length: int  # paragraph length in characters


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each paragraph of ``text``, split on \\n, \\r\\n, \\r and U+2029.

    Like ``str.splitlines``, a separator at the very end does not start an empty paragraph;
    an empty text is one empty paragraph.
    """
    result: list[tuple[int, str]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        result.append((start, text[start : match.start()]))
        start = match.end()
    if start < len(text) or not result:
        result.append((start, text[start:]))
    return result


def layout_paragraph(
    text: str,
    width: int,
    *,
    spans: Sequence[Span] = (),
    harakat: bool = False,
    direction: Direction = "auto",
    offset: int = 0,
) -> list[VisualLine]:
    """Visual lines of one paragraph, at most ``width`` cells each (see the module docstring).

    ``offset`` is the paragraph's start in the article: cells, lines and spans use article
    offsets.  An empty paragraph yields one empty line.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 cell, got {width}")
    if direction not in ("auto", "rtl", "ltr"):
        raise ValueError(f"direction must be auto, rtl or ltr, got {direction!r}")
    para = _analyse(text, direction, harakat)
    styles = _cluster_styles(para, spans, offset) if spans else None
    rtl = bool(para.level & 1)
    lines: list[VisualLine] = []
    breaks = wrap(para.widths, para.spaces, width)
    for index, (first, painted, end) in enumerate(breaks):
        line_start = 0 if index == 0 else para.starts[first]
        line_end = para.length if index == len(breaks) - 1 else para.starts[end]
        cells = _line_cells(para, first, painted, styles, offset)
        lines.append(
            VisualLine(
                cells=tuple(cells),
                rtl=rtl,
                start=line_start + offset,
                end=line_end + offset,
                width=sum(para.widths[first:painted]),
                text="".join([cell.text for cell in cells]),
            )
        )
    return lines


def _line_cells(
    para: _Paragraph, first: int, painted: int, styles: list[Style | None] | None, offset: int
) -> list[Cell]:
    """Cells of clusters [first, painted) in visual order (rules L1, L2, L4)."""
    if first == painted:
        return []
    levels = bidi.apply_l1(para.classes[first:painted], para.levels[first:painted], para.level)
    order = bidi.visual_order(levels)
    texts = para.texts[first:painted]
    for c in para.mirrorable[
        bisect_left(para.mirrorable, first) : bisect_left(para.mirrorable, painted)
    ]:
        if levels[c - first] & 1:
            texts[c - first] = bidi.mirror(texts[c - first][0]) + texts[c - first][1:]
    starts = para.starts[first:painted]
    ends = para.ends[first:painted]
    widths = para.widths[first:painted]
    line_styles = repeat(None) if styles is None else styles[first:painted]
    if offset:
        starts = list(map(offset.__add__, starts))
        ends = list(map(offset.__add__, ends))
    if order[0] != 0 or (len(order) > 1 and order[1] != 1):  # not left to right: permute
        pick = itemgetter(*order) if len(order) > 1 else lambda seq: (seq[order[0]],)
        texts, starts, ends, widths = pick(texts), pick(starts), pick(ends), pick(widths)
        if styles is not None:
            line_styles = pick(line_styles)
    return list(map(Cell, texts, starts, ends, widths, line_styles))


def _cluster_styles(para: _Paragraph, spans: Sequence[Span], offset: int) -> list[Style | None]:
    """Per cluster, the sum (in span order) of the styles of every span overlapping it."""
    covering: list[list[int]] = [[] for _ in para.starts]
    for index, span in enumerate(spans):
        lo = bisect_right(para.ends, span.start - offset)
        hi = bisect_left(para.starts, span.end - offset)
        for c in range(lo, hi):
            covering[c].append(index)
    combined: dict[tuple[int, ...], Style | None] = {(): None}
    styles: list[Style | None] = []
    for indices in covering:
        key = tuple(indices)
        if key not in combined:
            combined[key] = Style.combine(spans[i].style for i in key)
        styles.append(combined[key])
    return styles


@lru_cache(maxsize=512)
def _analyse(text: str, direction: Direction, harakat: bool) -> _Paragraph:
    """Sanitise, shape, resolve levels and build clusters for one paragraph.

    Works on whole lists where it can (clusters are usually single characters); only marks,
    hidden characters and ligature-merged alefs are visited one by one.
    """
    display, bidi_text = sanitize.display_and_bidi_text(text)
    level, char_levels = bidi.resolve_levels(bidi_text, direction)
    # ZWJ/ZWNJ stay in the shaper's input (they steer joining); other hidden characters too,
    # so that positions line up (they break joining, as a conservative choice).
    glyphs, merged = shaping.shape(display)
    n = len(display)
    unique = set(display)

    is_start = bytearray(b"\x01") * n  # 1 where a cluster starts
    boundary = bytearray(b"\x01") * n  # 1 where a cluster starts or a hidden character sits
    extended: dict[int, None] = {}  # positions whose glyph joins the cluster before it
    special = sanitize.special_pattern(
        frozenset(c for c in unique if sanitize.kind(c) != sanitize.BASE)
    )
    positions = [m.start() for m in special.finditer(display)] if special else []
    for i in positions:
        if sanitize.kind(display[i]) == sanitize.HIDDEN:
            is_start[i] = 0
        elif i > 0 and sanitize.kind(display[i - 1]) != sanitize.HIDDEN:
            is_start[i] = boundary[i] = 0
            extended[i] = None
        else:  # a mark with nothing to sit on still owns a cell, painted on a dotted circle
            show = harakat or not shaping.is_haraka(glyphs[i])
            glyphs[i] = sanitize.DOTTED_CIRCLE + glyphs[i] if show else sanitize.DOTTED_CIRCLE
    for i in merged:  # an alef merged into the lam-alef ligature before it
        is_start[i] = boundary[i] = 0
        extended[i] = None

    index = range(n)
    starts = list(compress(index, is_start))
    bounds = [*compress(index, boundary), n]
    ends = list(compress(bounds[1:], compress(is_start, boundary)))
    texts = list(compress(glyphs, is_start))
    if extended:
        for k in {bisect_right(starts, i) - 1 for i in extended}:
            pieces = [
                g for g in glyphs[starts[k] + 1 : ends[k]] if harakat or not shaping.is_haraka(g)
            ]
            texts[k] = glyphs[starts[k]] + "".join(pieces)
    if any(sanitize.char_width(c) == 2 for c in unique):
        widths = [sanitize.char_width(t[0]) for t in texts]
    else:
        widths = [1] * len(texts)
    classes_of = {c: bidi.bidi_class(c) for c in set(bidi_text)}
    classes = list(compress(map(classes_of.__getitem__, bidi_text), is_start))
    spaces = list(compress(map(_BREAKABLE.__contains__, bidi_text), is_start))
    levels = list(compress(char_levels, is_start))
    mirrorable = [k for k, t in enumerate(texts) if t[0] in MIRRORS] if unique & _MIRRORED else []
    return _Paragraph(level, starts, ends, texts, mirrorable, widths, levels, classes, spaces, n)
