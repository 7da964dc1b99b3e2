"""End to end: the installed `reader` given a URL in a real terminal (tmux): an article page is
fetched, shown laid out, and shown again from the store with the server gone; a feed's URL
opens its items on the Feeds screen."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.text.layout import layout_paragraph
from tests.ui.test_ui_tmux import HEIGHT, READER, WIDTH, _tmux, _wait_for
from tests.web.feeds import STORY, rss2
from tests.web.test_urls_cli import ARTICLE, busy_page


def _run(name: str, tmp_path: Path, url: str, needles: list[str]) -> str:
    """`reader URL` in a new tmux session until ``needles`` show; `q`; its exit status."""
    exit_file = tmp_path / f"exit-{name}"
    command = (
        f"env READER_STATE_DIR={tmp_path / 'state'} READER_DATA_DIR={tmp_path / 'data'} "
        f"TERM=xterm-256color {READER} {url}; echo EXIT=$? > {exit_file}; sleep 5"
    )
    _tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
    try:
        screen = _wait_for(name, needles)
        _tmux("send-keys", "-t", name, "q")
        deadline = time.monotonic() + 20
        while not exit_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert exit_file.read_text().strip() == "EXIT=0"
        return screen
    finally:
        _tmux("kill-session", "-t", name)


@pytest.fixture(autouse=True)
def tmux_required() -> None:
    assert shutil.which("tmux"), "tmux is required for the end-to-end tests (apt-get install tmux)"


def test_an_article_url_is_read_then_read_again_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/busy.html").respond_with_data(
        busy_page(), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/busy.html")
    shaped = [layout_paragraph(word, 40)[0].text for word in ARTICLE.split()[:4]]
    online = _run("web-online", tmp_path, url, shaped)
    assert "تويتر" not in online and "الحقوق" not in online  # the page's chrome is left out
    assert len(httpserver.log) == 1
    httpserver.clear()  # from now on the server answers nothing but errors
    _run("web-offline", tmp_path, url, shaped)
    assert not httpserver.log  # the stored copy: nothing was fetched


def test_a_feed_url_opens_its_items(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss2([("a", "افتتاح مستشفى جديد", STORY), ("b", "أمطار على الرياض", STORY)]),
        content_type="application/rss+xml",
    )
    titles = ["افتتاح مستشفى جديد", "أمطار على الرياض"]
    shaped = [layout_paragraph(title, 60)[0].text for title in titles]
    _run("web-feed", tmp_path, httpserver.url_for("/feed.xml"), shaped)
