"""Every way into the reader opens files here: bytes -> decoded, normalised `Article`.

Encodings are detected by charset-normalizer; HTML main text comes from trafilatura. Any
problem becomes a `LoadError` whose message names the file, so callers print one line and
never a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
_HTML_SUFFIXES = (".html", ".htm")
# Single-byte Arabic code pages that charset-normalizer often ranks behind look-alikes
# (cp1251, cp874...) or confuses with each other on short texts.
_ARABIC_CODEPAGES = ["cp1256", "iso8859_6"]
_MOSTLY_ARABIC = 0.8
_SCORE_BYTES = 1 << 16  # enough text to judge a reading; a single-byte page maps 1:1
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
_NEWLINES = re.compile(r"\r\n?")

# trafilatura warns through the logging module; with no handler configured Python would
# print those warnings raw on stderr next to our own one-line messages.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("trafilatura").propagate = False


class LoadError(Exception):
    """An input that cannot be opened; `str(err)` is one line: "PATH: problem"."""

    def __init__(self, source: str | Path, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = str(source)
        self.problem = problem


@dataclass(frozen=True)
class Article:
    """A decoded article; every offset elsewhere in the reader refers to `text`."""

    source: str
    title: str
    text: str


def load_article(source: str | Path, *, encoding: str | None = None) -> Article:
    """Read and decode a file, or standard input when `source` is "-"."""
    name = str(source)
    if name == "-":
        try:
            data = sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as err:
            raise LoadError("-", f"cannot read standard input ({_reason(err)})") from err
        return load_bytes(data, "-", encoding=encoding)
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise LoadError(name, "no such file or directory") from err
    except IsADirectoryError as err:
        raise LoadError(name, "is a directory") from err
    except PermissionError as err:
        raise LoadError(name, "permission denied") from err
    except OSError as err:
        raise LoadError(name, f"cannot read ({_reason(err)})") from err
    html = True if path.suffix.lower() in _HTML_SUFFIXES else None
    return load_bytes(data, name, encoding=encoding, html=html)


def load_bytes(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    html: bool | None = None,
    declared_charset: str | None = None,
) -> Article:
    """Decode `data` (detected or given `encoding`) into an Article; HTML keeps its main text.

    `html=None` sniffs the content for an HTML document. `declared_charset` is what an HTTP
    `Content-Type` header says: it ranks after a valid UTF-8 reading that is mostly Arabic
    and before the page's own `<meta>` declaration.
    """
    if html is None:
        html = bool(_HTML_START.match(data[:4096]))
    if encoding is None and (declared_charset or html) and not _utf8_arabic(data):
        encoding = _usable_charset(data, declared_charset) or (
            _declared_html_charset(data) if html else None
        )
    text = _decode(data, source, encoding)
    if "\r" in text:  # scanning is cheaper than a substitution that finds nothing
        text = _NEWLINES.sub("\n", text)
    if html:
        return _html_article(text, source)
    if not text.strip():
        raise LoadError(source, "empty file")
    return Article(source=source, title=_first_line(text), text=text)


def find_articles(paths: Sequence[str | Path]) -> list[Path]:
    """Expand directories into their article files (sorted); files are kept as given."""
    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if not path.is_dir():
            if not path.exists():
                raise LoadError(entry, "no such file or directory")
            found.append(path)
            continue
        try:
            children = sorted(
                child
                for child in path.iterdir()
                if child.suffix.lower() in ARTICLE_SUFFIXES
                and not child.name.startswith(".")
                and child.is_file()
            )
        except PermissionError as err:
            raise LoadError(entry, "permission denied") from err
        except OSError as err:
            raise LoadError(entry, f"cannot list directory ({_reason(err)})") from err
        if not children:
            suffixes = ", ".join(ARTICLE_SUFFIXES)
            raise LoadError(entry, f"no articles in this directory (looked for {suffixes})")
        found.extend(children)
    return found


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    """Bytes -> str by the given encoding, or by charset-normalizer's detection."""
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError as err:
            raise LoadError(source, f"unknown encoding {encoding!r}") from err
        try:
            text = data.decode(_bom_aware(codec.name, data))
        except UnicodeDecodeError as err:
            raise LoadError(
                source, f"not valid {encoding} (undecodable byte at offset {err.start})"
            ) from err
    else:
        if b"\x00" in data and not data.startswith(_BOMS):
            raise LoadError(source, "not a text file (contains NUL bytes)")
        text = _detect(data, source)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise LoadError(source, "not a text file (contains NUL characters)")
    return text


