"""Sports clubs named by one word (الهلال, الاتحاد, الشباب), from the article's own evidence.

Most Saudi and Arab clubs are named by a common word (crescent, union, youth, cooperation), so
neither the tagger nor a word list alone can tell the club from the word. A sports report
says which it is: a club's head (نادي الاتفاق, فريق الرائد, لاعب الاتحاد), a word the club list
knows (gazetteer ``club``, from Arabic Wikipedia's club titles) in a sentence about the game,
or a list of such names (أندية النصر، الهلال، هجر). A word found so is a club wherever the
article uses it alone, as an organization's name after its head is (``organizations``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.article.organizations import STOP
from reader.entities.conll import label
from reader.entities.normalize import fold, proclitic_splits, word_cache
from reader.entities.tagging.gazetteer import Gazetteer

# Words of a sentence about the game (stems, behind a proclitic or not).
CUES = frozenset(
    fold(w)
    for w in [
        *("نادي", "ناد", "النادي", "أندية", "الأندية", "فريق", "الفريق", "فرق", "الفرق"),
        *("لاعب", "اللاعب", "لاعبي", "لاعبين", "اللاعبين", "اللاعبون", "مدرب", "المدرب"),
        *("الدوري", "دوري", "مباراة", "المباراة", "مباريات", "المباريات", "الملعب", "أهداف"),
        *("معسكر", "المعسكر", "بطولة", "البطولة", "المنتخب", "الاحتراف", "المحترف", "مهاجم"),
        *("المحترفين", "مدافع", "حارس", "الكروي", "الكرة", "ودية", "وديا"),
    ]
)
# Heads whose construct names a club: نادي الاتفاق, فريق الرائد, لاعب الاتحاد, أندية النصر.
HEADS = frozenset(
    fold(w)
    for w in [
        *("نادي", "ناد", "أندية", "فريق", "فرق", "لاعب", "لاعبي", "لاعبو", "مدرب", "مدربي"),
        *("رئيس", "إدارة", "جماهير", "قائد", "مهاجم", "مدافع", "حارس", "معسكر"),
    ]
)
# Heads that name a club with any definite word after them, not only a listed club's name.
CLUB_HEADS = frozenset(fold(w) for w in ["نادي", "ناد", "أندية", "فريق", "فرق"])
LIST_MARKS = frozenset(["،", ",", fold("و")])
WIDE_PLACES = frozenset(("country", "region", "city"))  # not towns and provinces (الخليج)
# Words before a competition's name or in it (كأس الاتحاد, كأس ولي العهد).
CUPS = frozenset(fold(w) for w in ["كأس", "دوري", "بطولة", "مسابقة", "ولي"])
# Heads after which any definite word is a club (نادي الصقور), not only a rare one.
NAMING = frozenset(fold(w) for w in ["نادي", "ناد", "أندية"])
MIN_STEM = 3
MIN_CUES = 2  # words of the game that make a sentence about it (الفريق alone is also a rank)


@word_cache
def _stems(key: str) -> frozenset[str]:
    """A folded word and its stems behind proclitics (cached: every word is asked)."""
    return frozenset(stem for _, stem in proclitic_splits(key))


@word_cache
def _cue(key: str) -> bool:
    return not CUES.isdisjoint(_stems(key))


# The cues without ال: a sentence without any of these letters is about no game.
_CUE_LETTERS = re.compile("|".join(sorted({c[2:] if c.startswith("ال") else c for c in CUES})))


class ClubNames:
    """The one-word club names an article gives evidence for, gathered a sentence at a time."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        common: Callable[[str], bool],
        adjective: Callable[[str], bool],
    ) -> None:
        self.gazetteer = gazetteer
        self.common = common
        self.adjective = adjective
        self.names: set[str] = set()
        self._cores: re.Pattern[str] | None = None  # the names without ال, once all are found

    def listed(self, key: str, strict: bool = True) -> str | None:
        """The definite stem of a folded word that the club list knows (الهلال, وللهلال ->
        الهلال), but for an adjective (المصري, الاجتماعي: clubs, and mostly "Egyptian",
        "social"; in a list of clubs, not ``strict``, they count) or a country's or city's
        name. Clubs the list knows without ال (برشلونة) the tagger finds; the bare words it
        knows are mostly other words too (كان: Cannes, and "was")."""
        single = self.gazetteer.single
        return next(
            (
                s
                for s in sorted(_stems(key), key=len, reverse=True)
                if s.startswith("ال")
                and "club" in single.get(s, ())
                and not (strict and (self.gazetteer.is_demonym(s) or self.adjective(s)))
                and not self.place(s)
            ),
            None,
        )

    def item(self, word: str, tag: str) -> bool:
        """Whether a word of a list may be a club's name: the club list or the tagger knows it,
        or it is a rare definite word (الفيصلي; not والتي, الإنقاذ), maybe behind و."""
        key = fold(word)
        stem = key[1:] if key.startswith("و") and len(key) > MIN_STEM else key
        if self.place(stem):
            return False
        return bool(self.listed(key, strict=False) or tag == "B-ORG" or self.rare(stem))

    def place(self, key: str) -> bool:
        """A country or a city (الكويت, الرياض): in a sports report a list of them is of
        places or national teams, which the pane lists as the places, and a club named after
        its city is left to the tagger, the city staying a place elsewhere in the article."""
        return any(
            not WIDE_PLACES.isdisjoint(self.gazetteer.single.get(stem, ())) for stem in _stems(key)
        )

    def rare(self, key: str) -> bool:
        """A definite word that may be a club's own name (الفيصلي): no common word, no
        relative adjective of the corpus (الإلكتروني) and no place."""
        return (
            key.startswith("ال")
            and len(key) > 4
            and key not in STOP
            and not self.common(key)
            and not self.adjective(key)
            and not self.place(key)
        )

    def mentioned(self, folded: list[str]) -> bool:
        """Whether a club found so far may be in a sentence: a quick look at its letters."""
        if self._cores is None:
            self._cores = re.compile("|".join(re.escape(n[2:]) for n in sorted(self.names)))
        return self._cores.search(" ".join(folded)) is not None

    def add(self, words: list[str], labels: list[str], folded: list[str]) -> None:
        """Collect the clubs one sentence about the game names (``folded``: its words folded)."""
        if not _CUE_LETTERS.search(" ".join(folded)):
            return
        cues = sum(map(_cue, folded))
        if not cues:
            return
        found: set[int] = set()
        for i, key in enumerate(folded):
            if not _alone(labels, i) or len(key) < MIN_STEM:
                continue
            if i > 0 and not CUPS.isdisjoint(_stems(folded[i - 1])):
                continue  # كأس ولي العهد, كأس الاتحاد: a competition's name
            head = i > 0 and not HEADS.isdisjoint(_stems(folded[i - 1]))
            club_head = i > 0 and not CLUB_HEADS.isdisjoint(_stems(folded[i - 1]))
            if (
                cues >= MIN_CUES
                and labels[i] != "B-LOC"  # والإمارات in a list of countries
                and self.listed(key)
                and not _described(folded, labels, i)
            ):
                found.add(i)
            elif (
                club_head
                and key.startswith("ال")
                and (
                    self.rare(key)
                    or (not NAMING.isdisjoint(_stems(folded[i - 1])) and not self.place(key))
                )
                and not _described(folded, labels, i)
            ):
                found.add(i)  # نادي الاتفاق, فريق الفيصلي (not فريق الإنقاذ)
            elif head and labels[i] == "B-ORG":
                found.add(i)
        # a list of names beside a club: أندية النصر، الهلال، الأهلي، القادسية والوحدة
        for i in sorted(found):
            for step in (-1, 1):
                k = _next_item(words, folded, labels, i, step)
                while k is not None and k not in found and self.item(words[k], labels[k]):
                    found.add(k)
                    k = _next_item(words, folded, labels, k, step)
        for i in found:
            stem = self.listed(folded[i], strict=False) or folded[i]
            self.names.add(stem)


