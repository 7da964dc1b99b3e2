"""Pilot tests of the article screen: pane, highlights, n/N, filters, clicks, keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.loader import load_article
from reader.state import State, article_key
from reader.terminal.choice import choose
from reader.terminal.detect import Detection
from reader.text.layout import layout_paragraph
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpDialog
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import DEFAULT_TEXT_WIDTH, WIDTH_STEP, ArticleView
from reader.ui.widgets.entity_pane import EntityPane
from reader.ui.widgets.too_small import TooSmall

SIZE = (100, 30)


async def _select(pilot, app: ReaderApp, name: str) -> int:
    """Move the pane cursor down to the entity called `name`; its index."""
    screen = app.screen
    assert isinstance(screen, ArticleScreen) and screen.entities is not None
    target = next(i for i, e in enumerate(screen.entities) if e.name == name)
    screen.pane.option_list.focus()
    await pilot.pause()
    for _ in range(len(screen.entities) + 1):
        if screen.entity == target:
            break
        await pilot.press("down")
        await pilot.pause()
    assert screen.entity == target
    return target


async def test_article_opens_with_title_heading(sample_app: ReaderApp, wait, style_at) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.view
        assert view.has_focus
        title = screen.article.title
        style = style_at(view, screen.article.text.index(title))
        assert style is not None and style.bold
        first_body = screen.article.text.index("بعد")
        body_style = style_at(view, first_body)
        assert body_style is not None and not body_style.bold


async def test_pane_selection_highlights_exactly_the_mentions(
    sample_app: ReaderApp, wait, style_at
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        index = await _select(pilot, sample_app, "قره باخ")
        entity = screen.entities[index]
        assert screen.status.message.startswith(f"mention 1/{len(entity.mentions)}")
        view = screen.view
        tint = screen.view.get_component_rich_style("article-view--place").color
        current_bg = view.get_component_rich_style("article-view--current").bgcolor
        assert style_at(view, entity.mentions[0].start).bgcolor == current_bg
        marked = {tint, current_bg}
        inside = {o for m in entity.mentions for o in range(m.start, m.end)}
        text = screen.article.text
        checked = 0
        for mention in entity.mentions:
            view.scroll_to_offset(mention.start, center=True)
            await pilot.pause()
            paragraph = view.paragraph_at(mention.start)
            start = text.rfind("\n", 0, mention.start) + 1
            end = start + len(view.paragraph_text(paragraph))
            for offset in range(start, end):
                if text[offset].isspace() and offset not in inside:
                    continue
                style = style_at(view, offset)
                if style is None:
                    continue
                checked += 1
                assert (style.bgcolor in marked) == (offset in inside), offset
        assert checked > len(inside)


async def test_n_and_shift_n_step_through_mentions_with_wraparound(
    sample_app: ReaderApp, wait, style_at
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        index = await _select(pilot, sample_app, "بلينكن")
        total = len(screen.entities[index].mentions)
        await pilot.press("n")
        assert screen.status.message.startswith(f"mention 2/{total}")
        current = screen.entities[index].mentions[1]
        assert screen.view.point_of(current.start) is not None
        assert style_at(screen.view, current.start).underline
        await pilot.press("N", "N")
        assert screen.status.message.startswith(f"mention {total}/{total}")


async def test_enter_in_pane_moves_focus_to_article(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        index = await _select(pilot, sample_app, "علييف")
        await pilot.press("enter")
        assert screen.view.has_focus
        first = screen.entities[index].mentions[0]
        assert screen.view.point_of(first.start) is not None


async def test_type_filters_hide_and_show_groups(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen

        def ids() -> set[str]:
            return {f"e{row}" if isinstance(row, int) else f"h-{row}" for row in screen.pane.rows()}

        assert "h-person" in ids()
        await pilot.press("1")
        assert "h-person" not in ids() and "h-place" in ids()
        assert "person" not in screen.pane.filters
        await pilot.press("2", "3", "4")
        assert not any(i.startswith("e") for i in ids())
        await pilot.press("1", "2", "3", "4")
        assert {"h-person", "h-place", "h-organization", "h-number"} <= ids()


async def test_filter_hides_the_type_of_the_selected_entity(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await _select(pilot, sample_app, "بلينكن")
        await pilot.press("1")
        await pilot.pause()
        assert "person" not in screen.pane.filters
        assert screen.entity is None and screen.pane.selected is None
        assert screen.status.message == "showing: Places, Organizations, Numbers"


async def test_colour_all_and_click_selects_entity(sample_app: ReaderApp, wait, style_at) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        view = screen.view
        entities = screen.entities
        target = next(i for i, e in enumerate(entities) if e.name == "وزارة الدفاع")
        mention = entities[target].mentions[1]
        view.scroll_to_offset(mention.start, center=True)
        await pilot.pause()
        plain = style_at(view, mention.start)
        await pilot.press("a")
        view.scroll_to_offset(mention.start, center=True)
        await pilot.pause()
        coloured = style_at(view, mention.start)
        assert coloured.color is not None and coloured.color != plain.color
        row, column = view.point_of(mention.start)
        await pilot.click(ArticleView, offset=(column, row))
        await pilot.pause()
        assert screen.entity == target
        assert screen.pane.selected == target
        assert screen.status.message.startswith(f"mention 2/{len(entities[target].mentions)}")


async def test_resize_keeps_the_reading_position(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        view = sample_app.screen.view
        text = sample_app.screen.article.text
        target = text.index("وأعلنت أرمينيا") + 20
        view.scroll_to_offset(target)
        await pilot.pause()
        for size in [(60, 20), (140, 40), (45, 12), (20, 6), (100, 30), (61, 25)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        top = view.top_offset()
        lines = layout_paragraph(text[top:], view._width)
        assert top <= target < top + (lines[0].end - lines[0].start) + 1
        assert view.anchor == target


async def test_too_small_window_says_so(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=(20, 6)) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        assert screen.has_class("-too-small")
        notice = screen.query_one(TooSmall)
        assert notice.display and notice.region.width > 0
        assert "too small" in str(notice.render())
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not screen.has_class("-too-small")
        assert screen.view.region.width > 0


async def test_width_harakat_and_pane_keys(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=(140, 30)) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        view = screen.view
        await pilot.press("plus")
        assert view.text_width == DEFAULT_TEXT_WIDTH + WIDTH_STEP
        assert max(len(view.lines_of(i)) for i in range(3)) >= 1
        await pilot.press("minus", "minus")
        assert view.text_width == DEFAULT_TEXT_WIDTH - WIDTH_STEP
        await pilot.press("equals_sign")
        assert view.text_width is None
        await pilot.press(*["plus"] * 10)
        wanted = DEFAULT_TEXT_WIDTH + 10 * WIDTH_STEP
        assert (
            screen.status.message == f"text width {wanted} (the window fits {view.column_width()})"
        )
        await pilot.press("equals_sign", "d")
        assert view.harakat
        pane = screen.pane
        assert pane.display and pane.region.x == 0
        await pilot.press("p")
        await pilot.pause()
        assert pane.region.x > view.region.x
        assert screen.status.message == "pane on the right"
        await pilot.press("p")
        await pilot.pause()
        assert not pane.display
        assert screen.status.message == "pane hidden (p)"
        await pilot.press("p")
        await pilot.pause()
        assert pane.display and pane.region.x == 0


async def test_y_copies_the_paragraph_or_entity_in_logical_order(
    sample_app: ReaderApp, wait
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await pilot.press("y")
        await wait(sample_app, pilot)
        assert sample_app.clipboard == screen.article.title
        await _select(pilot, sample_app, "بلينكن")
        await pilot.press("y")
        await wait(sample_app, pilot)
        assert sample_app.clipboard == "بلينكن"


async def test_y_copies_controls_as_pictures_and_leaves_bidi_controls_out(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    path = tmp_path / "paste.txt"
    path.write_text(
        "نص\x1b[201~rm -rf ~\x08\x9b\u202eمعكوس\u202c \u2067عزل\u2069 مي\u200cشود\u200e\u061c\n",
        encoding="utf-8",
    )
    app = ReaderApp([path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        await pilot.press("y")
        await wait(app, pilot)
        assert app.clipboard == "نص␛[201~rm -rf ~␈\ufffdمعكوس عزل مي\u200cشود\u200e\u061c"
        assert app.screen.status.message.startswith(f"{len(app.clipboard)} characters sent")


@pytest.fixture
def desktop_clipboard(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A system clipboard that works (pyperclip copies and reads back)."""
    import pyperclip

    held = {"text": ""}
    monkeypatch.setattr(pyperclip, "copy", lambda text: held.update(text=text))
    monkeypatch.setattr(pyperclip, "paste", lambda: held["text"])
    return held


