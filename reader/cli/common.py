"""What every face of the command line shares: one-line errors, options, safe output."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

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
    """JSON on stdout, exactly as `json.dumps(value, ensure_ascii=False, indent=indent)` writes
    it, with Arabic kept readable but every control or format character escaped; written as it
    is encoded, in chunks (a 32 MB article's entities never become one string).

    `ensure_ascii=False` alone would let C1 controls and bidi overrides from an article reach
    the terminal raw; `\\uXXXX` escapes keep the data identical and the terminal safe.
    `margin` indents every line after the first (an element inside an array).

    The standard library lays out an indented document in Python one piece at a time, and
    escaping its text afterwards visits every line break (together 3.7 s for the 75,000
    mentions of 10 MB of news). Here each distinct string is escaped once (the json module's
    C escaping, then the controls), and containers below the top two levels are joined whole;
    the top object and its lists are written item by item as they are laid out.
    """
    writer = _JsonWriter(indent, margin)
    writer.stream(value, "\n", _STREAMED_LEVELS)
    writer.flush()


_STREAMED_LEVELS = 2
_JSON_CHUNK = 1 << 20  # characters per write
_JSON_STRINGS = 100_000  # distinct strings whose escaped form is kept


class _JsonWriter:
    """Lays out JSON values, handing chunks of about _JSON_CHUNK characters to stdout."""

    def __init__(self, indent: int | None, margin: str) -> None:
        self.indent = None if indent is None else " " * indent
        self.margin = margin
        self.out: list[str] = []
        self.size = 0
        self.strings: dict[str, str] = {}
        self.keys: dict[object, str] = {}
        # the layout of scalars by their exact type (subclasses take the slower way)
        self.scalars: dict[type, Callable[[Any], str]] = {
            str: self.string,
            int: int.__repr__,
            float: _json_scalar,
            bool: _json_scalar,
            type(None): _json_scalar,
        }

    def flush(self) -> None:
        text = "".join(self.out)
        sys.stdout.write(text.replace("\n", "\n" + self.margin) if self.margin else text)
        self.out, self.size = [], 0

    def stream(self, value: object, newline: str, levels: int) -> None:
        """Write ``value``, its containers item by item down ``levels`` levels; ``newline``
        starts a line at its depth."""
        if levels == 0 or not isinstance(value, (dict, list, tuple)) or not value:
            self._write(self.value(value, newline))
            return
        opening, closing, items = self._items(value)
        inner, separator, before, end = self._layout(newline)
        self._write(opening + before)
        last = len(items) - 1
        for n, (key, item) in enumerate(items):
            if key:
                self._write(key)
            self.stream(item, inner, levels - 1)
            if n < last:
                self._write(separator)
        self._write(end + closing)

    def _write(self, text: str) -> None:
        self.out.append(text)
        self.size += len(text)
        if self.size >= _JSON_CHUNK:
            self.flush()

    def value(self, value: object, newline: str) -> str:
        """One value as a string; ``newline`` starts a line at its depth."""
        scalars = self.scalars
        if (layout := scalars.get(type(value))) is not None:
            return layout(value)
        if isinstance(value, str):
            return self.string(value)
        if value is None or isinstance(value, (bool, int, float)):
            return _json_scalar(value)
        if isinstance(value, (dict, list, tuple)):
            if not value:
                return "{}" if isinstance(value, dict) else "[]"
            opening, closing, items = self._items(value)
            inner, separator, before, end = self._layout(newline)
            body = separator.join(
                [
                    key
                    + (
                        layout(item)
                        if (layout := scalars.get(type(item)))
                        else self.value(item, inner)
                    )
                    for key, item in items
                ]
            )
            return opening + before + body + end + closing
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def string(self, text: str) -> str:
        """A string literal with controls and format characters as \\uXXXX (memoised: the
        same names and numbers recur)."""
        encoded = self.strings.get(text)
        if encoded is None:
            encoded = neutralise(_encode_string(text), "escape")
            if len(self.strings) < _JSON_STRINGS:
                self.strings[text] = encoded
        return encoded

    def _items(self, value: dict | list | tuple) -> tuple[str, str, list[tuple[str, object]]]:
        if isinstance(value, dict):
            keys = self.keys
            return "{", "}", [(keys.get(k) or self._key(k), v) for k, v in value.items()]
        return "[", "]", [("", v) for v in value]

    def _key(self, key: object) -> str:
        """A dictionary key and the colon after it (string keys memoised: objects share them;
        1 and True are equal keys of a dictionary but not the same JSON)."""
        laid = self.string(_json_key(key)) + ": "
        if type(key) is str and len(self.keys) < _JSON_STRINGS:
            self.keys[key] = laid
        return laid

    def _layout(self, newline: str) -> tuple[str, str, str, str]:
        """(line start inside, separator, text after the opening, text before the closing)."""
        if self.indent is None:
            return newline, ", ", "", ""
        inner = newline + self.indent
        return inner, "," + inner, inner, newline


_encode_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]


def _json_scalar(value: object) -> str:
    """null, true, false, or a number as `json.dumps` writes it (NaN and Infinity too)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    assert isinstance(value, float)
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _json_key(key: object) -> str:
    """A dictionary key as JSON names it (numbers, booleans and None become strings)."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, (bool, int, float)):
        return _json_scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


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
