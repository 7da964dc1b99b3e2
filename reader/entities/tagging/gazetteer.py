"""Gazetteer lookups (places, person names, nationality stems) used as tagger features."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from reader.entities.normalize import fold, proclitic_splits

CATEGORIES = (
    "country",
    "region",
    "city",
    "town",
    "subdivision",
    "given",
    "surname",
    "person",
    "given_rare",
    "surname_rare",
    "person_rare",
    "news",
    "club",
)
PLACES = frozenset(("country", "region", "city", "town", "subdivision"))
PEOPLE = frozenset(
    ("given", "surname", "person", "given_rare", "surname_rare", "person_rare", "news")
)
_SCAN = 8  # a first word of this many names or fewer has them scanned, not indexed
_NATIONALITY_ENDINGS = ("يون", "يين", "يان", "يه", "ي")
_DEMONYM_ENDINGS = ("يون", "يين", "يات", "يه", "ي")


def demonym_of(name: str) -> str:
    """The masculine relative adjective of a one-word place name, folded (مصر -> مصري,
    سوريا -> سوري, البحرين -> بحريني, أفغانستان -> أفغاني, السعوديه -> سعودي)."""
    core = name[2:] if name.startswith("ال") and len(name) > 4 else name
    for ending in ("ستان", "يا", "ه", "ا"):
        if core.endswith(ending) and len(core) - len(ending) >= 2:
            core = core[: -len(ending)]
            break
    return core if core.endswith("ي") else core + "ي"


# Direction words: with them a place names another place (جنوب أفريقيا is not أفريقيا, nor
# كوريا الجنوبية كوريا).
DIRECTIONS = frozenset(
    fold(w)
    for w in [
        *("شمال", "جنوب", "شرق", "غرب", "وسط"),
        *("الشمالية", "الجنوبية", "الشرقية", "الغربية", "الوسطى"),
        *("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط"),
    ]
)

# Head words of place names (ولاية الخرطوم, مدينة لندن): added to a name they leave it the same
# place, and alone they name none (but المدينة alone is also Medina).
ADMINISTRATIVE_HEADS = frozenset(
    fold(w) for w in ("ولاية", "إمارة", "محافظة", "منطقة", "إقليم", "مقاطعة", "بلدية")
)
CITY_HEADS = frozenset(fold(w) for w in ("مدينة", "المدينة", "العاصمة", "عاصمة", "بلدة", "قرية"))


class Gazetteer:
    """Folded name lists; single words map to categories, phrases are matched token by token."""

    def __init__(self, data: dict[str, list[str]]) -> None:
        # Built on every model load (130,000 entries): kept to plain loops over partition().
        single: dict[str, tuple[str, ...]] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for category in CATEGORIES:
            for entry in data.get(category, []):
                first, _, rest = entry.partition(" ")
                if not rest:
                    known = single.get(entry)
                    single[entry] = (category,) if known is None else (*known, category)
                elif first in phrases:
                    phrases[first].append((tuple(rest.split(" ")), category))
                else:
                    phrases[first] = [(tuple(rest.split(" ")), category)]
        for rests in phrases.values():
            if len(rests) > 1:
                rests.sort(key=lambda item: -len(item[0]))
        self.single = single
        self.phrases = phrases
        self._by_second: dict[str, dict[str, tuple[tuple[tuple[str, ...], str], ...]]] = {}
        self.nationality_stems = frozenset(data.get("nationality", []))
        self.demonyms = frozenset(data.get("demonym", []))
        """Masculine relative adjectives of countries and peoples, folded, without ال (سوري,
        امريكي, بحريني): the org grammar reads الجيش السوري as a name."""
        wider: dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for before, inner, after in data.get("other_places", []):
            wider.setdefault(tuple(inner.split(" ")), []).append(
                (tuple(before.split()), tuple(after.split()))
            )
        self.wider = wider
        """Words of a place name -> the (before, after) words that make it another place's name
        (روسيا -> ((), (البيضاء,))): the pane lists روسيا البيضاء as Belarus, not Russia."""

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read a gazetteers.json written by scripts/build_gazetteers.py."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def knows(self, key: str, categories: frozenset[str] | None = None) -> bool:
        """Whether a folded word is a name, or the first word of one, of ``categories`` (or of
        any category)."""
        if categories is None:
            return key in self.single or key in self.phrases
        return not categories.isdisjoint(self.single.get(key, ())) or any(
            category in categories for _, category in self.phrases.get(key, ())
        )

    def is_place(self, words: tuple[str, ...]) -> bool:
        """Whether folded words are, as a whole, a place name (أفريقيا, جنوب أفريقيا)."""
        first, rest = words[0], words[1:]
        if not rest:
            return not PLACES.isdisjoint(self.single.get(first, ()))
        return any(r == rest and c in PLACES for r, c in self.phrases.get(first, ()))

    def is_country(self, words: tuple[str, ...]) -> bool:
        """Whether folded words are, as a whole, a country's name (المملكة المتحدة)."""
        first, rest = words[0], words[1:]
        if not rest:
            return "country" in self.single.get(first, ())
        return any(r == rest and c == "country" for r, c in self.phrases.get(first, ()))

    def names_other(self, longer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
        """Whether the place name ``longer``, which holds the words ``inner``, names another place
        than ``inner`` does (روسيا البيضاء / روسيا, جنوب أفريقيا / أفريقيا); see ``wider``."""
        return any(
            (*before, *inner, *after) == longer for before, after in self.wider.get(inner, ())
        )

    def word_categories(self, word: str) -> list[str]:
        """Categories of ``word`` or of its clitic-stripped stems ("+" marks a stripped hit)."""
        out = []
        for i, (cut, stem) in enumerate(proclitic_splits(fold(word))):
            for category in self.single.get(stem, ()):
                out.append(category if i == 0 and cut == 0 else category + "+")
        return out

    def is_nationality(self, word: str) -> bool:
        """True for adjectives such as الروسية, الأميركي, الأرمن built on a known stem."""
        key = fold(word)
        for _, stem in proclitic_splits(key):
            core = stem[2:] if stem.startswith("ال") else stem
            if core in self.nationality_stems:
                return True
            for ending in _NATIONALITY_ENDINGS:
                if core.endswith(ending) and core[: -len(ending)] in self.nationality_stems:
                    return True
        return False

    def is_demonym(self, word: str) -> bool:
        """True for the relative adjective of a country or region in any gender and number
        (السوري, الأميركية, والبحرينيين), which the language-name stems of ``is_nationality``
        leave out."""
        for _, stem in proclitic_splits(fold(word)):
            core = stem[2:] if stem.startswith("ال") else stem
            for ending in _DEMONYM_ENDINGS:
                if core.endswith(ending) and core[: len(core) - len(ending)] + "ي" in self.demonyms:
                    return True
        return False

    def phrase_spans(self, folded: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, category) of multi-word gazetteer entries in a folded word sequence."""
        spans = []
        phrases = self.phrases
        for i in range(len(folded) - 1):
            for _, stem in proclitic_splits(folded[i]):
                if stem not in phrases:
                    continue
                for rest, category in self._following(stem, folded[i + 1]):
                    if len(rest) == 1 or tuple(folded[i + 1 : i + 1 + len(rest)]) == rest:
                        spans.append((i, i + 1 + len(rest), category))
        return spans

    def _following(self, first: str, second: str) -> Sequence[tuple[tuple[str, ...], str]]:
        """The names (words after the first, category) that start with ``first`` and
        ``second``, longest first. A first word such as محمد starts thousands of names, so its
        names are indexed by their second word the first time the text has it (not on load,
        which would cost more than all the look-ups of an article); as tuples, which the
        garbage collector stops tracking."""
        rests = self.phrases[first]
        if len(rests) <= _SCAN:
            return [item for item in rests if item[0][0] == second]
        index = self._by_second.get(first)
        if index is None:
            grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for item in rests:
                grouped.setdefault(item[0][0], []).append(item)
            index = {word: tuple(items) for word, items in grouped.items()}
            self._by_second[first] = index
        return index.get(second, ())
