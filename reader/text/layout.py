"""Lay out one logical paragraph as visual lines of cells, each cell knowing its source range.

Pipeline for a paragraph: sanitise (controls become placeholders, formatting characters are
hidden), shape (arabic-reshaper, with an index map), resolve bidi levels (python-bidi, up to
rule I2), group characters into clusters (base + marks; lam + alef + their harakat), wrap the
clusters in logical order, then per line apply L1, reorder clusters by L2 and mirror by L4.
Everything up to the clusters depends only on the paragraph text, the direction and the
harakat option, so it is cached; wrapping and styling are cheap and done per call.

Speed (benchmarks/bench_layout.py): the per-character work is done by C-level tools (regular
expressions, ``str.translate``, ``compress``, ``zip``), never by a Python loop over characters;
Python loops run per line, per word cache miss, per mark or hidden character, per bracket pair.
Cells are named tuples built from C, and the cached analysis holds tuples, bytes and strings,
which the cyclic garbage collector does not need to scan.

Spans style every cell whose source range overlaps them, so a highlight that starts on the
alef of a lam-alef ligature still lights the ligature.  Trailing spaces of a line are not
painted: their clusters belong to the line's range but to no cell.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, pairwise, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from reader.text import bidi, sanitize, shaping
from reader.text.cache import SizedCache
from reader.text.mirroring import MIRRORS
from reader.text.wrap import wrap

if TYPE_CHECKING:  # rich is loaded when a span is styled: `reader render` needs none
    from rich.style import Style

Direction = Literal["auto", "rtl", "ltr"]

__all__ = [
    "Cell",
    "Direction",
    "Span",
    "VisualLine",
    "iter_paragraphs",
    "layout_paragraph",
    "layout_text",
    "paragraph_table",
    "split_paragraphs",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A style over logical offsets [start, end)."""

    start: int
    end: int
    style: Style


class Cell(NamedTuple):
    """One painted grapheme cluster, in visual order.

    A named tuple rather than a frozen dataclass: a paragraph's cells are built from C in one
    pass (``tuple.__new__`` over ``zip``), with no Python ``__init__`` call per character.
    Fields, keywords and immutability are as before; equality and hashing are a tuple's, and
    ``cell._replace(style=...)`` makes a modified copy.
    """

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


_MIRRORED = frozenset(MIRRORS)
_MIRRORED_RE = re.compile("[" + "".join(map(re.escape, sorted(MIRRORS))) + "]")
_NEW_CELL = tuple.__new__  # Cell from a tuple of its fields, without a Python-level call
_TEXT = itemgetter(0)  # Cell.text
_PARAGRAPH_BREAK = re.compile("\r\n|[\n\r\u2029]")


