"""Extraction conventions beyond the ANERcorp annotation, applied to articles only.

ANERcorp never tags ministries, and a tagger trained on 2007 news cannot know every region,
so `reader extract` adds two rules (`reader eval-ner` scores the tagger without them):
  * ministries: وزارة followed by definite words (وزارة الدفاع الروسية) are organizations;
  * repeated unknown phrases: a sequence of two or three words the training text never used,
    left untagged, repeated at least three times in the article and mostly after a place
    preposition (في ناغورني قره باخ) is a place.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.entities.features import core_form
from reader.entities.normalize import fold, proclitic_splits
from reader.entities.tokens import Token

MINISTRY = "وزاره"
MAX_MINISTRY_WORDS = 3
PLACE_PREPOSITIONS = frozenset(fold(w) for w in ["في", "من", "إلى", "الى", "داخل", "حول"])
MIN_REPEATS = 3


def ministries(sentence: list[Token], labels: list[str]) -> list[tuple[list[Token], str]]:
    """Untagged وزارة + definite words, with the head's clitic (لوزارة) cut off."""
    spans = []
    i = 0
    while i < len(sentence):
        cut = next(
            (c for c, stem in proclitic_splits(fold(sentence[i].text)) if stem == MINISTRY), None
        )
        if cut is None or labels[i] != "O":
            i += 1
            continue
        j = i + 1
        while j < len(sentence) and j - i <= MAX_MINISTRY_WORDS and labels[j] == "O":
            if not fold(sentence[j].text).startswith("ال"):
                break
            j += 1
        if j > i + 1:
            head = sentence[i]
            spans.append(
                ([Token(head.text[cut:], head.start + cut, head.end), *sentence[i + 1 : j]], "ORG")
            )
        i = j
    return spans


def repeated_places(
    words: list[list[str]], labels: list[list[str]], unknown: list[list[bool]]
) -> list[list[str]]:
    """Label repeated unknown phrases that mostly follow a place preposition as places."""
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for s, (sent, sent_labels, sent_unknown) in enumerate(zip(words, labels, unknown, strict=True)):
        for i in range(len(sent)):
            for n in (3, 2):
                window = range(i, i + n)
                if i + n <= len(sent) and all(
                    sent_unknown[k] and sent_labels[k] == "O" for k in window
                ):
                    occurrences[tuple(core_form(fold(sent[k])) for k in window)].append((s, i))
    out = [list(sent_labels) for sent_labels in labels]
    for phrase in sorted(occurrences, key=len, reverse=True):
        free = [
            (s, i)
            for s, i in occurrences[phrase]
            if all(out[s][k] == "O" for k in range(i, i + len(phrase)))
        ]
        if len(free) < MIN_REPEATS:
            continue
        before = Counter(i > 0 and fold(words[s][i - 1]) in PLACE_PREPOSITIONS for s, i in free)
        if before[True] * 2 < len(free):
            continue
        for s, i in free:
            out[s][i] = "B-LOC"
            for k in range(i + 1, i + len(phrase)):
                out[s][k] = "I-LOC"
    return out
