"""Benchmark: model load time and extraction speed (tokens per second), reported as medians.

  python benchmarks/bench_extract.py [--repeat 5] [--size-mb 1.0]

Targets (issue 3): model load < 300 ms, extraction >= 20,000 tokens/s, model data <= 10 MB.
The text is the ANERcorp test split's sentences (varied 2007 news, vendored in tests/data)
followed by the sample article, repeated to the requested size. Word caches are cleared before
every timed run, so the figure is the cold-cache speed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities import extract_entities  # noqa: E402
from reader.entities.normalize import fold, proclitic_splits  # noqa: E402
from reader.entities.pipeline import MODEL_DIR, load_model  # noqa: E402
from reader.entities.tokens import tokenize  # noqa: E402

SAMPLE = ROOT / "seeds" / "karabakh-separatists-surrender.txt"
NEWS = ROOT / "tests" / "data" / "ner" / "anercorp_test.tsv"
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); from reader.entities.pipeline import load_model; "
    "load_model(); print(time.perf_counter() - t)"
)


def load_seconds() -> float:
    """Import and model load in a fresh interpreter (what the app pays on first extraction)."""
    out = subprocess.run(
        [sys.executable, "-c", LOAD_SNIPPET], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size-mb", type=float, default=1.0)
    args = parser.parse_args()
    loads = [load_seconds() for _ in range(args.repeat)]
    sample = SAMPLE.read_text(encoding="utf-8")
    news = "\n".join(
        " ".join(line.split("\t")[0] for line in block.splitlines())
        for block in NEWS.read_text(encoding="utf-8").split("\n\n")
    )
    base = news + "\n\n" + sample
    text = base * max(1, round(args.size_mb * 1_000_000 / len(base.encode("utf-8"))))
    tokens = len(tokenize(text))
    extract_entities(sample)  # load the model outside the timed runs
    speeds = []
    for _ in range(args.repeat):
        fold.cache_clear()
        proclitic_splits.cache_clear()
        load_model().tagger.features.clear_cache()
        started = time.perf_counter()
        extract_entities(text)
        speeds.append(tokens / (time.perf_counter() - started))
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
