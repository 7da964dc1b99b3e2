"""Search across the store: 5,000 real news articles, query times and the store's size.

Run: python benchmarks/bench_search.py [--articles 5000] [--runs 5]
Target (issue 18): p95 query time under 50 ms for `Store.search` (FTS5 candidates by bm25,
confirmed, counted and quoted by the in-article search, 20 results) over 5,000 stored
articles from ../shared/data/news/. The baseline, measured in the same run, is the
in-article search run over every stored text (what the index saves). The articles are
read from the shared data set (CC BY-NC-SA, never copied into the repository).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import time
from pathlib import Path

from reader.store import Store
from reader.store.index import find

NEWS = Path(__file__).resolve().parents[2] / "shared/data/news/saudinewsnet_2015-07-22_25.jsonl.gz"
QUERIES = [
    "السعودية",  # in most articles
    "المملكة",
    "وزير الخارجية",  # a phrase
    "الرياض",
    "اسلحة",  # hamza, article and clitics folded
    "مستشفي",  # alef maqsura
    "الملك سلمان",
    "٢٠١٥",  # Arabic-Indic digits
    "إيران",
    "الاتفاق النووي",
    "داعش",
    "كرة القدم",
    "الهلال",
    "الأمطار",
    "جامعة الملك سعود",
    "التعليم",
    "البنك المركزي",
    "بالرياض",
    "للمواطنين",
    "اليمن",
    "الحوثيين",
    "مكة المكرمة",
    "النفط",
    "أسعار",
    "المرور",
    "وزارة الصحة",
    "كورونا",
    "الشرطة",
    "حريق",
    "زلزال",
]


def articles(path: Path, count: int) -> list[tuple[str, str, str]]:
    """(source, title, text) of the first `count` articles with text, as the loader makes
    them from a page (title, a blank line, the body)."""
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            record = json.loads(line)
            title = " ".join((record.get("title") or "").split())
            body = (record.get("content") or "").strip()
            if not title or not body:
                continue
            source = record.get("url") or f"news:{number}"
            found.append((f"{source}#{number}", title, f"{title}\n\n{body}"))
            if len(found) == count:
                break
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--news", type=Path, default=NEWS)
    options = parser.parse_args()

    documents = articles(options.news, options.articles)
    text_bytes = sum(len(text.encode("utf-8")) for _, _, text in documents)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "store.sqlite3"
        with Store(path) as store:
            start = time.perf_counter()
            for source, title, text in documents:
                store.save_document(source, "page", title, text)
            stored = time.perf_counter() - start
            store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = path.stat().st_size

            times: list[float] = []
            hits: dict[str, int] = {}
            for _ in range(options.runs):
                for query in QUERIES:
                    start = time.perf_counter()
                    results = store.search([query], limit=20)
                    times.append(time.perf_counter() - start)
                    hits[query] = len(results)

            baseline: list[float] = []
            for query in QUERIES[:5]:
                start = time.perf_counter()
                for _source, _title, text in documents:
                    find(text, [query])
                baseline.append(time.perf_counter() - start)

    median = statistics.median(times)
    print(f"articles stored: {len(documents)} ({text_bytes / 1e6:.1f} MB of UTF-8 text)")
    print(f"storing and indexing: {stored:.1f} s ({len(documents) / stored:.0f} articles/s)")
    print(f"store size: {size / 1e6:.1f} MB ({size / text_bytes:.2f}x the text)")
    print(
        f"query time over {len(QUERIES)} queries x {options.runs} runs: median "
        f"{median * 1000:.1f} ms, p95 {percentile(times, 0.95) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms (target p95 < 50 ms)"
    )
    print(
        f"baseline, the in-article search over every text: median "
        f"{statistics.median(baseline) * 1000:.0f} ms per query "
        f"({statistics.median(baseline) / median:.0f}x the index)"
    )
    print("results per query (limit 20): " + ", ".join(f"{q} {n}" for q, n in hits.items()))


if __name__ == "__main__":
    main()
