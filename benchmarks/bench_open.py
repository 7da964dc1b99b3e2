"""The app as a user meets it, in a real pseudo-terminal: first screen, key-to-repaint latency
during and after extraction, bytes written per key, peak memory. Real news, never repeated.

Run: python benchmarks/bench_open.py [--sizes 5000 1000000 10000000] [--after-s 60]
         [--baseline REV] [--runs 1]

For each size, an article made of whole SaudiNewsNet articles (`news.py`; the distinct words
are reported) is opened with the installed `reader FILE` in a pseudo-terminal of 100x30, with
a fresh state directory and TERM=xterm-256color. This process plays the terminal: a thread
reads everything the app writes, timestamped as it arrives.

- first screen: from starting the process to the title's longest word arriving, shaped;
- key-to-repaint: `j` (or `k` once the status line says Bot, `j` again at Top) is written to
  the terminal, and the time is taken when the repainted article has arrived: when every row
  of the article's text column has been written again (Textual writes each changed row after
  a cursor move, so a frame that scrolls the article moves the cursor to each of its rows;
  the progress bar and the status line touch one row each). A key every 50 ms after the
  previous repaint (a reader tapping j). Keys are sent while extraction runs (until the
  legend's counts arrive) and then for `--after-s` seconds more, at least `--keys` of them
  (the periodic garbage collections of a big heap show only over a minute or so);
- bytes per key: everything the app wrote from the key until the next one;
- entities: the counts the legend shows at the end;
- peak resident memory of the app process, from the operating system (`wait4`).

Medians, 95th percentiles and maxima; `--baseline REV` runs the same sessions on another
revision's `reader` package (`git archive`, first on PYTHONPATH), each size ours then the
baseline's, and prints the ratios. Targets (issue 19): key-to-repaint p95 under 100 ms during
and after extraction; median under 25 ms on the 5 KB article; a one-line scroll of the sample
article, pane shown, under 8 KB; the end of a 10 MB extraction blocking for under 100 ms (the
worst key around it); peak memory for 10 MB under 300 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from news import describe, write_news

from reader.loader import load_article
from reader.resources import sample_article
from reader.text.layout import layout_paragraph

ROOT = Path(__file__).resolve().parent.parent
READER = Path(sys.executable).parent / "reader"
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()0-9A-Za-z=>]"
)
"""CSI, OSC and short escape sequences: what is left is the text the terminal shows."""
_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
_LEGEND = re.compile(r"(People|Places|Organizations|Numbers) (\d+)")
SIZE = (100, 30)
BODY_ROWS = range(2, SIZE[1] - 1)
"""Rows (1-based) of the article: under the title, above the status line and the footer."""
TEXT_COLUMNS = range(30, 91)
"""Columns (1-based) where the article's rows start with the pane on the left (34 cells):
not the pane's, not the scroll bar's."""
GAP = 0.05
"""Seconds between a repaint and the next key."""


def terminal_first_screen(
    path: Path, state_dir: Path, marker: str | None = None, env: dict[str, str] | None = None
) -> float:
    """Seconds from starting `reader FILE` in a pseudo-terminal to `marker` on screen (by
    default the longest word of the title), in the environment `env` (default: ours)."""
    session = Session(path, state_dir, env)
    try:
        return session.first_screen(marker)
    finally:
        session.close()


class Session:
    """`reader FILE` in a pseudo-terminal, with everything it writes timestamped."""

    def __init__(self, path: Path, state_dir: Path, env: dict[str, str] | None = None) -> None:
        self.path = path
        primary, secondary = pty.openpty()
        rows, columns = SIZE[1], SIZE[0]
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {
            **(env or os.environ),
            "TERM": "xterm-256color",
            "READER_STATE_DIR": str(state_dir),
        }
        self.primary = primary
        self.data = bytearray()
        self.arrivals: list[tuple[float, int]] = []  # (time, length of data after it)
        self.changed = threading.Condition()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [str(READER), str(path)],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=environment,
        )
        os.close(secondary)
        self.rusage: object | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.primary, 1 << 16)
            except OSError:
                chunk = b""
            now = time.perf_counter()
            with self.changed:
                if not chunk:
                    self.arrivals.append((now, -1))
                    self.changed.notify_all()
                    return
                self.data += chunk
                self.arrivals.append((now, len(self.data)))
                self.changed.notify_all()

    def wait_for(self, found: object, since: int, timeout: float) -> tuple[float, int] | None:
        """Wait until `found(data[since:])` gives the index where it was complete (or None);
        returns (the arrival time of that byte, the length of data then), or None."""
        deadline = time.perf_counter() + timeout
        with self.changed:
            while True:
                end = found(bytes(self.data[since:]))  # type: ignore[operator]
                if end is not None:
                    position = since + end
                    for arrived, length in self.arrivals:
                        if length >= position:
                            return arrived, len(self.data)
                if self.arrivals and self.arrivals[-1][1] < 0:
                    return None
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.changed.wait(left)

    def first_screen(self, marker: str | None = None) -> float:
        """Seconds until `marker` (the title's longest word) arrives, shaped."""
        if marker is None:
            marker = max(load_article(self.path).title.split(), key=len)
        shaped = layout_paragraph(marker, 200)[0].text.encode("utf-8")

        def found(data: bytes) -> int | None:
            plain = _ESCAPES.sub(b"", data)
            return len(data) if shaped in plain else None

        seen = self.wait_for(found, 0, 120)
        if seen is None:
            raise RuntimeError(f"{self.path}: {marker!r} never painted: {self.data[-300:]!r}")
        return seen[0] - self.started

    def press(self, key: bytes, timeout: float = 60) -> tuple[float, int] | None:
        """Write a key; (seconds until the article's rows were all written again, the data's
        length then), or None if they never were."""
        since = len(self.data)
        sent = time.perf_counter()
        os.write(self.primary, key)
        seen = self.wait_for(_article_repainted, since, timeout)
        return None if seen is None else (seen[0] - sent, seen[1])

    def text_since(self, since: int) -> str:
        with self.changed:
            return _ESCAPES.sub(b"", bytes(self.data[since:])).decode("utf-8", "replace")

    def close(self) -> None:
        """Quit with q (the app saves its state) and collect the peak memory."""
        with contextlib.suppress(OSError):
            os.write(self.primary, b"q")
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            pid, _status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.rusage = usage
                break
            time.sleep(0.05)
        else:
            os.kill(self.process.pid, signal.SIGKILL)
            _pid, _status, self.rusage = os.wait4(self.process.pid, 0)
        self.process.returncode = 0  # reaped here
        with contextlib.suppress(OSError):
            os.close(self.primary)
        self._reader.join(5)

    @property
    def peak_mb(self) -> float:
        return self.rusage.ru_maxrss / 1024 if self.rusage else float("nan")  # type: ignore[attr-defined]


def _article_repainted(data: bytes) -> int | None:
    """Where in `data` every row of the article's text column has been written, or None."""
    rows: set[int] = set()
    for match in _MOVE.finditer(data):
        row, column = int(match.group(1)), int(match.group(2))
        if row in BODY_ROWS and column in TEXT_COLUMNS:
            rows.add(row)
            if len(rows) == len(BODY_ROWS):
                line_end = data.find(b"\x1b[", match.end())  # the row's own text follows
                return len(data) if line_end < 0 else line_end
    return None


@dataclass
class Keys:
    """Latencies (s) and bytes written per key."""

    latencies: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)  # when each key was written
    lost: int = 0  # keys whose repaint never came (timeout)

    def summary(self) -> str:
        if not self.latencies:
            return "no keys"
        ms = sorted(x * 1000 for x in self.latencies)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        lost = f", {self.lost} lost" if self.lost else ""
        return (
            f"median {statistics.median(ms):6.1f} ms  p95 {p95:6.1f} ms  max {ms[-1]:7.1f} ms"
            f"  ({len(ms)} keys{lost}; {statistics.median(self.sizes) / 1000:.1f} KB/key median)"
        )


