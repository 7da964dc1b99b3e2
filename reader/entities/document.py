"""Article-level pass: a name tagged confidently once labels its other mentions.

Most names the CRF misses are repeats (a foreign surname the second time, without its given
name). Spans tagged with high confidence are collected, together with the surnames of
multi-word person names, and untagged occurrences of the same folded words (with or without
an attached proclitic) receive the same label. Common words seen in training mostly outside
names are never propagated on their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.entities.conll import chunks
from reader.entities.normalize import fold, proclitic_splits

CONFIDENT = 0.5  # chosen by cross-validation on the train split (0.4 to 0.9 tried)


def propagate(
    words: list[list[str]],
    labels: list[list[str]],
    confidence: list[list[float]],
    common: frozenset[str],
    threshold: float = CONFIDENT,
) -> list[list[str]]:
    """New label sequences with confidently known names labelled everywhere in the document."""
    folded = [[fold(w) for w in sentence] for sentence in words]
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sent_words, sent_labels, sent_conf in zip(folded, labels, confidence, strict=True):
        for start, end, kind in chunks(sent_labels):
            if min(sent_conf[start:end]) < threshold:
                continue
            phrase = sent_words[start:end]
            for _, stem in proclitic_splits(phrase[0]):
                votes[(stem, *phrase[1:])][kind] += 1
            if kind == "PERS" and end - start > 1 and phrase[-1] not in common:
                votes[(phrase[-1],)][kind] += 1
    known: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for phrase, counter in votes.items():
        (kind, top), *rest = counter.most_common(2)
        if rest and rest[0][1] == top:
            continue
        if len(phrase) == 1 and phrase[0] in common:
            continue
        known[phrase[0]].append((phrase[1:], kind))
    for options in known.values():
        options.sort(key=lambda item: -len(item[0]))
    out = []
    for sent_words, sent_labels in zip(folded, labels, strict=True):
        new = list(sent_labels)
        i = 0
        while i < len(sent_words):
            length = _match(sent_words, new, i, known) if new[i] == "O" else None
            if length is None:
                i += 1
                continue
            size, kind = length
            new[i] = "B-" + kind
            for j in range(i + 1, i + size):
                new[j] = "I-" + kind
            i += size
        out.append(new)
    return out


def _match(
    words: list[str], labels: list[str], i: int, known: dict[str, list[tuple[tuple[str, ...], str]]]
) -> tuple[int, str] | None:
    """Longest known phrase starting at ``i`` over untagged tokens, as (length, type)."""
    best: tuple[int, str] | None = None
    for _, stem in proclitic_splits(words[i]):
        for rest, kind in known.get(stem, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest and all(label == "O" for label in labels[i:end]):
                if best is None or len(rest) + 1 > best[0]:
                    best = (len(rest) + 1, kind)
                break
    if best and i + best[0] < len(labels) and labels[i + best[0]].startswith("I-"):
        return None
    return best
