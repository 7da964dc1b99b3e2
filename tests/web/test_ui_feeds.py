"""Pilot tests of the Feeds screen and of `o` (other stored articles), with real servers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.entities
from reader.entities import Entity, Mention
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.dialogs.add_feed import AddFeedDialog
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.elsewhere import ElsewhereScreen, FoundList
from reader.ui.screens.feeds import FeedList, FeedsScreen, ItemList
from reader.ui.widgets.shaped_input import ShapedInput
from tests.web.feeds import STORY, rss2

SIZE = (100, 30)
FULL = "وقال مدير المستشفى إن العمل سيبدأ في الرياض الأسبوع المقبل."


def page(title: str, paragraphs: int = 40) -> str:
    body = "".join(f"<p>{STORY} {FULL} ({n})</p>" for n in range(paragraphs))
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


@pytest.fixture(autouse=True)
def riyadh_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every mention of الرياض as a place: fast, and independent of the model."""

    def extract(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer("الرياض", text)]
        return [Entity("place", "الرياض", mentions)] if mentions else []

    monkeypatch.setattr(reader.entities, "extract_entities", extract, raising=False)


async def settle(app: ReaderApp, pilot: object) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


def painted(widget: object) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in widget.render_lines(widget.region.reset_offset)  # type: ignore[attr-defined]
    )


def capture_reports(app: ReaderApp) -> list[str]:
    reports: list[str] = []
    app.report = lambda message, **kwargs: reports.append(message)  # type: ignore[method-assign]
    return reports


@pytest.fixture
def news(httpserver: HTTPServer) -> str:
    """A feed of two summary-only items whose pages are served too; subscribed."""
    items = [("one", "افتتاح مستشفى", STORY), ("two", "خبر آخر", STORY)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss2(items), content_type="application/rss+xml"
    )
    for guid, title, _summary in items:
        httpserver.expect_request(f"/news/{guid}.html").respond_with_data(
            page(title), content_type="text/html; charset=utf-8"
        )
    url = httpserver.url_for("/feed.xml")
    with Store() as store:
        store.add_feed(url)
    return url


async def test_refresh_open_mark_read_and_read_again_offline(
    news: str, httpserver: HTTPServer
) -> None:
    app = ReaderApp([], feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert httpserver.log == []  # nothing is fetched until the reader asks
        assert "not refreshed yet" in painted(screen.query_one(FeedList))
        await pilot.press("R")
        await settle(app, pilot)
        assert [(f.unread, f.items) for f in screen.feeds] == [(2, 2)]
        assert "2 unread · 2 items" in painted(screen.query_one(FeedList))
        assert screen.query_one("#refresh-progress").display is False
        await pilot.press("tab")
        assert screen.query_one(ItemList).has_focus
        first = screen.items[0]
        await pilot.press("enter")
        await settle(app, pilot)
        article_screen = app.screen
        assert isinstance(article_screen, ArticleScreen)
        assert article_screen.article.source == first.url
        assert FULL in article_screen.article.text  # the page, not the feed's summary
        await pilot.press("pagedown", "pagedown")
        await settle(app, pilot)
        position = article_screen.view.anchor
        assert position > 0
        await pilot.press("l")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.feeds[0].unread == 1
        assert screen.items[0].read and screen.items[0].complete
        httpserver.stop()
        try:
            await pilot.press("enter")  # the stored page, with no server
            await settle(app, pilot)
            again = app.screen
            assert isinstance(again, ArticleScreen)
            assert again.article.text == article_screen.article.text
            assert again.view.anchor == position  # the reading position is kept
        finally:
            httpserver.start()


async def test_add_feed_refreshes_it_at_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/new.xml").respond_with_data(
        rss2([("n", "خبر جديد", STORY)]), content_type="application/rss+xml"
    )
    url = httpserver.url_for("/new.xml")
    app = ReaderApp([], feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedDialog)
        await pilot.press(*"not a url", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedDialog)  # refused, the dialog stays
        app.screen.query_one(ShapedInput).set_value(url)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert [(f.url, f.title, f.unread) for f in screen.feeds] == [(url, "أخبار الرياض", 1)]


async def test_failures_are_toasts_and_keep_what_is_stored(
    news: str, httpserver: HTTPServer
) -> None:
    app = ReaderApp([], feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        reports = capture_reports(app)
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen) and len(screen.items) == 2
        httpserver.clear()  # every address now answers 500
        await pilot.press("r")
        await settle(app, pilot)
        assert reports and reports[-1].startswith(news) and "HTTP 500" in reports[-1]
        assert len(screen.items) == 2 and "⚠ HTTP 500" in painted(screen.query_one(FeedList))
        await pilot.press("tab", "enter")  # its page fails: the summary is shown
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert STORY in app.screen.article.text
        assert "showing the feed's summary" in reports[-1]


async def test_o_lists_the_other_stored_articles_that_mention_the_entity(
    tmp_path: Path, sample_text: str
) -> None:
    with Store() as store:
        store.save_document("http://a.test/1", "page", "في الرياض", "في الرياض\n\nزرت الرياض.")
        store.save_document("http://a.test/2", "page", "جدة", "جدة\n\nمدينة على البحر.")
    mine = tmp_path / "mine.txt"
    mine.write_text("خبر\n\nوصل الوزير إلى الرياض أمس.\n", encoding="utf-8")
    app = ReaderApp([mine])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        article_screen = app.screen
        assert isinstance(article_screen, ArticleScreen)
        await pilot.press("o")
        assert "select an entity first" in article_screen.status.message
        await pilot.press("tab", "down")
        await pilot.pause()
        assert article_screen.selected_entity is not None
        await pilot.press("o")
        await settle(app, pilot)
        found_screen = app.screen
        assert isinstance(found_screen, ElsewhereScreen)
        assert [f.source for f in found_screen.found or []] == ["http://a.test/1"]
        assert "http://a.test/1" in painted(found_screen.query_one(FoundList))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.source == "http://a.test/1"
    with Store() as store:  # the file the app opened is in the store for `reader search`
        assert store.document(str(mine.resolve())) is not None
        assert [f.source for f in store.search(["الوزير"])] == [str(mine.resolve())]


async def test_help_and_footer_list_the_new_keys(news: str) -> None:
    app = ReaderApp([], feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = {(where, key) for where, key, _does in app.help_rows()}
        assert {("Article", "o"), ("Anywhere", "f"), ("Feeds", "R")} <= rows
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "Refresh all" in screen and "Add feed" in screen
