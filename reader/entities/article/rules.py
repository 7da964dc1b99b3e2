"""Article rules: what an article as a whole tells about its names.

A tagger trained on 2007 news cannot know every region or every foreign name, so extraction
adds these rules (``sweep`` runs them over an article; organizations by their head noun are in
``organizations``):
  * repeated unknown phrases: a sequence of two or three words the training text never used,
    left untagged, repeated at least three times in the article and mostly after a place
    preposition (في ناغورني قره باخ) is a place;
  * a one-word "person" that is the plural of a relative adjective (إنفصاليو, "separatists
    of") is a description, not a name, and so is a common word alone (قال لي, "told me");
  * surname families: when two people of the article have surnames with the same national
    ending (باشينيان, فاردانيان: Armenian -يان), two words no word list knows, the second with
    that ending, are a given name and surname (أناهيت مناسيان). On the whole train split as
    one article the rule finds nothing and adds nothing wrong: it needs such a family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping

from reader.entities.article.mentions import (
    FAMILY,
    NAMING_SITES,
    SITE_HEADS,
    SITE_TITLES,
    TITLES,
)
from reader.entities.article.organizations import CLOSE_QUOTES, OPEN_QUOTES, STOP
from reader.entities.conll import chunks, label
from reader.entities.entity import Entity
from reader.entities.normalize import fold, proclitic_splits
from reader.entities.tagging.features import core_form
from reader.entities.tagging.gazetteer import (
    ADMINISTRATIVE_HEADS,
    CITY_HEADS,
    DIRECTIONS,
    PEOPLE,
    Gazetteer,
)
from reader.entities.tagging.lexicon import Lexicon
from reader.entities.tagging.usage import PLURAL_ENDINGS, Usage, without_article

PLACE_PREPOSITIONS = frozenset(fold(w) for w in ["في", "من", "إلى", "الى", "داخل", "حول"])
MIN_REPEATS = 3
PROCLITIC_LETTERS = frozenset("وفبلك")
GIVEN = frozenset(("given", "given_rare"))
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
# Offices that introduce a person a few words on (قائد الشرطة المحلية سيف).
OFFICES = TITLES | frozenset(
    fold(w)
    for w in [
        *("قائد", "مدير", "محافظ", "حاكم", "متحدث", "ناطق", "مسؤول", "مستشار", "سفير"),
        *("عضو", "نائب", "أمين", "زعيم", "رئيسة", "مديرة", "الأمير", "المهندس"),
    ]
)
# Endings of transliterated surnames that mark their nation (Armenian, Russian, Polish,
# Ukrainian, Georgian, Turkish, Persian, Serbian and Croatian), longest first.
SURNAME_ENDINGS = tuple(
    fold(w)
    for w in [
        *("شفيلي", "أوغلو", "ينكو", "فيتش", "زاده", "يان", "وفا", "يفا", "سكي", "يتش", "دزه"),
        *("وف", "يف"),
    ]
)
MIN_FAMILY = 2  # people found with the ending
MIN_SURNAME = 6  # letters: shorter words with these endings are mostly Arabic (بيان, عيان)


def lone_common_words(
    text: str, entities: list[Entity], usage: Usage, gazetteer: Gazetteer
) -> list[Entity]:
    """The entities without the people that are only a common word, alone, with no title
    before any mention: لي in قال لي ("told me"), الحكيم in الذكر الحكيم, نجاح ("success").
    A given name that the corpus puts ال on less often than not stays (سعيد, جميل).
    """

    def no_name(entity: Entity) -> bool:
        if entity.type != "person" or " " in entity.name:
            return False
        key = fold(entity.name)
        if len(key) <= 2:  # لي, له: a particle and a pronoun
            return not any(_titled(text, m.start) for m in entity.mentions)
        if not usage.common(key):
            return False
        return not any(_titled(text, m.start) for m in entity.mentions)

    return [e for e in entities if not no_name(e)]


def _titled(text: str, start: int) -> bool:
    """Whether a title stands right before offset ``start``, or an office up to three words
    before it (الشيخ سعود, قائد الشرطة المحلية سيف)."""
    before = text[max(0, start - 60) : start].split()
    if before and fold(before[-1]) in TITLES:
        return True
    return any(fold(word) in OFFICES for word in before[-3:])


def join_people(
    words: list[str],
    labels: list[str],
    names: Mapping[str, str],
    unseen: Callable[[str], bool],
    families: bool = True,
) -> list[str]:
    """One sentence's labels with a person that the tagger began again inside a name joined to
    the one before it: [محسن فاضل إياد] [عاشور الفضلي] is one man (a word with a proclitic
    starts another person, بلينكن [لباشينيان]; ``split_joined`` reads those), and with a
    word that neither training, the corpus nor a list knows (``unseen``) after a person taken
    into the name (كوندابور [فامان]); with ``families``, آل ending a person takes the
    family's name after it, a title word or not (عبدالعزيز آل [الشيخ]). And a person
    span that runs into a proclitic and an organization or place the train split's lexicon
    (``names``) knows ends there, the rest taking that type: سيف [لفرانس برس]."""
    out = list(labels)
    for i in range(1, len(words)):
        if out[i - 1] not in ("B-PERS", "I-PERS"):
            continue
        if out[i] == "B-PERS" and words[i][0] not in PROCLITIC_LETTERS:
            out[i] = "I-PERS"
        elif families and out[i] == "O" and fold(words[i - 1]) == FAMILY and words[i][0].isalpha():
            out[i] = "I-PERS"  # عبدالعزيز آل [الشيخ]: آل takes the family's name, a title or not
        elif out[i] == "O" and unseen(words[i]):
            out[i] = "I-PERS"  # مايكل ماكوي [لويث]: a word no list or corpus knows goes on
        elif out[i] == "I-PERS" and (kind := _named_behind_clitic(words[i], names)):
            end = i + 1
            while end < len(out) and out[end] == "I-PERS":
                end += 1
            label(out, i, end, kind)
    return out


def join_surnames(words: list[str], labels: list[str], gazetteer: Gazetteer) -> list[str]:
    """One sentence's labels with a given name tagged alone joined to the family name in -ي
    after it, which the tagger reads as a common adjective (عبدالله [البحري], مبارك [الخصي]):
    a definite relative word that is no nationality (محمد المصري may be "the Egyptian")."""
    out = list(labels)
    for i in range(1, len(words)):
        key = fold(words[i])
        if (
            out[i] == "O"
            and out[i - 1] == "B-PERS"
            and key.startswith("ال")
            and key.endswith("ي")
            and len(key) >= 5
            and gazetteer.knows(fold(words[i - 1]), GIVEN)
            and not gazetteer.is_demonym(words[i])
            and not gazetteer.is_nationality(words[i])
        ):
            out[i] = "I-PERS"
    return out


# A spokesman "in the name of" (المتحدث باسم الشركة): باسم is then no given name (Basim).
SPOKESMEN = frozenset(
    fold(w)
    for w in [
        *("متحدث", "المتحدث", "متحدثة", "المتحدثة", "متحدثا", "ناطق", "الناطق", "ناطقة"),
        *("الناطقة", "ناطقا", "الرسمي", "الرسمية"),
    ]
)
BY_NAME = fold("باسم")


def label_spoken_for(words: list[str], labels: list[str], gazetteer: Gazetteer) -> list[str]:
    """One sentence's labels with باسم after a spokesman (المتحدث [الرسمي] باسم) taken out of
    any name: the tagger reads it as the given name Basim and what follows as his surname
    (باسم هاليبرتون). What follows is who is spoken for: a place the gazetteer knows, a
    person it knows by a full name, else an organization."""
    out = list(labels)
    for i in range(1, len(words) - 1):
        if fold(words[i]) != BY_NAME or out[i].startswith("I-"):
            continue
        if not any(stem in SPOKESMEN for _, stem in proclitic_splits(fold(words[i - 1]))):
            continue
        kind = out[i][2:] if out[i] != "O" else out[i + 1][2:]
        if out[i] == "O" and not out[i + 1].startswith("B-"):
            continue
        out[i] = "O"
        end = i + 1
        while end < len(out) and out[end] != "O" and (end == i + 1 or out[end][0] == "I"):
            end += 1
        if end == i + 1:
            continue
        rest = tuple(fold(w) for w in words[i + 1 : end])
        if kind == "PERS" and not (len(rest) > 1 and gazetteer.knows(rest[0], PEOPLE)):
            kind = "LOC" if gazetteer.is_place(rest) else "ORG"
        label(out, i + 1, end, kind)
    return out


def _named_behind_clitic(word: str, names: Mapping[str, str]) -> str | None:
    """ORG or LOC when ل or ب ("to", "in") stands before a word the lexicon knows as that type
    most of the time (لفرانس; كلود is no ك + the town لود)."""
    key = fold(word)
    if key[:1] not in ("ل", "ب"):
        return None
    kind = names.get(key[1:], "")
    return kind[:3] if kind in ("ORG!", "LOC!") else None


def is_plural_adjective(word: str, usage: Usage) -> bool:
    """True for plural relative adjectives (إنفصاليو, والانفصاليين), which no name is."""
    return usage.adjective_ending(fold(word)) in PLURAL_ENDINGS


def _candidates(words: list[str], open_: list[bool], i: int) -> Iterator[tuple[str, ...]]:
    """Untagged unknown 3- and 2-word phrases starting at ``i``, longest first (``open_``:
    which words are unknown and untagged)."""
    for n in (3, 2):
        if i + n <= len(words) and all(open_[i : i + n]):
            yield tuple(core_form(fold(words[k])) for k in range(i, i + n))


def _open(labels: list[str], unknown: list[bool]) -> list[bool]:
    """Which words may start or continue a candidate phrase: unknown and untagged."""
    return [flag and label == "O" for flag, label in zip(unknown, labels, strict=True)]


class RepeatedPlaces:
    """Repeated unknown phrases after place prepositions, counted one sentence at a time.

    A two-word phrase inside an accepted three-word one (قره باخ in ناغورني قره باخ) is
    judged on its other occurrences only, as if the longer phrase were labelled first.
    """

    def __init__(self) -> None:
        # phrase -> (occurrences, occurrences after a place preposition); tuples of ints, which
        # the garbage collector stops tracking, where lists would lengthen every collection
        self._seen: dict[tuple[str, ...], tuple[int, int]] = {}
        # (two-word phrase, three-word phrase around it) -> the same two counts
        self._inside: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[int, int]] = {}

    def add(self, words: list[str], labels: list[str], unknown: list[bool]) -> None:
        """Count the candidate phrases of one sentence."""
        open_ = _open(labels, unknown)
        if sum(open_) < 2:
            return
        longer: dict[int, tuple[str, ...]] = {}
        seen, inside = self._seen, self._inside
        for i in range(len(words) - 1):
            if not (open_[i] and open_[i + 1]):
                continue
            after = i > 0 and fold(words[i - 1]) in PLACE_PREPOSITIONS
            for phrase in _candidates(words, open_, i):
                n, behind = seen.get(phrase, (0, 0))
                seen[phrase] = (n + 1, behind + after)
                if len(phrase) == 3:
                    longer[i] = phrase
                    continue
                for around in {longer.get(i), longer.get(i - 1)} - {None}:
                    key = (phrase, around)
                    n, behind = inside.get(key, (0, 0))
                    inside[key] = (n + 1, behind + after)

    def places(self) -> frozenset[tuple[str, ...]]:
        """Phrases repeated MIN_REPEATS times, at least half of them after a place preposition."""

        def accepted(n: int, after: int) -> bool:
            return n >= MIN_REPEATS and after * 2 >= n

        triples = {p for p, (n, after) in self._seen.items() if len(p) == 3 and accepted(n, after)}
        left = {p: list(counts) for p, counts in self._seen.items() if len(p) == 2}
        for (pair, around), (n, after) in self._inside.items():
            if around in triples:
                left[pair][0] -= n
                left[pair][1] -= after
        return frozenset(triples | {p for p, (n, after) in left.items() if accepted(n, after)})


def label_places(
    words: list[str], labels: list[str], unknown: list[bool], places: frozenset[tuple[str, ...]]
) -> list[str]:
    """One sentence's labels with its repeated unknown place phrases labelled."""
    out = list(labels)
    if not places:
        return out
    open_ = _open(out, unknown)
    i = 0
    while i < len(words) - 1:
        phrase = (
            next((p for p in _candidates(words, open_, i) if p in places), None)
            if open_[i] and open_[i + 1]
            else None
        )
        if phrase is None:
            i += 1
            continue
        label(out, i, i + len(phrase), "LOC")
        open_[i : i + len(phrase)] = [False] * len(phrase)
        i += len(phrase)
    return out


