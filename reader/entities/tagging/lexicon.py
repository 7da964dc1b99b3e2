"""Word-level name lexicon learnt from the training split (which type a word form usually tags).

The training script builds it jackknife-style (each training fold sees the lexicon of the other
folds) so the CRF learns how far to trust it on unseen text; the shipped copy comes from the
whole train split.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.entities.normalize import fold

MIN_SHARE = 0.3  # a word tagged as a name less often than this is not listed
STRONG_SHARE = 0.8
VOCAB_MIN = 2  # words seen this often are "known"; unknown words are often foreign names


class Lexicon:
    """Name types of known word forms, and the vocabulary of the training text."""

    def __init__(self, names: dict[str, str], vocab: frozenset[str]) -> None:
        self.names = names
        self.vocab = vocab

    @classmethod
    def from_json(cls, data: dict) -> Lexicon:
        return cls(data["names"], frozenset(data["vocab"]))

    def to_json(self) -> dict:
        return {"names": dict(sorted(self.names.items())), "vocab": sorted(self.vocab)}


def build_lexicon(sentences: list[tuple[list[str], list[str]]]) -> Lexicon:
    """Names: folded word -> "TYPE" ("TYPE!" when that type at least STRONG_SHARE of the time)."""
    total: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            key = fold(token)
            if len(key) < 2:
                continue
            total[key] += 1
            if tag != "O":
                kinds[key][tag[2:]] += 1
    names = {}
    for key, counter in kinds.items():
        kind, count = counter.most_common(1)[0]
        share = count / total[key]
        if share >= MIN_SHARE:
            names[key] = kind + ("!" if share >= STRONG_SHARE else "")
    return Lexicon(names, frozenset(key for key, n in total.items() if n >= VOCAB_MIN))
