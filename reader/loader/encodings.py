"""Bytes -> text: which encoding an input is in, decided by rule, never silently wrong.

The rule, for files and web pages alike:

1. an encoding the user gives (`--encoding`) is used as it is;
2. a byte order mark decides (UTF-8, UTF-16, UTF-32);
3. a valid UTF-8 reading whose letters are mostly Arabic wins over any declared charset;
4. otherwise the charset declared by the HTTP header (`declared_charset`), then by the page
   (`<meta charset>`), when it decodes the bytes;
5. otherwise detection: valid UTF-8 is UTF-8, unless it is short, ambiguous and not Arabic
   while Windows-1256 or ISO-8859-6 reads it as Arabic (a few Arabic letters followed by
   punctuation can form valid UTF-8 that reads as Cyrillic or Armenian); text that is
   overwhelmingly UTF-8 has its few bad bytes replaced by U+FFFD, with a warning; text that
   mixes UTF-8 with another encoding is refused with that reason; Arabic in a single-byte
   page is read by whichever page reads it as Arabic; anything else goes to
   charset-normalizer.

NUL bytes (outside UTF-16/32) or many other control bytes mean binary data, refused.  Other
control characters, ESC included, are text: the display shows them as their pictures.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.loader.errors import LoadError
from reader.text.sanitize import replace_surrogates

_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
_SAMPLE = 1 << 16  # bytes or characters judged: enough to tell, cheap on 32 MB
_MOSTLY = 0.8  # of the letters outside ASCII
_PLAUSIBLE = 0.9  # of the characters outside ASCII, for a single-byte reading
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard).
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
_ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_LETTERS = (
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f"
    "\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
_ARABIC_LETTER = re.compile(_ARABIC_LETTERS)
# An Arabic letter inside a Latin word: what a Latin page read as Arabic looks like ("cafى").
_MIXED_WORD = re.compile(f"[A-Za-z]{_ARABIC_LETTERS}|{_ARABIC_LETTERS}[A-Za-z]")
# Outside ASCII and Arabic script, and not what Arabic text uses around it (NBSP, « », ZWNJ
# to RLM, typographic quotes and dashes).
_FOREIGN = re.compile(f"[^\x00-\x7f{_ARABIC_RANGES}\u00a0\u00ab\u00bb\u200c-\u201f]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte surrogateescape could not decode
_ASCII_BYTES = bytes(range(128))
# Control bytes that text practically never holds (not TAB, LF, VT, FF, CR, BS, BEL or ESC).
_BINARY_BYTES = bytes([*range(1, 7), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_SHARE = 0.05
# Without a byte order mark and with no NUL byte, these are guesses, never right for Arabic.
_NOT_WITHOUT_BOM = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that decoded it, and a warning for the user if any."""

    text: str
    encoding: str
    warning: str | None = None