# Heads of the names of towns and districts (the name follows: منطقة الحسيني, مديرية كريتر;
# the dual names two: مدينتي بانتيو ولير) and of sites (the head is part of the name: قصر
# معاشيق, قاعدة العند الجوية).
TOWN_HEADS = frozenset(
    {w for w in ADMINISTRATIVE_HEADS | CITY_HEADS if not w.startswith("ال")}
    | {fold(w) for w in ["مديرية", "ناحية", "قضاء", "حي"]}
)
TWO_TOWNS = frozenset(fold(w) for w in ["مدينتي", "مدينتا", "بلدتي", "بلدتا", "محافظتي", "قريتي"])
# Heads of natural features, part of their names, which name another place than the place
# they are named after (دلتا النيل, خليج عدن, صحراء سيناء, شبه جزيرة القرم).
NATURAL_HEADS = frozenset(
    fold(w)
    for w in [
        *("دلتا", "وادي", "صحراء", "بحر", "خليج", "نهر", "بحيرة", "جزيرة", "جزر", "هضبة"),
        "مضيق",
    ]
)
# Heads that are also names (Delta): they head only a definite name or a place the tagger found.
DEFINITE_ONLY = frozenset([fold("دلتا")])
PENINSULA = (fold("شبه"), fold("جزيرة"))  # شبه جزيرة: a head of two words
_ALL_HEADS = TOWN_HEADS | TWO_TOWNS | SITE_HEADS | NATURAL_HEADS
# Adjectives that continue a place's name after it (الغارية الغربية, قاعدة العند الجوية).
PLACE_ADJECTIVES = DIRECTIONS | frozenset(fold(w) for w in ["الجوية", "البحرية", "الدولي"])


