"""Opening a 10 MB article in the app: first screen, responsiveness, peak memory.

Run: python benchmarks/bench_open.py [--size-mb 10] [--runs 3] [--keys-for 8]

Each measurement runs in a fresh child process, so peak memory (ru_maxrss) belongs to that
run alone. Reported, as medians over the runs, for the bundled small article and the big
one (targets from issue 5: big under 1 s and no more than 1.5x the small one):
- first screen in the app: from constructing the app (which loads the file) to the view
  painting the article's first lines, headless at 100x30; the interpreter start and the
  imports, the same for any article, are left out so the article's own cost shows;
- first screen as the user sees it: the installed `reader FILE` started in a real
  pseudo-terminal (100x30) until the title's shaped letters arrive on it;
- key latency while extraction runs in its worker: a key (j or space) posted as the
  terminal driver would, until the view has scrolled, sampled for `--keys-for` seconds;
  the UI must keep answering;
- peak resident memory for the big article, with the extraction run to its end (up to
  `--extract-timeout` seconds), and without it (the app's own share); target under 10x
  file size + 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import json
import os
import pty
import re
import resource
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from reader.loader import load_article
from reader.resources import sample_article
from reader.text.layout import layout_paragraph

READER = Path(sys.executable).parent / "reader"
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()0-9A-Za-z=>]"
)
"""CSI, OSC and short escape sequences: what is left is the text the terminal shows."""
SIZE = (100, 30)


def make_article(directory: Path, size_mb: float) -> Path:
    """The sample article repeated up to `size_mb` megabytes of UTF-8."""
    unit = sample_article().read_bytes()
    path = directory / "big.txt"
    path.write_bytes(unit * int(size_mb * 1_000_000 / len(unit) + 1))
    return path


async def _child(path: Path, keys_for: float, extract: bool, timeout: float) -> dict[str, float]:
    from textual import events

    import reader.entities
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen

    if not extract:  # the app's own share of the memory
        reader.entities.extract_entities = lambda text, progress=None: []  # type: ignore[assignment]
    started = time.perf_counter()
    app = ReaderApp([path])
    result: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, ArticleScreen) and screen.view.size.height:
                rows = range(screen.view.size.height)
                if any(s.text.strip() for y in rows for s in screen.view.render_line(y)):
                    break
            await pilot.pause(0.005)
        result["first_screen_s"] = time.perf_counter() - started
        extraction_started = time.perf_counter()
        latencies: list[float] = []
        deadline = time.perf_counter() + keys_for
        view = screen.view
        while time.perf_counter() < deadline and screen.entities is None:
            # Pilot.press waits for the whole process to go idle, which never happens
            # while the extractor thread works; post the key as the driver would and
            # time how long until the view has moved.
            key = "j" if len(latencies) % 4 else "space"
            position = view.scroll_y
            before = time.perf_counter()
            app.post_message(events.Key(key, " " if key == "space" else key))
            while view.scroll_y == position and time.perf_counter() - before < 5:
                await asyncio.sleep(0.001)
            latencies.append(time.perf_counter() - before)
            await asyncio.sleep(0.05)
        result["key_latencies_s"] = latencies  # type: ignore[assignment]
        finish = extraction_started + timeout
        while screen.entities is None and time.perf_counter() < finish:
            await asyncio.sleep(0.1)
        result["extraction_s"] = (
            time.perf_counter() - extraction_started if screen.entities is not None else -1.0
        )
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _run_child(path: Path, keys_for: float, *, extract: bool, timeout: float) -> dict:
    command = [sys.executable, __file__, "--child", str(path), "--keys-for", str(keys_for)]
    command += ["--extract-timeout", str(timeout)] + ([] if extract else ["--no-extract"])
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=timeout + 120
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def terminal_first_screen(
    path: Path, state_dir: Path, marker: str | None = None, env: dict[str, str] | None = None
) -> float:
    """Seconds from starting `reader FILE` in a pseudo-terminal to `marker` on screen (by
    default the longest word of the title), in the environment `env` (default: ours)."""
    if marker is None:
        marker = max(load_article(path).title.split(), key=len)
    shaped = layout_paragraph(marker, 200)[0].text.encode("utf-8")
    primary, secondary = pty.openpty()
    os.set_blocking(primary, False)
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    env = {**(env or os.environ), "TERM": "xterm-256color", "READER_STATE_DIR": str(state_dir)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(READER), str(path)], stdin=secondary, stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    seen = b""
    try:
        while shaped not in _ESCAPES.sub(b"", seen):
            if time.perf_counter() - started > 60 or process.poll() is not None:
                raise RuntimeError(f"{path}: {marker!r} never painted: {seen[-300:]!r}")
            if select.select([primary], [], [], 0.5)[0]:
                seen += os.read(primary, 1 << 20)
        elapsed = time.perf_counter() - started
        os.write(primary, b"q")
        while process.poll() is None and time.perf_counter() - started < 90:
            if select.select([primary], [], [], 0.2)[0]:  # a full pty would block the app
                with contextlib.suppress(OSError):
                    os.read(primary, 1 << 20)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys-for", type=float, default=8.0)
    parser.add_argument("--extract-timeout", type=float, default=300.0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-extract", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        result = asyncio.run(
            _child(options.child, options.keys_for, not options.no_extract, options.extract_timeout)
        )
        print(json.dumps(result), flush=True)
        os._exit(0)  # do not wait for an extraction thread still running
    timeout = options.extract_timeout
    with tempfile.TemporaryDirectory() as directory:
        big = make_article(Path(directory), options.size_mb)
        size_mb = big.stat().st_size / 1_000_000
        small_article = sample_article()
        small = [
            _run_child(small_article, 0, extract=False, timeout=0) for _ in range(options.runs)
        ]
        bare = [_run_child(big, 0, extract=False, timeout=0) for _ in range(options.runs)]
        large = [_run_child(big, options.keys_for, extract=True, timeout=timeout)]
        state = Path(directory) / "state"
        small_tty = [terminal_first_screen(small_article, state) for _ in range(options.runs)]
        large_tty = [terminal_first_screen(big, state) for _ in range(options.runs)]
    small_first = statistics.median(r["first_screen_s"] for r in small)
    large_first = statistics.median(r["first_screen_s"] for r in bare)
    latencies = [x for r in large for x in r["key_latencies_s"]]
    limit = 10 * size_mb + 200
    print(f"article: {size_mb:.1f} MB ({options.runs} runs each, medians)")
    for label, small_s, large_s in (
        ("in the app (no interpreter start)", small_first, large_first),
        ("`reader FILE` in a terminal", statistics.median(small_tty), statistics.median(large_tty)),
    ):
        print(
            f"first screen, {label}: small {small_s * 1000:.0f} ms, big {large_s * 1000:.0f} ms,"
            f" ratio {large_s / small_s:.2f} (target: big < 1000 ms, ratio <= 1.5)"
        )
    if latencies:
        print(
            f"key latency during extraction: median {statistics.median(latencies) * 1000:.0f} ms,"
            f" max {max(latencies) * 1000:.0f} ms over {len(latencies)} keys"
        )
    else:
        print("key latency during extraction: extraction finished before the first key")
    extraction = large[0]["extraction_s"]
    finished = f"{extraction:.0f} s" if extraction >= 0 else f"not finished after {timeout:.0f} s"
    print(f"extraction of the big article in the app: {finished}")
    print(
        f"peak memory, big article: {large[0]['peak_rss_mb']:.0f} MB with extraction, "
        f"{max(r['peak_rss_mb'] for r in bare):.0f} MB for the app alone "
        f"(target < {limit:.0f} MB)"
    )


if __name__ == "__main__":
    main()