def _next_item(
    words: list[str], folded: list[str], labels: list[str], i: int, step: int
) -> int | None:
    """The word of a list of names after (``step`` 1) or before (-1) word ``i``: beyond a
    comma or a lone و, or the next word itself when و is written on it (والوحدة)."""
    k = i + step
    if not 0 <= k < len(words):
        return None
    if folded[k] in LIST_MARKS:
        k += step
    elif not (folded[k if step > 0 else i].startswith("و") and len(folded[k]) > MIN_STEM):
        return None
    if not 0 <= k < len(words) or not words[k][0].isalpha() or not _alone(labels, k):
        return None
    return k


def _alone(labels: list[str], i: int) -> bool:
    """Whether word ``i`` is untagged or tagged alone (الخليج read as a place)."""
    if i + 1 < len(labels) and labels[i + 1].startswith("I-"):
        return False
    return labels[i] == "O" or labels[i].startswith("B-")


def _described(folded: list[str], labels: list[str], i: int) -> bool:
    """Whether a definite adjective follows the word, making it another name or a phrase
    (الاتحاد السعودي, الشباب العربي, التعاون الخليجي)."""
    j = i + 1
    return (
        j < len(folded)
        and labels[j] == "O"
        and folded[j].startswith("ال")
        and len(folded[j]) > 4
        and folded[j] not in STOP  # إلى
        and folded[j].endswith(("ي", "يه", "ين"))
    )


def label_clubs(words: list[str], labels: list[str], clubs: ClubNames) -> list[str]:
    """One sentence's labels with the article's clubs labelled wherever they stand alone."""
    names = clubs.names
    if not names:
        return labels
    folded = [fold(w) for w in words]
    if not clubs.mentioned(folded):
        return labels
    found = [i for i, key in enumerate(folded) if not names.isdisjoint(_stems(key))]
    if not found:
        return labels
    out = list(labels)
    for i in found:
        if (
            _alone(out, i)
            and out[i] != "B-ORG"
            and (i == 0 or CUPS.isdisjoint(_stems(folded[i - 1])))
            and not _described(folded, out, i)
        ):
            label(out, i, i + 1, "ORG")
    return out