def label_headed_places(
    words: list[str],
    labels: list[str],
    name_like: Callable[[str], bool],
    usage: Usage,
    place_behind: Callable[[str], bool] = lambda word: False,
) -> list[str]:
    """One sentence's labels with the names after a town's or a site's head word labelled as
    places: a name-like word (new to training, rarely with ال) or a definite word that is no
    common word (الحسيني, not الحدود), and a name the tagger gave another type (منطقة
    [الحسيني] read as a person). A natural feature's head joins the name after it into one
    place, also a place the tagger found (دلتا [النيل] is the delta, not the river). A site's
    head is part of its name, which is often a common word (مستشفى الثورة, شارع الستين) or a
    person's (مطار الملك فهد الدولي, up to a place behind a proclitic, ``place_behind``:
    مستشفى الملك فهد [بجدة]); a quoted name after a head is the name alone (بولاية
    "أوكلاهوما")."""
    out = list(labels)
    folded = [fold(w) for w in words]

    def name(j: int, site: bool = False) -> bool:
        if j >= len(words) or out[j] != "O" or not words[j][0].isalpha():
            return False
        key = folded[j]
        if key.startswith("ال"):
            return len(key) > 4 and (site or not usage.common(key)) and key not in STOP
        # كاودا is no ك + اودا after مدينة: a word the corpus reads behind a clitic counts,
        # unless training used it (بالقرب)
        clitic = usage.reading(key) not in (None, key)
        return len(key) >= 3 and (name_like(words[j]) or (clitic and name_like(words[j][1:])))

    for i in range(len(words) - 1):
        if out[i] != "O" and not (
            out[i] == "B-LOC" and any(s in NATURAL_HEADS for _, s in proclitic_splits(folded[i]))
        ):
            continue  # (the tagger may read a feature's head alone as a place: [دلتا] [النيل])
        head = next(
            (
                stem
                for _, stem in proclitic_splits(folded[i])
                if stem in _ALL_HEADS or stem == PENINSULA[0]
            ),
            None,
        )
        if head is None:
            continue
        j = i + 1
        quoted = words[j] in QUOTES and j + 2 < len(words) and words[j + 2] in QUOTES
        if quoted:
            j += 1  # بولاية "أوكلاهوما", نهر «الأمازون»: a quoted name after the head
        if head == PENINSULA[0]:  # شبه جزيرة: the head is two words
            if folded[j] != PENINSULA[1] or j + 1 == len(words) or out[j] != "O":
                continue
            head, j = PENINSULA[1], j + 1
        if out[i] != "O" and out[j] != "B-LOC":
            continue
        if head in NATURAL_HEADS and out[j].startswith("B-"):
            end = j + 1
            while end < len(out) and out[end].startswith("I-"):
                end += 1
            if out[j] == "B-LOC" or end == j + 1:
                label(out, i, end, "LOC")
            continue
        if (
            out[j].startswith("B-")
            and out[j][2:] != "LOC"
            and (head in TOWN_HEADS or head in TWO_TOWNS)
        ):
            end = j + 1
            while end < len(out) and out[end].startswith("I-"):
                end += 1
            if head in TWO_TOWNS and end == j + 2 and folded[j + 1].startswith("و"):
                label(out, j, j + 1, "LOC")  # مدينتي [بانتيو ولير]: two towns
                label(out, j + 1, end, "LOC")
            elif end == j + 1:  # a longer span may run into the next name (بلدية أبوعريش محمد)
                label(out, j, end, "LOC")
            continue
        if head in SITE_HEADS and folded[j] in SITE_TITLES:
            # مطار الملك فهد الدولي: the person the site is named after, tagged or not
            end = j + 1
            if end < len(out) and out[end] == "B-PERS":
                end += 1
                while end < len(out) and out[end] == "I-PERS" and not place_behind(words[end]):
                    end += 1
            elif end < len(out) and out[end] == "O" and name_like(words[end]):
                end += 1
            if end > j + 1:
                rest = end
                while rest < len(out) and out[rest] == "I-PERS":
                    rest += 1
                label(out, i, _site_adjectives(folded, out, end), "LOC")
                if rest > end:  # مستشفى الملك فهد [بجدة]: the city the site is in
                    label(out, end, rest, "LOC")
            continue
        site = head in NAMING_SITES
        if not name(j, site) or (head in DEFINITE_ONLY and not folded[j].startswith("ال")):
            continue
        end = j + 1
        while end < len(words) and out[end] == "O" and folded[end] in PLACE_ADJECTIVES:
            end += 1
        if site:
            end = _site_adjectives(folded, out, end)
        with_head = (head in SITE_HEADS or head in NATURAL_HEADS) and not quoted
        label(out, i if with_head else j, end, "LOC")
        if head in TWO_TOWNS and end < len(words) and folded[end].startswith("و"):
            second = words[end][1:]
            if len(second) >= 3 and out[end] == "O" and name_like(second):
                label(out, end, end + 1, "LOC")
    return out


