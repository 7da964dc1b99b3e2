"""The shipped model, loaded once: tagging of sentence windows plus the article pass."""

from __future__ import annotations

import gc
import gzip
import json
import threading
from functools import cache
from pathlib import Path

from reader.entities.article.document import propagate_nearby
from reader.entities.article.sweep import ArticleRules
from reader.entities.tagging.features import FeatureExtractor
from reader.entities.tagging.gazetteer import Gazetteer
from reader.entities.tagging.lexicon import Lexicon
from reader.entities.tagging.tagger import Tagger
from reader.entities.tagging.usage import Usage

MODEL_DIR = Path(__file__).resolve().parent / "model"
# Token/tag files carry no article breaks: the article pass of a sentence sees the sentences
# this close to it (cross-validated on the train split: blocks of 20/40/80/200 sentences and
# reaches of 10/20/40 tried; a reach of 20 was best).
REACH = 20
BLOCK = 40  # sentences of a token/tag file that the article rules take as one article
_LOCK = threading.Lock()
Tagged = list[tuple[list[str], list[float], list[bool]]]


class Model:
    """Tagger, gazetteer, lexicon, corpus usage and the common-word list the article pass needs."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        self.gazetteer = Gazetteer.load(directory / "gazetteers.json")
        lexicon = Lexicon.from_json(
            json.loads((directory / "lexicon.json").read_text(encoding="utf-8"))
        )
        usage = Usage.load(directory / "usage.tsv.gz")
        with gzip.open(directory / "attributes.txt.gz", "rt", encoding="utf-8") as lines:
            attributes = lines.read().split("\n")  # sorted
        self.features = FeatureExtractor(self.gazetteer, lexicon, usage, attributes)
        self.tagger = Tagger(directory / "tagger.crfsuite", self.features)
        self.common = frozenset((directory / "common.txt").read_text(encoding="utf-8").split())


@cache
def load_model() -> Model:
    """The shipped model (cached; crfsuite taggers are not thread-safe, so calls hold _LOCK).

    It lives as long as the process, so it is frozen out of the garbage collector's way: its
    dictionaries hold a million references, which every full collection would walk again
    while an article is extracted (with everything else the process holds at that moment).
    """
    model = Model()
    gc.freeze()
    return model


def tag_window(words: list[list[str]]) -> Tagged:
    """(labels, confidences, which words training did not know) for a few sentences; the lock
    is held for these only (the flags come from the features' cache, warm for these words)."""
    tagger = load_model().tagger
    with _LOCK:
        return [(*tagger.tag(sentence), tagger.features.unknown(sentence)) for sentence in words]


def tag_sentences(sentences: list[list[str]], rules: bool = True) -> list[list[str]]:
    """Labels for a token/tag file's sentences, as `reader extract` labels an article's: each
    sentence with its neighbours as its article for the article pass, and (``rules``) each
    block of BLOCK sentences as one for the article rules, but for the two whose conventions
    ANERcorp's annotation does not share (see ``article.sweep``)."""
    model = load_model()
    tagged = [t for i in range(0, len(sentences), 40) for t in tag_window(sentences[i : i + 40])]
    labels = propagate_nearby(
        sentences, [t[0] for t in tagged], [t[1] for t in tagged], model.common, REACH
    )
    if not rules:
        return labels
    out: list[list[str]] = []
    for start in range(0, len(sentences), BLOCK):
        block = range(start, min(start + BLOCK, len(sentences)))
        article = ArticleRules(model)
        for n in block:
            article.add(sentences[n], labels[n], tagged[n][2])
        out += [
            article.label(sentences[n], labels[n], tagged[n][2], conventions=False) for n in block
        ]
    return out