@dataclass
class Result:
    first_screen_s: float = float("nan")
    during: Keys = field(default_factory=Keys)
    after: Keys = field(default_factory=Keys)
    extraction_s: float = float("nan")
    entities: dict[str, int] = field(default_factory=dict)
    peak_mb: float = float("nan")
    finished_at: float = float("nan")  # when the legend's counts arrived (perf_counter)

    def worst_around_end(self, window: float = 2.0) -> float:
        """The slowest key written within `window` seconds of the end of extraction: how
        long the hand-over of the result kept the app from answering."""
        keys = [
            latency
            for keys in (self.during, self.after)
            for latency, sent in zip(keys.latencies, keys.sent, strict=True)
            if abs(sent - self.finished_at) <= window
        ]
        return max(keys, default=float("nan"))


def run_session(
    path: Path, env: dict[str, str], after_s: float, keys: int, extract_timeout: float
) -> Result:
    """One session: first screen, keys during extraction, keys after it, peak memory."""
    result = Result()
    with tempfile.TemporaryDirectory() as state:
        session = Session(path, Path(state), env)
        try:
            result.first_screen_s = session.first_screen()
            opened = len(session.data)
            direction = b"j"
            finished_at: float | None = None
            phase = result.during
            after_started = 0.0
            while True:
                if finished_at is None:
                    legend = _LEGEND.findall(session.text_since(opened))
                    if len(legend) >= 4:
                        finished_at = time.perf_counter()
                        result.finished_at = finished_at
                        result.extraction_s = finished_at - session.started
                        result.entities = {kind: int(n) for kind, n in legend[-4:]}
                        phase = result.after
                        after_started = finished_at
                    elif time.perf_counter() - session.started > extract_timeout:
                        break
                elif (
                    time.perf_counter() - after_started >= after_s
                    and len(result.after.latencies) >= keys
                ):
                    break
                since = len(session.data)
                sent = time.perf_counter()
                pressed = session.press(direction)
                if pressed is None:
                    phase.lost += 1
                    continue
                latency, _length = pressed
                time.sleep(GAP)
                phase.latencies.append(latency)
                phase.sent.append(sent)
                phase.sizes.append(len(session.data) - since)
                shown = session.text_since(since)
                if direction == b"j" and "Bot" in shown:
                    direction = b"k"
                elif direction == b"k" and "Top" in shown:
                    direction = b"j"
        finally:
            session.close()
        result.peak_mb = session.peak_mb
    return result