def _site_adjectives(folded: list[str], labels: list[str], end: int) -> int:
    """The end of the relative adjectives after a site's name (متنزه الثروة الوطني, مركز
    الملك فهد الثقافي, مطار الملك فهد الدولي)."""
    while (
        end < len(folded)
        and labels[end] == "O"
        and folded[end].startswith("ال")
        and folded[end] not in STOP
        and folded[end].endswith(("ي", "يه"))
        and len(folded[end]) > 4
    ):
        end += 1
    return end


# Words after which a name is a place (في حلب, قرب لحج, شمال سوريا).
PLACE_WORDS = frozenset(
    fold(w)
    for w in [
        *("في", "من", "إلى", "الى", "قرب", "بالقرب", "داخل", "نحو", "باتجاه", "حول"),
        *("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"),
    ]
)
KNOWN_PLACES = frozenset(("country", "city", "subdivision"))


def label_known_places(
    words: list[str],
    labels: list[str],
    gazetteer: Gazetteer,
    usage: Usage,
    lexicon: Lexicon,
    countries: bool = True,
) -> list[str]:
    """One sentence's labels with the untagged words that a place word introduces (or that
    carry ب, "in") and that the gazetteer knows as a country, city or province, when neither
    the corpus nor the train split uses them as common words (في إطار, not a town إطار): في
    لحج, ومثل حلب after a place list. The tagger, trained on 2007 news, gives little weight
    to a city it never saw (حلب, لحج). With ``countries`` (the pane's convention), a country's
    name standing as a noun is a place wherever it stands (``_country_noun``)."""
    out = list(labels)
    single = gazetteer.single

    def folded_before(i: int) -> str:
        return fold(words[i - 1]) if i else ""

    for i, word in enumerate(words):
        if out[i] != "O" or not word[0].isalpha():
            continue
        key = fold(word)
        places = [
            (cut, stem)
            for cut, stem in proclitic_splits(key)
            if len(stem) >= 3 and not KNOWN_PLACES.isdisjoint(single.get(stem, ()))
        ]
        if not places:  # most words: one dict lookup per stem
            continue
        after_word = i > 0 and fold(words[i - 1]) in PLACE_WORDS
        whole = usage.reading(key) == without_article(key)  # بلاد is a word, not ب + لاد
        for cut, stem in places:
            if (
                countries
                and cut == 0
                and (i == 0 or out[i - 1] == "O")  # زين السعودية: a company's adjective
                and _country_noun(stem, folded_before(i), gazetteer)
            ):
                label(out, i, i + 1, "LOC")  # مواقف السعودية: a country, also an adjective
                break
            if (
                (cut and whole)
                or usage.common(stem)
                or (stem in lexicon.vocab and not lexicon.names.get(stem, "").startswith("LOC"))
                or usage.adjective_ending(stem)
                or gazetteer.knows(stem, PEOPLE)
            ):
                continue
            # بحلب: ب is "in" only when the corpus does not read the whole as a word (بلاد)
            # and what follows it is no common word (بقوله, بربك)
            if after_word or (key[:cut].endswith("ب") and usage.name_like(key)):
                label(out, i, i + 1, "LOC")
                break
    return out


