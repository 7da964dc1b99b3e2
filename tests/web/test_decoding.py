"""The decoding rule for fetched pages: UTF-8 Arabic, then the HTTP charset, then <meta>."""

from __future__ import annotations

from reader.loader import load_bytes

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية"


def page(body: str, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>خبر</title></head><body><p>{body}</p></body></html>"


def test_utf8_arabic_wins_over_a_declared_single_byte_charset() -> None:
    data = page(ARABIC).encode("utf-8")
    article = load_bytes(data, "http://x/a", declared_charset="windows-1256")
    assert ARABIC in article.text


def test_utf8_arabic_wins_over_a_wrong_meta_declaration() -> None:
    data = page(ARABIC, meta="windows-1256").encode("utf-8")
    assert ARABIC in load_bytes(data, "http://x/a").text


def test_the_http_charset_decodes_a_single_byte_page() -> None:
    data = page(ARABIC).encode("cp1256")
    article = load_bytes(data, "http://x/a", declared_charset="windows-1256")
    assert ARABIC in article.text


def test_the_http_charset_outranks_the_page_declaration() -> None:
    data = b"<html><head><meta charset='windows-1256'><title>t</title></head>"
    data += b"<body><p>\xc7a va, merci beaucoup pour tout.</p></body></html>"
    article = load_bytes(data, "http://x/a", declared_charset="iso-8859-1")
    assert "Ça va, merci" in article.text


def test_a_declared_charset_that_cannot_decode_is_passed_over() -> None:
    data = page(ARABIC, meta="windows-1256").encode("cp1256")
    article = load_bytes(data, "http://x/a", declared_charset="utf-8")
    assert ARABIC in article.text


def test_an_unknown_declared_charset_is_passed_over() -> None:
    data = page(ARABIC).encode("utf-8")
    assert ARABIC in load_bytes(data, "http://x/a", declared_charset="x-no-such").text