def _detect(data: bytes, source: str) -> str:
    """charset-normalizer's best reading, preferring an Arabic code page that reads as Arabic.

    Short or ambiguous single-byte texts often rank cp1251/cp874 or the wrong Arabic page
    first; among the library's Arabic candidates the one that decodes to the most Arabic
    letters is right (each page turns the other's letters into Latin or harakat).

    Data that is valid UTF-8 is taken as UTF-8 without asking: Arabic in a single-byte
    page practically never forms valid multi-byte sequences, while the detector's "mess" score reads
    a letter carrying thousands of harakat as Thai, and scanning 10 MB with it costs
    more than decoding them.
    """
    if not data:
        return ""
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8")
    best = from_bytes(data).best()
    if best is None:
        raise LoadError(source, "not a text file (undecodable bytes)")
    if best.encoding.startswith("utf") or best.encoding == "ascii":
        return str(best)
    candidates = list(from_bytes(data, cp_isolation=_ARABIC_CODEPAGES))
    if candidates:
        head = data[:_SCORE_BYTES]
        scores = [_arabic_letters(head.decode(m.encoding, "replace")) for m in candidates]
        index = max(range(len(candidates)), key=lambda i: scores[i][0])
        arabic, letters = scores[index]
        if letters and arabic >= _MOSTLY_ARABIC * letters:
            return str(candidates[index])
    return str(best)


def _arabic_letters(text: str) -> tuple[int, int]:
    """(Arabic-script letters, all letters) in `text`."""
    arabic = letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f":
                arabic += 1
    return arabic, letters


def _bom_aware(codec_name: str, data: bytes) -> str:
    """UTF-8 named explicitly still drops a leading BOM instead of keeping U+FEFF."""
    if codec_name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return codec_name


def _declared_html_charset(data: bytes) -> str | None:
    """The page's own <meta charset>, when it names a known codec that decodes the bytes."""
    found = _META_CHARSET.search(data[:8192])
    if found is None:
        return None
    return _usable_charset(data, found.group(1).decode("ascii", "replace"))


def _usable_charset(data: bytes, name: str | None) -> str | None:
    """`name` when it is a known codec that decodes the bytes, else None."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name)
        data.decode(_bom_aware(codec.name, data))
    except (LookupError, UnicodeDecodeError):
        return None
    return name


def _utf8_arabic(data: bytes) -> bool:
    """Valid UTF-8 whose letters outside ASCII (markup is ASCII) are mostly Arabic: no
    declaration can mean anything else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    head = text[:_SCORE_BYTES]
    if head.isascii():
        return False
    arabic, letters = _arabic_letters("".join(c for c in head if not c.isascii()))
    return arabic > 0 and arabic >= _MOSTLY_ARABIC * letters


def _html_article(markup: str, source: str) -> Article:
    """Main text and title of a web page; navigation, comments and share links dropped."""
    import trafilatura  # heavy import, only paid for HTML

    try:
        document = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise LoadError(source, f"cannot parse HTML ({_reason(err)})") from err
    body = getattr(document, "text", None) or ""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    title = _clean_line(getattr(document, "title", None) or "")
    if lines and title and lines[0] == title:
        lines = lines[1:]
    if not lines and not title:
        raise LoadError(source, "no article text found in this HTML page")
    if not title:
        title, lines = lines[0], lines[1:]
    text = "\n\n".join([title, *lines]) if lines else title
    return Article(source=source, title=title, text=text)


def _first_line(text: str) -> str:
    """The first non-empty line, stripped, found without splitting the whole text."""
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() or end < 0:
            return line.strip()
        start = end + 1


def _clean_line(text: str) -> str:
    """A title on one line: metadata titles may carry newlines or runs of spaces."""
    return " ".join(text.split())


def _reason(err: BaseException) -> str:
    """A short human reason from an exception, without the repr noise."""
    return getattr(err, "strerror", None) or str(err) or type(err).__name__
