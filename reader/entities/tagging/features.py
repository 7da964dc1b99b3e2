"""CRF features: word, affixes, shape, clitic-stripped form, gazetteer hits, corpus usage,
context window.

Word-level features depend only on the token string, so they are computed once per distinct
token and cached together with their context-shifted copies; a sentence's feature lists are
then mostly list concatenation, which keeps extraction well above 20,000 tokens per second.
"""

from __future__ import annotations

import re

from reader.entities.normalize import fold
from reader.entities.tagging.gazetteer import Gazetteer
from reader.entities.tagging.lexicon import Lexicon
from reader.entities.tagging.usage import Usage

_DIGITS = re.compile(r"^[0-9٠-٩۰-۹.,٫٬]+$")
_LATIN = re.compile(r"^[A-Za-z]+$")
_ARABIC = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+$")
_CACHE_LIMIT = 20_000  # distinct words whose features are kept (a few KB each)
_OFFSETS = (-2, -1, 1, 2)
# Words that make a sentence a sports report, where a city often names its club (ميلان).
_SPORT = frozenset(
    fold(w)
    for w in (
        *("فريق", "نادي", "مباراة", "دوري", "كأس", "هدف", "أهداف", "بطولة", "منتخب"),
        *("لاعب", "لاعبين", "مدرب", "ملعب", "ركلة", "تعادل", "فوز", "هزيمة"),
    )
)


def core_form(key: str) -> str:
    """A guess at the folded word without a leading و/ف and the article ال (with its attached
    ب/ل/ك), for words the corpus does not know (``Usage.reading`` decides for the others)."""
    if len(key) > 3 and key[0] in "وف":
        key = key[1:]
    for prefix in ("بال", "كال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return key[len(prefix) :]
    if len(key) > 3 and key[0] in "بل":
        return key[1:]
    return key


def shape(word: str) -> str:
    """Coarse orthographic class of a token."""
    if _DIGITS.match(word):
        return "num"
    if _ARABIC.match(word):
        return "ar"
    if _LATIN.match(word):
        return "lat"
    if word.isalnum():
        return "mix"
    return "punct"


class FeatureExtractor:
    """Turns token sequences into crfsuite feature lists."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, usage: Usage) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.usage = usage
        self._cache: dict[str, tuple[list[str], tuple[list[str], ...], str, bool, bool]] = {}

    def _word(self, word: str) -> tuple[list[str], tuple[list[str], ...], str, bool, bool]:
        """(own features, features as seen from each context offset, folded form, unknown?,
        sports word?)."""
        key = fold(word)
        reading = self.usage.reading(key)
        core = reading or core_form(key)
        kind = shape(word)
        gaz = ["g=" + c for c in self.gazetteer.word_categories(word)]
        if self.gazetteer.is_nationality(word):
            gaz.append("g=nat")
        names = self.lexicon.names
        if known := names.get(key):
            gaz.append("lx=" + known)
        if core != key and (known := names.get(core)):
            gaz.append("lxc=" + known)
        if kind == "ar" and key not in self.lexicon.vocab and core not in self.lexicon.vocab:
            gaz.append("unk")
        use = self.usage.features(key) if kind == "ar" else []
        own = [
            "w=" + key,
            "c=" + core,
            "sh=" + kind,
            "p2=" + key[:2],
            "p3=" + key[:3],
            "cp3=" + core[:3],
            "s1=" + key[-1:],
            "s2=" + key[-2:],
            "s3=" + key[-3:],
            "len=" + str(min(len(core), 8)),
            "pre=" + key[: len(key) - len(core)],
            *gaz,
            *use,
        ]
        context_base = ["w=" + key, "c=" + core, "sh=" + kind, "s2=" + key[-2:], *gaz, *use]
        shifted = tuple([f"{offset}{f}" for f in context_base] for offset in _OFFSETS)
        entry = (own, shifted, key, "unk" in gaz, reading in _SPORT)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def clear_cache(self) -> None:
        """Forget the per-word features (benchmarks measure the cold-cache speed)."""
        self._cache.clear()

    def unknown(self, words: list[str]) -> list[bool]:
        """Which words the training text never (or once) used."""
        cache = self._cache
        return [(cache.get(w) or self._word(w))[3] for w in words]

    def sequence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for one sentence."""
        cache = self._cache
        info = [cache.get(w) or self._word(w) for w in words]
        n = len(words)
        folded = [entry[2] for entry in info]
        phrase: list[list[str]] = [[] for _ in range(n)]
        for start, end, category in self.gazetteer.phrase_spans(folded):
            phrase[start].append("m=B" + category)
            for j in range(start + 1, end):
                phrase[j].append("m=I" + category)
        sport = any(entry[4] for entry in info)
        out = []
        for i in range(n):
            feats = ["bias", *info[i][0], *phrase[i]]
            if sport:
                feats += ["topic=sport", *("sport|" + f for f in info[i][0] if f[:2] == "g=")]
            for k, offset in enumerate(_OFFSETS):
                j = i + offset
                if 0 <= j < n:
                    feats += info[j][1][k]
                elif j == -1 or j == n:
                    feats.append(f"{offset}=edge")
            if i > 0:
                feats.append(f"b={folded[i - 1]}|{folded[i]}")
            if i + 1 < n:
                feats.append(f"f={folded[i]}|{folded[i + 1]}")
            out.append(feats)
        return out
