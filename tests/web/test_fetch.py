"""Safe fetching against real servers on 127.0.0.1: limits, redirects, timeouts, types."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.web.fetch import DEFAULT_MAX_SIZE, USER_AGENT, Fetcher, FetchError
from reader.web.fetch import Response as FetchedResponse

PAGE = "<html><head><title>عنوان</title></head><body><p>نص المقال</p></body></html>"


def fetch(url: str, **limits: float) -> FetchedResponse:
    with Fetcher(**limits) as fetcher:  # type: ignore[arg-type]
        return fetcher.get(url)


def failure(url: str, **limits: float) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, **limits)
    message = str(caught.value)
    assert message.startswith(f"{url}: ") and "\n" not in message
    return message


def test_a_page_arrives_with_its_type_and_charset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        PAGE.encode(), content_type="text/html; charset=UTF-8", headers={"ETag": '"v1"'}
    )
    response = fetch(httpserver.url_for("/a"))
    assert response.content == PAGE.encode()
    assert (response.media_type, response.charset.lower(), response.etag) == (
        "text/html",
        "utf-8",
        '"v1"',
    )


def test_a_clear_user_agent_is_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ua", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "ok", content_type="text/plain"
    )
    assert fetch(httpserver.url_for("/ua")).content == b"ok"
    assert USER_AGENT.startswith("reader/")


def test_redirects_are_followed_up_to_five(httpserver: HTTPServer) -> None:
    for hop in range(5):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r5").respond_with_data(PAGE, content_type="text/html")
    response = fetch(httpserver.url_for("/r0"))
    assert response.final_url == httpserver.url_for("/r5")
    assert response.url == httpserver.url_for("/r0")


def test_a_redirect_loop_stops(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data(
        "", status=301, headers={"Location": "/loop"}
    )
    assert "too many redirects" in failure(httpserver.url_for("/loop"))


def test_a_redirect_to_a_file_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sneaky").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    message = failure(httpserver.url_for("/sneaky"))
    assert "redirected to a file: address" in message


def test_only_http_and_https_are_fetched() -> None:
    assert "only http and https" in failure("ftp://127.0.0.1/x")


def test_an_error_status_is_one_line(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    assert failure(httpserver.url_for("/gone")).endswith(": HTTP 404 NOT FOUND")


def test_a_type_that_is_not_a_page_is_refused_unread(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG" * 10, content_type="image/png")
    assert "not a web page or feed (content type image/png)" in failure(httpserver.url_for("/img"))


def test_a_slow_server_times_out(httpserver: HTTPServer) -> None:
    released = threading.Event()  # the server is single-threaded: free it for the next test

    def slow(request: Request) -> Response:
        released.wait(5)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    try:
        message = failure(httpserver.url_for("/slow"), read_timeout=0.3)
    finally:
        released.set()
    assert message.endswith("timed out: the server sent nothing for 0.3 s")
    assert time.monotonic() - started < 2


def test_a_trickling_server_meets_the_overall_deadline(httpserver: HTTPServer) -> None:
    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):
                time.sleep(0.05)
                yield b"x" * 10

        return Response(body(), content_type="text/plain")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    message = failure(httpserver.url_for("/trickle"), read_timeout=1, total_timeout=0.5)
    assert "longer than 0.5 s" in message


def test_an_oversized_body_is_refused_by_its_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/plain")
    message = failure(httpserver.url_for("/big"), max_size=4096)
    assert "too large (4.9 KB; the limit is 4 KB)" in message


def test_an_oversized_body_without_a_length_stops_at_the_limit(httpserver: HTTPServer) -> None:
    def endless(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            while True:
                yield b"x" * 65536

        return Response(body(), content_type="text/plain")  # chunked: no Content-Length

    httpserver.expect_request("/endless").respond_with_handler(endless)
    message = failure(httpserver.url_for("/endless"), max_size=1_000_000)
    assert "too large (more than" in message


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """64 MB of zeros in about 64 KB: twice the default limit once inflated."""
    return gzip.compress(b"\0" * (2 * DEFAULT_MAX_SIZE), compresslevel=9)


def test_a_gzip_bomb_stops_at_the_limit(httpserver: HTTPServer, bomb: bytes) -> None:
    assert len(bomb) < 200_000
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    message = failure(httpserver.url_for("/bomb"))
    assert message.endswith(": too large (more than 32 MB after decompression)")


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_pages_arrive_whole(httpserver: HTTPServer, encoding: str) -> None:
    body = (PAGE * 2000).encode()
    if encoding == "gzip":
        packed = gzip.compress(body)
    elif encoding == "deflate":
        packed = zlib.compress(body)
    else:
        squeezer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        packed = squeezer.compress(body) + squeezer.flush()
    httpserver.expect_request("/z").respond_with_data(
        packed,
        content_type="text/html",
        headers={"Content-Encoding": encoding.removeprefix("raw-")},
    )
    assert fetch(httpserver.url_for("/z")).content == body


def test_a_damaged_gzip_body_is_one_line(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/bad").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert "damaged gzip body" in failure(httpserver.url_for("/bad"))


def test_not_modified_comes_back_empty(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    with Fetcher() as fetcher:
        response = fetcher.get(httpserver.url_for("/feed"), etag='"v1"')
    assert (response.status, response.content) == (304, b"")


def test_a_refused_connection_is_one_line(httpserver: HTTPServer) -> None:
    url = httpserver.url_for("/x")
    httpserver.stop()
    try:
        assert failure(url).endswith("cannot connect: connection refused")
    finally:
        httpserver.start()


def test_an_unknown_host_is_one_line() -> None:
    assert failure("http://no-such-host.invalid/news").endswith("cannot connect: no such host")


def test_a_proxy_from_the_environment_is_used(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/via-proxy").respond_with_data("proxied", content_type="text/plain")
    monkeypatch.setenv("HTTP_PROXY", httpserver.url_for("/").rstrip("/"))
    response = fetch("http://news.example/via-proxy")
    assert response.content == b"proxied"
    assert httpserver.log[-1][0].host == "news.example"
