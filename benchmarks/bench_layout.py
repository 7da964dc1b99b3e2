"""Layout engine speed: 1 MB throughput, one 100x40 screen from a 10 MB text, and GNU FriBidi.

Run: ``python benchmarks/bench_layout.py [--repeat N]``.  Targets (issue 2): one screen in
under 20 ms, the whole 1 MB in under 2 s, within a small factor of ``fribidi --width 80``.

The texts are built from the vendored UDHR and the bundled sample article: their words are
re-cut into paragraphs of random length (seeded), so every paragraph is different and the
per-paragraph cache cannot flatter the numbers.  The caches are cleared before every timed run,
and the 1 MB runs alternate with fribidi's so that load on the shared machine hits both alike.
"""

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.text import layout, shaping
from reader.text.layout import layout_paragraph, split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "tests" / "data" / "udhr_arb.txt",
    ROOT / "seeds" / "karabakh-separatists-surrender.txt",
]
WIDTH = 80
SCREEN = (100, 40)


def build_text(size: int, seed: int = 2116) -> str:
    """About ``size`` characters of Arabic news-like paragraphs (40 to 250 words each)."""
    words = " ".join(path.read_text(encoding="utf-8") for path in SOURCES).split()
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        start = rng.randrange(len(words))
        count = rng.randint(40, 250)
        paragraph = " ".join(words[(start + k) % len(words)] for k in range(count))
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(paragraphs)[:size]


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


def time_fribidi(fribidi: str, path: Path) -> float:
    """Wall-clock seconds of one ``fribidi --width 80`` run on the file."""
    begin = time.perf_counter()
    subprocess.run(
        [fribidi, "--width", str(WIDTH), str(path)], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (median)")
    args = parser.parse_args()

    one_mb = build_text(1_000_000)
    fribidi = shutil.which("fribidi")
    runs: list[float] = []
    fribidi_runs: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one_mb.txt"
        path.write_text(one_mb, encoding="utf-8")
        for _ in range(args.repeat):  # interleaved, so machine load hits both alike
            runs.append(time_run(lambda: lay_out_all(one_mb, WIDTH)))
            if fribidi is not None:
                fribidi_runs.append(time_fribidi(fribidi, path))
    median_1mb = statistics.median(runs)
    print(
        f"1 MB ({len(one_mb):,} chars) at width {WIDTH}: median {median_1mb:.3f} s, "
        f"{len(one_mb) / median_1mb:,.0f} chars/s (target < 2 s)"
    )

    ten_mb = build_text(10_000_000, seed=1049)
    begin = time.perf_counter()
    paragraphs = split_paragraphs(ten_mb)
    split_time = time.perf_counter() - begin
    middle = len(paragraphs) // 2
    screen_runs = [
        time_run(lambda: lay_out_screen(paragraphs, middle, SCREEN))
        for _ in range(max(args.repeat, 20))
    ]
    print(
        f"10 MB: split into {len(paragraphs):,} paragraphs once in {split_time * 1000:.0f} ms; "
        f"one {SCREEN[0]}x{SCREEN[1]} screen from the middle: median "
        f"{statistics.median(screen_runs) * 1000:.2f} ms (target < 20 ms)"
    )

    if not fribidi_runs:
        print("fribidi: not installed (apt-get install libfribidi-bin); only our numbers above")
        return 0
    median_fribidi = statistics.median(fribidi_runs)
    print(f"{'1 MB, width 80':<16} {'median s':>9} {'chars/s':>12}")
    print(f"{'reader':<16} {median_1mb:>9.3f} {len(one_mb) / median_1mb:>12,.0f}")
    print(f"{'fribidi CLI':<16} {median_fribidi:>9.3f} {len(one_mb) / median_fribidi:>12,.0f}")
    print(f"ratio reader/fribidi: {median_1mb / median_fribidi:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
