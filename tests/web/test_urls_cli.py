"""Article URLs on the command line against real local servers: decoding, storing, reading
offline, refreshing, and every failure as one line with exit status 2."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.store import Store
from tests.web.feeds import rss2

ARTICLE = (
    "أعلن وزير الصحة توفيق الربيعة اليوم في الرياض عن افتتاح 12 مستشفى جديدا في "
    "المنطقة الشرقية، وقال إن وزارة الصحة ستوظف 3000 طبيب خلال العام المقبل."
)
SECOND = "وأضاف الربيعة أن المستشفيات الجديدة ستخدم أكثر من مليون مواطن في الدمام والخبر."


def cp1256_page() -> bytes:
    """Windows-1256, declared only by the page's own <meta>; the server says no charset."""
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"<title>افتتاح مستشفيات جديدة</title></head><body><article><h1>افتتاح مستشفيات جديدة"
        f"</h1><p>{ARTICLE}</p><p>{SECOND}</p></article></body></html>"
    )
    return page.encode("cp1256")


def busy_page() -> bytes:
    """UTF-8 with navigation, share links and a comment section around the article."""
    nav = "".join(f"<li><a href='/s{n}'>قسم الأخبار رقم {n}</a></li>" for n in range(12))
    comments = "".join(
        f"<div class='comment'><p>تعليق القارئ رقم {n}: مقال رائع جدا</p></div>" for n in range(5)
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>خبر الصحة | الجريدة</title>"
        f"</head><body><header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>خبر الصحة</h1><p>{ARTICLE}</p><p>{SECOND}</p><div class='share'>شارك على تويتر"
        f"</div></article><section id='comments'><h2>التعليقات</h2>{comments}</section>"
        "</main><footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def pages(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/cp1256.html").respond_with_data(
        cp1256_page(), content_type="text/html"
    )
    httpserver.expect_request("/busy.html").respond_with_data(
        busy_page(), content_type="text/html; charset=utf-8"
    )
    return httpserver


def test_a_windows_1256_page_declared_only_in_meta(
    pages: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.url_for("/cp1256.html")
    status, out, err = run(capsys, "extract", url)
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert result["source"] == url
    names = {entity["name"] for entity in result["entities"]}
    assert "الرياض" in names
    status, out, _ = run(capsys, "render", url, "--width", "60")
    assert status == 0 and "ﺽﺎﻳﺮﻟﺍ" in out  # الرياض, shaped and in visual order


def test_a_utf8_page_keeps_its_article_and_drops_the_rest(
    pages: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.url_for("/busy.html")
    run(capsys, "render", url)
    with Store() as store:
        document = store.document(url)
    assert document is not None
    assert ARTICLE in document.text and SECOND in document.text
    for noise in ("قسم الأخبار", "تعليق القارئ", "جميع الحقوق"):
        assert noise not in document.text


def test_read_offline_after_the_server_stopped(
    pages: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    no_network: Callable[[], Callable[[], int]],
) -> None:
    url = pages.url_for("/cp1256.html")
    online = [run(capsys, "render", url, "--width", "50"), run(capsys, "extract", url)]
    assert [result[0] for result in online] == [0, 0]
    pages.stop()
    try:
        attempts = no_network()
        offline = [run(capsys, "render", url, "--width", "50"), run(capsys, "extract", url)]
        assert offline == online
        assert attempts() == 0
    finally:
        pages.start()


def test_refresh_fetches_anew_and_a_failure_keeps_the_stored_copy(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = httpserver.url_for("/changing.html")
    first = f"<html><head><title>الأول</title></head><body><p>{ARTICLE}</p></body></html>"
    httpserver.expect_oneshot_request("/changing.html").respond_with_data(
        first, content_type="text/html"
    )
    assert run(capsys, "render", url)[0] == 0
    second = f"<html><head><title>الثاني</title></head><body><p>{SECOND}</p></body></html>"
    httpserver.expect_oneshot_request("/changing.html").respond_with_data(
        second, content_type="text/html"
    )
    status, out, _ = run(capsys, "extract", url, "--refresh")
    assert status == 0 and "الدمام" in out
    httpserver.expect_oneshot_request("/changing.html").respond_with_data("boom", status=500)
    status, _, err = run(capsys, "render", url, "--refresh")
    assert (status, err) == (2, f"reader: {url}: HTTP 500 INTERNAL SERVER ERROR\n")
    with Store() as store:
        assert SECOND in store.document(url).text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("path", "respond", "problem"),
    [
        ("/missing", {"response_data": "no", "status": 404}, "HTTP 404 NOT FOUND"),
        (
            "/image",
            {"response_data": b"GIF89a", "content_type": "image/gif"},
            "not a web page or feed (content type image/gif)",
        ),
        (
            "/loop",
            {"response_data": "", "status": 302, "headers": {"Location": "/loop"}},
            "too many redirects (more than 5)",
        ),
        (
            "/escape",
            {"response_data": "", "status": 302, "headers": {"Location": "file:///etc/passwd"}},
            "redirected to a file: address (only http and https are followed)",
        ),
        (
            "/huge",
            {"response_data": b"x" * (33 * 1024 * 1024), "content_type": "text/plain"},
            "too large (33 MB; the limit is 32 MB)",
        ),
    ],
)
def test_every_failure_is_one_line_and_status_2(
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    path: str,
    respond: dict,
    problem: str,
) -> None:
    httpserver.expect_request(path).respond_with_data(**respond)
    url = httpserver.url_for(path)
    for command in (("render", url), ("extract", url)):
        assert run(capsys, *command) == (2, "", f"reader: {url}: {problem}\n")


def test_an_unknown_host_and_a_refused_port(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "render", "http://news.invalid/a.html")
    assert (status, err) == (
        2,
        "reader: http://news.invalid/a.html: cannot connect: no such host\n",
    )
    status, _, err = run(capsys, "extract", "http://127.0.0.1:9/a.html")
    assert status == 2 and err.endswith(": cannot connect: connection refused\n")


def test_render_on_a_feed_says_it_is_a_feed(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss2([("a", "خبر", ARTICLE)]), content_type="application/rss+xml"
    )
    url = httpserver.url_for("/feed.xml")
    status, _, err = run(capsys, "render", url)
    assert status == 2 and err.startswith(f"reader: {url}: this is a feed, not an article")
    with Store() as store:
        assert store.feeds() == []  # render subscribes to nothing


def test_help_says_how_to_open_a_file_named_like_a_subcommand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "opens as ./NAME (reader ./feed)" in out
    assert "reader feed ACTION" in out and "reader search QUERY" in out
