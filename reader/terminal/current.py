"""The terminal on the controlling tty: detected, asked only when in doubt, never waited for twice.

The terminal is asked (within 50 ms) only when the environment leaves a doubt; one that did
not answer in time is remembered by a fingerprint of its environment, so the reader never
waits for it again. Answers themselves are not remembered: two terminals over the same SSH
connection can share every variable, and a stale answer would pick the wrong mode.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping

from reader.state import atomic_write, state_dir
from reader.terminal import query
from reader.terminal.detect import Detection, detect

TTY = "/dev/tty"
"""The controlling terminal, whatever standard input and output are."""
SILENT_FILE = "silent-terminals.json"
"""Fingerprints of environments whose terminal did not answer in time."""
_FINGERPRINT_VARIABLES = ("TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLORTERM", "LANG")


def detect_terminal(
    environ: Mapping[str, str] = os.environ, *, ask: bool = True, always_ask: bool = False
) -> Detection:
    """The terminal on the controlling tty; `ask=False` trusts the environment alone.

    `always_ask` asks even a terminal the environment names, for its version (`doctor`).
    """
    fingerprint = _fingerprint(environ)

    def ask_terminal() -> query.Replies | None:
        silent = _silent()
        if fingerprint in silent:
            return None
        try:
            fd = os.open(TTY, os.O_RDWR | os.O_NOCTTY)
        except OSError:
            return None
        try:
            replies = query.ask(fd)
        finally:
            os.close(fd)
        if replies is None:
            with contextlib.suppress(OSError):
                atomic_write(state_dir() / SILENT_FILE, json.dumps(sorted({*silent, fingerprint})))
        return replies

    return detect(environ, ask_terminal if ask else None, always_ask=always_ask)


def _fingerprint(environ: Mapping[str, str]) -> str:
    """What tells one terminal environment from another, without its ever-changing parts."""
    described = "\n".join(f"{name}={environ.get(name, '')}" for name in _FINGERPRINT_VARIABLES)
    client = environ.get("SSH_CONNECTION", "").split(" ")[0]
    return hashlib.sha256(f"{described}\nssh={client}".encode()).hexdigest()[:16]


def _silent() -> set[str]:
    try:
        data = json.loads((state_dir() / SILENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {item for item in data if isinstance(item, str)} if isinstance(data, list) else set()
