"""OPML subscription lists, as newsboat and other feed readers import and export them.

Parsed with lxml (already a dependency through trafilatura) with entities, DTDs and the
network switched off, so an OPML file cannot expand into gigabytes or read local files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from reader.web import is_url

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class OpmlError(ValueError):
    """A file that is not an OPML subscription list; the message is one line."""


@dataclass(frozen=True)
class Outline:
    """One subscription."""

    url: str
    title: str | None
    site_url: str | None = None


def read_opml(data: bytes) -> tuple[list[Outline], list[str]]:
    """The subscriptions (nested folders flattened, duplicates dropped) and what was skipped.

    Only http and https feed addresses are kept; the second list names the others.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise OpmlError(f"not an OPML file ({err})") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise OpmlError("not an OPML file (no <opml> element)")
    found: dict[str, Outline] = {}
    skipped: list[str] = []
    for node in root.iter("{*}outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or node.get("url") or "").strip()
        if not url:
            continue  # a folder
        if not is_url(url):
            skipped.append(url)
            continue
        title = " ".join((node.get("title") or node.get("text") or "").split()) or None
        site = (node.get("htmlUrl") or "").strip() or None
        found.setdefault(url, Outline(url, title, site if site and is_url(site) else None))
    return list(found.values()), skipped


def write_opml(outlines: Iterable[Outline], title: str = "reader: subscriptions") -> str:
    """An OPML 2.0 document; control and format characters as character references."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for outline in outlines:
        name = _xml_safe(outline.title or outline.url)
        attributes = {"type": "rss", "text": name, "title": name, "xmlUrl": _xml_safe(outline.url)}
        if outline.site_url:
            attributes["htmlUrl"] = _xml_safe(outline.site_url)
        etree.SubElement(body, "outline", attributes)
    etree.indent(root, space="  ")
    document = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _referenced(document) + "\n"


def _xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold at all become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _referenced(document: str) -> str:
    """Bidi overrides, C1 controls and the like as `&#x...;`: the same data, and nothing a
    terminal would obey when the export is printed to one."""
    return "".join(
        f"&#x{ord(c):X};"
        if c not in "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        else c
        for c in document
    )
