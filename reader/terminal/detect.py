"""Which terminal is drawing: from the environment, tmux, and the terminal's own answers.

Environment variables are free but can lie: a terminal started from another inherits its
variables, and inside tmux or screen they describe whatever terminal started the server.
So each guess says where it came from and how sure it is. `TERM` values that only one
terminal uses are certain; one terminal-specific variable is likely; several that
disagree are settled by asking the terminal (XTVERSION, then secondary device attributes),
which `reader.terminal.query` does within a short timeout. Inside tmux the outer terminal
is the attached client, which tmux itself has asked (`client_termtype`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from reader.terminal.query import Replies

Confidence = Literal["certain", "likely", "guess"]


@dataclass(frozen=True, slots=True)
class Detection:
    """The terminal the reader believes it is drawing in, and why."""

    terminal: str | None
    """Family name (`reader.terminal.families`), or None when unknown."""
    version: str | None
    """Its version as it reports it, if known."""
    detected_by: str
    """The evidence, in words (`TERM=xterm-kitty`, `XTVERSION reply`, ...)."""
    confidence: Confidence
    """How far the evidence can be trusted."""
    multiplexer: Literal["tmux", "screen"] | None = None
    """tmux or screen in between: switches must pass through it."""
    passthrough: bool = True
    """Whether the multiplexer forwards control sequences to the outer terminal."""


_TERM_NAMES = (
    (re.compile(r"xterm-kitty$"), "kitty"),
    (re.compile(r"alacritty"), "alacritty"),
    (re.compile(r"foot"), "foot"),
    (re.compile(r"mlterm"), "mlterm"),
    (re.compile(r"rxvt-unicode"), "urxvt"),
    (re.compile(r"xterm-ghostty$"), "ghostty"),
    (re.compile(r"wezterm$"), "wezterm"),
    (re.compile(r"contour"), "contour"),
)
"""`TERM` values only one terminal sets (terminfo entries of their own)."""

_MARKERS: tuple[tuple[str, str, Callable[[str], str | None]], ...] = (
    ("KITTY_WINDOW_ID", "kitty", lambda _v: None),
    ("KONSOLE_VERSION", "konsole", lambda v: _dotted(v, 2)),
    ("VTE_VERSION", "vte", lambda v: _dotted(v, 2, major=1)),
    ("MLTERM", "mlterm", lambda v: v or None),
    ("WEZTERM_PANE", "wezterm", lambda _v: None),
    ("GHOSTTY_RESOURCES_DIR", "ghostty", lambda _v: None),
    ("ALACRITTY_WINDOW_ID", "alacritty", lambda _v: None),
    ("ALACRITTY_LOG", "alacritty", lambda _v: None),
    ("WT_SESSION", "windows-terminal", lambda _v: None),
    ("XTERM_VERSION", "xterm", lambda v: _number(v)),
)
"""Variables a terminal sets for the programs it runs, with how to read a version from them."""

_TERM_PROGRAMS = {
    "wezterm": "wezterm",
    "ghostty": "ghostty",
    "iterm.app": "iterm2",
    "apple_terminal": "apple-terminal",
    "mintty": "mintty",
    "contour": "contour",
    "vscode": None,
}
"""`TERM_PROGRAM` values (lower case) and their families; the version is TERM_PROGRAM_VERSION."""

_XTVERSION_NAMES = (
    ("kitty", "kitty"),
    ("konsole", "konsole"),
    ("vte", "vte"),
    ("mlterm", "mlterm"),
    ("xterm", "xterm"),
    ("wezterm", "wezterm"),
    ("ghostty", "ghostty"),
    ("foot", "foot"),
    ("alacritty", "alacritty"),
    ("contour", "contour"),
    ("iterm2", "iterm2"),
    ("windows terminal", "windows-terminal"),
    ("tmux", "tmux"),
)
"""Names in XTVERSION replies (`kitty(0.26.5)`, `Konsole 22.12.3`, `XTerm(379)`), by prefix."""

_DA2_IDS = {"65": "vte", "61": "vte", "24": "mlterm", "41": "xterm", "85": "urxvt", "84": "tmux"}
"""First parameter of a secondary device attributes reply, where it names one terminal."""


def _dotted(value: str, width: int, major: int | None = None) -> str | None:
    """`221203` → `22.12.3`; `7006` with a one-digit major → `0.70.6`."""
    if not value.isdigit():
        return value or None
    if major is not None:
        number = int(value)
        return f"0.{number // 100}.{number % 100}"
    digits = value.rjust(3 * width, "0")
    return f"{int(digits[:width])}.{int(digits[width : 2 * width])}.{int(digits[2 * width :])}"


def _number(value: str) -> str | None:
    match = re.search(r"\d+", value)
    return match.group() if match else None


def from_environment(environ: Mapping[str, str]) -> list[Detection]:
    """Every terminal the environment points at, most trustworthy first."""
    found: list[Detection] = []
    term = environ.get("TERM", "")
    for pattern, name in _TERM_NAMES:
        if pattern.match(term):
            found.append(Detection(name, None, f"TERM={term}", "certain"))
            break
    for variable, name, version in _MARKERS:
        if variable in environ:
            found.append(
                Detection(name, version(environ[variable]), f"environment ({variable})", "likely")
            )
    program = environ.get("TERM_PROGRAM", "").lower()
    if _TERM_PROGRAMS.get(program):
        name = _TERM_PROGRAMS[program]
        found.append(
            Detection(
                name,
                environ.get("TERM_PROGRAM_VERSION") or None,
                f"environment (TERM_PROGRAM={environ['TERM_PROGRAM']})",
                "likely",
            )
        )
    if not found and environ.get("COLORTERM", "").startswith("rxvt"):
        found.append(Detection("urxvt", None, "environment (COLORTERM)", "likely"))
    return _distinct(found)


def _distinct(found: list[Detection]) -> list[Detection]:
    """One entry per family, the first (most trustworthy) kept, with a version if any had one."""
    by_name: dict[str | None, Detection] = {}
    for detection in found:
        kept = by_name.get(detection.terminal)
        if kept is None:
            by_name[detection.terminal] = detection
        elif kept.version is None and detection.version is not None:
            by_name[detection.terminal] = replace(kept, version=detection.version)
    return list(by_name.values())


def from_replies(replies: Replies) -> Detection | None:
    """The terminal's own answer: XTVERSION names it; DA2 does for a few."""
    if replies.xtversion:
        text = replies.xtversion.strip()
        lowered = text.lower()
        for prefix, name in _XTVERSION_NAMES:
            if lowered.startswith(prefix):
                version = re.search(r"[\d][\w.\-+]*", text[len(prefix) :])
                return Detection(
                    name, version.group() if version else None, "XTVERSION reply", "certain"
                )
    if replies.da2:
        parameters = replies.da2.split(";")
        if parameters[0] in _DA2_IDS:
            name = _DA2_IDS[parameters[0]]
            version = parameters[1] if len(parameters) > 1 else None
            if name == "vte" and version and version.isdigit():
                version = _dotted(version, 2, major=1)
            return Detection(name, version, "secondary device attributes reply", "likely")
        if parameters[0] == "1" and len(parameters) > 1 and parameters[1].isdigit():
            number = int(parameters[1])
            if number >= 4000 and len(parameters) > 2:
                return Detection(
                    "kitty",
                    f"0.{number - 4000}.{parameters[2]}",
                    "secondary device attributes reply",
                    "likely",
                )
            if number == 115:
                return Detection("konsole", None, "secondary device attributes reply", "likely")
    return None


