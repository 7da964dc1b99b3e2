"""Opening a 10 MB article in the app: first screen, responsiveness, peak memory.

Run: python benchmarks/bench_open.py [--size-mb 10] [--runs 3] [--keys-for 8]

Each measurement runs in a fresh child process (headless app, 100x30), so peak memory
(ru_maxrss) belongs to that run alone. Reported, as medians over the runs:
- time to first screen (process start of the app to the article's first lines painted),
  for the bundled small article and the big one; target: big under 1 s and no more than
  1.5x the small one (issue 5);
- key latency while extraction runs in its worker: a key (j or space) posted as the
  terminal driver would, until the view has scrolled, sampled for `--keys-for` seconds;
  the UI must keep answering;
- peak resident memory for the big article; target under 10x file size + 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.resources import sample_article


def make_article(directory: Path, size_mb: float) -> Path:
    """The sample article repeated up to `size_mb` megabytes of UTF-8."""
    unit = sample_article().read_bytes()
    path = directory / "big.txt"
    path.write_bytes(unit * int(size_mb * 1_000_000 / len(unit) + 1))
    return path


async def _child(path: Path, keys_for: float) -> dict[str, float | list[float]]:
    from textual import events

    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen

    started = time.perf_counter()
    app = ReaderApp([path])
    result: dict[str, float | list[float]] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, ArticleScreen) and screen.view.size.height:
                rows = range(screen.view.size.height)
                if any(s.text.strip() for y in rows for s in screen.view.render_line(y)):
                    break
            await pilot.pause(0.005)
        result["first_screen_s"] = time.perf_counter() - started
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
        result["key_latencies_s"] = latencies
        result["extraction_running"] = float(screen.entities is None)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _run_child(path: Path, keys_for: float) -> dict[str, float | list[float]]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--keys-for", str(keys_for)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys-for", type=float, default=8.0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(asyncio.run(_child(options.child, options.keys_for))), flush=True)
        os._exit(0)  # do not wait for an extraction thread still running
    with tempfile.TemporaryDirectory() as directory:
        big = make_article(Path(directory), options.size_mb)
        size_mb = big.stat().st_size / 1_000_000
        small = [_run_child(sample_article(), 0) for _ in range(options.runs)]
        large = [_run_child(big, options.keys_for) for _ in range(options.runs)]
    small_first = statistics.median(r["first_screen_s"] for r in small)
    large_first = statistics.median(r["first_screen_s"] for r in large)
    latencies = [x for r in large for x in r["key_latencies_s"]]  # type: ignore[union-attr]
    peak = max(r["peak_rss_mb"] for r in large)
    limit = 10 * size_mb + 200
    print(f"article: {size_mb:.1f} MB ({options.runs} runs each, medians)")
    print(f"first screen, small article: {small_first * 1000:.0f} ms")
    print(
        f"first screen, big article:   {large_first * 1000:.0f} ms "
        f"(target < 1000 ms and < 1.5x small = {1.5 * small_first * 1000:.0f} ms)"
    )
    if latencies:
        print(
            f"key latency during extraction: median {statistics.median(latencies) * 1000:.0f} ms,"
            f" max {max(latencies) * 1000:.0f} ms over {len(latencies)} keys"
        )
    else:
        print("key latency during extraction: extraction finished before the first key")
    print(f"peak memory, big article: {peak:.0f} MB (target < {limit:.0f} MB)")


if __name__ == "__main__":
    main()
