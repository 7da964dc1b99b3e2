"""The one error every way into the reader raises, and plain words for what the system said."""

from __future__ import annotations

import errno
from pathlib import Path

_PROBLEMS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EISDIR: "is a directory",
    errno.ENXIO: "nothing to read behind it (a socket or a device without its driver)",
    errno.EIO: "input/output error",
}


class LoadError(Exception):
    """An input that cannot be opened; `str(err)` is one line: "PATH: problem"."""

    def __init__(self, source: str | Path, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = str(source)
        self.problem = problem


def os_problem(err: OSError) -> str:
    """What went wrong, in the words `ls` and `cat` use, without Python's repr noise."""
    if err.errno in _PROBLEMS:
        return _PROBLEMS[err.errno]
    return f"cannot read ({reason(err)})"


def reason(err: BaseException) -> str:
    """A short human reason from an exception."""
    return getattr(err, "strerror", None) or str(err) or type(err).__name__