@dataclass(slots=True)
class _Paragraph:
    """Width-independent analysis of one paragraph: clusters in logical order."""

    level: int  # paragraph embedding level (0 LTR, 1 RTL)
    bounds: Sequence[Sequence[int]] | tuple[int, ...]  # (starts, ends): the logical range
    # of each cluster (tuples, or ranges when each character is a cluster); or, when each
    # character but merged alefs is a cluster, the merged alefs' positions, from which they
    # are made when first asked for (`reader render` never asks)
    contiguous: bool  # each cluster ends where the next starts (no hidden character between)
    texts: str | tuple[str, ...]  # painted text of each cluster at an even level (one
    # string when every cluster is one character)
    bases: str  # base character of each cluster as the bidi algorithm sees it (classes, breaks)
    mirrorable: list[int]  # clusters whose base character mirrors at an odd level (L4)
    widths: tuple[int, ...]
    narrow: bool  # every width is 1, so a line's width is its number of clusters
    levels: bytes  # resolved level of the cluster's base character (before L1)
    length: int  # paragraph length in characters

    @property
    def starts(self) -> Sequence[int]:
        return self._ranges()[0]

    @property
    def ends(self) -> Sequence[int]:
        return self._ranges()[1]

    def _ranges(self) -> Sequence[Sequence[int]]:
        if self.bounds and isinstance(self.bounds[0], int):  # merged alefs: make them now
            n = self.length
            is_start = bytearray(b"\x01") * n
            for i in self.bounds:
                is_start[i] = 0  # type: ignore[index]
            starts = tuple(compress(range(n), is_start))
            self.bounds = (starts, (*starts[1:], n))
        return self.bounds  # type: ignore[return-value]


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each paragraph of ``text``, split on \\n, \\r\\n, \\r and U+2029.

    Like ``str.splitlines``, a separator at the very end does not start an empty paragraph;
    an empty text is one empty paragraph.  The loader normalises line ends to \\n, so the
    usual case is a plain ``str.split`` (a 10 MB article splits before its first screen).
    """
    pieces = _split_newlines(text)
    if pieces is None:
        return list(iter_paragraphs(text))
    return list(zip(_offsets(list(map(len, pieces))), pieces, strict=True))


def paragraph_table(text: str) -> tuple[list[int], list[int]]:
    """The offsets and the lengths of the paragraphs ``split_paragraphs`` finds, as two
    lists of ints built by C-level calls: a million empty lines cost no million tuples."""
    pieces = _split_newlines(text)
    if pieces is None:
        pairs = list(iter_paragraphs(text))
        return [offset for offset, _ in pairs], [len(paragraph) for _, paragraph in pairs]
    lengths = list(map(len, pieces))
    return _offsets(lengths), lengths


def _split_newlines(text: str) -> list[str] | None:
    """The paragraphs of a text whose only breaks are \\n, or None if it has others."""
    if "\r" in text or "\u2029" in text:
        return None
    pieces = text.split("\n")
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()
    return pieces


def _offsets(lengths: list[int]) -> list[int]:
    """Paragraph offsets from their lengths, one separator character after each."""
    return list(accumulate(map((1).__add__, lengths[:-1]), initial=0))


def iter_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """``split_paragraphs`` one paragraph at a time, for callers that stream the text
    (``reader render`` of a million short lines holds one paragraph, not a million).

    Without \\r and U+2029, the usual case, the breaks are found by ``str.find``: a regular
    expression scans a 30 MB line ten times slower.
    """
    if "\r" in text or "\u2029" in text:
        breaks = ((m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text))
    else:
        breaks = _newlines(text)
    start = 0
    for end, after in breaks:
        yield start, text[start:end]
        start = after
    if start < len(text) or not start:
        yield start, text[start:]


def _newlines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every \\n in ``text``."""
    position = text.find("\n")
    while position >= 0:
        yield position, position + 1
        position = text.find("\n", position + 1)


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
    _check(width, direction)
    if not text:  # a blank line: the same line as the general path, at a tenth of its cost
        return [VisualLine((), direction == "rtl", offset, offset, 0, "")]
    para = _analysis(text, direction, harakat)
    cells = _logical_cells(para, spans, offset)
    rtl = bool(para.level & 1)
    widths = para.widths
    lines: list[VisualLine] = []
    breaks = wrap(para.bases, None if para.narrow else widths, width)
    last = len(breaks) - 1
    for index, (first, painted, end) in enumerate(breaks):
        line_cells = _visual_cells(para, cells, first, painted)
        lines.append(
            VisualLine(
                cells=line_cells,
                rtl=rtl,
                start=offset if index == 0 else para.starts[first] + offset,
                end=para.length + offset if index == last else para.starts[end] + offset,
                width=painted - first if para.narrow else sum(widths[first:painted]),
                text="".join(map(_TEXT, line_cells)),
            )
        )
    return lines


def layout_text(
    text: str, width: int, *, harakat: bool = False, direction: Direction = "auto"
) -> list[tuple[bool, int, str]]:
    """(right to left, cells used, painted text) of each visual line: the lines
    ``layout_paragraph`` gives, for callers that print only their text (``reader render``),
    without building a cell for each character."""
    _check(width, direction)
    if not text:
        return [(direction == "rtl", 0, "")]
    para = _analysis(text, direction, harakat)
    rtl = bool(para.level & 1)
    widths = para.widths
    texts = para.texts if isinstance(para.texts, str) else list(para.texts)
    levels, level, mirrorable = para.levels, para.level, para.mirrorable
    lines = []
    for first, painted, _end in wrap(para.bases, None if para.narrow else widths, width):
        used = painted - first if para.narrow else sum(widths[first:painted])
        if (
            isinstance(texts, str)
            and levels.count(level, first, painted) == painted - first
            and not (
                mirrorable and bisect_left(mirrorable, first) < bisect_left(mirrorable, painted)
            )
        ):  # one string at the paragraph's level: L1 changes nothing, L2 reverses or not
            lines.append((rtl, used, texts[first:painted][::-1] if rtl else texts[first:painted]))
            continue
        visual = _visual(para, texts[first:painted], first, painted, _mirrored_text)
        lines.append((rtl, used, visual if isinstance(visual, str) else "".join(visual)))
    return lines


def _check(width: int, direction: Direction) -> None:
    if width < 1:
        raise ValueError(f"width must be at least 1 cell, got {width}")
    if direction not in ("auto", "rtl", "ltr"):
        raise ValueError(f"direction must be auto, rtl or ltr, got {direction!r}")


