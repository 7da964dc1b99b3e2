"""How a word is used in a large Arabic corpus: how common it is, whether it takes ال, and
whether it has a relative adjective.

Proper names rarely take the article (بوتين is common in news, البوتين almost never occurs),
while nouns and adjectives take it freely; a word the corpus barely knows is often a foreign
name. Places have relative adjectives (مصر -> المصري, روسيا -> الروسية) far more often than
people do. The table comes from wordfreq's Arabic frequency list (scripts/build_usage.py) and is
keyed by folded forms without the article. A word is read as itself if the table has it, else
as the stem left after a proclitic (وبوتين -> بوتين, والكتاب -> كتاب); the build leaves out
forms that are likelier a proclitic and a commoner stem (وقال), so they are read as the stem.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from reader.entities.normalize import proclitic_splits

UNKNOWN = ("wz=0", "wd=none", "wn=0")  # rare or absent from the corpus
# Endings of relative adjectives (انفصالي، انفصالية، انفصاليون، انفصاليو ...), longest first.
_ADJECTIVE_ENDINGS = ("يون", "يين", "يات", "يو", "يه", "ي")
PLURAL_ENDINGS = frozenset({"يون", "يين", "يات", "يو"})
# Article bands of words that take ال freely: adjectives and nouns, not names.
_TAKES_ARTICLE = frozenset({"wd=-1", "wd=0", "wd=1", "wd=2", "wd=onlydef"})
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "كم", "هن")
_FREELY_DEFINITE = frozenset({"wd=0", "wd=1", "wd=2", "wd=onlydef"})
# Article bands of words that almost never take ال: names more often than not.
_RARELY_DEFINITE = frozenset({"wd=nodef", "wd=-4", "wd=-3", "wd=-2", "wd=none"})


class Usage:
    """Frequency, article and relative-adjective bands of word forms, as CRF features."""

    def __init__(self, table: dict[str, tuple[str, str, str]]) -> None:
        self.table = table

    @classmethod
    def load(cls, path: Path) -> Usage:
        """Read a usage.tsv.gz written by scripts/build_usage.py: one line per combination of
        bands, then the space-separated forms that have it (grouped, it loads in ~65 ms)."""
        table: dict[str, tuple[str, str, str]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                band, article, nisba, forms = line.rstrip("\n").split("\t")
                value = ("wz=" + band, "wd=" + article, "wn=" + nisba)
                table.update(dict.fromkeys(forms.split(" "), value))
        return cls(table)

    def features(self, key: str) -> list[str]:
        """["wz=<Zipf band>", "wd=<article band>", "wn=<nisba band>"] of a folded word, and
        "adj" when it inflects a relative adjective that takes the article freely (انفصاليو,
        "separatists of", from انفصالي)."""
        form = self.reading(key)
        out = list(self.table[form] if form else UNKNOWN)
        if self.adjective_ending(key):
            out.append("adj")
        return out

    def has(self, key: str) -> bool:
        """Whether the corpus knows a folded form as it is (with or without ال)."""
        return without_article(key) in self.table

    def name_like(self, key: str) -> bool:
        """Whether a folded word may be a name: the corpus does not know it, or knows it as it
        is and rarely with ال (داعش, هاليبرتون), while common nouns and adjectives take ال
        freely (كبيرة) and a word read as a proclitic and a stem is that stem (بأفغانستان)."""
        if self.inflected(key) or self.adjective_ending(key):
            return False  # سياحية: a relative adjective
        form = self.reading(key)
        if form is None:
            return True
        if form != without_article(key):
            return False  # read as a proclitic and a word (بأفغانستان, تدعم is no name)
        article = self.table[form][1]
        if article in _RARELY_DEFINITE:
            return True
        return article == "wd=-1" and not key.endswith("ه")

    def inflected(self, key: str) -> bool:
        """Whether a folded word wears what no name wears: a pronoun (تصنفها, بلادنا), the
        prefix of an imperfect verb before a stem the corpus knows (تنظم, يدعم)."""
        if key.endswith(_PRONOUN_SUFFIXES):
            return True
        if key[0] in "تين" and len(key) >= 4 and self.reading(key[1:]) == key[1:]:
            return True
        return key.endswith("نا") and len(key) >= 5 and self.reading(key[:-2]) == key[:-2]

    def common(self, key: str, band: int = 4) -> bool:
        """Whether a folded word is a common word of its own: the corpus reads it as itself,
        often (Zipf 4 or more), and with ال at least as often as without (الحكيم, نجاح) --
        not a name, which takes ال less often (محمد, أوباما, سعيد, المار). ``band``: the
        lowest Zipf band that counts as often."""
        form = self.reading(key)
        if form is None or form != without_article(key):
            return False
        zipf, article, _ = self.table[form]
        return int(zipf[3:]) >= band and article in _FREELY_DEFINITE

    def reading(self, key: str) -> str | None:
        """The table form a folded word is read as (بوتين as itself, وقال as قال), if any."""
        return next((form for form in readings(key) if form in self.table), None)

    def adjective_ending(self, key: str) -> str | None:
        """The ending by which a folded word inflects a relative adjective that takes the
        article freely (يو for انفصاليو, from انفصالي), or None."""
        for form in readings(key):
            for ending in _ADJECTIVE_ENDINGS:
                if form.endswith(ending) and len(form) > len(ending) + 2:
                    singular = self.table.get(form[: -len(ending)] + "ي")
                    if singular and singular[1] in _TAKES_ARTICLE:
                        return ending
                    break
        return None


def without_article(form: str) -> str:
    """A folded form without a leading ال (kept when too little would be left: الي)."""
    return form[2:] if form.startswith("ال") and len(form) > 3 else form


def readings(key: str) -> list[str]:
    """The forms a folded word may be: itself, then its stems after proclitics, without ال."""
    return [without_article(stem) for _, stem in proclitic_splits(key)]


def bands(zipf_bare: float, zipf_article: float, zipf_nisba: float) -> tuple[str, str, str]:
    """Zipf band of the bare form; log10 of how much more often ال + form occurs than the bare
    form (clipped to -4..2), or ``nodef``/``onlydef`` when only one of them occurs; and the Zipf
    band of the form's relative adjective (مصر -> المصري/المصرية), which places have."""
    nisba = str(int(zipf_nisba))
    if zipf_bare and zipf_article:
        article = str(max(-4, min(2, round(zipf_article - zipf_bare))))
    elif zipf_bare:
        article = "nodef"
    elif zipf_article:
        article = "onlydef"
    else:
        return "0", "none", nisba
    return str(int(zipf_bare)), article, nisba
