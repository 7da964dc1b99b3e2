"""The output mode in the app: switched from the palette (and saved), never invisible.

The terminal's own bidi is switched off when the screen comes up and given back when the
app exits or is suspended; those writes are recorded here as the terminal would get them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.state import State
from reader.terminal.choice import choose
from reader.terminal.detect import Detection
from reader.text.layout import layout_paragraph
from reader.ui.app import ReaderApp
from reader.ui.widgets.shaped import toast_text
from reader.ui.widgets.status_line import StatusLine

KITTY = Detection("kitty", "0.26.5", "TERM=xterm-kitty", "certain")
VTE = Detection("vte", "0.70.6", "environment (VTE_VERSION)", "likely")
SIZE = (100, 30)


def recorded(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app writes to the terminal outside Textual's own output."""
    written: list[str] = []
    monkeypatch.setattr(app, "_write", lambda sequence: sequence and written.append(sequence))
    return written


def mode_label(app: ReaderApp) -> str:
    status = app.screen.query_one(StatusLine)
    return str(status.query_one("#status-mode").render())


async def test_vte_is_switched_off_on_start_and_back_on_at_exit_and_suspend(
    sample_path: Path, fixed_extractor, wait, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ReaderApp([sample_path], terminal=choose(VTE, None, None))
    written = recorded(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        assert written == ["\x1b[8l"]
        app._on_suspend(app)
        app._on_resume(app)
        assert written == ["\x1b[8l", "\x1b[8h", "\x1b[8l"]
    assert written[-1] == "\x1b[8h"


async def test_the_palette_switches_the_mode_saves_it_and_repaints(
    sample_path: Path, fixed_extractor, wait, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ReaderApp([sample_path], terminal=choose(KITTY, None, None))
    written = recorded(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        before = "".join(s.text for s in app.screen.view.render_line(0))
        assert mode_label(app) == ""
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Output mode: cells")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait(app, pilot)
        assert app.output_mode.name == "cells"
        assert mode_label(app) == "cells mode (saved; detected: kitty)"
        after = "".join(s.text for s in app.screen.view.render_line(0))
        assert after != before and after.strip() == app.screen.view.lines_of(0)[0].text
    assert State.load().settings.terminal_mode == "cells"
    assert written == []  # kitty has no switch to send

    later = ReaderApp(
        [sample_path], terminal=choose(KITTY, State.load().settings.terminal_mode, None)
    )
    async with later.run_test(size=SIZE) as pilot:
        await wait(later, pilot)
        assert later.output_mode.name == "cells"
        assert mode_label(later) == "cells mode (saved; detected: kitty)"
        later.set_output_mode(None)  # "Output mode: follow detection"
        await pilot.pause()
        assert later.output_mode.name == "kitty" and mode_label(later) == ""
    assert State.load().settings.terminal_mode is None


async def test_a_mode_given_for_one_run_shows_and_does_not_stick(
    sample_path: Path, fixed_extractor, wait
) -> None:
    app = ReaderApp([sample_path], terminal=choose(KITTY, None, "logical"))
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        assert mode_label(app) == "logical mode (this run only; detected: kitty)"
    assert State.load().settings.terminal_mode is None


async def test_the_migrated_setting_is_said_once(
    sample_path: Path, fixed_extractor, wait, isolated_state: Path
) -> None:
    (isolated_state / "state.json").write_text('{"settings": {"terminal_bidi": true}}')
    app = ReaderApp([sample_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("terminal_bidi" in m for m in messages)
        assert app.output_mode.name == "logical"
    again = ReaderApp([sample_path])
    async with again.run_test(size=SIZE) as pilot:
        await wait(again, pilot)
        assert not any("terminal_bidi" in n.message for n in again._notifications)
        assert mode_label(again) == "logical mode (saved; detected: cells)"


async def test_a_toast_naming_an_arabic_file_is_shaped(
    tmp_path: Path, fixed_extractor, wait
) -> None:
    broken = tmp_path / "مقال مكسور.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    app = ReaderApp([broken])
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        [toast] = list(app._notifications)
        assert "مقال" not in toast.message  # logical order reads backwards in a terminal
        assert layout_paragraph("مقال مكسور", 40)[0].text in toast.message


async def test_toasts_are_written_in_the_output_mode(sample_path: Path, fixed_extractor) -> None:
    app = ReaderApp([sample_path], terminal=choose(KITTY, None, None))
    async with app.run_test(size=SIZE):
        words = layout_paragraph("تعذر فتح المقال", 40)[0].text.split(" ")
        assert toast_text("تعذر فتح المقال", 40).strip() == " ".join(w[::-1] for w in words)
