"""Pathological shapes (issue 15): huge paragraphs, a million empty lines, emoji ZWJ text,
a paragraph thick with bidi isolates and overrides.

Run: python benchmarks/bench_shapes.py [--runs 3] [--baseline REV] [--shapes NAME ...]

Every measurement runs in a fresh child process under GNU ``time`` (``/usr/bin/time``, Debian
package ``time``), so its peak resident memory belongs to that run alone.  Per shape, medians
over the runs:

- ``render``: ``reader render --width 80 FILE > /dev/null``, wall time, characters per second
  (linear in the input when this stays flat across sizes) and peak resident memory;
- ``app``: the app's first screen, headless at 100x30, from constructing the app (which loads
  the file) until every row of the article view is painted, at the top and restored at a
  saved reading position 80% of the way in (the child checks that the view opened there),
  with the peak memory of that child.  The extractor is replaced by an empty one (its cost is
  bench_extract's); the interpreter start and imports are left out;
- ``tty``: ``reader FILE`` started in a real pseudo-terminal (100x30) until a word of the
  screen it should open on arrives there (of the title at the top; at the saved position
  deep inside, or of the title when that is blank): the first screen as the user sees it,
  interpreter start and real extractor included (bench_open's measure).

Targets (issue 15): the first screen of any input up to the 32 MB size limit in under 1 s, at
the top and deep inside; ``render`` linear in the input size.

``--baseline REV`` runs the same children on another revision's ``reader`` package (``git
archive`` into a temporary directory put first on PYTHONPATH), interleaved with ours so that
load on the shared machine hits both alike, and prints the ratios.  A run that takes longer
than ``--timeout`` seconds is stopped and reported as such; shapes larger than
``--baseline-max-mb`` are not run on the baseline (the old code needs gigabytes for them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_open import baseline_package, terminal_first_screen

from reader.loader import load_article
from reader.state import article_key

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    ROOT / "tests" / "data" / "udhr_arb.txt",
    ROOT / "seeds" / "karabakh-separatists-surrender.txt",
]
TIME = shutil.which("time", path="/usr/bin:/bin") or "/usr/bin/time"
"""GNU time (Debian package ``time``), for each child's peak resident memory."""
SIZE = (100, 30)
DEEP = 0.8
"""Where the saved reading position lies, as a fraction of the text."""
EMOJI = "👨\u200d👩\u200d👧\u200d👦 👩🏽\u200d💻 🏳️\u200d🌈 🧑🏿\u200d🤝\u200d🧑🏻 "


def _words_paragraph(size: int) -> bytes:
    """``size`` bytes of Arabic news words with no line break: one paragraph."""
    words = " ".join(path.read_text(encoding="utf-8") for path in WORDS).split()
    unit = " ".join(words).encode("utf-8") + b" "
    data = unit * (size // len(unit) + 1)
    return data[:size].decode("utf-8", "ignore").encode("utf-8")


def _empty_lines(count: int) -> bytes:
    """A title, ``count`` empty lines, and a last line."""
    return "عنوان\n".encode() + b"\n" * count + "السطر الأخير\n".encode()


def _emoji(size: int) -> bytes:
    """``size`` bytes of emoji ZWJ sequences (families, skin tones, flags), one paragraph."""
    unit = EMOJI.encode("utf-8")
    data = unit * (size // len(unit) + 1)
    return data[:size].decode("utf-8", "ignore").encode("utf-8")


def _bidi_controls(size: int) -> bytes:
    """``size`` bytes of one paragraph thick with isolates and overrides (hostile text)."""
    unit = "\u2067مرحبا\u2069 \u202eabc\u202c \u2066\u2067\u2069\u2069 ".encode()
    data = unit * (size // len(unit) + 1)
    return data[:size].decode("utf-8", "ignore").encode("utf-8")


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[], bytes]
    app: bool = True  # measure the first screen too, not only render


SHAPES = [
    Shape("paragraph-1mb", lambda: _words_paragraph(1_000_000), app=False),
    Shape("paragraph-5mb", lambda: _words_paragraph(5_000_000)),
    Shape("paragraph-32mb", lambda: _words_paragraph(32_000_000)),
    Shape("empty-lines-1m", lambda: _empty_lines(1_000_000)),
    Shape("emoji-zwj-10mb", lambda: _emoji(10_000_000)),
    Shape("bidi-controls-32mb", lambda: _bidi_controls(32_000_000)),
]


async def _first_screen(path: Path) -> dict[str, float]:
    """Child: seconds until every row of the view is painted, and the offset at its top."""
    import reader.entities

    reader.entities.extract_entities = lambda text, progress=None: []  # type: ignore[assignment]
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen

    started = time.perf_counter()
    app = ReaderApp([path])
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, ArticleScreen) and app.screen.view.size.height):
            await pilot.pause(0.002)
        view = app.screen.view
        for y in range(view.size.height):
            view.render_line(y)
        return {"seconds": time.perf_counter() - started, "top": view.top_offset()}


def _environment(package: Path | None) -> dict[str, str]:
    """Our environment, with ``package`` first on PYTHONPATH when given."""
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    return env


