"""Fixtures shared by every test: the sample article, isolated state and data directories."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "karabakh-separatists-surrender.txt"


@pytest.fixture(autouse=True)
def isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test away from the user's real settings and reading positions."""
    state_dir = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("READER_STATE_DIR", str(state_dir))
    return state_dir


@pytest.fixture(autouse=True)
def isolated_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test away from the user's real store of feeds and fetched pages."""
    data_dir = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def sample_path() -> Path:
    """The bundled sample article."""
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    """The bundled sample article's text."""
    return SAMPLE.read_text(encoding="utf-8")


TERMINAL_VARIABLES = (
    "KITTY_WINDOW_ID", "KONSOLE_VERSION", "VTE_VERSION", "MLTERM", "WEZTERM_PANE",
    "GHOSTTY_RESOURCES_DIR", "ALACRITTY_WINDOW_ID", "ALACRITTY_LOG", "WT_SESSION",
    "XTERM_VERSION", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TMUX", "TMUX_PANE", "STY",
    "COLORTERM",
)  # fmt: skip
"""What tells the reader which terminal it runs in (`reader.terminal.detect`)."""


@pytest.fixture(autouse=True)
def unknown_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as in an unknown terminal that answers no query.

    Otherwise the terminal the tests happen to run in would choose the output mode, and the
    command-line tests would send queries to it.
    """
    for name in TERMINAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr("reader.terminal.query.ask", lambda fd, timeout=0.05: None)


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to the desktop's clipboard: pyperclip finds no way to it."""
    import pyperclip

    def refuse(*args: object) -> str:
        raise pyperclip.PyperclipException("no clipboard in the tests")

    monkeypatch.setattr(pyperclip, "copy", refuse)
    monkeypatch.setattr(pyperclip, "paste", refuse)
    for name in ("SSH_CONNECTION", "SSH_TTY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, Path], None]:
    """`deny("stat", path)`: `os.stat` (or "open": `os.open`) of that path fails with EACCES.

    The tests run as root, who may read anything, so a missing permission is pretended.
    """

    def refuse(function: str, denied: Path) -> None:
        real = getattr(os, function)

        def refused(target: object, *args: object, **kwargs: object) -> object:
            if str(target) == str(denied):
                raise PermissionError(13, "Permission denied", str(target))
            return real(target, *args, **kwargs)

        monkeypatch.setattr(os, function, refused)

    return refuse
