"""A web page's main text: title and paragraphs, without navigation, comments or share links.

trafilatura (over lxml) finds the main text.  lxml refuses a character reference to a
control character (`&#27;`, `&#7;`, `&#12;`) and trafilatura then finds no text at all, so
such references become the control's picture first, as a text file's controls are shown.
"""

from __future__ import annotations

import logging
import re

from reader.loader.errors import LoadError, reason
from reader.text.sanitize import PICTURES

HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_LITERAL_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KEPT = (0x09, 0x0A, 0x0D)  # TAB, LF, CR: markup whitespace
_CONTROL_PICTURES = {
    code: PICTURES[code] for code in [*range(0x20), *range(0x7F, 0xA0)] if code not in _KEPT
}

# trafilatura warns through the logging module; with no handler configured Python would
# print those warnings raw on stderr next to our own one-line messages.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("trafilatura").propagate = False


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes start as an HTML document does."""
    return bool(_HTML_START.match(data[:4096]))


def html_article(markup: str, source: str) -> tuple[str, str]:
    """(title, text) of a web page; the text starts with the title and a blank line."""
    import trafilatura  # heavy import, only paid for HTML

    markup = _neutralise_controls(markup)
    try:
        document = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise LoadError(source, f"cannot parse HTML ({reason(err)})") from err
    body = getattr(document, "text", None) or ""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    title = " ".join((getattr(document, "title", None) or "").split())  # metadata may wrap
    if lines and title and lines[0] == title:
        lines = lines[1:]
    if not lines and not title:
        raise LoadError(source, "no article text found in this HTML page")
    if not title:
        title, lines = lines[0], lines[1:]
    return title, "\n\n".join([title, *lines]) if lines else title


def _neutralise_controls(markup: str) -> str:
    """Control characters, written as references or literally, as their pictures.

    References to C1 controls (`&#150;`) mean Windows-1252 characters, as browsers read
    them; NUL, surrogates and numbers beyond Unicode mean U+FFFD (HTML's own rules).
    """
    if "&#" in markup:
        markup = _CHARACTER_REFERENCE.sub(_reference, markup)
    if _LITERAL_CONTROLS.search(markup):
        markup = markup.translate(_CONTROL_PICTURES)
    return markup


def _reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if (
        code in _KEPT
        or (0x20 <= code < 0x7F)
        or (0xA0 <= code < 0xD800)
        or (0xE000 <= code <= 0x10FFFF)
    ):
        return match.group()
    if 0x80 <= code <= 0x9F:
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return "\ufffd"
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return _CONTROL_PICTURES[code]
