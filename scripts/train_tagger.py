"""Train the shipped CRF tagger on the ANERcorp train split (never on the test split).

  python scripts/train_tagger.py --cv 4 --grid 0.02,0.05 0.05,0.01 --thresholds 0.5 0.6
  python scripts/train_tagger.py          # train the shipped model (defaults = CV choice)

Cross-validation (4 folds, 150 iterations) chose c1=0.02, c2=0.05 and the article-pass
confidence 0.5: PERS F1 71.7, LOC 86.4, ORG 58.4, overall 74.9 on held-out train folds.

Writes reader/entities/model/tagger.crfsuite, lexicon.json (which type a word form usually
tags in the train split) and common.txt (folded words the train split mostly uses outside names;
the article-level pass never propagates them alone). While training, each sentence sees the
lexicon of the other JACKKNIFE folds only, so the CRF learns how much an unseen text's lexicon
hits are worth.
Cross-validation folds are contiguous blocks of sentences, so articles mostly stay whole.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities.conll import read_conll  # noqa: E402
from reader.entities.document import CONFIDENT, propagate  # noqa: E402
from reader.entities.evaluate import score  # noqa: E402
from reader.entities.features import FeatureExtractor  # noqa: E402
from reader.entities.gazetteer import Gazetteer  # noqa: E402
from reader.entities.lexicon import Lexicon, build_lexicon  # noqa: E402
from reader.entities.normalize import fold  # noqa: E402
from reader.entities.pipeline import DOCUMENT_SENTENCES  # noqa: E402
from reader.entities.tagger import Tagger  # noqa: E402

MODEL_DIR = ROOT / "reader" / "entities" / "model"
DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "ner" / "anercorp_train.tsv"
Sentences = list[tuple[list[str], list[str]]]
JACKKNIFE = 5


def common_words(sentences: Sentences, min_count: int = 3, outside_share: float = 0.7) -> list[str]:
    """Folded words seen at least ``min_count`` times, mostly (``outside_share``) tagged O."""
    total: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            key = fold(token)
            total[key] += 1
            outside[key] += tag == "O"
    return sorted(w for w, n in total.items() if n >= min_count and outside[w] / n >= outside_share)


def train(
    sentences: Sentences, gazetteer: Gazetteer, c1: float, c2: float, out: Path, iterations: int
) -> None:
    """Fit an L-BFGS CRF, elastic-net regularised, jackknifed lexicon; save it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    size = -(-len(sentences) // JACKKNIFE)
    for j in range(0, len(sentences), size):
        lexicon = build_lexicon(sentences[:j] + sentences[j + size :])
        extractor = FeatureExtractor(gazetteer, lexicon)
        for tokens, tags in sentences[j : j + size]:
            trainer.append(extractor.sequence(tokens), tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out))


def predict(model: Path, sentences: Sentences, gazetteer: Gazetteer, lexicon: Lexicon) -> list:
    """Raw tagger output (labels, confidences) for each sentence."""
    tagger = Tagger(model, FeatureExtractor(gazetteer, lexicon))
    return [tagger.tag(tokens) for tokens, _ in sentences]


def with_document_pass(
    sentences: Sentences, tagged: list, common: list[str], threshold: float, block: int
) -> list:
    """Apply the article-level pass on blocks of ``block`` sentences."""
    out = []
    for i in range(0, len(sentences), block):
        part = tagged[i : i + block]
        words = [tokens for tokens, _ in sentences[i : i + block]]
        out += propagate(
            words, [t[0] for t in part], [t[1] for t in part], frozenset(common), threshold
        )
    return out


def cross_validate(
    sentences: Sentences,
    gazetteer: Gazetteer,
    grid: list[tuple[float, float]],
    folds: int,
    iterations: int,
    thresholds: list[float],
) -> None:
    """Print CV F1 per configuration, for the raw CRF and with the article pass."""
    size = len(sentences) // folds
    for c1, c2 in grid:
        gold, raw, passes = [], [], {}
        for k in range(folds):
            held = sentences[k * size : (k + 1) * size if k < folds - 1 else None]
            rest = (
                sentences[: k * size]
                + sentences[(k + 1) * size if k < folds - 1 else len(sentences) :]
            )
            common = common_words(rest)
            gold += [tags for _, tags in held]
            with tempfile.TemporaryDirectory() as tmp:
                model = Path(tmp) / "fold.crfsuite"
                train(rest, gazetteer, c1, c2, model, iterations)
                tagged = predict(model, held, gazetteer, build_lexicon(rest))
            raw += [labels for labels, _ in tagged]
            for threshold in thresholds:
                passes.setdefault(threshold, []).extend(
                    with_document_pass(held, tagged, common, threshold, DOCUMENT_SENTENCES)
                )
        _report(f"c1={c1} c2={c2} crf", score(gold, raw))
        for threshold, predicted in passes.items():
            _report(f"c1={c1} c2={c2} crf+article pass t={threshold}", score(gold, predicted))


def _report(name: str, scores: dict) -> None:
    print(
        f"{name:<42} PERS {scores['PERS']['f1']:6.2f}  LOC {scores['LOC']['f1']:6.2f}  "
        f"ORG {scores['ORG']['f1']:6.2f}  overall {scores['overall']['f1']:6.2f}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--c1", type=float, default=0.02)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument(
        "--cv", type=int, default=0, help="number of folds; 0 trains the shipped model"
    )
    parser.add_argument("--grid", nargs="*", default=[], help="c1,c2 pairs for --cv")
    parser.add_argument(
        "--thresholds",
        nargs="*",
        type=float,
        default=[CONFIDENT, 0.8],
        help="article-pass confidences for --cv",
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    if "test" in args.train.name:
        parser.error("refusing to train on a test split")
    sentences = read_conll(args.train)
    gazetteer = Gazetteer.load(MODEL_DIR / "gazetteers.json")
    started = time.perf_counter()
    if args.cv:
        grid = [tuple(float(x) for x in pair.split(",")) for pair in args.grid] or [
            (args.c1, args.c2)
        ]
        cross_validate(sentences, gazetteer, grid, args.cv, args.iterations, args.thresholds)
    else:
        train(sentences, gazetteer, args.c1, args.c2, args.out / "tagger.crfsuite", args.iterations)
        lexicon = json.dumps(
            build_lexicon(sentences).to_json(), ensure_ascii=False, separators=(",", ":")
        )
        (args.out / "lexicon.json").write_text(lexicon, encoding="utf-8")
        (args.out / "common.txt").write_text(
            "\n".join(common_words(sentences)) + "\n", encoding="utf-8"
        )
        print(f"wrote tagger.crfsuite, lexicon.json and common.txt to {args.out}")
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
