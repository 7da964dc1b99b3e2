"""Arabic orthographic folding and clitic handling shared by features, gazetteers and merging.

Folding maps the spelling variants news text mixes freely (hamza seats, ة/ه, ى/ي, harakat,
tatweel) onto one key, so that قرة باخ and قره باخ, or أذربيجان and اذربيجان, compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, TypeVar

_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        "گ": "ك",
    }
)

# Proclitic letter sequences that attach to a name, longest first; "ال" stays part of the name.
PROCLITICS: tuple[str, ...] = (
    "وبال",
    "فبال",
    "وكال",
    "ولل",
    "فلل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "بال",
    "كال",
    "لل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


T = TypeVar("T")


class WordCache(Generic[T]):
    """A function of one word, memoised in two generations of ``size`` words: when the newer
    is full it becomes the older and the oldest goes; a word found in the older moves to the
    newer. Plain dictionaries of strings and tuples, which the garbage collector stops
    tracking, where functools.lru_cache keeps a list per entry that every full collection
    walks (200,000 of them for the four caches of a long article). An extraction empties
    them all when it ends (``clear_word_caches``)."""

    def __init__(self, function: Callable[[str], T], size: int = 50_000) -> None:
        self.function = function
        self.size = size
        self.newer: dict[str, T] = {}
        self.older: dict[str, T] = {}
        self.__doc__ = function.__doc__
        self.__wrapped__ = function
        _CACHES.append(self)

    def __call__(self, word: str) -> T:
        try:
            return self.newer[word]
        except KeyError:
            value = self.older[word] if word in self.older else self.function(word)
            if len(self.newer) >= self.size:
                self.older, self.newer = self.newer, {}
            self.newer[word] = value
            return value

    def cache_clear(self) -> None:
        self.newer, self.older = {}, {}


_CACHES: list[WordCache] = []
"""Every word cache (they are made once, by decorating module-level functions)."""


def clear_word_caches() -> None:
    """Forget every memoised word. The words of one article are of little use for the next,
    and a long one leaves a lot behind (30 MB of them after 10 MB of news)."""
    for cache in _CACHES:
        cache.cache_clear()


def word_cache(function: Callable[[str], T]) -> WordCache[T]:
    """Decorate a function of one word with a ``WordCache``."""
    return WordCache(function)


@word_cache
def fold(text: str) -> str:
    """Return the spelling-variant-insensitive key of ``text``."""
    return _HARAKAT.sub("", text).translate(_FOLD)


def strip_harakat(text: str) -> str:
    """Remove diacritics and tatweel only (display forms keep their letters)."""
    return _HARAKAT.sub("", text)


@word_cache
def proclitic_splits(word: str) -> tuple[tuple[int, str], ...]:
    """Candidate (prefix length, stem) pairs for ``word``, without and then with clitics removed.

    ``بالقاهرة`` gives (0, بالقاهرة), (1, القاهرة); ``للقاهرة`` gives the restored
    (1, القاهرة) because ل + ال is written لل. Stems shorter than two letters are not offered.
    Cached: every feature, gazetteer and article-pass lookup asks for the same words.
    """
    out = [(0, word)]
    for clitic in PROCLITICS:
        if len(word) - len(clitic) < 2 or not word.startswith(clitic):
            continue
        if clitic.endswith("لل"):
            out.append((len(clitic) - 1, "ال" + word[len(clitic) :]))
        elif clitic.endswith("ال"):
            out.append((len(clitic) - 2, word[len(clitic) - 2 :]))
        else:
            out.append((len(clitic), word[len(clitic) :]))
    return tuple(out)
