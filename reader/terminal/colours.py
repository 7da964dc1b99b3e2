"""The colour depth to draw in where the environment undersells the terminal.

Rich (and so Textual) reads the depth from `COLORTERM` and `TERM` alone. xterm sets
`TERM=xterm` and no `COLORTERM`, so the app would be drawn in the 16 colours of the
terminal's own palette, whose greens and yellows on a light theme fall far below the contrast
every pair the app draws is held to (`reader.ui.palette`, checked at true colour and at 256
colours). A terminal recognised from its own variables that draws 256 colours gets 256.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

from reader.terminal.detect import from_environment

DRAWS_256 = frozenset(
    {
        *("xterm", "vte", "konsole", "mlterm", "urxvt", "kitty", "alacritty", "foot"),
        *("wezterm", "ghostty", "iterm2", "contour", "windows-terminal", "mintty"),
    }
)
"""Terminal families that draw the 256-colour palette, whatever `TERM` says."""

VARIABLE = "TEXTUAL_COLOR_SYSTEM"
"""Textual's own setting, read when it is first imported."""


def colour_system(environ: Mapping[str, str]) -> str | None:
    """`"256"` for a terminal known to draw 256 colours whose `TERM` and `COLORTERM` say
    fewer; None to leave the choice to Rich (and to a user's own `TEXTUAL_COLOR_SYSTEM` or
    `NO_COLOR`)."""
    if VARIABLE in environ or "NO_COLOR" in environ:
        return None
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return None
    term = environ.get("TERM", "")
    if term in ("", "dumb") or term.endswith(("256color", "direct")):
        return None
    if any(found.terminal in DRAWS_256 for found in from_environment(environ)):
        return "256"
    return None


def widen_colours(environ: MutableMapping[str, str]) -> None:
    """Set Textual's colour system in ``environ`` (before Textual is imported) where
    `colour_system` chooses one."""
    if (depth := colour_system(environ)) is not None:
        environ[VARIABLE] = depth
