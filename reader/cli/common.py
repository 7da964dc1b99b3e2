"""What every face of the command line shares: one-line errors, options, safe output."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from typing import NoReturn

from reader.text.sanitize import neutralise

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
        print_traceback()
    complain(message)
    return EXIT_ERROR


def print_traceback() -> None:
    """The current exception's traceback on stderr, its file names and messages neutralised."""
    sys.stderr.write(neutralise(traceback.format_exc(), keep="\n"))


def complain(message: str) -> None:
    """One line on stderr; a file name full of escape sequences is shown, not obeyed."""
    print(f"reader: {neutralise(message) or 'error'}", file=sys.stderr)


def add_encoding(parser: argparse.ArgumentParser) -> None:
    """The `--encoding` option every command takes."""
    parser.add_argument(
        "--encoding", metavar="E", help="decode input with E instead of detecting it"
    )


def add_debug(parser: argparse.ArgumentParser) -> None:
    """The `--debug` option every command takes."""
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def to_json(value: object, indent: int | None = None) -> str:
    """JSON with Arabic kept readable but every control or format character escaped.

    `ensure_ascii=False` would let C1 controls and bidi overrides from an article reach
    the terminal raw; `\\uXXXX` escapes keep the data identical and the terminal safe.
    """
    return neutralise(json.dumps(value, ensure_ascii=False, indent=indent), "escape", keep="\n")


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