def tmux_client(environ: Mapping[str, str]) -> tuple[Detection | None, bool]:
    """The terminal attached to this tmux pane, and whether tmux passes sequences through."""
    if not shutil.which("tmux"):
        return None, False
    target = ["-t", environ["TMUX_PANE"]] if environ.get("TMUX_PANE") else []
    try:
        shown = subprocess.run(
            [
                "tmux",
                "display-message",
                "-p",
                *target,
                "#{client_termtype}\t#{client_termname}\t#{allow-passthrough}",
            ],
            capture_output=True,
            text=True,
            timeout=1,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None, False
    termtype, _, rest = shown.rstrip("\n").partition("\t")
    termname, _, passthrough = rest.partition("\t")
    allowed = passthrough.strip() in ("on", "all", "1")
    if termtype:
        found = from_replies(Replies(xtversion=termtype))
        if found is not None:
            found = replace(found, detected_by="tmux (client_termtype)", confidence="likely")
            return found, allowed
    for detection in from_environment({"TERM": termname}):
        return replace(detection, detected_by="tmux (client_termname)", confidence="likely"), (
            allowed
        )
    return None, allowed


def detect(
    environ: Mapping[str, str],
    ask: Callable[[], Replies | None] | None = None,
    *,
    always_ask: bool = False,
) -> Detection:
    """The best guess at the terminal; `ask` queries the terminal itself when that helps.

    The terminal is asked only when the environment is inconclusive (nothing certain, and
    either nothing or several families named), or always with `always_ask` (its answer
    also gives a version), and never inside a multiplexer, which answers for itself.
    """
    multiplexer: Literal["tmux", "screen"] | None = None
    if environ.get("TMUX"):
        multiplexer = "tmux"
    elif environ.get("STY") or environ.get("TERM", "").startswith("screen"):
        multiplexer = "screen"
    if multiplexer == "tmux":
        client, passthrough = tmux_client(environ)
        if client is not None:
            return replace(client, multiplexer="tmux", passthrough=passthrough)
        stale = from_environment({k: v for k, v in environ.items() if k != "TERM"})
        if stale:
            return replace(
                stale[0],
                detected_by=f"tmux server {stale[0].detected_by}, may be stale",
                confidence="guess",
                multiplexer="tmux",
                passthrough=passthrough,
            )
        return Detection(None, None, "nothing (inside tmux)", "guess", "tmux", passthrough)
    found = from_environment(environ)
    if multiplexer == "screen":
        if found:
            return replace(
                found[0],
                detected_by=f"screen's {found[0].detected_by}, may be stale",
                confidence="guess",
                multiplexer="screen",
            )
        return Detection(None, None, "nothing (inside screen)", "guess", "screen")
    settled = bool(found) and (found[0].confidence == "certain" or len(found) == 1)
    if settled and not always_ask:
        return found[0]
    replies = ask() if ask is not None else None
    answered = from_replies(replies) if replies is not None else None
    if answered is not None:
        if settled and answered.terminal == found[0].terminal:
            return replace(
                found[0],
                version=answered.version or found[0].version,
                detected_by=f"{found[0].detected_by} and {answered.detected_by}",
            )
        return answered
    if settled:
        return found[0]
    if found:
        others = ", ".join(d.terminal or "?" for d in found[1:])
        return replace(
            found[0], detected_by=f"{found[0].detected_by}; also {others}", confidence="guess"
        )
    return Detection(None, None, "nothing (unknown terminal)", "guess")
