"""`reader doctor`: what terminal the reader thinks it is in, and a check that Arabic reads right.

In a terminal it shows one short Arabic line (joined letters, a lam-alef, a number,
brackets) written in each output mode in turn, each with that mode's switches sent, asks
whether it reads right, and saves the answer: the detected mode is kept as "follow
detection", any other as the saved mode. `--json` only reports, asking nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from reader.cli.common import add_debug
from reader.state import State
from reader.terminal.choice import TerminalChoice, choose
from reader.terminal.current import detect_terminal
from reader.terminal.modes import MODES, OutputMode, ordered_cells
from reader.text.layout import layout_paragraph
from reader.text.sanitize import neutralise

DESCRIPTION = (
    "Say which terminal the reader detected and how, and check which output mode makes "
    "Arabic read right in it (the answer is saved)."
)
USAGE = "[--json]"
SUMMARY = "check which output mode reads right in this terminal"
SAMPLE = "قال الوزير: لا اتفاق قبل عام 2024 (في الرياض)"
"""Joined letters, a lam-alef (لا), a number and brackets in one short line."""


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `doctor`."""
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"terminal", "version", "detected_by", "mode", "saved"} and ask nothing',
    )
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Report the detection; in a terminal (without --json), ask and save."""
    state = State.load()
    interactive = not options.json and sys.stdin.isatty() and sys.stdout.isatty()
    detection = detect_terminal(always_ask=True)
    choice = choose(detection, state.settings.terminal_mode, None)
    if options.json:
        print(json.dumps(report(choice)))
        return 0
    for line in describe(choice):
        print(neutralise(line))
    if state.migrated:
        print(neutralise(f"note:        {state.migrated}"))
    if not interactive:
        print("(not a terminal: nothing to check)")
        return 0
    chosen = _ask(choice)
    if chosen is None:
        print("nothing saved")
        return 0
    state.settings.terminal_mode = None if chosen == choice.detected_mode else chosen.name
    if warning := state.save():
        print(neutralise(f"reader: {warning}"), file=sys.stderr)
        return 1
    if chosen == choice.detected_mode:
        print(f"saved: follow detection ({chosen.name} mode here)")
    else:
        print(
            f"saved: {chosen.name} mode, in every terminal until you change it "
            "(reader doctor, or 'Output mode' in the command palette)"
        )
    return 0


def report(choice: TerminalChoice) -> dict[str, object]:
    """The `--json` object."""
    detection = choice.detection
    return {
        "terminal": detection.terminal,
        "version": detection.version,
        "detected_by": detection.detected_by,
        "mode": choice.mode.name,
        "saved": choice.source == "saved",
    }


def describe(choice: TerminalChoice) -> list[str]:
    """What was detected and why, in a few lines."""
    detection = choice.detection
    name = choice.family.label if detection.terminal else "unknown"
    version = f" {detection.version}" if detection.version else ""
    lines = [
        f"terminal:    {name}{version} ({detection.terminal or 'null'})",
        f"detected by: {detection.detected_by} ({detection.confidence})",
    ]
    if detection.multiplexer:
        through = "passes" if detection.passthrough else "does not pass"
        lines.append(f"inside:      {detection.multiplexer}, which {through} switches through")
    lines.append(f"output mode: {choice.label()}")
    if notice := choice.notice():
        lines.append(f"note:        {notice}")
    return lines


def sample_line(mode: OutputMode, width: int) -> str:
    """The sample sentence as `mode` writes it, right-aligned in `width` cells."""
    line = layout_paragraph(SAMPLE, width)[0]
    cells = [(cell.text, cell.width, None) for cell in ordered_cells(line, mode, SAMPLE, 0)]
    text = "".join(text for text, _width, _style in mode.arrange(cells))
    return " " * max(0, width - line.width) + text


def _ask(choice: TerminalChoice) -> OutputMode | None:
    """Show the sample in each mode, detected one first; the first the reader accepts."""
    width = min(60, max(20, shutil.get_terminal_size().columns - 4))
    order = [choice.detected_mode, *(m for m in MODES.values() if m != choice.detected_mode)]
    out = sys.stdout
    print(
        "\nOne Arabic sentence (joined letters, a lam-alef, a number, brackets), written the "
        "way each output mode writes it:"
    )
    try:
        for number, mode in enumerate(order, 1):
            trial = choice.with_mode(mode.name, "command line")
            out.write(trial.restore() if mode.logical else trial.enter())
            print(f"\n{number}/{len(order)}  {mode.name}: {mode.summary}")
            print("  " + sample_line(mode, width))
            out.flush()
            answer = input("Does it read right, joined and right to left? [y/n, q to stop] ")
            if answer.strip().lower().startswith("q"):
                return None
            if answer.strip().lower().startswith("y"):
                return mode
        print("\nNone read right: please report your terminal and its version.")
        return None
    except EOFError:
        return None
    finally:
        out.write(choice.restore())
        out.flush()
