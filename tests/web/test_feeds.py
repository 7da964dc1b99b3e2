"""Feed parsing: RSS 2.0, RSS 1.0, Atom, JSON Feed; relative links; malformed feeds; OPML."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.web.feeds import FeedError, parse_feed
from reader.web.opml import OpmlError, Outline, read_opml, write_opml
from tests.web.feeds import STORY, atom, json_feed, rss1, rss2

BASE = "http://127.0.0.1:8000/feeds/main.xml"


def test_rss2_links_resolve_against_the_feed_address() -> None:
    feed = parse_feed(rss2([("a", "خبر أول", STORY)]), BASE, "application/rss+xml")
    (item,) = feed.items
    assert feed.title == "أخبار الرياض"
    assert feed.site_url == "http://127.0.0.1:8000/"
    assert item.url == "http://127.0.0.1:8000/news/a.html"
    assert (item.guid, item.title, item.complete) == ("a", "خبر أول", False)
    assert item.published == datetime(2024, 1, 1, 10, tzinfo=UTC)
    article = item.article()
    assert article.source == item.url
    assert article.title == "خبر أول" and STORY in article.text


def test_redirected_feeds_resolve_against_where_they_landed() -> None:
    feed = parse_feed(rss2([("a", "خبر", STORY)]), BASE, base="http://127.0.0.1:9/moved/f.xml")
    assert feed.items[0].url == "http://127.0.0.1:9/news/a.html"


def test_rss1() -> None:
    feed = parse_feed(rss1(), BASE, "application/rdf+xml")
    (item,) = feed.items
    assert (feed.title, item.title, item.url) == ("قناة RDF", "خبر RDF", "http://127.0.0.1/rdf/1")
    assert item.published == datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize("full", [False, True])
def test_atom_with_xml_base(full: bool) -> None:
    feed = parse_feed(atom(full), BASE, "application/atom+xml")
    (item,) = feed.items
    assert item.url == "http://127.0.0.1:8000/atom/story-1.html"
    assert item.complete is full
    assert (STORY in item.article().text) and (("فقرة ثانية" in item.article().text) is full)


def test_json_feed() -> None:
    feed = parse_feed(json_feed(), BASE, "application/feed+json")
    full, summary = feed.items
    assert feed.title == "أخبار JSON"
    assert (full.url, full.complete, summary.complete) == (
        "http://127.0.0.1:8000/json/1.html",
        True,
        False,
    )
    assert full.published == datetime(2024, 4, 1, 6, tzinfo=UTC)
    assert STORY in summary.article().text


def test_an_item_without_a_link_gets_an_address_under_the_feed() -> None:
    data = b"<rss version='2.0'><channel><title>t</title><item><title>x</title>"
    data += (
        b"<guid isPermaLink='false'>g-1</guid><description>d</description></item></channel></rss>"
    )
    assert parse_feed(data, BASE).items[0].url == f"{BASE}#g-1"


def test_script_links_are_not_followed() -> None:
    data = b"<rss version='2.0'><channel><title>t</title><item><title>x</title>"
    data += b"<link>javascript:alert(1)</link><description>d</description></item></channel></rss>"
    assert parse_feed(data, BASE).items[0].url.startswith(BASE + "#")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<html><head><title>x</title></head><body>page</body></html>", "not a feed (it is"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x<", "malformed feed"),
        (b"just some words", "not a feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3', "malformed JSON feed"),
        (b'{"title": "no version"}', "not a feed (JSON"),
    ],
)
def test_what_is_not_a_feed_says_so_in_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(data, BASE)
    assert str(caught.value).startswith(f"{BASE}: {problem}")
    assert "\n" not in str(caught.value)


# OPML -----------------------------------------------------------------------------------

NEWSBOAT_EXPORT = b"""<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline type="rss" xmlUrl="https://example.org/feed.xml" htmlUrl="https://example.org/"
      title="&#x623;&#x62E;&#x628;&#x627;&#x631;"/>
    <outline title="Folder">
      <outline type="rss" xmlUrl="http://example.net/atom" text="Net"/>
      <outline type="rss" xmlUrl="https://example.org/feed.xml" title="duplicate"/>
    </outline>
    <outline type="rss" xmlUrl="file:///etc/passwd" title="no"/>
  </body>
</opml>"""


def test_a_newsboat_export_is_read_flat_and_once() -> None:
    outlines, skipped = read_opml(NEWSBOAT_EXPORT)
    assert outlines == [
        Outline("https://example.org/feed.xml", "أخبار", "https://example.org/"),
        Outline("http://example.net/atom", "Net", None),
    ]
    assert skipped == ["file:///etc/passwd"]


def test_an_export_reads_back_and_escapes_what_a_terminal_would_obey() -> None:
    outlines = [
        Outline("https://a.example/f?x=1&y=2", "عنوان \u202e\x1b[31m", "https://a.example/"),
        Outline("https://b.example/f", None),
    ]
    document = write_opml(outlines)
    assert "\x1b" not in document and "\u202e" not in document and "&#x202E;" in document
    back, _ = read_opml(document.encode())
    assert back[0].url == outlines[0].url and back[0].title.startswith("عنوان \u202e")
    assert back[1] == Outline("https://b.example/f", "https://b.example/f", None)


@pytest.mark.parametrize(
    "data",
    [
        b"not xml",
        b"<rss/>",
        b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline xmlUrl="http://x/" title="&x;"/></body></opml>',
    ],
)
def test_what_is_not_opml_is_refused(data: bytes) -> None:
    with pytest.raises(OpmlError):
        read_opml(data)
