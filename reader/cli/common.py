"""What every face of the command line shares: one-line errors, options, safe output."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from reader.terminal.choice import TerminalChoice

EXIT_ERROR = 2


class CommandError(Exception):
    """A problem the user can fix (bad option, unusable input); printed as one line."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one line instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{message} (see '{self.prog} --help')")


def fail(message: str, debug: bool) -> int:
    """Report a failure (with its traceback under --debug); the exit status for it."""
    if debug:
        traceback.print_exc()
    complain(message)
    return EXIT_ERROR


def complain(message: str) -> None:
    """One line on stderr; a file name full of escape sequences is shown, not obeyed."""
    print(f"reader: {escape_invisible(message) or 'error'}", file=sys.stderr)


def warn(message: str) -> None:
    """A warning on stderr, one line, the command goes on."""
    complain(f"warning: {message}")


def add_encoding(parser: argparse.ArgumentParser) -> None:
    """The `--encoding` option every command takes."""
    parser.add_argument(
        "--encoding", metavar="E", help="decode input with E instead of detecting it"
    )


def add_debug(parser: argparse.ArgumentParser) -> None:
    """The `--debug` option every command takes."""
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def add_terminal_mode(parser: argparse.ArgumentParser) -> None:
    """`--terminal-mode`: how lines are written to the terminal, for this run only."""
    from reader.terminal.modes import MODES

    names = ", ".join(f"'{name}' {mode.summary}" for name, mode in MODES.items())
    parser.add_argument(
        "--terminal-mode",
        choices=("auto", *MODES),
        help=f"for this run only: {names}; 'auto' (the default) uses the mode saved by "
        "'reader doctor', else the one detected",
    )


def terminal_choice(saved: str | None, override: str | None) -> TerminalChoice:
    """The terminal on the controlling tty and the mode to write in (see `choose`)."""
    from reader.terminal.choice import choose
    from reader.terminal.current import detect_terminal

    return choose(detect_terminal(), saved, override)


def to_json(value: object, indent: int | None = None) -> str:
    """JSON with Arabic kept readable but every control or format character escaped.

    `ensure_ascii=False` would let C1 controls and bidi overrides from an article reach
    the terminal raw; `\\uXXXX` escapes keep the data identical and the terminal safe.
    """
    return escape_invisible(json.dumps(value, ensure_ascii=False, indent=indent), keep="\n")


def escape_invisible(text: str, keep: str = "") -> str:
    """Controls, format characters and line separators as `\\uXXXX` escapes."""
    return "".join(f"\\u{ord(c):04x}" if _invisible(c, keep) else c for c in text)


def _invisible(char: str, keep: str) -> bool:
    return char not in keep and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def utf8_stdout() -> None:
    """Arabic output is UTF-8 whatever the locale says, rather than a UnicodeEncodeError."""
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() not in (
        "utf-8",
        "utf8",
    ):
        sys.stdout.reconfigure(encoding="utf-8")


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def integer(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` (to `high`), else a one-line reason."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number < low or (high is not None and number > high):
            limits = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"must be {limits}, not {number}")
        return number

    return parse
