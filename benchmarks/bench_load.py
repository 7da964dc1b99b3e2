"""Time and memory to load + decode a 10 MB Arabic article, and to index it for search.

Run: python benchmarks/bench_load.py [--size-mb 10] [--runs 5]
Targets (issue 5): the first screen of a 10 MB article in under a second, so loading must
be a small part of that; peak memory under 10x the file size + 200 MB.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from reader.loader import load_article
from reader.resources import sample_article
from reader.text.search import SearchIndex


def make_article(directory: Path, size_mb: float, encoding: str) -> Path:
    """The sample article repeated up to `size_mb` megabytes in `encoding`."""
    text = sample_article().read_text(encoding="utf-8")
    unit = text.encode(encoding)
    data = unit * int(size_mb * 1_000_000 / len(unit) + 1)
    path = directory / f"big-{encoding}.txt"
    path.write_bytes(data)
    return path


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'encoding':<10}{'file MB':>9}{'load s':>9}{'peak MB':>9}{'limit MB':>10}")
        for encoding in ("utf-8", "cp1256", "utf-16"):
            path = make_article(Path(folder), options.size_mb, encoding)
            size = path.stat().st_size / 1e6
            seconds = median_seconds(lambda p=path: load_article(p), options.runs)
            peak = peak_mb(lambda p=path: load_article(p))
            print(f"{encoding:<10}{size:>9.1f}{seconds:>9.3f}{peak:>9.0f}{10 * size + 200:>10.0f}")
        text = load_article(make_article(Path(folder), options.size_mb, "utf-8")).text
    index_seconds = median_seconds(lambda: SearchIndex(text), options.runs)
    index = SearchIndex(text)
    rare = median_seconds(lambda: index.find("باكو"), options.runs)
    common = median_seconds(lambda: index.find("ال"), options.runs)
    print(f"search index of {len(text):,} characters: {index_seconds:.3f} s (median)")
    print(
        f"query 'باكو': {rare * 1000:.1f} ms; query 'ال' ({len(index.find('ال')):,} hits): "
        f"{common * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