OTHER_THAN = fold("غير")
KINGDOM = fold("المملكة")  # Saudi news names its country so, alone
A_KINGDOM = fold("مملكة")
ARAB = fold("العربية")  # المملكة العربية السعودية
UNITED = fold("المتحدة")


def other_kingdom(words: list[str], gazetteer: Gazetteer) -> bool:
    """Whether a sentence names a kingdom other than Saudi Arabia (مملكة البحرين, المملكة
    المتحدة, المملكة الأردنية): then المملكة alone may be that one."""
    folded = [fold(w) for w in words]
    for i, key in enumerate(folded[:-1]):
        stems = {stem for _, stem in proclitic_splits(key)}
        after = folded[i + 1]
        if A_KINGDOM in stems or (
            KINGDOM in stems
            and after != ARAB
            and (after == UNITED or gazetteer.is_demonym(words[i + 1]))
        ):
            return True
    return False


def label_kingdom(words: list[str], labels: list[str]) -> list[str]:
    """One sentence's labels with المملكة alone labelled as a place: Saudi news names its
    country so (مواقف المملكة, تقوده المملكة), unless the article names another kingdom
    (``other_kingdom``). Not before a definite word, which makes it another kingdom
    (المملكة المتحدة, المملكة الأردنية) or the country's long name."""
    out = list(labels)
    for i, word in enumerate(words):
        if out[i] != "O" or not any(stem == KINGDOM for _, stem in proclitic_splits(fold(word))):
            continue
        after = fold(words[i + 1]) if i + 1 < len(words) else ""
        if not after.startswith("ال"):
            label(out, i, i + 1, "LOC")
    return out


