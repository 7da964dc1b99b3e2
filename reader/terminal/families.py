"""Terminal families: the output mode each one needs and how to switch its own bidi off.

A family is what `reader doctor --json` calls the `terminal`: a short lowercase name. The
switches are each terminal's own control sequences (see the README's terminal table for
what was measured): VTE's ECMA-48 BDSM, Konsole's profile-change OSC 50 (one OSC for all
properties: Konsole applies only the last one within 20 ms), mlterm's configuration
protocol OSC 5379 (`use_ctl` is its bidi and Arabic shaping). They are sent only to the
terminal that was recognised: OSC 50 means "set font" to xterm.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

from reader.terminal.modes import ModeName

BDSM_EXPLICIT = "\x1b[8l"
"""ECMA-48 BDSM reset: the terminal must not reorder what it is sent."""
BDSM_IMPLICIT = "\x1b[8h"
"""BDSM set: VTE's own default, restored on the way out."""


@dataclass(frozen=True, slots=True)
class Family:
    """What the reader knows about one kind of terminal."""

    name: str
    """Short lowercase name (`reader doctor --json`'s `terminal`)."""
    label: str
    """How people call it."""
    mode: ModeName = "cells"
    """The output mode that reads right there with no configuration."""
    bidi_off: str = ""
    """Sequence that stops the terminal reordering and shaping by itself."""
    bidi_on: str = ""
    """Sequence that gives the terminal its own bidi back (sent on exit and suspend)."""
    redraws: bool = False
    """The switch applies to lines already on screen, not only to new ones (so text that
    stays after the reader exits must be in logical order there)."""


def _konsole_bidi_on() -> str:
    """Konsole's switch back, to what the user's default profile says (on unless set off)."""
    return f"\x1b]50;BidiRenderingEnabled={_konsole_profile_bidi()}\x07"


def _konsole_profile_bidi() -> str:
    """`true` or `false` from the default Konsole profile, if one can be read."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    try:
        rc = configparser.ConfigParser(interpolation=None, strict=False)
        rc.read(config / "konsolerc", encoding="utf-8")
        name = rc.get("Desktop Entry", "DefaultProfile", fallback="")
        if not name:
            return "true"
        profile = configparser.ConfigParser(interpolation=None, strict=False)
        profile.read(data / "konsole" / name, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return "true"
    for section in profile.sections():
        value = profile.get(section, "BidiRenderingEnabled", fallback=None)
        if value is not None:
            return "false" if value.strip().lower() == "false" else "true"
    return "true"


def family(name: str | None) -> Family:
    """The family of a detected terminal; unknown terminals draw cells as sent."""
    if name == "konsole":
        return Family(
            "konsole",
            "Konsole",
            bidi_off="\x1b]50;BidiRenderingEnabled=false\x07",
            bidi_on=_konsole_bidi_on(),
            redraws=True,
        )
    return FAMILIES.get(name or "", UNKNOWN)


UNKNOWN = Family("", "an unrecognised terminal")
FAMILIES: dict[str, Family] = {
    known.name: known
    for known in (
        Family("xterm", "xterm"),
        Family("kitty", "kitty", mode="kitty"),
        Family("vte", "a VTE terminal", bidi_off=BDSM_EXPLICIT, bidi_on=BDSM_IMPLICIT),
        Family("konsole", "Konsole"),  # its switches are read from the profile: `family`
        Family(
            "mlterm",
            "mlterm",
            bidi_off="\x1b]5379;use_ctl=false\x07",
            bidi_on="\x1b]5379;use_ctl=true\x07",
            redraws=True,
        ),
        Family("alacritty", "Alacritty"),
        Family("urxvt", "rxvt-unicode"),
        Family("foot", "foot"),
        Family("wezterm", "WezTerm", bidi_off=BDSM_EXPLICIT),
        Family("ghostty", "Ghostty"),
        Family("contour", "Contour"),
        Family("iterm2", "iTerm2"),
        Family("apple-terminal", "macOS Terminal", mode="logical"),
        Family("windows-terminal", "Windows Terminal"),
        Family("mintty", "mintty", bidi_off=BDSM_EXPLICIT),
        Family("tmux", "tmux"),
        Family("screen", "GNU screen"),
    )
}
"""Every terminal the reader recognises, by name."""
