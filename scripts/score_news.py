"""Score the entity pane on the hand-annotated news articles (issue 17).

  python scripts/score_news.py --split dev [--details]
  python scripts/score_news.py --split dev2 [--details]
  python scripts/score_news.py --split heldout

Reads the annotations (tests/data/news_entities.json; rules in news_entities.md beside it) and
the articles' texts from ../shared/data/news/ (CC BY-NC-SA: never copied into the repository),
extracts each article's entities as `reader extract` does (title, blank line, text) and prints
precision and recall per type over the split (reader.entities.gold states the matching rule).
--details lists, per article, the pane entries that match nothing and the gold entities missed.
The 20 dev and 18 dev2 articles are for error analysis and tuning (dev2 was annotated later and
scored once before any tuning on it, as an estimate on unseen news); the 10 held-out ones are
for reporting.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities import extract_entities  # noqa: E402
from reader.entities.gold import TYPES, Tally, gold_entities, score_article  # noqa: E402

GOLD = ROOT / "tests" / "data" / "news_entities.json"
NEWS = ROOT.parent / "shared" / "data" / "news"
SPLITS = ("dev", "dev2", "heldout")


def articles(split: str, gold: Path = GOLD, news: Path = NEWS) -> list[tuple[dict, str]]:
    """(annotation, text) of every annotated article of ``split`` (one of SPLITS, or "all")."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    corpus = news / data["corpus"]
    if not corpus.is_file():
        raise SystemExit(f"score_news: the real-news corpus is missing: expected {corpus}")
    wanted = {a["url"]: a for a in data["articles"] if split in ("all", a["split"])}
    texts: dict[str, str] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["url"] in wanted:
                texts[article["url"]] = f"{article['title']}\n\n{article['content']}"
    missing = wanted.keys() - texts.keys()
    if missing:
        raise SystemExit(f"score_news: {len(missing)} annotated articles are not in {corpus}")
    return [(annotation, texts[url]) for url, annotation in wanted.items()]


def score(split: str, details: bool = False) -> dict[str, Tally]:
    """Per-type tallies over ``split``; with ``details``, print each article's errors."""
    tallies: dict[str, Tally] = {}
    for annotation, text in articles(split):
        before = {kind: (len(t.false), len(t.missed)) for kind, t in tallies.items()}
        score_article(extract_entities(text), gold_entities(annotation), tallies)
        if details:
            print(f"# {annotation['url']}")
            for kind in TYPES:
                false, missed = before.get(kind, (0, 0))
                tally = tallies[kind]
                if tally.false[false:] or tally.missed[missed:]:
                    print(f"  {kind}: false {tally.false[false:]} missed {tally.missed[missed:]}")
    return tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), required=True)
    parser.add_argument("--details", action="store_true", help="each article's errors")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    tallies = score(args.split, args.details)
    if args.json:
        print(
            json.dumps(
                {
                    kind: {"precision": round(t.precision, 1), "recall": round(t.recall, 1)}
                    for kind, t in tallies.items()
                }
            )
        )
        return 0
    print(f"{'type':<14}{'precision':>10}{'recall':>10}   right/entries, found/gold")
    for kind in TYPES:
        t = tallies[kind]
        print(
            f"{kind:<14}{t.precision:>10.1f}{t.recall:>10.1f}"
            f"   {t.right}/{t.found}, {t.covered}/{t.expected}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
