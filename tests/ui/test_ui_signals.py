"""Signals to the installed app in a real pseudo-terminal: no way out loses the position or
leaves the terminal broken, and a suspended app gives the terminal back its bidi mode."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

READER = Path(sys.executable).parent / "reader"
ENTER_BIDI, LEAVE_BIDI = b"\x1b[8l", b"\x1b[8h"
LEAVE_SCREEN = b"\x1b[?1049l"


class Terminal:
    """The app running on a pseudo-terminal; everything it writes is kept in `output`."""

    def __init__(self, article: Path, state: Path, *extra: str) -> None:
        primary, secondary = pty.openpty()
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "VTE_VERSION": "7006",  # a VTE terminal: its bidi is switched off and back on
            "READER_STATE_DIR": str(state),
        }
        self.process = subprocess.Popen(
            [str(READER), str(article), *extra],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(secondary)
        self.primary: int | None = primary
        self.output = bytearray()

    def read_until(self, needle: bytes, timeout: float = 30, start: int = 0) -> bool:
        """Read until `needle` appears after offset `start` of the output."""
        deadline = time.monotonic() + timeout
        while needle not in self.output[start:] and time.monotonic() < deadline:
            if self.primary is None or not select.select([self.primary], [], [], 0.1)[0]:
                continue
            try:
                chunk = os.read(self.primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.output.extend(chunk)
        return needle in self.output[start:]

    def wait(self, timeout: float = 30) -> int | None:
        """The exit status, reading the output meanwhile (a full terminal would block it)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.settle(0.1)
        return self.process.poll()

    def settle(self, seconds: float) -> None:
        self.read_until(b"\x00never\x00", timeout=seconds)

    def hang_up(self) -> None:
        """Close the terminal's side, as closing the window does."""
        assert self.primary is not None
        os.close(self.primary)
        self.primary = None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.primary is not None:
            os.close(self.primary)


@pytest.fixture
def terminal(sample_path: Path, tmp_path: Path) -> Iterator[Terminal]:
    session = Terminal(sample_path, tmp_path)
    yield session
    session.close()


def saved_positions(state: Path) -> dict[str, int]:
    return json.loads((state / "state.json").read_text(encoding="utf-8"))["positions"]


def open_and_scroll(terminal: Terminal) -> None:
    assert terminal.read_until(ENTER_BIDI), bytes(terminal.output[-300:])
    terminal.settle(1.0)
    os.write(terminal.primary, b"  ")  # type: ignore[arg-type] # two pages down
    terminal.settle(1.0)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGQUIT"])
def test_term_and_quit_are_a_clean_quit(name: str, terminal: Terminal, tmp_path: Path) -> None:
    open_and_scroll(terminal)
    mark = len(terminal.output)
    terminal.process.send_signal(getattr(signal, name))
    assert terminal.wait() == 128 + getattr(signal, name)
    terminal.read_until(b"position saved\r\n", timeout=5, start=mark)
    after = bytes(terminal.output[mark:])
    assert LEAVE_SCREEN in after and LEAVE_BIDI in after and b"\x1b[?25h" in after
    assert b"\x1b[?1000l" in after  # mouse tracking off
    message = after[after.rindex(LEAVE_SCREEN) :]
    assert f"reader: quit on {name}; reading position saved\r\n".encode() in message
    assert next(iter(saved_positions(tmp_path).values())) > 0


def test_hangup_saves_the_position_with_no_terminal_left(
    terminal: Terminal, tmp_path: Path
) -> None:
    open_and_scroll(terminal)
    terminal.hang_up()
    terminal.process.send_signal(signal.SIGHUP)
    assert terminal.wait() == 128 + signal.SIGHUP
    assert next(iter(saved_positions(tmp_path).values())) > 0


def _stopped(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "T"


@pytest.mark.parametrize("how", ["SIGTSTP", "Ctrl+Z"])
def test_suspending_gives_the_terminal_back_its_bidi_mode_first(
    how: str, terminal: Terminal
) -> None:
    assert terminal.read_until(ENTER_BIDI)
    terminal.settle(1.0)
    mark = len(terminal.output)
    if how == "SIGTSTP":
        terminal.process.send_signal(signal.SIGTSTP)
    else:
        os.write(terminal.primary, b"\x1a")  # type: ignore[arg-type] # a key in raw mode
    assert terminal.read_until(LEAVE_SCREEN, timeout=10, start=mark)
    terminal.settle(0.5)
    suspended = bytes(terminal.output[mark:])
    assert LEAVE_BIDI in suspended and suspended.index(LEAVE_BIDI) < suspended.index(LEAVE_SCREEN)
    deadline = time.monotonic() + 10
    while not _stopped(terminal.process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _stopped(terminal.process.pid)
    mark = len(terminal.output)
    terminal.process.send_signal(signal.SIGCONT)  # fg
    assert terminal.read_until(ENTER_BIDI, timeout=10, start=mark)
    os.write(terminal.primary, b"q")  # type: ignore[arg-type]
    assert terminal.wait() == 0


def test_a_failed_save_at_exit_is_one_line_after_the_screen_and_exit_1(
    sample_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("the state directory is a file")
    session = Terminal(sample_path, blocker)
    try:
        assert session.read_until(ENTER_BIDI)
        session.settle(1.0)
        os.write(session.primary, b" q")  # type: ignore[arg-type]
        assert session.wait() == 1
        session.read_until(b"cannot save state", timeout=5)
        after = bytes(session.output[session.output.rindex(LEAVE_SCREEN) :])
        lines = after.split(b"\r\n")
        assert lines[0].endswith(
            f"reader: {blocker / 'state.json'}: cannot save state ({blocker} is not a "
            "directory)".encode()
        )
        assert lines[1:] == [b""]
    finally:
        session.close()
