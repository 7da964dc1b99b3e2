"""Reading order on the sample article, and the shaping map over the whole UDHR in Arabic."""

import re
import unicodedata
from pathlib import Path

import pytest

from reader.text.layout import VisualLine, layout_paragraph, split_paragraphs
from reader.text.mirroring import MIRRORS

UDHR = Path(__file__).resolve().parent.parent / "data" / "udhr_arb.txt"
WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[0-9A-Za-z]+")
LTR_RUN = re.compile(r"[0-9A-Za-z]+(?:[.,/:][0-9A-Za-z]+)*")


def _plain(text: str) -> str:
    """Letters as typed: presentation forms undone (NFKC), harakat and tatweel dropped."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not unicodedata.combining(c) and c != "\u0640")


def _read(line: VisualLine) -> str:
    """What a reader sees: RTL lines right to left, numbers and Latin left to right."""
    if not line.rtl:
        return line.text
    backwards = line.text[::-1]
    return LTR_RUN.sub(lambda m: m.group()[::-1], backwards)


@pytest.mark.parametrize("width", [30, 50, 80])
def test_sample_article_reads_in_logical_order(sample_text: str, width: int) -> None:
    for offset, paragraph in split_paragraphs(sample_text):
        lines = layout_paragraph(paragraph, width, offset=offset)
        assert all(line.width <= width for line in lines)
        assert [line.start for line in lines] == sorted(line.start for line in lines)
        read = [word for line in lines for word in WORD.findall(_plain(_read(line)))]
        assert read == WORD.findall(_plain(paragraph))


@pytest.mark.parametrize("width", [30, 50, 80])
def test_sample_article_numbers_read_left_to_right(sample_text: str, width: int) -> None:
    paragraph = next(p for _, p in split_paragraphs(sample_text) if "2116" in p)
    lines = layout_paragraph(paragraph, width)
    assert any("2116" in line.text for line in lines)
    assert all("6112" not in line.text for line in lines)


def _fold_brackets(text: str) -> str:
    return "".join(min(c, MIRRORS.get(c, c)) for c in text)


@pytest.mark.parametrize("harakat", [False, True])
def test_udhr_shaping_map(harakat: bool) -> None:
    """Each cell's source range holds exactly the letters the cell shows."""
    lines_checked = 0
    for paragraph in UDHR.read_text(encoding="utf-8").splitlines():
        for line in layout_paragraph(paragraph, 80, harakat=harakat):
            lines_checked += 1
            for cell in line.cells:
                source = paragraph[cell.start : cell.end]
                shown = _fold_brackets(unicodedata.normalize("NFKC", cell.text))
                expected = _fold_brackets(unicodedata.normalize("NFKC", source))
                if harakat:
                    assert shown == expected, (source, cell.text)
                else:
                    assert shown == _plain(expected), (source, cell.text)
    assert lines_checked > 100


def test_udhr_reads_in_logical_order() -> None:
    for paragraph in UDHR.read_text(encoding="utf-8").splitlines():
        lines = layout_paragraph(paragraph, 40)
        read = [word for line in lines for word in WORD.findall(_plain(_read(line)))]
        assert read == WORD.findall(_plain(paragraph))
