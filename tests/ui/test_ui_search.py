"""Pilot tests of search: counts, Arabic folding, n/N wrap-around, echo, Esc."""

from __future__ import annotations

import pytest

from reader.text.layout import layout_paragraph
from reader.ui.app import ReaderApp
from reader.ui.widgets.search_bar import SearchBar

SIZE = (100, 30)


async def _search(pilot, app: ReaderApp, wait, query: str) -> None:
    await pilot.press("slash")
    await pilot.press(*query)
    await wait(app, pilot)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("قرة", "قره"),  # ta marbuta folds to ha
        ("اسلحة", "الأسلحة"),  # hamza on alef folds, the article prefix is optional
        ("٣٢", "32"),  # Arabic-Indic digits equal Western digits
    ],
)
async def test_search_folds_arabic(
    sample_app: ReaderApp, wait, style_at, query: str, expected: str
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await _search(pilot, sample_app, wait, query)
        text = screen.article.text
        assert screen.matches, query
        found = {text[start:end] for start, end in screen.matches}
        assert any(expected in piece or piece in expected for piece in found), found
        assert any(expected in text[max(0, s - 2) : e + 2] for s, e in screen.matches)
        start = screen.matches[screen.match][0]
        assert screen.view.point_of(start) is not None
        assert style_at(screen.view, start).bgcolor is not None


async def test_search_counts_steps_and_wraps(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        text = screen.article.text
        await _search(pilot, sample_app, wait, "قره")
        total = text.count("قره") + text.count("قرة")
        assert len(screen.matches) == total
        assert screen.status.message == f"search 1/{total}"
        await pilot.press("enter")
        assert screen.view.has_focus
        await pilot.press("n")
        assert screen.status.message == f"search 2/{total}"
        await pilot.press("N", "N")
        assert screen.status.message == f"search {total}/{total}"
        await pilot.press("n")
        assert screen.status.message == f"search 1/{total}"
        count = screen.search_bar.query_one("#search-count").render()
        assert f"1/{total}" in str(count)


async def test_search_starts_at_the_current_position(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        text = screen.article.text
        origin = text.index("من جهتها قالت")
        screen.view.scroll_to_offset(origin)
        await pilot.pause()
        await _search(pilot, sample_app, wait, "قره")
        current = screen.matches[screen.match][0]
        assert current >= origin
        assert all(start < origin for start, _ in screen.matches[: screen.match])


def _field_text(screen) -> str:
    field = screen.search_bar.field
    return "".join(seg.text for seg in field.render_line(0)).strip().replace("\u00a0", "")


async def test_the_query_is_shaped_in_the_field_and_escape_clears(
    sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await _search(pilot, sample_app, wait, "باخ")
        assert _field_text(screen) == layout_paragraph("باخ", 40)[0].text  # shaped, RTL
        assert not screen.search_bar.query("#search-echo")  # one copy of the query
        await pilot.press("escape")
        await pilot.pause()
        assert screen.matches == [] and not screen.query_one(SearchBar).display
        assert screen.view.has_focus


async def test_the_cursor_moves_on_screen_and_typing_goes_where_it_stands(
    sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await _search(pilot, sample_app, wait, "قره")
        field = screen.search_bar.field
        assert field.cursor == 3  # at the end: the leftmost cell of Arabic
        await pilot.press("right")  # right on screen is back towards the start of Arabic
        assert field.cursor == 2
        await pilot.press("left")
        assert field.cursor == 3
        await pilot.press("home", "left")
        assert field.cursor == 1
        await pilot.press("backspace")
        assert field.value == "ره"
        await pilot.press(*"ق")
        assert field.value == "قره" and field.cursor == 1


async def test_slash_recalls_the_last_query_and_arrows_the_earlier_ones(
    sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        for query in ("قره", "باخ"):
            await _search(pilot, sample_app, wait, query)
            await pilot.press("enter", "escape")
        await pilot.press("slash")
        await wait(sample_app, pilot)
        assert screen.search_bar.query_text == "باخ" and screen.matches  # searched again
        assert screen.search_bar.field.selected  # typing replaces the recalled query
        await pilot.press(*"قره")
        assert screen.search_bar.query_text == "قره"
        await pilot.press("escape", "slash", "up")
        assert screen.search_bar.query_text == "قره"
        await pilot.press("down", "down")
        assert screen.search_bar.query_text == ""


async def test_n_after_a_search_with_no_match_says_so(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await pilot.press("tab", "j", "tab")  # an entity selected, then back to the article
        await _search(pilot, sample_app, wait, "zzzz")
        await pilot.press("enter")
        selected = screen.mention
        await pilot.press("n")
        assert screen.status.message.startswith("no matches")
        assert screen.mention == selected


async def test_search_with_no_match_says_so(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await _search(pilot, sample_app, wait, "zzzz")
        assert screen.matches == [] and screen.status.message == "no match"
