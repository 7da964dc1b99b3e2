"""Signals the app answers as it answers keys, so no way out leaves the terminal broken.

SIGHUP (the terminal window closed), SIGTERM (`kill`) and SIGQUIT end the app through its
normal exit, as `q` does: the reading position is saved and the terminal restored (screen,
mouse, cursor, bidi mode) wherever one is still there.  SIGTSTP (`kill -TSTP`, or Ctrl+Z where
the terminal sends it) suspends through `App.suspend`, so the suspend hooks run first (the
terminal gets its own bidi mode back, `CSI 8 h`) and the resume hooks run on `fg`.

The handlers run in the event loop (`loop.add_signal_handler`), between two messages, never
inside one; asyncio removes them when the app's loop closes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGQUIT") if hasattr(signal, name)
)
"""Signals that end the app cleanly."""


def install(app: ReaderApp) -> None:
    """Route the quit signals to `app.quit_on_signal` and SIGTSTP to `suspend(app)`."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may handle signals
    loop = asyncio.get_running_loop()
    for number in QUIT_SIGNALS:
        loop.add_signal_handler(number, app.quit_on_signal, number)
    if hasattr(signal, "SIGTSTP"):
        loop.add_signal_handler(signal.SIGTSTP, suspend, app)


def suspend(app: ReaderApp) -> None:
    """Stop the process like the shell's Ctrl+Z, with the terminal restored meanwhile.

    Without a driver that can suspend (the app is starting or closing) the process stops
    all the same: SIGTSTP asked for it.
    """
    driver = app._driver  # App.suspend() needs a driver that can suspend
    if driver is None or not driver.can_suspend:
        os.kill(os.getpid(), signal.SIGSTOP)
        return
    with app.suspend():  # suspend hooks, terminal restored; resume hooks after SIGCONT
        os.kill(os.getpid(), signal.SIGSTOP)


def name(number: int) -> str:
    """SIGTERM, SIGHUP..."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
