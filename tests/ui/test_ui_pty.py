"""The bytes the app sends to a real terminal: BDSM explicit mode on entry, implicit on exit."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

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


def test_bidi_mode_escapes_wrap_the_session(sample_path: Path, tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "READER_STATE_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [str(READER), str(sample_path)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
    )
    os.close(secondary)
    seen = bytearray()
    try:
        assert _read_until(primary, b"\x1b[8l", seen, 30), bytes(seen[-500:])
        time.sleep(1.0)
        os.write(primary, b"q")
        _read_until(primary, b"\x1b[8h", seen, 20)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    output = bytes(seen)
    entered = output.index(b"\x1b[?1049h")  # the alternate (application) screen
    assert output.index(b"\x1b[8l") > entered
    assert output.rindex(b"\x1b[8h") > output.rindex(b"\x1b[8l")
