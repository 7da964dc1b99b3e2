"""The loader: encodings, line endings, HTML main text, and every bad input's message."""

from __future__ import annotations

import codecs
import html
import io
import sys
from pathlib import Path

import pytest

from reader.loader import Article, LoadError, find_articles, load_article, load_bytes

BOILERPLATE = ("الرئيسية", "أخبار العالم", "شارك على فيسبوك", "أرسل التعليق", "جميع الحقوق")


def iso_safe(text: str) -> str:
    """The sample without the curly quotes ISO-8859-6 cannot encode."""
    return text.replace("“", '"').replace("”", '"')


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-bom": lambda t: t.encode("utf-32"),
    "windows-1256": lambda t: t.encode("cp1256"),
    "iso-8859-6": lambda t: t.encode("iso-8859-6"),
}


def article_page(text: str) -> str:
    """The sample article wrapped in a news page with navigation, share buttons, comments."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    title, body = paragraphs[0], paragraphs[1 : paragraphs.index("Spread the love")]
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{html.escape(title)} | صحيفة المثال</title></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/w">أخبار العالم</a></li>
<li><a href="/s">رياضة</a></li></ul></nav></header>
<main><article><h1>{html.escape(title)}</h1>
{"".join(f"<p>{html.escape(p)}</p>" for p in body)}
<div class="share-buttons"><a href="https://facebook.com/share">شارك على فيسبوك</a></div>
</article>
<section id="comments"><h3>اترك تعليقاً</h3><form id="commentform" action="/c" method="post">
<label>الاسم</label><input name="author"><textarea name="comment"></textarea>
<button>أرسل التعليق</button></form></section></main>
<footer>جميع الحقوق محفوظة 2023</footer></body></html>"""


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_decodes_to_the_same_text(
    name: str, sample_text: str, tmp_path: Path
) -> None:
    expected = iso_safe(sample_text) if name == "iso-8859-6" else sample_text
    path = tmp_path / f"{name}.txt"
    path.write_bytes(ENCODINGS[name](expected))
    article = load_article(path)
    assert article.text == expected
    assert article.title == expected.split("\n")[0]
    assert article.source == str(path)


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6"])
def test_arabic_code_pages_are_not_confused_paragraph_by_paragraph(
    codec: str, sample_text: str
) -> None:
    """Windows-1256 and ISO-8859-6 put letters at different bytes; each must read as Arabic."""
    paragraphs = [p for p in iso_safe(sample_text).split("\n") if len(p) > 20]
    assert len(paragraphs) > 8
    for paragraph in paragraphs:
        assert load_bytes(paragraph.encode(codec), "x").text == paragraph


def test_short_windows_1256_text_is_not_read_as_cyrillic() -> None:
    # charset-normalizer alone ranks cp1251 first for these bytes.
    assert load_bytes("اترك تعليقاً".encode("cp1256"), "x").text == "اترك تعليقاً"


def test_encoding_override_wins(sample_text: str) -> None:
    data = sample_text.encode("cp1256")
    assert load_bytes(data, "x", encoding="windows-1256").text == sample_text
    assert load_bytes(data, "x", encoding="cp1252").text != sample_text


def test_wrong_or_unknown_override_is_a_load_error(sample_text: str) -> None:
    with pytest.raises(LoadError, match=r"^f\.txt: not valid utf-8"):
        load_bytes(sample_text.encode("cp1256"), "f.txt", encoding="utf-8")
    with pytest.raises(LoadError, match=r"^f\.txt: unknown encoding 'klingon'"):
        load_bytes(b"abc", "f.txt", encoding="klingon")


def test_explicit_utf8_still_drops_the_bom() -> None:
    article = load_bytes(codecs.BOM_UTF8 + "سلام".encode(), "x", encoding="utf-8")
    assert article.text == "سلام"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_newlines(newline: str) -> None:
    text = f"عنوان{newline}{newline}فقرة أولى{newline}فقرة ثانية{newline}"
    assert load_bytes(text.encode(), "x").text == "عنوان\n\nفقرة أولى\nفقرة ثانية\n"


def test_title_is_the_first_non_empty_line() -> None:
    article = load_bytes("\n  \n   العنوان هنا  \nالنص".encode(), "x")
    assert article.title == "العنوان هنا"
    assert article.text.startswith("\n  \n")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        ("نص".encode() + b"\x00" + "نص".encode(), "not a text file"),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "not a text file"),
    ],
)
def test_bad_content_is_a_one_line_load_error(data: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_article(path)
    assert str(caught.value).startswith(f"{path}: {problem}")
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or directory") as caught:
        load_article(tmp_path / "nope.txt")
    assert str(caught.value).startswith(str(tmp_path / "nope.txt"))
    with pytest.raises(LoadError, match="is a directory"):
        load_article(tmp_path)


def test_permission_denied_names_the_path(tmp_path: Path, deny) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("نص")
    deny("open", path)
    with pytest.raises(LoadError, match=r"secret\.txt: permission denied$"):
        load_article(path)


def test_standard_input(monkeypatch: pytest.MonkeyPatch, sample_text: str) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(sample_text.encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", stdin)
    article = load_article("-")
    assert article == Article(source="-", title=sample_text.split("\n")[0], text=sample_text)


def test_html_keeps_title_and_body_and_drops_boilerplate(sample_text: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_page(sample_text), encoding="utf-8")
    article = load_article(path)
    title = sample_text.split("\n")[0]
    assert article.title == title
    assert article.text.startswith(title + "\n\n")
    assert article.text.count(title) == 1  # the <h1> is not repeated as body
    for sentence in ("ولاحقاً اعلنت روسيا عن مقتل عدد من جنودها", "أن 32 شخصاً قتلوا"):
        assert sentence in article.text
    for junk in (*BOILERPLATE, "<p>", "&quot;"):
        assert junk not in article.text


def test_html_is_detected_by_content_and_declared_charset(sample_text: str) -> None:
    page = article_page(sample_text).replace('charset="utf-8"', 'charset="windows-1256"')
    article = load_bytes(page.encode("cp1256"), "page.txt")
    assert article.title == sample_text.split("\n")[0]
    assert "الرئيسية" not in article.text


def test_html_without_text_is_a_load_error() -> None:
    with pytest.raises(LoadError, match=r"^empty\.html: no article text"):
        load_bytes(b"<html><body><nav></nav></body></html>", "empty.html", html=True)


def test_find_articles_expands_directories_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "c.md", "d.htm", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub.txt").mkdir()
    single = tmp_path / "notes.pdf"
    found = find_articles([tmp_path, single])
    assert [p.name for p in found] == ["a.html", "b.txt", "c.md", "d.htm", "notes.pdf"]


def test_find_articles_errors_name_the_path(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(LoadError, match=r"no articles in this directory"):
        find_articles([tmp_path])
    with pytest.raises(LoadError, match=r"missing: no such file or directory"):
        find_articles([tmp_path / "missing"])


def test_valid_utf8_stays_utf8_under_stacked_harakat_and_c1_controls() -> None:
    text = "عنوان\n\x9b31m " + "ب" + "\u064e" * 5000 + "\n" + "ا" * 100_000 + "\n"
    article = load_bytes(text.encode("utf-8"), "x.txt")
    assert article.text == text
    assert article.title == "عنوان"
