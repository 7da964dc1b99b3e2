"""Benchmark: model load time, extraction speed, and extraction of a 10 MB article.

  python benchmarks/bench_extract.py [--repeat 5] [--size-mb 1.0] [--huge-mb 10] [--shape-mb 10]
  python benchmarks/bench_extract.py --real-news [--sizes 1 10] [--repeat 3]

Targets (issues 3 and 5): model load < 300 ms, extraction >= 20,000 tokens/s, model data
<= 10 MB; on a 10 MB article extraction adds at most ~100 MB to the peak resident memory,
no step holds the GIL longer than ~50 ms, and progress arrives at least every ~1% of the work.

Speed: --size-mb of real news, whole SaudiNewsNet articles concatenated (``news.py``: never
a repeated block, whose repeated words would flatter every cache; the distinct words and the
entities found are reported); word caches are cleared before every timed run, so the figure
is the cold-cache speed (median over --repeat runs).

Huge article: --huge-mb of real news the same way, extracted in a fresh child process. A
watchdog thread sleeps 5 ms at a time and records how late it wakes (the worst lateness is
the longest stretch another thread could not get the GIL) and the resident memory
(/proc/self/statm) each time: its peak minus the memory before extraction is what extraction
adds (ru_maxrss cannot tell, as loading the model's JSON peaks higher). Progress fractions
are recorded with their times.

Real news (issue 19, ``--real-news``): each of --sizes megabytes of real news (``news.py``), so
the text has as many distinct words as real news of that size. Each run extracts one size in a
fresh process (cold caches, the model loaded outside the timed call) and reports tokens,
distinct words, entities per type and seconds; the medians over --repeat runs give tokens per
second and how the time grows from one size to the next (linear: the ratio of the sizes).
Targets: >= 25,000 tokens/s at 1 MB, 10 MB within 11x the time of 1 MB.

Hostile shapes (issue 15): text that is no news at all must cost no more than news, and grow
linearly. Each shape is extracted at a quarter of --shape-mb and at --shape-mb; the ratio of
the two times should be about 4: emoji ZWJ sequences (👨‍👩‍👧‍👦, once 47 s for 10 MB), empty lines,
and the sample article as one paragraph with no line break.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from news import describe, distinct_words, news_text  # noqa: E402

SAMPLE = ROOT / "seeds" / "karabakh-separatists-surrender.txt"
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); from reader.entities.pipeline import load_model; "
    "load_model(); print(time.perf_counter() - t)"
)
WATCHDOG_SLEEP = 0.005


def load_seconds() -> float:
    """Import and model load in a fresh interpreter (what the app pays on first extraction)."""
    out = subprocess.run(
        [sys.executable, "-c", LOAD_SNIPPET], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def speed_runs(size_mb: float, repeat: int) -> tuple[int, list[float], str, int]:
    """(tokens, tokens per second of each cold-cache run, the text's description, entities):
    an extraction empties its word memos when it ends, so each run starts cold."""
    from reader.entities import extract_entities
    from reader.entities.tagging.tokens import tokenize

    sample = SAMPLE.read_text(encoding="utf-8")
    text = news_text(int(size_mb * 1_000_000))
    tokens = len(tokenize(text))
    extract_entities(sample)  # load the model outside the timed runs
    speeds = []
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(extract_entities(text))
        speeds.append(tokens / (time.perf_counter() - started))
    return tokens, speeds, describe(text), found


SHAPES = {
    "emoji ZWJ sequences": lambda sample: "👨\u200d👩\u200d👧\u200d👦🏳\ufe0f\u200d🌈👩🏽\u200d💻",
    "empty lines": lambda sample: "\n",
    "one paragraph, no line break": lambda sample: sample.replace("\n", " ") + " ",
}


def shape_runs(size_mb: float) -> list[tuple[str, float, float]]:
    """(shape, seconds at a quarter of ``size_mb``, seconds at ``size_mb``) for each shape."""
    from reader.entities import extract_entities

    sample = SAMPLE.read_text(encoding="utf-8")
    extract_entities(sample)  # load the model outside the timed runs
    out = []
    for name, make in SHAPES.items():
        unit = make(sample)
        times = []
        for mb in (size_mb / 4, size_mb):
            text = unit * max(1, round(mb * 1_000_000 / len(unit.encode("utf-8"))))
            started = time.perf_counter()
            extract_entities(text)
            times.append(time.perf_counter() - started)
        out.append((name, times[0], times[1]))
    return out


def real_news_child(size_mb: float) -> None:
    """Run in a child process: extract ``size_mb`` of real news once, print JSON."""
    from reader.entities import extract_entities
    from reader.entities.tagging.tokens import iter_tokens

    text = news_text(int(size_mb * 1_000_000))
    words = [t.text for t in iter_tokens(text)]
    extract_entities("تمهيد")  # load the model outside the timed call
    started = time.perf_counter()
    entities = extract_entities(text)
    seconds = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for entity in entities:
        kinds[entity.type] = kinds.get(entity.type, 0) + 1
    print(
        json.dumps(
            {
                "mb": len(text.encode("utf-8")) / 1e6,
                "tokens": len(words),
                "distinct": len(set(words)),
                "entities": kinds,
                "mentions": sum(len(e.mentions) for e in entities),
                "seconds": seconds,
            }
        )
    )


def real_news_runs(sizes: list[float], repeat: int) -> None:
    """Print the median extraction time of each size of real news, each run a fresh process."""
    medians = []
    for size in sizes:
        runs = []
        for _ in range(repeat):
            child = subprocess.run(
                [sys.executable, __file__, "--real-news-child", str(size)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(child.stdout))
        seconds = statistics.median(run["seconds"] for run in runs)
        medians.append(seconds)
        first = runs[0]
        entities = ", ".join(f"{n} {kind}" for kind, n in sorted(first["entities"].items()))
        print(
            f"real news {first['mb']:.2f} MB: {first['tokens']:,} tokens, {first['distinct']:,}"
            f" distinct words; {entities}; {first['mentions']:,} mentions; median"
            f" {seconds:.2f} s over {repeat} runs ({min(r['seconds'] for r in runs):.2f}"
            f"-{max(r['seconds'] for r in runs):.2f}), {first['tokens'] / seconds:,.0f} tokens/s",
            flush=True,
        )
    for (small, a), (big, b) in itertools.pairwise(zip(sizes, medians, strict=True)):
        print(f"{big:g} MB takes {b / a:.2f}x the time of {small:g} MB (linear: {big / small:g}x)")


def huge_child(size_mb: float) -> None:
    """Run in a child process: extract a big article, print the measurements as JSON."""
    import os
    import threading

    from reader.entities import extract_entities
    from reader.entities.pipeline import load_model

    text = news_text(int(size_mb * 1_000_000))
    load_model()
    extract_entities(SAMPLE.read_text(encoding="utf-8"))  # warm: the model
    page = os.sysconf("SC_PAGE_SIZE")

    def resident() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * page

    before = resident()
    worst = [0.0]
    peak = [before]
    running = [True]

    def watchdog() -> None:
        while running[0]:
            started = time.perf_counter()
            time.sleep(WATCHDOG_SLEEP)
            worst[0] = max(worst[0], time.perf_counter() - started - WATCHDOG_SLEEP)
            peak[0] = max(peak[0], resident())

    calls: list[tuple[float, float]] = []
    thread = threading.Thread(target=watchdog, daemon=True)
    thread.start()
    started = time.perf_counter()
    entities = extract_entities(text, lambda f: calls.append((time.perf_counter(), f)))
    seconds = time.perf_counter() - started
    running[0] = False
    thread.join()
    times = [started] + [t for t, _ in calls]
    fractions = [0.0] + [f for _, f in calls]
    print(
        json.dumps(
            {
                "mb": len(text.encode("utf-8")) / 1e6,
                "words": distinct_words(text),
                "seconds": seconds,
                "entities": len(entities),
                "rss_before_mb": before / 1e6,
                "added_mb": (peak[0] - before) / 1e6,
                "worst_gil_ms": worst[0] * 1000,
                "progress_calls": len(calls),
                "max_fraction_gap": max(b - a for a, b in itertools.pairwise(fractions)),
                "max_progress_gap_s": max(b - a for a, b in itertools.pairwise(times)),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--huge-mb", type=float, default=10.0)
    parser.add_argument("--shape-mb", type=float, default=10.0)
    parser.add_argument("--real-news", action="store_true", help="only the real-news runs")
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0])
    parser.add_argument("--huge-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--real-news-child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.huge_child:
        huge_child(args.huge_mb)
        return 0
    if args.real_news_child:
        real_news_child(args.real_news_child)
        return 0
    if args.real_news:
        real_news_runs(args.sizes, args.repeat)
        return 0
    from reader.entities.pipeline import MODEL_DIR

    loads = [load_seconds() for _ in range(args.repeat)]
    tokens, speeds, described, found = speed_runs(args.size_mb, args.repeat)
    size = sum(f.stat().st_size for f in MODEL_DIR.iterdir() if f.is_file())
    print(
        f"model load (fresh process): median {statistics.median(loads) * 1000:.0f} ms"
        f" over {args.repeat} runs"
    )
    print(
        f"extraction: {described}, {tokens} tokens, {found:,} entities; median"
        f" {statistics.median(speeds):,.0f} tokens/s over {args.repeat} runs"
    )
    print(f"model + data files: {size / 1_000_000:.2f} MB in {MODEL_DIR}")
    child = subprocess.run(
        [sys.executable, __file__, "--huge-child", "--huge-mb", str(args.huge_mb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    huge = json.loads(child.stdout)
    print(
        f"huge article ({huge['mb']:.1f} MB of news, {huge['words']:,} distinct words, fresh"
        f" process): {huge['seconds']:.1f} s,"
        f" {huge['entities']} entities; peak RSS added {huge['added_mb']:.0f} MB"
        f" (process before: {huge['rss_before_mb']:.0f} MB); worst GIL wait"
        f" {huge['worst_gil_ms']:.0f} ms; {huge['progress_calls']} progress calls, largest gap"
        f" {huge['max_fraction_gap'] * 100:.2f}% / {huge['max_progress_gap_s'] * 1000:.0f} ms"
    )
    for name, quarter, whole in shape_runs(args.shape_mb):
        print(
            f"{name} ({args.shape_mb:g} MB): {whole:.2f} s, {quarter:.2f} s at a quarter"
            f" of it (ratio {whole / quarter:.1f}; linear is 4)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
