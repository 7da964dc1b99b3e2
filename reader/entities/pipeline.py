"""The shipped model, loaded once: tagging of token sequences plus the article-level pass."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from reader.entities.document import propagate
from reader.entities.features import FeatureExtractor
from reader.entities.gazetteer import Gazetteer
from reader.entities.lexicon import Lexicon
from reader.entities.tagger import Tagger

MODEL_DIR = Path(__file__).resolve().parent / "model"
# Token/tag files carry no article breaks: the article pass works on blocks this long
# (40 beat the whole file in cross-validation on the train split).
DOCUMENT_SENTENCES = 40
_LOCK = threading.Lock()


class Model:
    """Tagger, gazetteer, lexicon and the common-word list the article pass needs."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        self.gazetteer = Gazetteer.load(directory / "gazetteers.json")
        lexicon = Lexicon.from_json(
            json.loads((directory / "lexicon.json").read_text(encoding="utf-8"))
        )
        self.tagger = Tagger(
            directory / "tagger.crfsuite", FeatureExtractor(self.gazetteer, lexicon)
        )
        self.common = frozenset((directory / "common.txt").read_text(encoding="utf-8").split())


@cache
def load_model() -> Model:
    """The shipped model (cached; crfsuite taggers are not thread-safe, so calls hold _LOCK)."""
    return Model()


def tag_document(
    words: list[list[str]], progress: Callable[[float], None] | None = None, share: float = 1.0
) -> list[list[str]]:
    """BIO labels for the sentences of one document, after the article-level pass.

    ``progress`` receives fractions up to ``share`` while sentences are tagged.
    """
    model = load_model()
    labels, confidence = [], []
    total = sum(len(s) for s in words) or 1
    done = 0
    step = max(total // 100, 2000)
    next_report = step
    with _LOCK:
        for sentence in words:
            sent_labels, sent_conf = model.tagger.tag(sentence)
            labels.append(sent_labels)
            confidence.append(sent_conf)
            done += len(sentence)
            if progress and done >= next_report:
                progress(share * done / total)
                next_report = done + step
    return propagate(words, labels, confidence, model.common)


def tag_sentences(sentences: list[list[str]]) -> list[list[str]]:
    """Labels for a token/tag file's sentences, treated as documents of DOCUMENT_SENTENCES each."""
    out: list[list[str]] = []
    for i in range(0, len(sentences), DOCUMENT_SENTENCES):
        out += tag_document(sentences[i : i + DOCUMENT_SENTENCES])
    return out
