"""`reader feed` and `reader search` against real local servers: the JSON contracts, refresh
with ETag and 304, a feed that changes, failures, OPML, prune, and no network unless asked."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.store import Store
from tests.web.feeds import STORY, atom, json_feed, rss1, rss2
from tests.web.test_feeds import NEWSBOAT_EXPORT

ISO = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def serve_feed(server: HTTPServer, path: str, body: bytes, kind: str) -> str:
    server.expect_request(path).respond_with_data(body, content_type=kind)
    return server.url_for(path)


def test_add_list_and_refresh_follow_their_contracts(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve_feed(httpserver, "/rss.xml", rss2([("a", "خبر أول", STORY)]), "application/rss+xml")
    assert run(capsys, "feed", "add", url)[0] == 0
    assert httpserver.log == []  # subscribing fetches nothing
    status, out, _ = run(capsys, "feed", "list", "--json")
    assert (status, json.loads(out)) == (
        0,
        [{"url": url, "title": url, "items": 0, "unread": 0, "refreshed": None}],
    )
    status, out, err = run(capsys, "feed", "refresh", "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) == [{"url": url, "title": "أخبار الرياض", "new": 1, "error": None}]
    (feed,) = json.loads(run(capsys, "feed", "list", "--json")[1])
    assert {k: feed[k] for k in ("title", "items", "unread")} == {
        "title": "أخبار الرياض",
        "items": 1,
        "unread": 1,
    }
    assert pytest.importorskip("re").match(ISO, feed["refreshed"])


def test_every_format_refreshes(httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    feeds = {
        serve_feed(httpserver, "/1.rdf", rss1(), "application/rdf+xml"): 1,
        serve_feed(httpserver, "/a.atom", atom(), "application/atom+xml"): 1,
        serve_feed(httpserver, "/f.json", json_feed(), "application/feed+json"): 2,
        serve_feed(httpserver, "/r.xml", rss2([("x", "س", STORY)]), "text/xml"): 1,
    }
    for url in feeds:
        run(capsys, "feed", "add", url)
    status, out, _ = run(capsys, "feed", "refresh", "--json")
    assert status == 0
    assert {r["url"]: r["new"] for r in json.loads(out)} == feeds


def test_etag_and_last_modified_make_a_304(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    body = rss2([("a", "خبر", STORY)])
    headers = {"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 10:00:00 GMT"}
    httpserver.expect_ordered_request("/cond.xml").respond_with_data(
        body, content_type="application/rss+xml", headers=headers
    )
    httpserver.expect_ordered_request(
        "/cond.xml",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": headers["Last-Modified"]},
    ).respond_with_data("", status=304)
    url = httpserver.url_for("/cond.xml")
    run(capsys, "feed", "add", url)
    assert json.loads(run(capsys, "feed", "refresh", "--json")[1])[0]["new"] == 1
    status, out, _ = run(capsys, "feed", "refresh", url, "--json")
    assert (status, json.loads(out)[0]["new"], json.loads(out)[0]["error"]) == (0, 0, None)
    httpserver.check_assertions()
    assert json.loads(run(capsys, "feed", "list", "--json")[1])[0]["items"] == 1


def test_a_feed_that_changes_between_refreshes(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = iter(
        [
            rss2([("a", "الأول", STORY), ("b", "الثاني", STORY)]),
            rss2([("c", "الثالث", STORY), ("a", "الأول", STORY), ("b", "الثاني معدل", STORY)]),
        ]
    )

    def handler(request: Request) -> Response:
        return Response(next(versions), content_type="application/rss+xml")

    httpserver.expect_request("/live.xml").respond_with_handler(handler)
    url = httpserver.url_for("/live.xml")
    run(capsys, "feed", "add", url)
    assert json.loads(run(capsys, "feed", "refresh", "--json")[1])[0]["new"] == 2
    assert json.loads(run(capsys, "feed", "refresh", "--json")[1])[0]["new"] == 1
    status, out, _ = run(capsys, "feed", "items", url, "--json")
    items = json.loads(out)
    assert status == 0 and [item["title"] for item in items] == ["الثاني معدل", "الأول", "الثالث"]
    assert set(items[0]) == {"feed", "url", "title", "published", "read"}
    assert items[0]["feed"] == url and items[0]["read"] is False
    assert items[0]["url"] == httpserver.url_for("/news/b.html")
    assert [item["published"] for item in items] == [
        "2024-01-03T10:00:00+00:00",  # b moved down the feed: its date follows
        "2024-01-02T10:00:00+00:00",
        "2024-01-01T10:00:00+00:00",
    ]


def test_failed_feeds_are_named_and_make_status_1(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    good = serve_feed(httpserver, "/good.xml", rss2([("a", "خبر", STORY)]), "application/rss+xml")
    page = serve_feed(httpserver, "/page.html", b"<html><body>hi</body></html>", "text/html")
    broken = serve_feed(httpserver, "/broken.xml", b"<rss><channel><title>x<", "text/xml")
    for url in (good, page, broken, "http://127.0.0.1:9/refused.xml"):
        run(capsys, "feed", "add", url)
    status, out, err = run(capsys, "feed", "refresh", "--json")
    assert status == 1
    errors = {result["url"]: result["error"] for result in json.loads(out)}
    assert errors[good] is None
    assert errors[page] == "not a feed (it is a web page)"
    assert errors[broken].startswith("malformed feed")
    assert errors["http://127.0.0.1:9/refused.xml"] == "cannot connect: connection refused"
    assert sorted(err.splitlines()) == sorted(
        f"reader: {url}: {error}" for url, error in errors.items() if error
    )
    assert json.loads(run(capsys, "feed", "items", "--json")[1])[0]["url"].endswith("/news/a.html")


def test_a_failed_refresh_keeps_the_stored_items(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_ordered_request("/f.xml").respond_with_data(
        rss2([("a", "خبر", STORY)]), content_type="application/rss+xml"
    )
    httpserver.expect_ordered_request("/f.xml").respond_with_data("down", status=503)
    url = httpserver.url_for("/f.xml")
    run(capsys, "feed", "add", url)
    run(capsys, "feed", "refresh")
    assert run(capsys, "feed", "refresh")[0] == 1
    (feed,) = json.loads(run(capsys, "feed", "list", "--json")[1])
    assert (feed["items"], feed["title"]) == (1, "أخبار الرياض")
    assert "last refresh failed: HTTP 503" in " ".join(run(capsys, "feed", "list")[1].split())


def test_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "feed")[0] == 2
    assert run(capsys, "feed", "nonsense")[0] == 2
    assert run(capsys, "feed", "add", "ftp://x/feed")[0:2] == (2, "")
    assert run(capsys, "feed", "refresh", "http://not.subscribed/x")[0] == 2
    assert run(capsys, "feed", "remove", "http://not.subscribed/x")[0] == 2
    assert run(capsys, "feed", "prune", "--older-than", "soon")[0] == 2
    assert run(capsys, "search", "  ")[0] == 2


def test_unread_items_and_the_title_given(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve_feed(
        httpserver, "/u.xml", rss2([("a", "أ", STORY), ("b", "ب", STORY)]), "application/rss+xml"
    )
    run(capsys, "feed", "add", url, "--title", "صحيفتي")
    run(capsys, "feed", "refresh")
    with Store() as store:
        store.set_read(store.items()[0].id)
    items = json.loads(run(capsys, "feed", "items", "--unread", "--json")[1])
    assert [item["title"] for item in items] == ["أ"]
    assert json.loads(run(capsys, "feed", "list", "--json")[1])[0]["title"] == "صحيفتي"


def test_opml_round_trip_with_newsboat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "newsboat.opml"
    exported.write_bytes(NEWSBOAT_EXPORT)
    status, out, err = run(capsys, "feed", "import", str(exported))
    assert status == 0 and out == "imported 2 feeds (0 already subscribed)\n"
    assert "skipped file:///etc/passwd" in err
    assert run(capsys, "feed", "import", str(exported))[1] == (
        "imported 0 feeds (2 already subscribed)\n"
    )
    status, out, _ = run(capsys, "feed", "export")
    again = tmp_path / "again.opml"
    again.write_text(out, encoding="utf-8")
    from reader.web.opml import read_opml

    outlines, _ = read_opml(again.read_bytes())
    assert {(o.url, o.title) for o in outlines} == {
        ("https://example.org/feed.xml", "أخبار"),
        ("http://example.net/atom", "Net"),
    }
    assert run(capsys, "feed", "import", str(tmp_path / "none.opml"))[0] == 2
    (tmp_path / "bad.opml").write_text("<html/>")
    assert run(capsys, "feed", "import", str(tmp_path / "bad.opml"))[0] == 2


def test_remove_and_prune(httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve_feed(httpserver, "/p.xml", rss2([("a", "أ", STORY)]), "application/rss+xml")
    run(capsys, "feed", "add", url)
    run(capsys, "feed", "refresh")
    assert run(capsys, "feed", "prune", "--older-than", "0")[1] == (
        "removed 0 items and 0 stored articles\n"  # still listed by the feed
    )
    assert run(capsys, "feed", "remove", url)[0] == 0
    assert json.loads(run(capsys, "feed", "list", "--json")[1]) == []


def test_foreign_titles_never_reach_the_terminal_raw(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "عنوان \x1b[31mأحمر\u202e مقلوب"
    body = rss2([("a", hostile.replace("\x1b", "&#27;"), STORY)], title="قناة\u202e")
    url = serve_feed(httpserver, "/h.xml", body, "application/rss+xml")
    run(capsys, "feed", "add", url)
    for command in (
        ("feed", "refresh"),
        ("feed", "list"),
        ("feed", "items"),
        ("feed", "items", "--json"),
        ("feed", "export"),
        ("search", "عنوان"),
        ("search", "عنوان", "--json"),
    ):
        status, out, err = run(capsys, *command)
        assert status == 0, command
        assert "\x1b" not in out + err and "\u202e" not in out + err, command


def test_search_contract_and_table(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve_feed(httpserver, "/s.xml", rss2([("a", "مستشفى جديد", STORY)]), "text/xml")
    run(capsys, "feed", "add", url)
    run(capsys, "feed", "refresh")
    status, out, _ = run(capsys, "search", "مستشفي", "--json")  # ى/ي folded
    (result,) = json.loads(out)
    assert status == 0 and set(result) == {"source", "title", "matches", "snippet"}
    assert result["source"] == httpserver.url_for("/news/a.html")
    assert (result["title"], result["matches"]) == ("مستشفى جديد", 2)
    status, out, _ = run(capsys, "search", "مستشفي")
    assert status == 0 and "ﺪﻳﺪﺟ ﻰﻔﺸﺘﺴﻣ" in out  # laid out: shaped, right to left
    assert "2 matches · " + result["source"] in out
    assert run(capsys, "search", "غائب")[1] == "no stored article matches\n"


def test_nothing_touches_the_network_unless_asked(
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    no_network: Callable[[], Callable[[], int]],
) -> None:
    url = serve_feed(httpserver, "/n.xml", rss2([("a", "خبر", STORY)]), "application/rss+xml")
    run(capsys, "feed", "add", url)
    run(capsys, "feed", "refresh")
    item = json.loads(run(capsys, "feed", "items", "--json")[1])[0]["url"]
    opml = tmp_path / "n.opml"
    opml.write_bytes(NEWSBOAT_EXPORT)
    attempts = no_network()
    for command in (
        ("feed", "add", "http://127.0.0.1:1/other.xml"),
        ("feed", "list"),
        ("feed", "items", "--json"),
        ("feed", "export"),
        ("feed", "import", str(opml)),
        ("feed", "prune"),
        ("search", "خبر"),
        ("feed", "remove", "http://127.0.0.1:1/other.xml"),
    ):
        assert run(capsys, *command)[0] == 0, command
    assert attempts() == 0
    assert run(capsys, "render", item)[0] == 2  # a summary only: its page must be fetched
    assert attempts() == 1
    assert run(capsys, "feed", "refresh", url)[0] == 1
    assert attempts() == 2


def test_refresh_fetches_eight_feeds_at_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    """Twelve slow feeds on a server that answers each request in its own thread: at most
    eight are in flight together, and eight are (the bound, not one at a time)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    lock = threading.Lock()
    in_flight = [0, 0]  # now, most at once

    def slow(request: Request) -> Response:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight[1], in_flight[0])
        time.sleep(0.5)
        with lock:
            in_flight[0] -= 1
        return Response(rss2([("a", "الأول", STORY)]), content_type="application/rss+xml")

    try:
        server.expect_request(re.compile(r"/slow/\d+\.xml")).respond_with_handler(slow)
        for n in range(12):
            run(capsys, "feed", "add", server.url_for(f"/slow/{n}.xml"))
        status, out, _ = run(capsys, "feed", "refresh", "--json")
    finally:
        server.clear()
        server.stop()
    assert status == 0 and len(json.loads(out)) == 12
    assert in_flight[1] == 8
