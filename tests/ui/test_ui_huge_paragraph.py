"""A file that is one huge paragraph: the first screen lays out only what it shows, and every
offset (highlights, clicks, search jumps, saved positions) stays exact inside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import reader.ui.widgets.article_view
import reader.ui.widgets.shaped
from reader.loader import load_article
from reader.state import State, article_key
from reader.text.layout import layout_paragraph
from reader.text.segments import SEGMENT
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.shaped import ShapedText

SIZE = (100, 30)
WORDS = 600_000
"""Characters in the huge paragraph (about 1.1 MB of UTF-8), a hundred segments."""
BUDGET = 12 * 2 * SEGMENT
"""Characters the first screen may lay out: a dozen of the longest segments."""
MARKER = "Zanzibar"
"""A word that occurs once, deep inside, for the search test."""


@pytest.fixture
def huge_path(tmp_path: Path, sample_text: str) -> Path:
    """The sample article's words repeated into one line, with MARKER at 80%."""
    unit = " ".join(sample_text.split()) + " "
    text = (unit * (WORDS // len(unit) + 1))[:WORDS]
    cut = text.index(". ", int(0.8 * WORDS)) + 2
    path = tmp_path / "huge.txt"
    path.write_text(f"{text[:cut]}{MARKER} {text[cut:]}", encoding="utf-8")
    return path


class Calls(list[tuple[str, int, int]]):
    """(module, offset, length) of every text given to the layout engine."""

    def lengths(self) -> list[int]:
        return [length for _, _, length in self]


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Every text the article view and ShapedText (the title) give the layout engine."""
    calls = Calls()
    for module in (reader.ui.widgets.article_view, reader.ui.widgets.shaped):

        def counting(text: str, *args: object, _name: str = module.__name__, **kwargs: object):  # type: ignore[no-untyped-def]
            calls.append((_name, int(kwargs.get("offset", 0)), len(text)))  # type: ignore[arg-type]
            return layout_paragraph(text, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(module, "layout_paragraph", counting)
    return calls


async def _first_screen(app: ReaderApp, pilot) -> tuple[ArticleView, str]:  # type: ignore[no-untyped-def]
    """The view once it has painted, and the text it painted."""
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    view = screen.view
    rows = [view.render_line(y) for y in range(view.size.height)]
    return view, "".join(segment.text for row in rows for segment in row)


async def test_first_screen_lays_out_only_the_top(
    huge_path: Path, laid_out: Calls, fixed_extractor: Callable[..., object]
) -> None:
    app = ReaderApp([huge_path])
    async with app.run_test(size=SIZE) as pilot:
        view, painted = await _first_screen(app, pilot)
        assert painted.strip()
        assert view.top_offset() == 0
        assert max(laid_out.lengths()) <= 2 * SEGMENT
        assert sum(laid_out.lengths()) <= BUDGET < WORDS // 10


async def test_a_saved_position_deep_inside_opens_there(
    huge_path: Path, laid_out: Calls, fixed_extractor: Callable[..., object]
) -> None:
    article = load_article(huge_path)
    saved = article.text.index(". ", int(0.7 * len(article.text))) + 40
    state = State.load()
    state.set_position(article_key(article), saved)
    assert state.save() is None
    app = ReaderApp([huge_path])
    async with app.run_test(size=SIZE) as pilot:
        view, painted = await _first_screen(app, pilot)
        assert painted.strip()
        top = view.top_offset()
        line = layout_paragraph(article.text[top:], view.column_width())[0]
        assert top <= saved < top + (line.end - line.start)
        assert view.anchor == saved
        assert max(laid_out.lengths()) <= 2 * SEGMENT
        assert sum(laid_out.lengths()) <= BUDGET


async def test_highlights_clicks_and_search_jumps_are_exact_deep_inside(
    huge_path: Path, fixed_extractor: Callable[..., object], wait, style_at
) -> None:
    app = ReaderApp([huge_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.entities is not None
        view = screen.view
        target = next(i for i, e in enumerate(screen.entities) if e.name == "قره باخ")
        mentions = screen.entities[target].mentions
        number = len(mentions) * 3 // 4
        mention = mentions[number]
        await pilot.press("a")  # colour every entity
        view.scroll_to_offset(mention.start, center=True)
        await pilot.pause()
        assert (
            style_at(view, mention.start).color
            == view.get_component_rich_style("article-view--place").color
        )
        assert style_at(view, mention.start - 2) != style_at(view, mention.start)
        row, column = view.point_of(mention.start)
        await pilot.click(ArticleView, offset=(column, row))
        await pilot.pause()
        assert screen.entity == target
        assert screen.status.message.startswith(f"mention {number + 1}/{len(mentions)}")

        await pilot.press("slash", *MARKER)
        await wait(app, pilot)
        start = screen.article.text.index(MARKER)
        assert screen.matches == [(start, start + len(MARKER))]
        assert view.point_of(start) is not None
        assert style_at(view, start).bgcolor is not None


def test_shaped_text_lays_out_only_the_lines_asked_for(huge_path: Path, laid_out: Calls) -> None:
    """The title row of a one-line file is the whole file: one row's worth is laid out."""
    text = huge_path.read_text(encoding="utf-8")
    title = ShapedText(text)
    first = title.lines(60, 1)
    assert first and sum(laid_out.lengths()) <= 2 * SEGMENT
    every = title.lines(60)
    assert every[: len(first)] == first and every[-1].end == len(text)
    done = len(laid_out)
    assert title.lines(60, 1) is every and len(laid_out) == done


async def test_scrolling_lays_out_each_block_once(
    huge_path: Path, laid_out: Calls, fixed_extractor: Callable[..., object], wait
) -> None:
    """The view's cache of laid-out blocks survives Textual's refreshes (a cache under
    Textual's own attribute name was emptied by every one)."""
    app = ReaderApp([huge_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)  # the highlights of the mentions are in place
        laid_out.clear()
        for _ in range(3):
            await pilot.press(*["j"] * 10, *["k"] * 10)
        await pilot.press(*["pagedown"] * 20)
        assert app.screen.view.top_offset() > 20 * 25 * 40  # twenty pages of 25 lines down
        view = [call for call in laid_out if call[0] == reader.ui.widgets.article_view.__name__]
        assert len(view) > 10 and len(view) == len(set(view))


async def test_the_end_key_reaches_the_end_where_estimates_are_far_off(
    tmp_path: Path, fixed_extractor: Callable[..., object]
) -> None:
    """Wide characters (emoji with skin tones, CJK) take two cells each, so the heights
    guessed from lengths are far too low; measuring the last blocks as they come into view
    must not leave G short of the end."""
    path = tmp_path / "wide.txt"
    unit = "👩🏽\u200d💻 🧑🏿\u200d🤝\u200d🧑🏻 漢字漢字 "
    path.write_text(unit * 40_000 + "النهاية", encoding="utf-8")
    app = ReaderApp([path])
    async with app.run_test(size=SIZE) as pilot:
        app.animation_level = "full"  # as in a terminal: Textual's scroll_end animates
        await pilot.pause()
        await pilot.press("G")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        view = app.screen.view
        assert view.place() == "Bot"
        assert round(view.scroll_y) == round(view.max_scroll_y)
        assert view.point_of(len(view.text) - 1) is not None
        await pilot.press("g")
        await pilot.wait_for_scheduled_animations()
        assert view.place() == "Top"
        await pilot.press("end")
        await pilot.pause()
        assert view.place() == "Bot"
