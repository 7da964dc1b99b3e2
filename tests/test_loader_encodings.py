"""The encoding rule: Arabic UTF-8 over declarations, then HTTP, then <meta>, then detection;
bad bytes, mixed encodings, binary data and non-text codecs each said plainly."""

from __future__ import annotations

import codecs
import re

import pytest

from reader.loader import LoadError, load_bytes

ARABIC = "زار وزير الخارجية الأمريكي أنتوني بلينكن باكو أمس، والتقى الرئيس إلهام علييف."


def page(text: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{text[:20]}</title>'
        f"</head><body><article><h1>{text[:20]}</h1><p>{text}</p><p>{text}</p>"
        "</article></body></html>"
    )


def test_arabic_utf8_wins_over_a_meta_declaring_latin1() -> None:
    article = load_bytes(page(ARABIC, "iso-8859-1").encode("utf-8"), "page.html", html=True)
    assert ARABIC in article.text


def test_arabic_utf8_wins_over_an_http_header_declaring_windows_1256() -> None:
    data = page(ARABIC, "windows-1256").encode("utf-8")
    article = load_bytes(data, "page.html", html=True, declared_charset="windows-1256")
    assert ARABIC in article.text


def test_the_http_header_outranks_the_page_declaration() -> None:
    data = page(ARABIC, "iso-8859-6").encode("cp1256")
    assert ARABIC in load_bytes(data, "p", html=True, declared_charset="windows-1256").text
    assert ARABIC in load_bytes(data, "p", html=True, declared_charset=" 'cp1256' ").text


def test_a_declaration_decides_text_that_is_not_arabic_utf8() -> None:
    data = page("Ein Stück über Straßen in München.", "iso-8859-1").encode("latin-1")
    assert "Ein Stück über Straßen" in load_bytes(data, "p.html", html=True).text


def test_a_useless_declaration_is_ignored() -> None:
    data = page(ARABIC, "klingon").encode("cp1256")
    assert ARABIC in load_bytes(data, "p", html=True, declared_charset="base64").text


@pytest.mark.parametrize("text", ["ذ، ر، ز، س؟", "ش؟ ذ،", "أ، ب، ج؟"])
def test_short_windows_1256_that_is_also_valid_utf8_reads_as_arabic(text: str) -> None:
    data = text.encode("cp1256")
    assert data.decode("utf-8")  # the ambiguity: Cyrillic, Armenian, Latin letters in UTF-8
    assert load_bytes(data, "x").text == text


@pytest.mark.parametrize(
    "text", ["Привет мир", "Привет, как дела? Всё хорошо.", "Բարեւ", "café crème", "😀"]
)
def test_other_utf8_text_stays_utf8(text: str) -> None:
    assert load_bytes(text.encode("utf-8"), "x").text == text


def test_windows_1256_with_an_escape_byte_is_text() -> None:
    text = f"عنوان\n\n{ARABIC}\x1b[2J {ARABIC}\n"
    article = load_bytes(text.encode("cp1256"), "x.txt")
    assert article.text == text and article.warning is None


def test_latin1_is_not_read_as_arabic() -> None:
    text = "Le café est très chaud à Paris, déjà. " * 3
    assert "ى" not in load_bytes(text.encode("latin-1"), "x").text


def test_utf8_with_one_bad_byte_loads_with_a_warning() -> None:
    data = f"عنوان\n\n{ARABIC}".encode() + b"\xff" + f" {ARABIC}\n".encode()
    article = load_bytes(data, "bad.txt")
    assert article.text == f"عنوان\n\n{ARABIC}\ufffd {ARABIC}\n"
    offset = len(f"عنوان\n\n{ARABIC}".encode())
    assert article.warning == (
        f"bad.txt: 1 byte that is not UTF-8 (the first at offset {offset}) shown as U+FFFD"
    )


def test_truncated_utf8_loads_with_a_warning() -> None:
    data = f"عنوان\n\n{ARABIC}".encode()[:-2]  # the full stop and half of the last letter
    article = load_bytes(data, "cut.txt")
    assert article.text.endswith("\ufffd")
    assert article.warning == (
        "cut.txt: ends in the middle of a UTF-8 character; 1 byte that is not UTF-8 shown as U+FFFD"
    )


def test_a_few_bad_bytes_are_counted_one_by_one() -> None:
    data = (ARABIC * 30).encode() + b"\x80\x81\xfe" + (ARABIC * 30).encode()
    article = load_bytes(data, "x")
    assert article.text.count("\ufffd") == 3 and article.warning.startswith("x: 3 bytes that are")


def test_mixed_encodings_are_refused_with_that_reason() -> None:
    data = f"{ARABIC}\n".encode() * 20 + f"{ARABIC}\n".encode("cp1256") * 20
    with pytest.raises(LoadError) as caught:
        load_bytes(data, "mixed.txt")
    message = str(caught.value)
    assert message.startswith("mixed.txt: mixes UTF-8 with another encoding (")
    assert "not a text file" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (binary data: it holds NUL"),
        (bytes(range(1, 256)) * 8, "not a text file (binary data: it holds many control"),
    ],
    ids=["NUL bytes", "control bytes"],
)
def test_binary_data_is_still_refused(data: bytes, problem: str) -> None:
    with pytest.raises(LoadError, match="^" + re.escape(f"bin: {problem}")):
        load_bytes(data, "bin")


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu"])
def test_encodings_that_are_not_text_encodings_are_refused(codec: str) -> None:
    with pytest.raises(LoadError, match=rf"^x: '{codec}' is not a text encoding"):
        load_bytes(b"abc", "x", encoding=codec)


def test_a_utf8_bom_outranks_declarations_and_tolerates_bad_bytes() -> None:
    data = codecs.BOM_UTF8 + page(ARABIC, "windows-1256").encode() + b"\xff"
    article = load_bytes(data, "p.html", html=True)
    assert ARABIC in article.text and article.warning is not None


def test_a_utf8_bom_means_utf8_even_when_another_reading_looks_arabic() -> None:
    text = "ذ، ر، ز، س؟".encode("cp1256").decode("utf-8")  # valid UTF-8 that is not Arabic
    assert load_bytes(codecs.BOM_UTF8 + text.encode(), "x").text == text
