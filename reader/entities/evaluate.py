"""Entity-level exact-match scoring (conlleval definition) for `reader eval-ner`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from reader.entities.conll import chunks, read_conll

TYPES = ("PERS", "LOC", "ORG", "MISC")
Scores = dict[str, dict[str, float]]


def score(gold: list[list[str]], predicted: list[list[str]]) -> Scores:
    """Precision, recall and F1 in percent per type and overall; an entity counts only if exact."""
    correct: Counter[str] = Counter()
    found: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans = set(chunks(gold_tags))
        pred_spans = set(chunks(pred_tags))
        for span in gold_spans:
            expected[span[2]] += 1
        for span in pred_spans:
            found[span[2]] += 1
            if span in gold_spans:
                correct[span[2]] += 1
    kinds = list(TYPES) + sorted((set(expected) | set(found)) - set(TYPES))
    result = {kind: _prf(correct[kind], found[kind], expected[kind]) for kind in kinds}
    result["overall"] = _prf(sum(correct.values()), sum(found.values()), sum(expected.values()))
    return result


def _prf(correct: int, found: int, expected: int) -> dict[str, float]:
    precision = 100.0 * correct / found if found else 0.0
    recall = 100.0 * correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 2), "recall": round(recall, 2), "f1": round(f1, 2)}


def evaluate_file(path: str | Path, *, rules: bool = True, **reading: Any) -> Scores:
    """Label a token/tag file as extraction labels an article and score it: the shipped
    tagger, the article pass and (``rules``) the article rules whose conventions ANERcorp's
    annotation shares (``pipeline.tag_sentences``); without them, the tagger and the article
    pass alone.

    ``reading`` goes to ``read_conll`` (encoding, size limit, warnings).  Raises
    ``reader.entities.conll.ConllError`` with a one-line message for unreadable input.
    """
    from reader.entities.pipeline import tag_sentences

    sentences = read_conll(path, **reading)
    predicted = tag_sentences([tokens for tokens, _ in sentences], rules)
    return score([tags for _, tags in sentences], predicted)


def format_table(scores: Scores) -> str:
    """The plain-text table `reader eval-ner` prints."""
    lines = [f"{'type':<8}{'precision':>10}{'recall':>10}{'f1':>10}"]
    for kind, values in scores.items():
        lines.append(
            f"{kind:<8}{values['precision']:>10.2f}{values['recall']:>10.2f}{values['f1']:>10.2f}"
        )
    return "\n".join(lines)
