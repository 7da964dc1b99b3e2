"""The output mode in use: a command-line override, else a saved choice, else detection.

A mode that is not the detected one is never silent: `label` says where it came from, and
the app shows it in the status line. The control sequences that switch the terminal's own
bidi off (and back on when the reader exits or is suspended) pass through tmux or screen
wrapped as their passthrough requires; when tmux will not pass them, `notice` says what
to change, in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.terminal.detect import Detection
from reader.terminal.families import Family, family
from reader.terminal.modes import MODES, OutputMode

Source = Literal["command line", "saved", "detected"]


@dataclass(frozen=True, slots=True)
class TerminalChoice:
    """The detected terminal and the mode the reader writes in."""

    detection: Detection
    mode: OutputMode
    source: Source

    @property
    def family(self) -> Family:
        """What the reader knows about the detected terminal."""
        return family(self.detection.terminal)

    @property
    def detected_mode(self) -> OutputMode:
        """The mode detection alone picks."""
        return MODES[self.family.mode]

    def with_mode(self, name: str, source: Source) -> TerminalChoice:
        """The same terminal with another mode."""
        return TerminalChoice(self.detection, MODES[name], source)

    def label(self) -> str:
        """`kitty mode` or, when it is not what detection picks, where it came from."""
        return self.status() or f"{self.mode.name} mode"

    def status(self) -> str:
        """What the status line says: nothing when the mode is the one detection picks."""
        if self.mode == self.detected_mode and self.source != "command line":
            return ""
        origin = "this run only" if self.source == "command line" else "saved"
        return f"{self.mode.name} mode ({origin}; detected: {self.detected_mode.name})"

    def enter(self) -> str:
        """What to send when the app's screen comes up (or back after a suspend)."""
        return "" if self.mode.logical else self._wrap(self.family.bidi_off)

    def leave(self) -> str:
        """What to send when the app exits or is suspended: the terminal's bidi back."""
        return "" if self.mode.logical else self.restore()

    def restore(self) -> str:
        """The terminal's own bidi back, whatever the mode (empty where there is no switch)."""
        return self._wrap(self.family.bidi_on) if self.family.bidi_off else ""

    def for_lasting_output(self) -> TerminalChoice:
        """The choice for text that stays on screen after the reader exits (`render`).

        Where switching the terminal's bidi back on also redraws what is already on screen
        (Konsole, mlterm), visual order would be reordered a second time once `render`
        ends, so the detected mode there becomes logical order, left to the terminal.
        """
        if self.source == "detected" and self.family.redraws and not self.mode.logical:
            return self.with_mode("logical", "detected")
        return self

    def notice(self) -> str | None:
        """One sentence when the reader cannot make the terminal read right by itself."""
        detection = self.detection
        if self.mode.logical or not self.family.bidi_off:
            return None
        if detection.multiplexer == "tmux" and not detection.passthrough:
            return (
                f"tmux does not pass the reader's bidi switch on to {self.family.label}: "
                "run 'tmux set -g allow-passthrough on' and start the reader again"
            )
        return None

    def _wrap(self, sequence: str) -> str:
        if not sequence:
            return ""
        if self.detection.multiplexer == "tmux":
            return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
        if self.detection.multiplexer == "screen":
            return "\x1bP" + sequence + "\x1b\\"
        return sequence


def choose(detection: Detection, saved: str | None, override: str | None) -> TerminalChoice:
    """Override for this run, else the saved mode, else the family's own."""
    if override and override != "auto":
        return TerminalChoice(detection, MODES[override], "command line")
    if saved in MODES:
        return TerminalChoice(detection, MODES[saved], "saved")
    return TerminalChoice(detection, MODES[family(detection.terminal).mode], "detected")
