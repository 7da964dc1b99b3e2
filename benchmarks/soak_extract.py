"""Soak: extraction over every article of the real-news corpus and over concatenations of them.

  python benchmarks/soak_extract.py [--every 1] [--join 8]

Real news has what random text lacks: a lone tatweel used as a dash (في بلادنا ـ في بلادنا),
«» and “” quotes, lists, bylines, Latin words, numbers in every script. Each article (title and
text) is extracted on its own, then runs of --join consecutive articles are extracted as one
text, glued by separators real pages produce (a line break, nothing, a tatweel dash), so that
names and numbers meet across the seams. Every result must keep the `reader extract` contract
(``problems``); the script prints each failure with the article's url and exits 1 if any.

The corpus is ../shared/data/news/ beside the checkout (CC BY-NC-SA 4.0: read at run time,
never copied into the repository). tests/entities/test_entities_soak.py runs a bounded sample
of the same soak with the same checks in the normal test run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities import Entity  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_2015-07-22_25.jsonl.gz"
SEPARATORS = ("\n", "", " ـ ", "\n\n", "ـ", " ")
TYPES = frozenset(("person", "place", "organization", "number"))


def read_news(path: Path = NEWS) -> list[dict[str, str]]:
    """The corpus's articles (one JSON object a line); a clear error if it is not there."""
    if not path.is_file():
        raise FileNotFoundError(
            f"the real-news corpus is missing: expected {path} (the read-only ../shared/data/news/"
            " beside the checkout; see its README)"
        )
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def article_text(article: dict[str, str]) -> str:
    """Title and text as the loader gives them for a page: title, blank line, body."""
    return f"{article.get('title') or ''}\n\n{article.get('content') or ''}"


def concatenations(texts: list[str], join: int) -> Iterator[str]:
    """Runs of ``join`` consecutive texts, each glued by the separators in turn."""
    for n, i in enumerate(range(0, len(texts) - join + 1, join)):
        sep = SEPARATORS[n % len(SEPARATORS)]
        yield sep.join(texts[i : i + join])


def problems(text: str, entities: list[Entity]) -> list[str]:
    """Ways the result breaks the extraction contract (ARCHITECTURE.md), as short messages."""
    out = []
    for entity in entities:
        where = f"{entity.type} {entity.name!r}"
        if entity.type not in TYPES:
            out.append(f"{where}: unknown type")
        if not entity.name or entity.name != entity.name.strip() or "\n" in entity.name:
            out.append(f"{where}: bad name")
        if entity.type != "number" and (entity.value is not None or entity.unit is not None):
            out.append(f"{where}: a value on a name")
        if not entity.mentions:
            out.append(f"{where}: no mention")
        spans = [(m.start, m.end) for m in entity.mentions]
        if spans != sorted(set(spans)):
            out.append(f"{where}: mentions not sorted or repeated")
        for m in entity.mentions:
            if not (0 <= m.start < m.end <= len(text)) or text[m.start : m.end] != m.text:
                out.append(f"{where}: mention {m.start}:{m.end} is not the article's text")
            elif m.text != m.text.strip() or "\n" in m.text:
                out.append(f"{where}: mention {m.text!r} has spacing at its edges or a line break")
        try:
            json.dumps(entity.to_dict(), ensure_ascii=False)
        except (TypeError, ValueError) as err:
            out.append(f"{where}: not JSON ({err})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="take every n-th article")
    parser.add_argument("--join", type=int, default=8, help="articles per concatenation")
    args = parser.parse_args()
    from reader.entities import extract_entities
    from reader.entities.tagging.tokens import tokenize

    articles = read_news()[:: args.every]
    texts = [article_text(a) for a in articles]
    names = [a.get("url") or f"article {i}" for i, a in enumerate(articles)]
    cases = list(zip(names, texts, strict=True))
    cases += [
        (f"concatenation {n} ({args.join} articles from {names[n * args.join]})", text)
        for n, text in enumerate(concatenations(texts, args.join))
    ]
    extract_entities("تحميل")  # the model, outside the timing
    failures = tokens = 0
    seconds = 0.0
    for name, text in cases:
        started = time.perf_counter()
        try:
            entities = extract_entities(text)
        except Exception:  # report every crash with its article, then go on
            failures += 1
            print(f"CRASH {name}\n{traceback.format_exc()}", flush=True)
            continue
        seconds += time.perf_counter() - started
        tokens += len(tokenize(text))
        for problem in problems(text, entities):
            failures += 1
            print(f"FAIL {name}: {problem}", flush=True)
    print(
        f"{len(articles)} articles and {len(cases) - len(articles)} concatenations,"
        f" {tokens:,} tokens in {seconds:.1f} s of extraction ({tokens / seconds:,.0f} tokens/s);"
        f" {failures} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
