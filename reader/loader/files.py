"""Reading an input's bytes: regular files and standard input only, never more than a limit.

A FIFO would block the reader forever and `/dev/zero` would fill the memory, so anything but
a regular file (or standard input given as "-") is refused before a byte is read, and every
read stops one chunk after the size limit (`--max-size`, 32 MB by default; the web pages use
the same limit for fetched bodies).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.loader.errors import LoadError, os_problem, reason

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""The largest input read, in bytes, unless `--max-size` says otherwise."""
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
STDIN = "standard input"
"""How messages name "-"."""
_CHUNK = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check must not block the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def read_source(source: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file, or of standard input when `source` is "-"."""
    if str(source) == "-":
        return _read_stdin(max_size)
    return read_regular_file(source, max_size=max_size)


def read_regular_file(path: str | Path, *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """A regular file's bytes; anything else, or a file over `max_size`, is a LoadError."""
    name = str(path)
    try:
        info = os.stat(path)
        _check_regular(info.st_mode, name)
        if info.st_size > max_size:
            raise LoadError(name, too_large(max_size, info.st_size))
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise LoadError(name, os_problem(err)) from err
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        try:
            _check_regular(os.fstat(descriptor).st_mode, name)  # replaced since the check?
            return read_bounded(stream.read, name, max_size)
        except OSError as err:
            raise LoadError(name, os_problem(err)) from err


def _read_stdin(max_size: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # `reader render - <&-`: Python found no descriptor 0
        raise LoadError(STDIN, "closed, nothing to read")
    try:
        return read_bounded(stream.read, STDIN, max_size)
    except (OSError, ValueError) as err:  # ValueError: a closed file object
        raise LoadError(STDIN, f"cannot read ({reason(err)})") from err


def read_bounded(read: Callable[[int], bytes | None], name: str, max_size: int) -> bytes:
    """Everything `read` gives, in chunks, refused as soon as it passes `max_size` bytes."""
    chunks: list[bytes] = []
    total = 0
    while chunk := read(min(_CHUNK, max_size + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_size:
            raise LoadError(name, too_large(max_size))
    return b"".join(chunks)


def too_large(max_size: int, size: int | None = None) -> str:
    """The problem of an input over the limit, with the way to raise it."""
    found = f"{human_size(size)}" if size is not None else f"more than {human_size(max_size)}"
    return f"too large ({found}; the limit is {human_size(max_size)}, see --max-size)"


def human_size(size: int) -> str:
    """Bytes as people say them: 512 bytes, 40 KB, 32 MB, 1.5 GB (powers of 1024)."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{value:.0f} {unit}" if value >= 10 or value.is_integer() else f"{value:.1f} {unit}"


def _check_regular(mode: int, name: str) -> None:
    for test, problem in _KINDS:
        if test(mode):
            raise LoadError(name, problem)
    if not stat.S_ISREG(mode):
        raise LoadError(name, "not a regular file")


def find_articles(paths: Sequence[str | Path]) -> list[Path]:
    """Expand directories into their article files (sorted); files are kept as given.

    A path that cannot even be examined (permission denied, a name too long) is a LoadError
    naming it, so a caller going through several paths can report it and go on.
    """
    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        try:
            is_directory = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as err:
            raise LoadError(entry, os_problem(err)) from err
        if not is_directory:
            found.append(path)
            continue
        try:
            children = sorted(
                child
                for child in path.iterdir()
                if child.suffix.lower() in ARTICLE_SUFFIXES
                and not child.name.startswith(".")
                and child.is_file()
            )
        except OSError as err:
            raise LoadError(entry, f"cannot list directory: {os_problem(err)}") from err
        if not children:
            suffixes = ", ".join(ARTICLE_SUFFIXES)
            raise LoadError(entry, f"no articles in this directory (looked for {suffixes})")
        found.extend(children)
    return found
