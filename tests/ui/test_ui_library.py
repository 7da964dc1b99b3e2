"""Pilot tests of the library: several files, a broken one, open and go back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import ArticleList, LibraryScreen

SIZE = (100, 30)


@pytest.fixture
def library_paths(tmp_path: Path, sample_text: str) -> list[Path]:
    """Two readable articles and a binary file between them."""
    first = tmp_path / "first.txt"
    first.write_text(sample_text, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary\x00")
    second = tmp_path / "second.txt"
    second.write_text("مقال قصير عن بلينكن\n\nزار بلينكن أرمينيا.\n", encoding="utf-8")
    return [first, broken, second]


def _lines(widget) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in widget.render_lines(widget.region.reset_offset)
    )


async def test_library_lists_titles_counts_and_errors(
    library_paths: list[Path], fixed_extractor, wait
) -> None:
    app = ReaderApp(library_paths)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        entries = screen.entries
        assert entries[0].article is not None and entries[0].counts is not None
        assert entries[1].error is not None and "broken.txt" in entries[1].error
        assert entries[2].article is not None and entries[2].counts["person"] == 1
        painted = _lines(screen.query_one(ArticleList))
        assert "People" in painted and "broken.txt" in painted
        assert entries[0].article.title not in painted  # shaped, not raw logical text


async def test_library_open_back_and_broken_entry(
    library_paths: list[Path], fixed_extractor, wait
) -> None:
    app = ReaderApp(library_paths)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        library = app.screen
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is library  # the broken file stays put with its message
        await pilot.press("down", "enter")
        await wait(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.title == "مقال قصير عن بلينكن"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        await pilot.press("up", "up", "enter")
        await wait(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.entities is not None
        await pilot.press("l")
        await pilot.pause()
        assert app.screen is library


async def test_single_broken_file_shows_its_error(tmp_path: Path, fixed_extractor, wait) -> None:
    missing = tmp_path / "missing.txt"
    app = ReaderApp([missing])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.entries[0].error is not None
        assert "missing.txt" in _lines(app.screen.query_one(ArticleList))


async def test_hostile_file_names_are_shown_not_obeyed(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    readable = tmp_path / "evil\x1b]0;PWNED\x07\u202egpj.txt"
    readable.write_text("عنوان\n\nنص قصير.\n", encoding="utf-8")
    broken = tmp_path / "bad\x1b[2J\u202egpj.txt"
    broken.write_bytes(b"\x00\x01binary\x00")
    app = ReaderApp([readable, broken])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        painted = _lines(app.screen.query_one(ArticleList))
        assert "evil␛]0;PWNED␇\\u202egpj.txt" in painted  # in logical order, the override seen
        assert "bad␛[2J\\u202egpj.txt" in painted
        assert not any(c in painted for c in "\x1b\x07\u202e")


def _heading(screen: LibraryScreen) -> str:
    return str(screen.query_one("#title").render())


async def test_the_heading_counts_what_can_be_read(
    library_paths: list[Path], fixed_extractor, wait
) -> None:
    app = ReaderApp(library_paths)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        assert _heading(app.screen) == "Library · 2 articles · 1 cannot be opened"


async def test_progress_unread_marks_and_the_last_article_read(
    library_paths: list[Path], fixed_extractor, wait
) -> None:
    app = ReaderApp(library_paths)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        library = app.screen
        painted = _lines(library.query_one(ArticleList))
        assert painted.count("new ·") == 2  # neither article opened yet
        await pilot.press("end", "enter")  # the short article, read to its end
        await wait(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("l")
        await wait(app, pilot)
        await pilot.press("home", "enter")  # the long one: a page of it
        await wait(app, pilot)
        await pilot.press("space")
        await wait(app, pilot)
        await pilot.press("l")
        await wait(app, pilot)
        painted = _lines(library.query_one(ArticleList))
        assert "✓ read" in painted and "new ·" not in painted
        percent = [part for part in painted.split() if part.endswith("%")]
        assert percent and 0 < int(percent[0].rstrip("%")) < 100
    again = ReaderApp(library_paths)  # the next run opens at the article read last
    async with again.run_test(size=SIZE) as pilot:
        await wait(again, pilot)
        await pilot.pause()
        assert again.screen.query_one(ArticleList).highlighted == 0


async def test_slash_filters_the_titles_arabic_aware(
    library_paths: list[Path], fixed_extractor, wait
) -> None:
    app = ReaderApp(library_paths)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        library = app.screen
        await pilot.press("slash", *"انفصاليو")  # إ typed as ا, as the article search folds
        await wait(app, pilot)
        assert [library.entries[i].label.rsplit("/", 1)[-1] for i in library.shown] == ["first.txt"]
        await pilot.press("enter", "enter")
        await wait(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.title.startswith("إنفصاليو")
        await pilot.press("l", "escape")
        await wait(app, pilot)
        assert len(library.shown) == 3
