"""The shipped CRF sequence tagger (python-crfsuite) and its per-token confidences."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from reader.entities.tagging.features import FeatureExtractor


class Tagger:
    """BIO tagger over PERS/LOC/ORG/MISC; returns labels and the marginal of each label."""

    def __init__(self, model: Path, features: FeatureExtractor) -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self.features = features

    def tag(self, words: list[str]) -> tuple[list[str], list[float]]:
        """Labels for one sentence, and for entity labels their marginal probability (1.0 for O)."""
        if not words:
            return [], []
        crf = self._crf
        labels = crf.tag(self.features.sequence(words))
        confidence = [
            1.0 if label == "O" else crf.marginal(label, i) for i, label in enumerate(labels)
        ]
        return labels, confidence
