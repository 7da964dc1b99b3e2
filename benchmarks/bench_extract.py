"""Benchmark: model load time, extraction speed, and extraction of a 10 MB article.

  python benchmarks/bench_extract.py [--repeat 5] [--size-mb 1.0] [--huge-mb 10] [--shape-mb 10]
  python benchmarks/bench_extract.py --real-news [--sizes 1 10] [--repeat 3]

Targets (issues 3 and 5): model load < 300 ms, extraction >= 20,000 tokens/s, model data
<= 10 MB; on a 10 MB article extraction adds at most ~100 MB to the peak resident memory,
no step holds the GIL longer than ~50 ms, and progress arrives at least every ~1% of the work.

Speed: the ANERcorp test split's sentences (varied 2007 news, vendored in tests/data) followed
by the sample article, repeated to --size-mb; word caches are cleared before every timed run,
so the figure is the cold-cache speed (median over --repeat runs).

Huge article: seeds/*.txt and tests/data/udhr_arb.txt repeated to --huge-mb, extracted in a
fresh child process. A watchdog thread sleeps 5 ms at a time and records how late it wakes (the
worst lateness is the longest stretch another thread could not get the GIL) and the resident
memory (/proc/self/statm) each time: its peak minus the memory before extraction is what
extraction adds (ru_maxrss cannot tell, as loading the model's JSON peaks higher). Progress
fractions are recorded with their times.

Real news (issue 19, ``--real-news``): the articles of ../shared/data/news/ (title, blank line,
text) concatenated in corpus order up to each of --sizes megabytes, never a block repeated, so
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

SAMPLE = ROOT / "seeds" / "karabakh-separatists-surrender.txt"
NEWS = ROOT / "tests" / "data" / "ner" / "anercorp_test.tsv"
UDHR = ROOT / "tests" / "data" / "udhr_arb.txt"
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


def speed_runs(size_mb: float, repeat: int) -> tuple[int, list[float]]:
    """(tokens, tokens per second of each cold-cache run)."""
    from reader.entities import extract_entities
    from reader.entities.normalize import fold, proclitic_splits
    from reader.entities.pipeline import load_model
    from reader.entities.tagging.tokens import tokenize

    sample = SAMPLE.read_text(encoding="utf-8")
    news = "\n".join(
        " ".join(line.split("\t")[0] for line in block.splitlines())
        for block in NEWS.read_text(encoding="utf-8").split("\n\n")
    )
    base = news + "\n\n" + sample
    text = base * max(1, round(size_mb * 1_000_000 / len(base.encode("utf-8"))))
    tokens = len(tokenize(text))
    extract_entities(sample)  # load the model outside the timed runs
    speeds = []
    for _ in range(repeat):
        fold.cache_clear()
        proclitic_splits.cache_clear()
        load_model().features.clear_cache()
        started = time.perf_counter()
        extract_entities(text)
        speeds.append(tokens / (time.perf_counter() - started))
    return tokens, speeds


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


def real_news_text(size_mb: float) -> str:
    """Whole articles of the real-news corpus, in its order, up to ``size_mb`` megabytes."""
    from soak_extract import article_text, read_news

    limit = size_mb * 1_000_000
    parts, size = [], 0
    for article in read_news():
        text = article_text(article)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        if size >= limit:
            break
    else:
        raise SystemExit(f"the real-news corpus holds less than {size_mb:g} MB")
    return "\n\n".join(parts)


def real_news_child(size_mb: float) -> None:
    """Run in a child process: extract ``size_mb`` of real news once, print JSON."""
    from reader.entities import extract_entities
    from reader.entities.tagging.tokens import iter_tokens

    text = real_news_text(size_mb)
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

    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base = "\n\n".join([*parts, UDHR.read_text(encoding="utf-8")]) + "\n\n"
    text = base * max(1, round(size_mb * 1_000_000 / len(base.encode("utf-8"))))
    load_model()
    extract_entities(base)  # warm: model, caches
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
    tokens, speeds = speed_runs(args.size_mb, args.repeat)
    size = sum(f.stat().st_size for f in MODEL_DIR.iterdir() if f.is_file())
    print(
        f"model load (fresh process): median {statistics.median(loads) * 1000:.0f} ms"
        f" over {args.repeat} runs"
    )
    print(
        f"extraction: {tokens} tokens, median {statistics.median(speeds):,.0f} tokens/s"
        f" over {args.repeat} runs"
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
        f"huge article ({huge['mb']:.1f} MB, fresh process): {huge['seconds']:.1f} s,"
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
