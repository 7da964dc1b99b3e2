"""Article-level pass: a name tagged confidently once labels its other mentions.

Most names the CRF misses are repeats (a foreign surname the second time, without its given
name). Spans tagged with high confidence are collected, together with the surnames of
multi-word person names, and untagged occurrences of the same folded words (with or without
an attached proclitic) receive the same label. Common words seen in training mostly outside
names are never propagated on their own. A span whose type disagrees with what the confident
spans of the same phrase say takes their type (هونج كونج tagged a person once, a place elsewhere).

The pass works sentence by sentence in two sweeps (``Votes.add`` over every sentence, then
``apply`` with the resolved names), so a long article never needs all its tokens at once.
A token/tag corpus has no article breaks: there each sentence's article is its neighbourhood.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.entities.conll import chunks, label
from reader.entities.normalize import fold, proclitic_splits

CONFIDENT = 0.5  # chosen by cross-validation on the train split (0.4 to 0.9 tried)


class Known:
    """The names the confident spans resolved, for look-ups by position: each phrase's type
    (``kinds``), and the phrases of two words or more by their first two words, longest first
    (``longer``), so a long article's many names starting with one word are never scanned."""

    __slots__ = ("kinds", "longer")

    def __init__(self, kinds: dict[tuple[str, ...], str]) -> None:
        self.kinds = kinds
        longer: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in kinds.items():
            if len(phrase) > 1:
                longer.setdefault(phrase[:2], []).append((phrase[1:], kind))
        for options in longer.values():
            options.sort(key=lambda item: -len(item[0]))
        self.longer = longer


class Votes:
    """Types that confident spans gave each folded phrase, gathered one sentence at a time."""

    def __init__(self, common: frozenset[str], threshold: float = CONFIDENT) -> None:
        self.common = common
        self.threshold = threshold
        self._votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)

    def add(self, folded: list[str], labels: list[str], confidence: list[float]) -> None:
        """Count the confidently tagged spans of one sentence (words already folded)."""
        for start, end, kind in chunks(labels):
            if min(confidence[start:end]) < self.threshold:
                continue
            phrase = folded[start:end]
            for _, stem in proclitic_splits(phrase[0]):
                self._votes[(stem, *phrase[1:])][kind] += 1
            if kind == "PERS" and end - start > 1 and phrase[-1] not in self.common:
                self._votes[(phrase[-1],)][kind] += 1

    def known(self) -> Known:
        """The type of each phrase; ties and lone common words out."""
        kinds: dict[tuple[str, ...], str] = {}
        for phrase, counter in self._votes.items():
            (kind, top), *rest = counter.most_common(2)
            if rest and rest[0][1] == top:
                continue
            if len(phrase) == 1 and phrase[0] in self.common:
                continue
            kinds[phrase] = kind
        return Known(kinds)


def apply(folded: list[str], labels: list[str], known: Known) -> list[str]:
    """One sentence's labels with known names retyped and their untagged occurrences labelled."""
    new = list(labels)
    for start, end, kind in chunks(labels):
        majority = _known_type(folded[start:end], known)
        if majority and majority != kind:
            label(new, start, end, majority)
    i = 0
    while i < len(folded):
        length = _match(folded, new, i, known) if new[i] == "O" else None
        if length is None:
            i += 1
            continue
        size, kind = length
        label(new, i, i + size, kind)
        i += size
    return new


def _known_type(phrase: list[str], known: Known) -> str | None:
    """The type confident spans gave exactly this phrase (first word maybe with a proclitic)."""
    rest = tuple(phrase[1:])
    for _, stem in proclitic_splits(phrase[0]):
        if (kind := known.kinds.get((stem, *rest))) is not None:
            return kind
    return None


def propagate_nearby(
    words: list[list[str]],
    labels: list[list[str]],
    confidence: list[list[float]],
    common: frozenset[str],
    reach: int,
    threshold: float = CONFIDENT,
) -> list[list[str]]:
    """The article pass for text without article breaks (a token/tag corpus): each sentence
    learns names from the sentences within ``reach`` of it, its likely article."""
    folded = [[fold(w) for w in sentence] for sentence in words]
    out = []
    for i, (sent_words, sent_labels) in enumerate(zip(folded, labels, strict=True)):
        votes = Votes(common, threshold)
        for j in range(max(0, i - reach), min(len(folded), i + reach + 1)):
            votes.add(folded[j], labels[j], confidence[j])
        out.append(apply(sent_words, sent_labels, votes.known()))
    return out


def _match(words: list[str], labels: list[str], i: int, known: Known) -> tuple[int, str] | None:
    """Longest known phrase starting at ``i`` over untagged tokens, as (length, type)."""
    best: tuple[int, str] | None = None
    second = words[i + 1] if i + 1 < len(words) else None
    for _, stem in proclitic_splits(words[i]):
        found: tuple[int, str] | None = None
        for rest, kind in known.longer.get((stem, second), ()) if second is not None else ():
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest and all(tag == "O" for tag in labels[i:end]):
                found = (len(rest) + 1, kind)
                break
        if found is None and labels[i] == "O" and (kind := known.kinds.get((stem,))):
            found = (1, kind)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best and i + best[0] < len(labels) and labels[i + best[0]].startswith("I-"):
        return None
    return best
