"""Fuzzing loader + layout + extractor: the only exception that may escape is LoadError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.entities import extract_entities
from reader.loader import LoadError, load_bytes
from reader.text.layout import layout_paragraph, split_paragraphs
from reader.text.search import find_matches

ARABIC_BITS = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0640٠١٢٣٤٥٦٧٨٩"
    " \n\r\t\u00a0()[]«»“”.,،؛:%٪"
)
CONTROLS = (
    "\x1b\x07\x08\x7f\x85\x9b\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u200d\u200c\u200e\u200f\ufeff"
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=ARABIC_BITS + CONTROLS + "abcXYZ019", max_size=300),
)


def exercise(data: bytes, html: bool | None, width: int) -> None:
    """Load, lay out every paragraph, extract, search: as the app and `reader` do."""
    try:
        article = load_bytes(data, "fuzz", html=html)
    except LoadError as err:
        assert str(err).startswith("fuzz: ") and "\n" not in str(err)
        return
    assert article.text.strip() and "\r" not in article.text and "\x00" not in article.text
    for offset, paragraph in split_paragraphs(article.text):
        for line in layout_paragraph(paragraph, width, offset=offset):
            assert line.width <= width or len(line.cells) == 1
    for entity in extract_entities(article.text):
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] == mention.text
    for start, end in find_matches(article.text, article.title[:5]):
        assert 0 <= start < end <= len(article.text)


@FUZZ
@given(data=st.binary(max_size=400), html=st.sampled_from([None, True]), width=st.integers(2, 90))
def test_random_bytes(data: bytes, html: bool | None, width: int) -> None:
    exercise(data, html, width)


@FUZZ
@given(
    text=texts,
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]),
    width=st.integers(2, 90),
)
def test_random_unicode(text: str, encoding: str, width: int) -> None:
    exercise(text.encode(encoding, "surrogatepass"), None, width)


@FUZZ
@given(text=st.text(alphabet=ARABIC_BITS, max_size=300), width=st.integers(2, 90))
def test_random_arabic_in_code_pages(text: str, width: int) -> None:
    exercise(text.encode("cp1256", "ignore"), None, width)


@FUZZ
@given(body=texts, width=st.integers(2, 90))
def test_random_html(body: str, width: int) -> None:
    page = f"<html><head><title>{body[:20]}</title></head><body><p>{body}</p></body></html>"
    exercise(page.encode("utf-8", "surrogatepass"), True, width)
