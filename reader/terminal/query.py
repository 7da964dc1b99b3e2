"""Ask the terminal who it is: XTVERSION and secondary device attributes, within a timeout.

Three queries go out together: XTVERSION (`CSI > 0 q`), secondary device attributes
(`CSI > c`) and primary device attributes (`CSI c`). Every terminal answers the last one,
and answers in order, so its reply ends the wait at once: a terminal that does not know
XTVERSION costs one round trip, not the timeout. Only a terminal that answers nothing
(or a very slow link) costs the whole timeout, and the caller remembers that.
"""

from __future__ import annotations

import os
import re
import select
import termios
import time
import tty
from dataclasses import dataclass

QUERIES = "\x1b[>0q\x1b[>c\x1b[c"
_XTVERSION = re.compile(r"\x1bP>\|(.*?)\x1b\\", re.DOTALL)
_DA2 = re.compile(r"\x1b\[>([\d;]*)c")
_DA1 = re.compile(r"\x1b\[\?[\d;]*c")
_MAX_REPLY = 4096


@dataclass(frozen=True, slots=True)
class Replies:
    """What the terminal said (None for what it did not answer)."""

    xtversion: str | None = None
    da2: str | None = None


def parse(data: str) -> tuple[Replies, bool]:
    """The replies found in `data`, and whether the closing DA1 reply has arrived."""
    xtversion = _XTVERSION.search(data)
    da2 = _DA2.search(data)
    return (
        Replies(xtversion.group(1) if xtversion else None, da2.group(1) if da2 else None),
        bool(_DA1.search(data)),
    )


def ask(fd: int, timeout: float = 0.05) -> Replies | None:
    """Query the terminal on `fd` (a tty open for reading and writing); None if it is silent.

    The tty is put in raw mode for the exchange and restored afterwards, so the replies
    are neither echoed nor left for the next reader of the terminal.
    """
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        return None
    data = b""
    try:
        tty.setraw(fd, termios.TCSANOW)
        os.write(fd, QUERIES.encode())
        deadline = time.monotonic() + timeout
        while len(data) < _MAX_REPLY:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                break
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            data += chunk
            if parse(data.decode("utf-8", "replace"))[1]:
                break
    except OSError:
        return None
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)
    replies, complete = parse(data.decode("utf-8", "replace"))
    if not complete and replies == Replies():
        return None
    return replies
