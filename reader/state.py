"""Settings and reading positions that survive between runs.

One JSON file in the user's state directory (`READER_STATE_DIR` overrides it, which tests
use). A corrupt or unreadable file gives a warning and the defaults, never an exception, and
only a regular file is read (a FIFO there would block the app before its first screen).
Saving takes an exclusive lock on a file beside it, reads what is on disk, writes this
instance's changes over it key by key and renames a fsynced temporary file into place: several
instances saving at once lose nothing, and a crash leaves the old file or the new one (and a
temporary that the next save removes).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

import platformdirs

from reader.loader import Article, LoadError, read_regular_file
from reader.terminal.modes import MODES

try:  # POSIX; elsewhere saves are not serialised between instances
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STATE_FILE = "state.json"
_VERSION = 1
_MAX_POSITIONS = 500  # oldest reading positions are forgotten beyond this
_KEY_SAMPLE = 1 << 16  # characters hashed from each part of a long article
_MAX_FILE = 16 * 1024 * 1024  # far beyond 500 positions: anything larger is not ours
_LOCK_WAIT = 10.0  # seconds to wait for another instance's save

PaneSide = Literal["left", "right"]


@dataclass(slots=True)
class Settings:
    """User preferences; every field has a safe default."""

    terminal_mode: str | None = None
    """An output mode chosen in `reader doctor` or the palette; None follows detection."""
    harakat: bool = False
    text_width: int | None = None
    theme: str | None = None
    pane_side: PaneSide = "left"
    pane_visible: bool = True


def state_dir() -> Path:
    """Where the state file lives."""
    override = os.environ.get("READER_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("reader"))


def article_key(article: Article) -> str:
    """Identify an article by its content, so a renamed or re-saved copy keeps its place.

    Unlike path + mtime this works for standard input and survives an encoding conversion.
    A long text is keyed on its length and a bounded sample (head, middle, tail), so the
    key of a 10 MB article costs no more before its first screen than a short one's.
    """
    text = article.text
    if len(text) > 3 * _KEY_SAMPLE:
        middle = (len(text) - _KEY_SAMPLE) // 2
        sample = f"{len(text)}:{text[:_KEY_SAMPLE]}{text[middle : middle + _KEY_SAMPLE]}"
        text = sample + text[-_KEY_SAMPLE:]
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class State:
    """Settings plus, per article key, the reading position (a logical character offset) and
    how far the article has been read (a percentage, the furthest reached)."""

    settings: Settings = field(default_factory=Settings)
    positions: dict[str, int] = field(default_factory=dict)
    progress: dict[str, int] = field(default_factory=dict)
    path: Path = field(default_factory=lambda: state_dir() / STATE_FILE)
    warning: str | None = None  # why the file on disk was ignored, for the caller to show
    migrated: str | None = None  # an old setting turned into a new one, for the caller to say
    _loaded: Settings = field(default_factory=Settings, repr=False)
    _changed: set[str] = field(default_factory=set, repr=False)
    _advanced: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> State:
        """Read the state file; missing means defaults, broken means defaults plus a warning."""
        path = path or state_dir() / STATE_FILE
        try:
            raw = read_regular_file(path, max_size=_MAX_FILE).decode("utf-8")
        except LoadError as err:
            if _missing(path):
                return cls(path=path)
            problem = f"cannot read state file ({err.problem}); using defaults"
            return cls(path=path, warning=f"{path}: {problem}")
        except UnicodeDecodeError as err:
            return cls(path=path, warning=f"{path}: corrupt state file ({err}); using defaults")
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            settings = _settings_from(data.get("settings", {}))
            positions = _positions_from(data.get("positions", {}))
            progress = _progress_from(data.get("progress", {}))
        except (ValueError, RecursionError) as err:
            return cls(path=path, warning=f"{path}: corrupt state file ({err}); using defaults")
        loaded = replace(settings)
        migrated = None
        old = data.get("settings", {}).get("terminal_bidi")
        if old is True and settings.terminal_mode is None:  # before output modes (0.1)
            settings.terminal_mode = "logical"
            migrated = (
                "the saved setting terminal_bidi=on is now the saved output mode 'logical'; "
                "change it with 'reader doctor' or in the command palette"
            )
        return cls(
            settings=settings,
            positions=positions,
            progress=progress,
            path=path,
            migrated=migrated,
            _loaded=loaded,
        )

    def position(self, key: str) -> int | None:
        """The remembered offset for an article, if any."""
        return self.positions.get(key)

    def set_position(self, key: str, offset: int) -> None:
        """Remember an offset (most recent last, so the oldest are dropped first)."""
        self.positions.pop(key, None)
        self.positions[key] = max(0, int(offset))
        self._changed.add(key)
        while len(self.positions) > _MAX_POSITIONS:
            self._changed.discard(next(iter(self.positions)))
            del self.positions[next(iter(self.positions))]

    def set_progress(self, key: str, percent: int) -> None:
        """Remember how far an article has been read (only ever further)."""
        percent = max(0, min(100, int(percent)))
        if percent > self.progress.get(key, -1):
            self.progress.pop(key, None)
            self.progress[key] = percent
            self._advanced.add(key)
            while len(self.progress) > _MAX_POSITIONS:
                self._advanced.discard(next(iter(self.progress)))
                del self.progress[next(iter(self.progress))]

    def save(self) -> str | None:
        """Write atomically; returns a one-line warning instead of raising when the disk says no.

        What other instances saved meanwhile is kept: under the lock, only the settings and
        positions this instance changed are written over the file's current contents.
        """
        try:
            with _locked(self.path):
                _remove_temporaries(self.path)
                settings, positions, progress = self._merged(State.load(self.path))
                payload = json.dumps(
                    {
                        "version": _VERSION,
                        "settings": asdict(settings),
                        "positions": positions,
                        "progress": progress,
                    },
                    ensure_ascii=False,
                    indent=1,
                )
                atomic_write(self.path, payload)
        except OSError as err:
            return f"{self.path}: cannot save state ({err.strerror or err})"
        for spec in fields(Settings):  # in place: the app may hold on to self.settings
            setattr(self.settings, spec.name, getattr(settings, spec.name))
        self.positions, self.progress = dict(positions), dict(progress)
        self._loaded, self._changed, self._advanced = replace(settings), set(), set()
        return None

    def _merged(self, disk: State) -> tuple[Settings, dict[str, int], dict[str, int]]:
        """The file's settings, positions and progress with this instance's changes on top
        (progress only ever grows: the furthest of the two)."""
        settings = disk.settings
        for spec in fields(Settings):
            value = getattr(self.settings, spec.name)
            if value != getattr(self._loaded, spec.name):
                setattr(settings, spec.name, value)
        positions = disk.positions
        for key in self._changed:
            positions.pop(key, None)
            positions[key] = self.positions[key]
        while len(positions) > _MAX_POSITIONS:
            del positions[next(iter(positions))]
        progress = disk.progress
        for key in self._advanced:
            furthest = max(progress.pop(key, 0), self.progress[key])
            progress[key] = furthest
        while len(progress) > _MAX_POSITIONS:
            del progress[next(iter(progress))]
        return settings, positions, progress


def _missing(path: Path) -> bool:
    """No state file yet (not: a path that cannot be examined, such as one under a file)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `.state.json.lock` beside the state file.

    Waits for another instance's save (a few milliseconds), but not forever: a lock held
    longer than `_LOCK_WAIT` (a process stopped mid-save) is an error, not a hang at exit.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # "File exists" would not say which, or why that matters
        raise NotADirectoryError(errno.ENOTDIR, f"{path.parent} is not a directory") from None
    if fcntl is None:
        yield
        return
    descriptor = os.open(path.parent / f".{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(
                        f"another reader has held the lock for {_LOCK_WAIT:.0f} s"
                    ) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _remove_temporaries(path: Path) -> None:
    """Delete temporaries a killed save left behind: every writer holds the lock from creating
    its temporary to renaming it, so under the lock any that exist are stale."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def atomic_write(path: Path, payload: str) -> None:
    """Temporary file in the same directory, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where possible
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _settings_from(raw: Any) -> Settings:
    """Settings from JSON, keeping defaults for missing or ill-typed fields."""
    if not isinstance(raw, dict):
        raise ValueError("settings is not an object")
    settings = Settings()
    checks = {
        "terminal_mode": lambda v: v is None or v in MODES,
        "harakat": lambda v: isinstance(v, bool),
        "pane_visible": lambda v: isinstance(v, bool),
        "text_width": lambda v: v is None or (type(v) is int and 10 <= v <= 1000),
        "theme": lambda v: v is None or isinstance(v, str),
        "pane_side": lambda v: v in ("left", "right"),
    }
    for spec in fields(Settings):
        if spec.name in raw and checks[spec.name](raw[spec.name]):
            setattr(settings, spec.name, raw[spec.name])
    return settings


def _progress_from(raw: Any) -> dict[str, int]:
    """How far each article was read; entries that are not key -> 0..100 are skipped."""
    if not isinstance(raw, dict):
        raise ValueError("progress is not an object")
    return {
        key: value
        for key, value in raw.items()
        if isinstance(key, str) and type(value) is int and 0 <= value <= 100
    }


def _positions_from(raw: Any) -> dict[str, int]:
    """Reading positions from JSON; entries that are not key -> offset are skipped."""
    if not isinstance(raw, dict):
        raise ValueError("positions is not an object")
    return {
        key: value
        for key, value in raw.items()
        if isinstance(key, str) and type(value) is int and value >= 0
    }
