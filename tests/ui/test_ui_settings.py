"""`--terminal-bidi on|off` is a remembered setting: given once, it holds for later runs."""

from pathlib import Path

from reader.state import State
from reader.ui.app import ReaderApp


async def test_terminal_bidi_flag_is_saved_and_later_runs_follow_it(sample_path: Path) -> None:
    app = ReaderApp([sample_path], terminal_bidi=True)
    async with app.run_test(size=(100, 30)):
        assert app.terminal_bidi
    assert State.load().settings.terminal_bidi is True

    later = ReaderApp([sample_path])
    assert later.terminal_bidi

    switched_off = ReaderApp([sample_path], terminal_bidi=False)
    async with switched_off.run_test(size=(100, 30)):
        assert not switched_off.terminal_bidi
    assert State.load().settings.terminal_bidi is False