def _analysis(text: str, direction: Direction, harakat: bool) -> _Paragraph:
    """The cached width-independent analysis of a paragraph."""
    key = (text, direction, harakat)
    if (para := _ANALYSES.get(key)) is None:
        para = _analyse(text, direction, harakat)
        _ANALYSES.put(key, para, len(text))
    return para


def _logical_cells(para: _Paragraph, spans: Sequence[Span], offset: int) -> list[Cell]:
    """Every cluster's cell in logical order, as painted at an even level.

    Built for the whole paragraph in one pass of C-level iteration (``tuple.__new__`` over
    ``zip``): a Python call per cell would cost more than the rest of the layout.
    """
    starts: Iterable[int] = para.starts
    ends: Iterable[int] = para.ends
    if offset and para.contiguous:  # share the shifted ints: half the integer allocations
        starts = list(map(offset.__add__, para.starts))
        ends = starts[1:]
        ends.append(para.length + offset)
    elif offset:
        starts = map(offset.__add__, para.starts)
        ends = map(offset.__add__, para.ends)
    styles = _cluster_styles(para, spans, offset) if spans else repeat(None)
    fields = zip(para.texts, starts, ends, para.widths, styles, strict=False)  # styles may repeat
    return list(map(_NEW_CELL, repeat(Cell), fields))


def _visual_cells(
    para: _Paragraph, cells: list[Cell], first: int, painted: int
) -> tuple[Cell, ...]:
    """Cells of clusters [first, painted) in visual order (rules L1, L2, L4)."""
    return tuple(_visual(para, cells[first:painted], first, painted, _mirrored_cell))


def _mirrored_cell(cell: Cell) -> Cell:
    return cell._replace(text=_mirrored_text(cell.text))


def _mirrored_text(text: str) -> str:
    return bidi.mirror(text[0]) + text[1:]


T = TypeVar("T")


def _visual(
    para: _Paragraph,
    line: list[T] | str,
    first: int,
    painted: int,
    mirrored: Callable[[T], T],
) -> Sequence[T] | str:
    """The clusters [first, painted) of a line (cells, their texts, or a string of them) in
    visual order: rules L1, L2 and L4 (``mirrored`` mirrors one)."""
    if first == painted:
        return ()
    levels = bidi.line_levels(para.bases[first:painted], para.levels[first:painted], para.level)
    mirrorable = para.mirrorable
    for c in mirrorable[bisect_left(mirrorable, first) : bisect_left(mirrorable, painted)]:
        if levels[c - first] & 1:
            if isinstance(line, str):
                line = list(line)
            line[c - first] = mirrored(line[c - first])
    if levels.count(levels[0]) == len(levels):  # one direction: no permutation to compute
        return line[::-1] if levels[0] & 1 else line
    order = bidi.visual_order(levels)
    return itemgetter(*order)(line)  # at least two clusters here, so a tuple


def _cluster_styles(para: _Paragraph, spans: Sequence[Span], offset: int) -> list[Style | None]:
    """Per cluster, the sum (in span order) of the styles of every span overlapping it.

    Sweeps the span boundaries, so the work is per span and per boundary, and the list is
    filled by slices rather than cluster by cluster.
    """
    opening: dict[int, list[int]] = {}  # first cluster -> spans starting there
    closing: dict[int, list[int]] = {}  # end cluster -> spans ending there
    for index, span in enumerate(spans):
        lo = bisect_right(para.ends, span.start - offset)
        hi = bisect_left(para.starts, span.end - offset)
        if lo < hi:
            opening.setdefault(lo, []).append(index)
            closing.setdefault(hi, []).append(index)
    from rich.style import Style

    styles: list[Style | None] = [None] * len(para.starts)
    combined: dict[tuple[int, ...], Style | None] = {}
    active: set[int] = set()
    for lo, hi in pairwise(sorted(opening.keys() | closing.keys())):
        active.difference_update(closing.get(lo, ()))
        active.update(opening.get(lo, ()))
        if active:
            key = tuple(sorted(active))
            if key not in combined:
                combined[key] = Style.combine(spans[i].style for i in key)
            styles[lo:hi] = repeat(combined[key], hi - lo)
    return styles


_ANALYSES: SizedCache[tuple[str, Direction, bool], _Paragraph] = SizedCache(1 << 20, 512)
"""The analyses of recent paragraphs, which a layout at another width or with other spans
reuses: at most 512, and at most a million characters' worth (about 135 bytes each)."""


def clear_cache() -> None:
    """Forget every analysed paragraph (benchmarks use it to measure a cold start)."""
    _ANALYSES.clear()


