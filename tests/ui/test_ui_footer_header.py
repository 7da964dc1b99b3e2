"""What a newcomer sees first: a footer with the keys that matter, a header without the
title twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.ui.app import ReaderApp
from reader.ui.widgets.footer import ReaderFooter


def _row(app: ReaderApp, y: int) -> str:
    return "".join(segment.text for segment in app.screen._compositor.render_strips()[y])


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_footer_keeps_the_essential_keys_and_cuts_none(
    width: int, sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=(width, 24)) as pilot:
        await wait(sample_app, pilot)
        footer = _row(sample_app, 23)
        for key in ("q Quit", "? Help", "/ Search", "tab Pane/text", "^p palette"):
            assert key in footer, (width, footer)
        keys = sample_app.screen.query_one(ReaderFooter).query("FooterKey")
        assert all(key.description for key in keys)  # no key shown without its word
        if width >= 120:
            assert "a All entities" in footer and "y Copy" in footer


async def test_the_header_shows_the_title_only_once_it_has_scrolled_away(
    sample_app: ReaderApp, wait, sample_path: Path
) -> None:
    async with sample_app.run_test(size=(60, 20)) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        title = screen.article.title
        assert screen.view.paragraph_text(0) == title  # still the article's first paragraph
        assert _row(sample_app, 0).strip() == sample_path.name  # the title is on screen below
        await pilot.press("space")
        await wait(sample_app, pilot)
        header = _row(sample_app, 0).strip()
        assert header.startswith("…")  # cut on the left, where an Arabic line ends
        words = [w for w in title.split() if len(w) > 2]
        assert screen.view.title_in_view() is False and len(header) < len(title)
        assert words[0] not in header  # shaped and right to left, not logical text
        await pilot.press("g")
        await wait(sample_app, pilot)
        assert _row(sample_app, 0).strip() == sample_path.name


async def test_a_hidden_type_is_said_in_words_not_only_by_colour(
    sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await wait(sample_app, pilot)
        legend = sample_app.screen.pane.query_one("#legend")
        await pilot.press("1")
        await wait(sample_app, pilot)
        painted = "\n".join(
            "".join(s.text for s in strip)
            for strip in legend.render_lines(legend.region.reset_offset)
        )
        assert re.search(r"1 □ People \d+ \(hidden\)", painted) and "2 ■ Places" in painted


@pytest.mark.parametrize("key", ["g", "home", "G", "end"])
async def test_jumps_to_the_top_and_the_end_are_immediate(
    key: str, sample_app: ReaderApp, wait
) -> None:
    sample_app.animation_level = "full"  # as in a terminal, where scrolls may animate
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await wait(sample_app, pilot)
        view = sample_app.screen.view
        if key in ("g", "home"):
            await pilot.press("space", "space")
            await pilot.pause()
        await pilot.press(key)
        await pilot.pause()  # one frame: no one-second animation
        expected = 0 if key in ("g", "home") else view.max_scroll_y
        assert round(view.scroll_y) == round(expected)