async def test_y_says_truthfully_which_clipboard_got_the_text(
    sample_app: ReaderApp, wait, desktop_clipboard: dict[str, str], monkeypatch
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await pilot.press("y")
        await wait(sample_app, pilot)
        assert desktop_clipboard["text"] == screen.article.title
        assert sample_app.clipboard == ""  # no OSC 52 when the system clipboard took it
        assert screen.status.message.endswith("characters copied to the clipboard")
        monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
        desktop_clipboard["text"] = ""
        await pilot.press("y")
        await wait(sample_app, pilot)
        assert desktop_clipboard["text"] == ""  # over SSH: the remote machine's clipboard
        assert sample_app.clipboard == screen.article.title
        assert "OSC 52" in screen.status.message and "may ignore it" in screen.status.message


async def test_help_lists_every_key(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = sample_app.screen
        assert isinstance(dialog, HelpDialog)
        keys = {key for row in dialog.rows for key in row[1].split(", ")}
        for key in [
            "/",
            "n",
            "N",
            "a",
            "p",
            "d",
            "+",
            "-",
            "=",
            "y",
            "1",
            "4",
            "j",
            "k",
            "g",
            "G",
            "space",
            "q",
            "?",
            "l",
            "Esc",
            "Home",
            "End",
        ]:
            assert key in keys, key
        groups = [row[0] for row in dialog.rows]
        assert groups == sorted(groups, key=groups.index)  # each group in one block
        for group in set(groups):  # one line per action: no key twice in a group
            said = [k for row in dialog.rows if row[0] == group for k in row[1].split(", ")]
            assert len(said) == len(set(said)), group
        table = dialog.table
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("escape")
        assert isinstance(sample_app.screen, ArticleScreen)


async def test_reading_position_is_remembered(sample_path: Path, fixed_extractor, wait) -> None:
    app = ReaderApp([sample_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        view = app.screen.view
        await pilot.press("space")
        await pilot.pause()
        offset = view.anchor
        assert offset > 0
        await pilot.press("q")
    key = article_key(load_article(sample_path))
    assert State.load().position(key) == offset
    again = ReaderApp([sample_path])
    async with again.run_test(size=SIZE) as pilot:
        await wait(again, pilot)
        assert again.screen.view.anchor == offset
        assert again.screen.view.top_offset() <= offset


async def test_extraction_progress_then_entities(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        pane = sample_app.screen.query_one(EntityPane)
        await wait(sample_app, pilot)
        assert pane.entities is not None and len(pane.entities) > 0
        assert not pane.query_one("#progress").display


async def test_logical_mode_paints_logical_order_right_aligned(
    sample_path: Path, fixed_extractor, wait
) -> None:
    detection = Detection(None, None, "test", "guess")
    app = ReaderApp([sample_path], terminal=choose(detection, None, "logical"))
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        view = app.screen.view
        painted = "".join(segment.text for segment in view.render_line(0))
        title = app.screen.article.title
        shaped = layout_paragraph(title, view.column_width())[0]
        logical = "".join(cell.text for cell in sorted(shaped.cells, key=lambda c: c.start))
        assert painted.rstrip().endswith(logical[: len(painted.strip())])
        assert painted.startswith(" ")  # right-aligned: the terminal reorders in place


async def test_command_palette_runs_reader_actions(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"harakat")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert sample_app.screen is screen and screen.view.harakat


async def test_hostile_text_never_reaches_the_terminal(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "عنوان \x1b[2J\x1b]52;c;aGk=\x07 \u202eمعكوس\u202c\n\n"
        + "نص\x9b31m " * 50
        + "\n"
        + "ب" * 20_000
        + "\n",
        encoding="utf-8",
    )
    app = ReaderApp([hostile])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        view = app.screen.view
        for _ in range(3):
            for row in range(view.size.height):
                for segment in view.render_line(row):
                    assert not any(
                        ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u202e\u202c"
                        for ch in segment.text
                    ), repr(segment.text)
            await pilot.press("space")


async def test_status_says_where_the_reader_is(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        screen = sample_app.screen
        place = screen.status.query_one("#status-position")
        assert str(place.render()) == "Top"
        await pilot.press("space")
        await pilot.pause()
        assert str(place.render()).endswith("%")
        await pilot.press("G")
        await wait(sample_app, pilot)
        assert str(place.render()) == "Bot"


async def test_direction_overrides_are_marked_and_announced_once(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    path = tmp_path / "trojan.txt"
    path.write_text("عنوان\n\nالمبلغ \u202e0001\u202c دولار\n", encoding="utf-8")
    app = ReaderApp([path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        screen = app.screen
        assert screen.status.message == "direction overrides in this article are marked ⟦ ⟧"
        painted = "".join(
            segment.text for row in range(5) for segment in screen.view.render_line(row)
        )
        assert "⟦1000⟧" in painted


async def test_plain_articles_say_nothing_about_overrides(sample_app: ReaderApp, wait) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        assert sample_app.screen.status.message == ""


async def test_bytes_that_are_not_utf8_are_shown_and_said_once(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("عنوان\n\nنص عربي ".encode() + b"\xff" + " بقية النص\n".encode())
    app = ReaderApp([path])
    said: list[tuple[str, str]] = []
    notify = app.notify
    app.notify = lambda message, **options: (  # type: ignore[method-assign]
        said.append((message, options.get("severity", ""))),
        notify(message, **options),
    )[1]
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        assert "\ufffd" in app.screen.article.text
        assert said == [
            (
                f"{path}: 1 byte that is not UTF-8 (the first at offset 26) shown as U+FFFD",
                "warning",
            )
        ]


async def test_j_and_k_move_one_line_at_once(sample_app: ReaderApp, wait) -> None:
    """A pager's line keys answer in the next frame, with no animation to wait for."""
    async with sample_app.run_test(size=SIZE) as pilot:
        await wait(sample_app, pilot)
        view = sample_app.screen.view
        for action, expected in ((view.action_scroll_down, 1), (view.action_scroll_up, 0)):
            action()
            assert not sample_app.animator.is_being_animated(view, "scroll_y")
            await pilot.pause()
            assert view.scroll_y == expected
