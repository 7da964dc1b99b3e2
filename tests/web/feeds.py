"""Feed documents for the tests, one per format, with relative links and summaries only."""

from __future__ import annotations

import json

STORY = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض يتسع لمئتي سرير."


def rss2(items: list[tuple[str, str, str]], title: str = "أخبار الرياض") -> bytes:
    """RSS 2.0: (guid, title, summary) per item, links relative to the feed."""
    entries = "".join(
        f"<item><title>{t}</title><link>/news/{g}.html</link><guid isPermaLink='false'>{g}"
        f"</guid><description>&lt;p&gt;{s}&lt;/p&gt;</description>"
        f"<pubDate>Mon, 0{n + 1} Jan 2024 10:00:00 GMT</pubDate></item>"
        for n, (g, t, s) in enumerate(items)
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}"
        f"</title><link>/</link>{entries}</channel></rss>"
    ).encode()


def rss1() -> bytes:
    """RSS 1.0 (RDF) with one item."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="http://127.0.0.1/"><title>قناة RDF</title><link>http://127.0.0.1/</link>
  <items><rdf:Seq><rdf:li resource="http://127.0.0.1/rdf/1"/></rdf:Seq></items></channel>
 <item rdf:about="http://127.0.0.1/rdf/1"><title>خبر RDF</title>
  <link>http://127.0.0.1/rdf/1</link><description>{STORY}</description>
  <dc:date>2024-02-03T04:05:06Z</dc:date></item>
</rdf:RDF>""".encode()


def atom(full: bool = False) -> bytes:
    """Atom with xml:base, relative links; a summary, or the full content."""
    body = (
        f'<content type="html">&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;فقرة ثانية.&lt;/p&gt;</content>'
        if full
        else f"<summary>{STORY}</summary>"
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/atom/">
 <title>أخبار Atom</title><link href="/"/><id>urn:feed</id><updated>2024-03-01T00:00:00Z</updated>
 <entry><title>خبر Atom</title><link href="story-1.html"/><id>urn:1</id>
  <updated>2024-03-01T08:00:00Z</updated>{body}</entry>
</feed>""".encode()


def json_feed() -> bytes:
    """JSON Feed 1.1 with one full and one summary item."""
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "أخبار JSON",
            "home_page_url": "/",
            "items": [
                {
                    "id": "j1",
                    "url": "/json/1.html",
                    "title": "خبر كامل",
                    "content_html": f"<p>{STORY}</p>",
                    "date_published": "2024-04-01T09:00:00+03:00",
                },
                {"id": "j2", "url": "/json/2.html", "title": "خبر مختصر", "summary": STORY},
            ],
        },
        ensure_ascii=False,
    ).encode()