def text_codec(name: str) -> codecs.CodecInfo:
    """The codec for an encoding name; ValueError with a one-line reason if it is unknown or
    is not a text encoding (rot13, base64, hex and zlib transform text or bytes, they do not
    decode bytes into text)."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    if not getattr(codec, "_is_text_encoding", True):
        raise ValueError(f"{name!r} is not a text encoding (try utf-8 or windows-1256)")
    return codec


def decode(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    declared_charset: str | None = None,
    html: bool = False,
) -> Decoded:
    """Decode `data` by the module's rule; LoadError (one line naming `source`) if it cannot.

    `declared_charset` is what an HTTP header says; with `html` the page's own `<meta>`
    declaration is read too.
    """
    if encoding is not None:
        return _given(data, source, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _given(data, source, name)
    marked = data.startswith(codecs.BOM_UTF8)  # the mark outranks any declaration
    if marked:
        data = data[len(codecs.BOM_UTF8) :]
    declared = [] if marked else list(_declarations(data, declared_charset, html))
    if b"\x00" in data:
        raise LoadError(source, "not a text file (binary data: it holds NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _not_utf8(data, source, declared, err.start)
    return Decoded(text, "utf-8") if marked else _valid_utf8(data, text, declared)


def _given(data: bytes, source: str, encoding: str) -> Decoded:
    try:
        codec = text_codec(encoding)
    except ValueError as err:
        raise LoadError(source, str(err)) from None
    name = "utf-8-sig" if codec.name == "utf-8" else codec.name  # drop a BOM, keep no U+FEFF
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        raise LoadError(
            source, f"not valid {encoding} (undecodable byte at offset {err.start})"
        ) from err
    except UnicodeError as err:  # a codec that decodes nothing ("undefined")
        raise LoadError(source, f"cannot decode as {encoding} ({err})") from err
    return Decoded(_no_nul(text.removeprefix("\ufeff"), source), codec.name)


def _valid_utf8(data: bytes, text: str, declared: list[str]) -> Decoded:
    if text.isascii() or _mostly_arabic(text[:_SAMPLE]):
        return Decoded(text, "utf-8")
    for name in declared:
        if name == "utf-8":
            return Decoded(text, "utf-8")
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError:
            continue
    arabic = _arabic_codepage(data)
    return arabic if arabic is not None else Decoded(text, "utf-8")


def _not_utf8(data: bytes, source: str, declared: list[str], first_bad: int) -> Decoded:
    for name in declared:
        if name == "utf-8":
            break  # declared UTF-8 but it is not: judge by the bytes
        try:
            return Decoded(_no_nul(data.decode(name), source), name)
        except UnicodeDecodeError:
            continue
    good, bad = _utf8_counts(_sample(data))[1:]
    if good >= 4 * bad:  # mostly UTF-8 where sampled: judge by every byte
        lenient, good, bad = _utf8_counts(data)
        if good >= 99 * bad or (bad <= 3 and good >= 4 * bad):
            warning = _replaced(source, data, bad, first_bad)
            return Decoded(replace_surrogates(lenient), "utf-8", warning)
        del lenient
    if len(data.translate(None, _BINARY_BYTES)) < (1 - _BINARY_SHARE) * len(data):
        raise LoadError(source, "not a text file (binary data: it holds many control bytes)")
    arabic = _arabic_codepage(data)
    if arabic is not None:
        return arabic
    if good >= 16 and good * 10 >= bad:
        bad = _utf8_counts(data)[2]
        raise LoadError(
            source,
            f"mixes UTF-8 with another encoding ({bad:,} bytes, the first at offset "
            f"{first_bad}, are not UTF-8); convert it to one encoding or choose one with "
            "--encoding",
        )
    from charset_normalizer import from_bytes  # only for input that is not UTF-8: 10 ms

    best = from_bytes(data, cp_exclusion=_NOT_WITHOUT_BOM).best()
    if best is None:
        raise LoadError(
            source,
            f"unknown encoding: not UTF-8 (byte {first_bad} is not), and no code page reads "
            "it as text; choose one with --encoding",
        )
    return Decoded(_no_nul(str(best), source), best.encoding)


def _utf8_counts(data: bytes) -> tuple[str, int, int]:
    """The UTF-8 reading with each bad byte as a lone surrogate, the bytes of its valid
    multi-byte sequences, and its bad bytes."""
    lenient = data.decode("utf-8", "surrogateescape")
    _, bad = _ESCAPED_BYTE.subn("", lenient)
    return lenient, len(data.translate(None, _ASCII_BYTES)) - bad, bad


def _sample(data: bytes) -> bytes:
    """The start, middle and end of `data`: enough to tell UTF-8 from a single-byte page
    without decoding 32 MB twice."""
    if len(data) <= 3 * _SAMPLE:
        return data
    middle = len(data) // 2
    return b"\n".join((data[:_SAMPLE], data[middle : middle + _SAMPLE], data[-_SAMPLE:]))


def _replaced(source: str, data: bytes, bad: int, first_bad: int) -> str:
    """The one-line warning for UTF-8 text whose few bad bytes became U+FFFD."""
    what = f"{bad} byte{'s' if bad > 1 else ''} that {'are' if bad > 1 else 'is'} not UTF-8"
    if first_bad >= len(data) - 3:
        return f"{source}: ends in the middle of a UTF-8 character; {what} shown as U+FFFD"
    return f"{source}: {what} (the first at offset {first_bad}) shown as U+FFFD"


def _arabic_codepage(data: bytes) -> Decoded | None:
    """Windows-1256 or ISO-8859-6, whichever reads `data` as more Arabic letters, if that
    reading is plainly Arabic; None otherwise.

    Each page turns the other's letters into Latin letters, harakat or holes, so the right
    one reads more Arabic letters.  Judged on a sample; only the winner decodes it all.
    """
    head = data[:_SAMPLE]
    best: tuple[int, str, str] | None = None
    for name in _ARABIC_CODEPAGES:
        try:
            sample = head.decode(name)
        except UnicodeDecodeError:  # ISO-8859-6 leaves bytes undefined
            continue
        arabic, foreign_letters, _ = _counts(sample)
        score = arabic - foreign_letters
        if best is None or score > best[0]:
            best = (score, name, sample)
    if best is None or not _plausibly_arabic(best[2]):
        return None
    try:
        return Decoded(data.decode(best[1]), best[1])
    except UnicodeDecodeError:
        return None


def _counts(text: str) -> tuple[int, int, int]:
    """Arabic letters, letters outside ASCII and Arabic script, and all characters outside
    both (symbols included), by C-level scans."""
    _, arabic = _ARABIC_LETTER.subn("", text)
    foreign = _FOREIGN.findall(text)
    return arabic, sum(1 for c in foreign if c.isalpha()), len(foreign)


def _mostly_arabic(text: str) -> bool:
    """Most letters outside ASCII are Arabic (markup and English words aside)."""
    arabic, foreign_letters, _ = _counts(text)
    return arabic > 0 and arabic >= _MOSTLY * (arabic + foreign_letters)


def _plausibly_arabic(text: str) -> bool:
    """Reads as Arabic: mostly Arabic letters, hardly any symbols outside ASCII (a misread
    multi-byte text is full of €, „ and ¸), and Arabic letters in Arabic words (a Latin-1
    page read as ISO-8859-6 puts them inside Latin words: "cafى")."""
    arabic, foreign_letters, foreign = _counts(text)
    if not arabic or arabic < _MOSTLY * (arabic + foreign_letters):
        return False
    mixed = len(_MIXED_WORD.findall(text))
    return foreign <= (1 - _PLAUSIBLE) * (arabic + foreign) and mixed <= (1 - _PLAUSIBLE) * arabic


def _declarations(data: bytes, header: str | None, html: bool) -> Iterator[str]:
    """Usable declared charsets, the HTTP header's first, as codec names."""
    names = [header] if header else []
    if html and (found := _META_CHARSET.search(data[:8192])):
        names.append(found.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codec = text_codec(name.strip().strip("\"'"))
        except ValueError:
            continue
        yield _WHATWG_ALIASES.get(codec.name, codec.name)


def _no_nul(text: str, source: str) -> str:
    if "\x00" in text:
        raise LoadError(source, "not a text file (binary data: it holds NUL characters)")
    return text