def _run(command: list[str], env: dict[str, str], timeout: float) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of a child; seconds is inf if it was stopped.

    The peak comes from ``/usr/bin/time``: the kernel charges a forked child with its
    parent's peak until it execs, so ``os.wait4`` here would report this process's memory
    (the shapes it built) instead of the child's.  ``time`` is small, and its own child
    starts afresh.
    """
    with tempfile.NamedTemporaryFile() as peak, tempfile.TemporaryFile() as out:
        timed = [TIME, "-f", "%M", "-o", peak.name, *command]
        started = time.perf_counter()
        process = subprocess.Popen(  # not from the checkout: `-m reader` would import it
            timed, stdout=out, stderr=subprocess.PIPE, env=env, cwd="/", start_new_session=True
        )
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return float("inf"), float("nan"), ""
        elapsed = time.perf_counter() - started
        if process.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {errors.decode().strip()}")
        out.seek(0)
        rss_kb = float(Path(peak.name).read_text().split()[-1])
        return elapsed, rss_kb / 1024, out.read().decode()


@dataclass(frozen=True)
class Place:
    """Where the app should open: a state directory, the offset saved in it, a word to see."""

    name: str
    state: Path
    offset: int
    marker: str | None  # None: the longest word of the title (when the text there is blank)


def _places(path: Path, work: Path) -> list[Place]:
    """The top (no saved position) and a saved position DEEP into the article."""
    article = load_article(path)
    offset = int(len(article.text) * DEEP)
    deep = work / "state-deep"
    deep.mkdir(exist_ok=True)
    (deep / "state.json").write_text(
        json.dumps({"version": 1, "positions": {article_key(article): offset}})
    )
    top = Place("top", work / "state-top", 0, _marker(article.text, 0))
    return [top, Place("deep", deep, offset, _marker(article.text, offset))]


def _marker(text: str, offset: int) -> str | None:
    """The longest whole word within the first line's worth of text from ``offset``."""
    words = text[max(0, offset - 1) : offset + 60].split()[1:-1]
    return max(words, key=len) if words else None


def measure(
    shape: Shape, path: Path, places: list[Place], package: Path | None, timeout: float
) -> dict[str, float]:
    """One run of every measurement of a shape with one package (ours when None)."""
    env = _environment(package)
    results: dict[str, float] = {}
    command = [sys.executable, "-m", "reader", "render", "--width", "80", str(path)]
    results["render_s"], results["render_rss_mb"], _ = _run(command, env, timeout)
    if not shape.app:
        return results
    for place in places:
        place.state.mkdir(exist_ok=True)
        child = {**env, "READER_STATE_DIR": str(place.state)}
        command = [sys.executable, __file__, "--child", str(path)]
        seconds, rss, output = _run(command, child, timeout)
        if output:
            opened = json.loads(output.strip().splitlines()[-1])
            seconds = opened["seconds"]
            # the top line holds the saved offset: the top is at most a line of text before it
            if not place.offset - 200 <= int(opened["top"]) <= place.offset:
                raise RuntimeError(f"{shape.name}: opened at {opened['top']}, not {place.offset}")
        results[f"app_{place.name}_s"], results[f"app_{place.name}_rss_mb"] = seconds, rss
        results[f"tty_{place.name}_s"] = terminal_first_screen(path, place.state, place.marker, env)
        if place.name == "top":  # quitting saved the position: back to none
            (place.state / "state.json").unlink(missing_ok=True)
    return results


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _format(key: str, value: float) -> str:
    if value == float("inf"):
        return "stopped"
    return f"{value:.0f} MB" if key.endswith("_mb") else f"{value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per child run")
    parser.add_argument("--baseline-max-mb", type=float, default=10.0)
    parser.add_argument("--shapes", nargs="+", choices=[s.name for s in SHAPES])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(asyncio.run(_first_screen(options.child))), flush=True)
        return
    if not Path(TIME).exists():
        sys.exit(f"{TIME} not found: apt-get install time")
    chosen = [s for s in SHAPES if not options.shapes or s.name in options.shapes]
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        baseline = baseline_package(options.baseline, work / "old") if options.baseline else None
        for shape in chosen:
            path = work / f"{shape.name}.txt"
            path.write_bytes(shape.build())
            size_mb = path.stat().st_size / 1_000_000
            characters = len(path.read_text(encoding="utf-8"))
            places = _places(path, work) if shape.app else []
            compare = baseline is not None and size_mb <= options.baseline_max_mb
            ours: dict[str, list[float]] = {}
            old: dict[str, list[float]] = {}
            for _ in range(options.runs):  # interleaved: one run of each in turn
                for key, value in measure(shape, path, places, None, options.timeout).items():
                    ours.setdefault(key, []).append(value)
                if compare:
                    for key, value in measure(
                        shape, path, places, baseline, options.timeout
                    ).items():
                        old.setdefault(key, []).append(value)
            print(
                f"{shape.name}: {size_mb:.1f} MB, {characters:,} characters"
                f" (medians of {options.runs})"
            )
            for key, values in ours.items():
                value = _median(values)
                line = f"  {key:<18} {_format(key, value):>10}"
                if key == "render_s":
                    line += f" {characters / value / 1e6:5.2f} M chars/s"
                if old.get(key):
                    before = _median(old[key])
                    line += f"   baseline {_format(key, before):>10}   ratio {before / value:.1f}x"
                print(line, flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
