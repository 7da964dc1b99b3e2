"""What every face of the command line shares: one-line errors, options, safe output."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from reader.loader import DEFAULT_MAX_SIZE, human_size, text_codec
from reader.text.sanitize import neutralise

if TYPE_CHECKING:
    from reader.terminal.choice import TerminalChoice

EXIT_ERROR = 2
"""Bad input, a bad option, or nothing could be done."""
EXIT_SOME_FAILED = 1
"""Some inputs failed while the others were done (`reader extract` of several files)."""
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])i?b?|b)?\s*", re.IGNORECASE)
_UNITS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class CommandError(Exception):
    """A problem the user can fix (bad option, unusable input); printed as one line."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one line instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{message} (see '{self.prog} --help')")


def fail(message: str, debug: bool) -> int:
    """Report a failure (with its traceback under --debug); the exit status for it."""
    if debug:
        print_traceback()
    complain(message)
    return EXIT_ERROR


def print_traceback() -> None:
    """The current exception's traceback on stderr, its file names and messages neutralised."""
    sys.stderr.write(neutralise(traceback.format_exc(), keep="\n"))


def complain(message: str) -> None:
    """One line on stderr; a file name full of escape sequences is shown, not obeyed."""
    print(f"reader: {neutralise(message) or 'error'}", file=sys.stderr)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The `--encoding` and `--max-size` options every command that reads articles takes."""
    parser.add_argument(
        "--encoding",
        metavar="E",
        type=_encoding,
        help="decode input with E (utf-8, windows-1256, iso-8859-6...) instead of detecting it",
    )
    add_max_size(parser)


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """`--max-size`: the largest file or fetched body read."""
    parser.add_argument(
        "--max-size",
        metavar="SIZE",
        type=_size,
        default=DEFAULT_MAX_SIZE,
        help=f"refuse inputs larger than SIZE (bytes, or with K, M, G: 500K, 64M; "
        f"default {human_size(DEFAULT_MAX_SIZE).replace(' ', '')})",
    )


def _encoding(value: str) -> str:
    try:
        text_codec(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def _size(value: str) -> int:
    match = _SIZE.fullmatch(value)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (say 500K, 64M or 1G)")
    number, unit = match.groups()
    size = int(float(number) * _UNITS.get((unit or "").lower(), 1))
    if size < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {value!r}")
    return size


def warn(message: str) -> None:
    """A warning on stderr, one line, the command goes on."""
    complain(f"warning: {message}")


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


def write_json(value: object, *, indent: int | None = None, margin: str = "") -> None:
    """JSON on stdout, written as it is encoded (a 32 MB article's entities never become one
    string), with Arabic kept readable but every control or format character escaped.

    `ensure_ascii=False` alone would let C1 controls and bidi overrides from an article reach
    the terminal raw; `\\uXXXX` escapes keep the data identical and the terminal safe.
    `margin` indents every line after the first (an element inside an array).
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
    pieces: list[str] = []
    for piece in encoder.iterencode(value):
        pieces.append(piece)
        if len(pieces) >= 4096:
            _write_json_pieces(pieces, margin)
            pieces = []
    _write_json_pieces(pieces, margin)


def _write_json_pieces(pieces: list[str], margin: str) -> None:
    text = neutralise("".join(pieces), "escape", keep="\n")
    sys.stdout.write(text.replace("\n", "\n" + margin) if margin else text)


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
