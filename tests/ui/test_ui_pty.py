"""The bytes the app sends to a real pseudo-terminal, which is its controlling terminal.

A VTE terminal (named by its environment) gets BDSM explicit mode on entry and implicit on
exit. An unknown terminal is asked who it is; answering as kitty gets kitty's output
mode, where each right-to-left run is written backwards (kitty draws it backwards again).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.terminal.query import QUERIES
from reader.text.layout import layout_paragraph

READER = Path(sys.executable).parent / "reader"


def _read_until(fd: int, needle: bytes, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return needle in seen
            if not chunk:
                return needle in seen
            seen.extend(chunk)
            if needle in seen:
                return True
    return needle in seen


def _text(output: bytes | bytearray) -> bytes:
    """The characters written, without the escape sequences between them."""
    return re.sub(rb"\x1b\[[0-9;:?<>=]*[ -/]*[@-~]", b"", bytes(output))


def _own_terminal(secondary: int) -> None:
    """In the child: a new session whose controlling terminal is the pty (as in a terminal)."""
    os.setsid()
    fcntl.ioctl(secondary, termios.TIOCSCTTY, 0)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[int, object]]:
    """`start(path, **env)`: the reader on a 100x30 pty; yields (primary fd, start)."""
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    processes: list[subprocess.Popen[bytes]] = []

    def start(path: Path, **env: str) -> subprocess.Popen[bytes]:
        environment = {**os.environ, "READER_STATE_DIR": str(tmp_path), **env}
        process = subprocess.Popen(
            [str(READER), str(path)],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=environment,
            close_fds=True,
            preexec_fn=lambda: _own_terminal(secondary),
        )
        processes.append(process)
        return process

    yield primary, start
    os.close(secondary)
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()
    os.close(primary)


def test_vte_is_told_not_to_reorder_for_the_session(terminal, sample_path: Path) -> None:
    primary, start = terminal
    process = start(sample_path, TERM="xterm-256color", VTE_VERSION="7006")
    seen = bytearray()
    assert _read_until(primary, b"\x1b[8l", seen, 30), bytes(seen[-500:])
    assert QUERIES.encode() not in seen  # the environment named it: nothing was asked
    time.sleep(1.0)
    os.write(primary, b"q")
    _read_until(primary, b"\x1b[8h", seen, 20)
    assert process.wait(timeout=20) == 0
    output = bytes(seen)
    entered = output.index(b"\x1b[?1049h")  # the alternate (application) screen
    assert output.index(b"\x1b[8l") > entered
    assert output.rindex(b"\x1b[8h") > output.rindex(b"\x1b[8l")


def test_an_unknown_terminal_is_asked_and_its_answer_used(
    terminal, sample_path: Path, sample_text: str
) -> None:
    primary, start = terminal
    process = start(sample_path, TERM="xterm-256color")
    seen = bytearray()
    assert _read_until(primary, QUERIES.encode(), seen, 30), bytes(seen[-500:])
    os.write(primary, b"\x1bP>|kitty(0.26.5)\x1b\\\x1b[>1;4000;26c\x1b[?62;c")
    title = sample_text.splitlines()[0]
    first_word = title.split()[0]
    shaped = layout_paragraph(first_word, 40)[0].text  # the engine's visual cells
    kitty_order = shaped[::-1].encode()  # written backwards for kitty to reverse again
    deadline = time.monotonic() + 30
    while kitty_order not in _text(seen) and time.monotonic() < deadline:
        _read_until(primary, b"\x00never", seen, 0.5)
    assert kitty_order in _text(seen), "the title's first word was not written for kitty"
    assert b"\x1b[8l" not in seen  # kitty has no bidi to switch off
    os.write(primary, b"q")
    deadline = time.monotonic() + 20
    while process.poll() is None and time.monotonic() < deadline:  # keep reading: a full
        _read_until(primary, b"\x00never", seen, 0.2)  # terminal would block its exit
    assert process.wait(timeout=1) == 0


@pytest.mark.parametrize(
    ("variables", "palette_codes"), [({"XTERM_VERSION": "XTerm(379)"}, True), ({}, False)]
)
def test_xterm_with_term_xterm_is_drawn_in_256_colours(
    terminal, sample_path: Path, variables: dict[str, str], palette_codes: bool
) -> None:
    """xterm says TERM=xterm and no COLORTERM: its own XTERM_VERSION earns it the 256-colour
    palette that the contrast rule is checked in; a terminal nothing names keeps 16 colours."""
    primary, start = terminal
    environment = {"TERM": "xterm", "COLORTERM": "", **variables}
    process = start(sample_path, **environment)
    seen = bytearray()
    if not variables:  # an unknown terminal is asked who it is: it does not answer
        assert _read_until(primary, QUERIES.encode(), seen, 30), bytes(seen[-500:])
    assert _read_until(primary, b"Quit", seen, 30), bytes(seen[-500:])
    assert (re.search(rb"\x1b\[[0-9;]*[34]8;5;", seen) is not None) is palette_codes
    os.write(primary, b"q")
    deadline = time.monotonic() + 20
    while process.poll() is None and time.monotonic() < deadline:
        _read_until(primary, b"\x00never", seen, 0.2)
    assert process.wait(timeout=1) == 0