def _country_noun(key: str, before: str, gazetteer: Gazetteer) -> bool:
    """Whether a country's name stands as a noun (مواقف السعودية, أعلنت السعودية): not after a
    definite noun, where it is the feminine adjective (الحكومة السعودية), nor a name shaped
    like an adjective without ال (مالي, also "financial")."""
    if (
        not gazetteer.is_country((key,))
        or before == OTHER_THAN
        or any(stem.startswith("ال") and len(stem) > 3 for _, stem in proclitic_splits(before))
    ):
        return False  # الحكومة السعودية, من الجنسية غير السعودية
    return key.startswith("ال") or not key.endswith(("ي", "يه"))  # دعم مالي: "financial"


def _surname_ending(key: str) -> str | None:
    """The national surname ending of a folded word, if it has one."""
    return next((e for e in SURNAME_ENDINGS if key.endswith(e)), None)


class SurnameFamilies:
    """Surname endings that two people found in the article share (باشينيان and فاردانيان:
    -يان), counted one sentence at a time."""

    def __init__(self) -> None:
        self._found: dict[str, set[str]] = defaultdict(set)

    def add(self, words: list[str], labels: list[str]) -> None:
        """Count the surnames of one sentence's people."""
        for _, end, kind in chunks(labels):
            if kind != "PERS":
                continue
            last = fold(words[end - 1])
            if len(last) >= MIN_SURNAME and (ending := _surname_ending(last)):
                self._found[ending].add(last)

    def endings(self) -> frozenset[str]:
        """Endings shared by MIN_FAMILY surnames or more."""
        return frozenset(e for e, names in self._found.items() if len(names) >= MIN_FAMILY)


def label_surnames(
    words: list[str],
    labels: list[str],
    unknown: list[bool],
    endings: frozenset[str],
    listed: Callable[[str], bool],
) -> list[str]:
    """One sentence's labels with untagged full names whose surname ends in a family's ending:
    two untagged words that neither the training text (``unknown``) nor a word list
    (``listed``) knows, the second without ال (foreign surnames never take it; Arabic dual
    verbs such as ترضيان stand alone)."""
    out = list(labels)
    for i in range(1, len(words)):
        if not (unknown[i] and unknown[i - 1] and out[i - 1] == out[i] == "O"):
            continue
        key = fold(words[i])
        if (
            len(key) >= MIN_SURNAME
            and not key.startswith("ال")
            and _surname_ending(key) in endings
            and not listed(words[i - 1])
            and not listed(words[i])
        ):
            label(out, i - 1, i + 1, "PERS")
    return out
