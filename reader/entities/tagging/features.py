"""CRF features: word, affixes, shape, clitic-stripped form, gazetteer hits, corpus usage,
context window.

Word-level features depend only on the token string, so they are computed once per distinct
token and cached together with their context-shifted copies; a sentence's feature lists are
then mostly list concatenation. The cache keeps two generations of ``CACHE_WORDS`` words: when
the newer is full it becomes the older and the oldest goes, and a word found in the older moves
to the newer, so the words a text keeps using stay however long it is (real news of 10 MB has
about 100,000 distinct words) while memory stays bounded. Given the model's attributes, a word
keeps only the features the model has weights for: crfsuite ignores the others, and looking
them up costs it half its time. The strings it keeps are the model's own attribute strings,
never copies, so a word's entry is a few tuples of shared strings (a full cache held 56 MiB
of copies, 17 MiB of tuples now).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.entities.normalize import fold
from reader.entities.tagging.gazetteer import Gazetteer
from reader.entities.tagging.lexicon import Lexicon
from reader.entities.tagging.usage import Usage

_DIGITS = re.compile(r"^[0-9٠-٩۰-۹.,٫٬]+$")
_LATIN = re.compile(r"^[A-Za-z]+$")
_ARABIC = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+$")
CACHE_WORDS = 20_000  # words per cache generation (one or two KB each)
_OFFSETS = (-2, -1, 1, 2)
_EDGES = tuple(f"{offset}=edge" for offset in _OFFSETS)
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


def _by_offset(names: Sequence[str]) -> tuple[dict[str, str], ...]:
    """For each context offset, the features a neighbour at it may give: each without the
    offset (w=بوتين for +1) to the model's own string with it (1w=بوتين), so a word keeps only
    the shifted features the model knows, and shares their strings. ``names`` is sorted: each
    offset's features are one run of it."""
    found = []
    for offset in _OFFSETS:
        prefix = str(offset)
        start = bisect_left(names, prefix)
        end = bisect_left(names, prefix[:-1] + chr(ord(prefix[-1]) + 1), start)
        # (the run of "1" also holds "1=edge"; that is no neighbour's feature)
        found.append({name[len(prefix) :]: name for name in names[start:end]})
    return tuple(found)


_Entry = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, bool, bool, tuple[str, ...]]


class FeatureExtractor:
    """Turns token sequences into crfsuite feature lists."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        usage: Usage,
        attributes: Sequence[str] | None = None,
    ) -> None:
        """``attributes``: the features the model knows, sorted (all are kept when None:
        training)."""
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.usage = usage
        self.attributes = None if attributes is None else {name: name for name in attributes}
        """The model's features, each to its own string (what the cache entries share)."""
        self._context = None if attributes is None else _by_offset(attributes)
        self._cache: dict[str, _Entry] = {}
        self._older: dict[str, _Entry] = {}

    def _word(self, word: str) -> _Entry:
        """The cache entry of a word the newer generation lacks: moved from the older one, or
        computed."""
        entry = self._older.get(word) or self._compute(word)
        if len(self._cache) >= CACHE_WORDS:
            self._older = self._cache
            self._cache = {}
        self._cache[word] = entry
        return entry

    def _compute(self, word: str) -> _Entry:
        """(own features, features as seen from each context offset, folded form, unknown?,
        sports word?, own features in a sports report)."""
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
        sport = ["sport|" + f for f in gaz if f[:2] == "g="]
        if (known := self.attributes) is not None and self._context is not None:
            own = [known[f] for f in own if f in known]
            shifted = tuple(
                tuple(context[f] for f in context_base if f in context) for context in self._context
            )
            sport = [known[f] for f in sport if f in known]
        else:
            shifted = tuple(tuple(f"{offset}{f}" for f in context_base) for offset in _OFFSETS)
        # tuples of strings: the garbage collector stops tracking them, so a full cache does
        # not lengthen its collections (lists would: 240,000 of them, 18 s in 100 s at 10 MB)
        return tuple(own), shifted, key, "unk" in gaz, reading in _SPORT, tuple(sport)

    def clear_cache(self) -> None:
        """Forget the per-word features (an extraction does once its tagging sweep is over)."""
        self._cache = {}
        self._older = {}

    def unknown(self, words: list[str]) -> list[bool]:
        """Which words the training text never (or once) used (from the cache: ask right after
        ``sequence`` for the same words)."""
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
        known = self.attributes
        out = []
        for i in range(n):
            feats = [*info[i][0]]
            extra = ["bias", *phrase[i]]  # features no cache entry holds
            if sport:
                feats += info[i][5]
                extra.append("topic=sport")
            for k, offset in enumerate(_OFFSETS):
                j = i + offset
                if 0 <= j < n:
                    feats += info[j][1][k]
                elif j == -1 or j == n:
                    extra.append(_EDGES[k])
            if i > 0:
                extra.append(f"b={folded[i - 1]}|{folded[i]}")
            if i + 1 < n:
                extra.append(f"f={folded[i]}|{folded[i + 1]}")
            feats += extra if known is None else [f for f in extra if f in known]
            out.append(feats)
        return out