def _analyse(text: str, direction: Direction, harakat: bool) -> _Paragraph:
    """Sanitise, shape, resolve levels and build clusters for one paragraph.

    Works on whole sequences with C-level tools (``compress``, ``str.join``, regular
    expressions); only marks, hidden characters and clusters holding marks are visited one by
    one.  Without them, every character is its own cluster and the lists are used as they are.
    """
    display, bidi_text = sanitize.display_and_bidi_text(text)
    unique = set(display)
    bidi_chars = unique if display is bidi_text else set(bidi_text)
    level, char_levels = bidi.resolve_levels(bidi_text, direction, bidi_chars)
    # ZWJ/ZWNJ stay in the shaper's input (they steer joining); other hidden characters too,
    # so that positions line up (they break joining, as a conservative choice).
    shaped, merged = shaping.shape_string(display)
    n = len(display)
    # the marks and hidden characters present (BASE is 0, so compress drops the base ones)
    special = sanitize.special_pattern(frozenset(compress(unique, map(sanitize.kind, unique))))
    specials = [m.start() for m in special.finditer(display)] if special else []

    texts: str | list[str]
    hidden = False
    if not specials:  # each character is a cluster of one character, but merged alefs
        texts = shaped.replace(shaping.MERGED, "") if merged else shaped
        if merged:
            bounds: Sequence[Sequence[int]] | tuple[int, ...] = tuple(merged)
            kept = list(pairwise([-1, *merged, n]))
            bases = "".join([bidi_text[a + 1 : b] for a, b in kept])
            levels = b"".join([char_levels[a + 1 : b] for a, b in kept])
        else:
            bounds, bases, levels = (range(n), range(1, n + 1)), bidi_text, char_levels
    else:
        glyphs = list(shaped)
        for i in merged:  # an alef merged into the lam-alef ligature before it
            glyphs[i] = ""
        is_start = bytearray(b"\x01") * n  # 1 where a cluster starts
        boundary = bytearray(b"\x01") * n  # 1 where a cluster starts or a hidden character sits
        removed = list(merged)  # characters that start no cluster
        extended: list[int] = []  # marks whose glyph joins the cluster before it
        for i in specials:
            if sanitize.kind(display[i]) == sanitize.HIDDEN:
                is_start[i] = 0
                removed.append(i)
                hidden = True
            elif i > 0 and sanitize.kind(display[i - 1]) != sanitize.HIDDEN:
                is_start[i] = boundary[i] = 0
                removed.append(i)
                extended.append(i)
            else:  # a mark with nothing to sit on still owns a cell, painted on a dotted circle
                show = harakat or not shaping.is_haraka(glyphs[i])
                glyphs[i] = sanitize.DOTTED_CIRCLE + glyphs[i] if show else sanitize.DOTTED_CIRCLE
        for i in merged:
            is_start[i] = boundary[i] = 0
        if removed:
            starts = tuple(compress(range(n), is_start))
            if hidden:  # a cluster ends at the next cluster or hidden character
                edges = [*compress(range(n), boundary), n]
                ends = tuple(compress(edges[1:], compress(is_start, boundary)))
            else:
                ends = (*starts[1:], n)
            texts = list(compress(glyphs, is_start))
            # the kept stretches between removed characters, sliced rather than char by char
            kept = list(pairwise([-1, *sorted(removed), n]))
            bases = "".join([bidi_text[a + 1 : b] for a, b in kept])
            levels = b"".join([char_levels[a + 1 : b] for a, b in kept])
        else:  # every character is a cluster
            starts, ends, texts = range(n), range(1, n + 1), glyphs
            bases, levels = bidi_text, char_levels
        for k in {bisect_right(starts, i) - 1 for i in extended}:
            pieces = [
                g for g in glyphs[starts[k] + 1 : ends[k]] if harakat or not shaping.is_haraka(g)
            ]
            texts[k] = glyphs[starts[k]] + "".join(pieces)
        bounds = (starts, ends)
    narrow = 2 not in map(sanitize.char_width, unique)
    widths = (1,) * len(texts) if narrow else tuple(sanitize.char_width(t[0]) for t in texts)
    mirrorable = [m.start() for m in _MIRRORED_RE.finditer(bases)] if unique & _MIRRORED else []
    # Tuples, not lists: the cyclic garbage collector stops tracking a tuple of ints or
    # strings, so hundreds of cached paragraphs do not make every full collection slower.
    # A paragraph whose clusters are single characters keeps their texts as one string.
    return _Paragraph(
        level=level,
        bounds=bounds,
        contiguous=not hidden,
        texts=texts if isinstance(texts, str) else tuple(texts),
        bases=bases,
        mirrorable=mirrorable,
        widths=widths,
        narrow=narrow,
        levels=levels,
        length=n,
    )