def scroll_bytes(env: dict[str, str], runs: int = 20) -> float:
    """Median bytes written for a one-line scroll of the sample article, pane shown."""
    sizes: list[int] = []
    with tempfile.TemporaryDirectory() as state:
        session = Session(sample_article(), Path(state), env)
        try:
            session.first_screen()
            opened = len(session.data)
            deadline = time.perf_counter() + 60
            while len(_LEGEND.findall(session.text_since(opened))) < 4:  # extraction done
                if time.perf_counter() > deadline:
                    raise RuntimeError("the sample's entities never arrived")
                time.sleep(0.05)
            time.sleep(0.3)
            for index in range(runs):
                since = len(session.data)
                if session.press(b"j" if index % 2 == 0 else b"k") is None:
                    continue
                time.sleep(0.25)  # the status line's update too
                sizes.append(len(session.data) - since)
        finally:
            session.close()
    return statistics.median(sizes)


def _environment(package: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    return env


def baseline_package(revision: str, directory: Path) -> Path:
    """The `reader` package of `revision`, unpacked into `directory`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "reader", "styles", "seeds"],
        capture_output=True,
        check=True,
    ).stdout
    directory.mkdir()
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    return directory


def _report(label: str, result: Result) -> None:
    entities = sum(result.entities.values())
    kinds = ", ".join(f"{n} {kind.lower()}" for kind, n in result.entities.items())
    print(f"  {label}: first screen {result.first_screen_s * 1000:.0f} ms;", end=" ")
    print(
        f"extraction done at {result.extraction_s:.1f} s, {entities:,} entities ({kinds});"
        f" peak RSS {result.peak_mb:.0f} MB"
    )
    print(f"    keys during extraction: {result.during.summary()}")
    print(f"    keys after extraction:  {result.after.summary()}")
    print(
        f"    slowest key within 2 s of the end of extraction:"
        f" {result.worst_around_end() * 1000:.0f} ms (target < 100 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 1_000_000, 10_000_000])
    parser.add_argument("--after-s", type=float, default=60.0)
    parser.add_argument("--keys", type=int, default=100, help="at least this many keys after")
    parser.add_argument("--extract-timeout", type=float, default=600.0)
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision")
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        packages: dict[str, Path | None] = {"ours": None}
        if options.baseline:
            packages[options.baseline] = baseline_package(options.baseline, work / "old")
        for label, package in packages.items():
            print(
                f"one-line scroll of the sample article at 100x30, pane shown ({label}):"
                f" {scroll_bytes(_environment(package)) / 1000:.1f} KB (target < 8 KB)",
                flush=True,
            )
        for size in options.sizes:
            path = work / f"news-{size}.txt"
            text = write_news(path, size)
            print(f"{describe(text)}:", flush=True)
            for _ in range(options.runs):
                for label, package in packages.items():
                    result = run_session(
                        path,
                        _environment(package),
                        options.after_s,
                        options.keys,
                        options.extract_timeout,
                    )
                    _report(label, result)
                    sys.stdout.flush()


if __name__ == "__main__":
    main()
