"""Layout engine speed on real news: 1 MB throughput, one 100x40 screen from 10 MB, and
GNU FriBidi, in the process and as whole processes.

Run: ``python benchmarks/bench_layout.py [--repeat N]``.  Targets: one screen in under
20 ms (issue 2); ``reader render --width 80`` of 1 MB, the whole process, within 12x
``fribidi --width 80`` (issue 19).

The texts are whole SaudiNewsNet articles concatenated to the size (``news.py``: never a
repeated block, which would flatter the word and paragraph caches; the distinct words are
reported).  The caches are cleared before every timed run in the process, and every
measurement alternates with fribidi's so that load on the shared machine hits both alike.
Whole processes are timed from start to exit, with their CPU time from ``wait4``.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from news import describe, news_text

from reader.text import layout, shaping
from reader.text.layout import layout_paragraph, split_paragraphs

READER = Path(sys.executable).parent / "reader"
WIDTH = 80
SCREEN = (100, 40)


def time_run(function: Callable[[], object]) -> float:
    """Wall-clock seconds of one run with cold paragraph and word caches."""
    layout.clear_cache()
    shaping.clear_cache()
    begin = time.perf_counter()
    function()
    return time.perf_counter() - begin


def lay_out_all(text: str, width: int) -> int:
    """Lay out every paragraph; returns the number of visual lines."""
    return sum(len(layout_paragraph(p, width, offset=o)) for o, p in split_paragraphs(text))


def lay_out_screen(paragraphs: list[tuple[int, str]], first: int, size: tuple[int, int]) -> int:
    """Lay out paragraphs from ``first`` until one screen of lines is full."""
    width, height = size
    lines = 0
    index = first
    while lines < height and index < len(paragraphs):
        offset, paragraph = paragraphs[index]
        lines += len(layout_paragraph(paragraph, width, offset=offset))
        index += 1
    return lines


def time_process(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process, its output thrown away."""
    begin = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - begin
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{command} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement (median)")
    args = parser.parse_args()

    one_mb = news_text(1_000_000)
    fribidi = shutil.which("fribidi")
    runs: list[float] = []
    fribidi_runs: list[tuple[float, float]] = []
    reader_runs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one_mb.txt"
        path.write_text(one_mb, encoding="utf-8")
        render = [str(READER), "render", "--width", str(WIDTH), str(path)]
        for _ in range(args.repeat):  # interleaved, so machine load hits both alike
            runs.append(time_run(lambda: lay_out_all(one_mb, WIDTH)))
            reader_runs.append(time_process(render))
            if fribidi is not None:
                fribidi_runs.append(time_process([fribidi, "--width", str(WIDTH), str(path)]))
    median_1mb = statistics.median(runs)
    print(f"1 MB: {describe(one_mb)}, {len(one_mb):,} characters")
    print(
        f"  layout in the process at width {WIDTH}: median {median_1mb:.3f} s,"
        f" {len(one_mb) / median_1mb:,.0f} chars/s"
    )

    ten_mb = news_text(10_000_000)
    begin = time.perf_counter()
    paragraphs = split_paragraphs(ten_mb)
    split_time = time.perf_counter() - begin
    middle = len(paragraphs) // 2
    screen_runs = [
        time_run(lambda: lay_out_screen(paragraphs, middle, SCREEN))
        for _ in range(max(args.repeat, 20))
    ]
    print(
        f"10 MB: {describe(ten_mb)}; split into {len(paragraphs):,} paragraphs once in"
        f" {split_time * 1000:.0f} ms; one {SCREEN[0]}x{SCREEN[1]} screen from the middle:"
        f" median {statistics.median(screen_runs) * 1000:.2f} ms (target < 20 ms)"
    )

    if not fribidi_runs:
        print("fribidi: not installed (apt-get install libfribidi-bin); only our numbers above")
        return 0
    print(f"whole processes on the 1 MB file, medians of {args.repeat} interleaved runs:")
    print(f"  {'command':<34} {'wall s':>8} {'cpu s':>8}")
    for label, measured in (
        (f"reader render --width {WIDTH}", reader_runs),
        (f"fribidi --width {WIDTH}", fribidi_runs),
    ):
        wall = statistics.median(w for w, _ in measured)
        cpu = statistics.median(c for _, c in measured)
        print(f"  {label:<34} {wall:>8.3f} {cpu:>8.3f}")
    ratios = [r[0] / f[0] for r, f in zip(reader_runs, fribidi_runs, strict=True)]
    cpu_ratios = [r[1] / max(f[1], 1e-3) for r, f in zip(reader_runs, fribidi_runs, strict=True)]
    print(
        f"  ratio reader/fribidi (pair by pair): wall {statistics.median(ratios):.1f}x,"
        f" cpu {statistics.median(cpu_ratios):.1f}x (target <= 12x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
