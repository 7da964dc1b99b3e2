"""Copying for `y`: the system clipboard where there is one, the terminal's otherwise.

OSC 52 asks the terminal to set the clipboard; tmux ignores it by default and VTE
terminals do not implement it, so on its own it often copies nothing. The system
clipboard (pyperclip: wl-copy, xclip, xsel, pbcopy, Windows) is used where the reader
runs on the reader's own machine, and the copy is read back to make sure it happened;
over SSH the system clipboard is the remote machine's, so OSC 52 is the only way to the
reader's own. The text given is already neutralised (`neutralise(text, "copy")`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

import pyperclip

COPIED = "copied to the clipboard"
SENT = "sent to the terminal's clipboard (OSC 52); your terminal may ignore it"


def over_ssh(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the reader runs on another machine than the reader's terminal."""
    return bool(environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"))


def copy(text: str, osc52: Callable[[str], None], environ: Mapping[str, str] = os.environ) -> str:
    """Copy `text` by the best way there is; what happened, in words for the status line.

    Blocking (a clipboard program may take a moment): call it from a worker thread.
    """
    if not over_ssh(environ):
        try:
            pyperclip.copy(text)
            if pyperclip.paste() == text:  # xclip without an X server says nothing
                return COPIED
        except pyperclip.PyperclipException:
            pass
    osc52(text)
    return SENT
