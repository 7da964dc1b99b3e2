"""Tagged token spans to clean name mentions: titles dropped, sites and directed places taken
in, clitics cut, names run together cut apart, adjectives refused."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.entities.normalize import fold, proclitic_splits, strip_harakat
from reader.entities.tagging.gazetteer import (
    ADMINISTRATIVE_HEADS,
    CITY_HEADS,
    PEOPLE,
    PLACES,
    Gazetteer,
)
from reader.entities.tagging.tokens import Token
from reader.entities.tagging.usage import Usage, without_article

KINDS = {"PERS": "person", "LOC": "place", "ORG": "organization"}
_CATEGORIES = {"PERS": PEOPLE, "LOC": PLACES}  # gazetteer names of each type
# Titles and offices that precede a name in news text: context, not part of the name (folded).
TITLES = frozenset(
    fold(w)
    for w in [
        "الرئيس",
        "رئيس",
        "البابا",
        "الملك",
        "الملكة",
        "الأمير",
        "الأميرة",
        "الشيخ",
        "السيد",
        "السيدة",
        "الوزير",
        "وزير",
        "وزيرة",
        "الجنرال",
        "الدكتور",
        "المستشار",
        "المستشارة",
        "النائب",
        "القائد",
        "العقيد",
        "اللواء",
        "الفريق",
        "المشير",
        "السفير",
        "الحاخام",
        "الكاردينال",
        "المطران",
        "الإمام",
        "الزعيم",
        "المتحدث",
        "الناطق",
        "السلطان",
        "العاهل",
        "الرئيسة",
        "الجنرال",
        "الكابتن",
        "المدرب",
        "اللاعب",
        "الممثل",
        "الفنان",
        "الكاتب",
        "الشاعر",
        "الصحافي",
        "المبعوث",
        "الأمين",
        "قداسة",
        "سماحة",
        "فخامة",
    ]
)


# A place mention of these words alone, with or without ال, is no name (بولاية: "in the state
# of", المحافظة); but المدينة is Medina.
_HEADS = {without_article(w) for w in ADMINISTRATIVE_HEADS | CITY_HEADS}
_HEADS_ALONE = {*_HEADS, *("ال" + w for w in _HEADS)} - {fold("المدينة")}
# Words that make a following name a named site (ساحة القديس بطرس is a place, not a person).
SITES = frozenset(fold(w) for w in ["ساحة", "ميدان", "شارع", "جسر", "ملعب", "مطار", "حي"])


def widen_site(sentence: Sequence[Token], start: int, end: int, kind: str) -> tuple[int, str]:
    """(new start, type): any name but a place right after a site word becomes that place
    (the tagger reads القديس بطرس after ساحة as a person, an organization or a saint's name)."""
    if kind != "LOC" and start > 0 and fold(sentence[start - 1].text) in SITES:
        return start - 1, "LOC"
    return start, kind


def widen_place(
    folded: Sequence[str], labels: Sequence[str], start: int, end: int, gazetteer: Gazetteer
) -> tuple[int, int]:
    """(start, end) of a tagged place grown over untagged words around it into the name of
    another place, given the sentence's folded words and labels: جنوب أفريقيا, كوريا الجنوبية,
    روسيا البيضاء, غينيا بيساو (``Gazetteer.wider``). The tagger learnt ANERcorp's habit of
    tagging أفريقيا alone in جنوب أفريقيا, and the pane would list South Africa as Africa.

    Other words around a place are left out even when the gazetteer has the longer name: دولة
    قطر or مكة المكرمة is the same place, and the shorter name is what readers know it by.
    """
    best = start, end
    rest = tuple(folded[start + 1 : end])
    for cut, stem in proclitic_splits(folded[start]):
        for before, after in gazetteer.wider.get((stem, *rest), ()):
            s, e = start - len(before), end + len(after)
            if (
                e - s > best[1] - best[0]
                and s >= 0
                and tuple(folded[end:e]) == after
                and (not before or (cut == 0 and _starts(folded[s:start], before)))
                and all(labels[i] == "O" for i in (*range(s, start), *range(end, e)))
            ):
                best = s, e
    return best


def _starts(words: Sequence[str], name: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``name``, its first word maybe behind a proclitic (وجنوب)."""
    return tuple(words[1:]) == name[1:] and any(
        stem == name[0] for _, stem in proclitic_splits(words[0])
    )


@dataclass(frozen=True, slots=True)
class RawMention:
    """A cleaned mention before merging: type, display name, folded words and offsets."""

    kind: str
    start: int
    end: int
    name: str
    words: tuple[str, ...]


_LATIN_WORD = re.compile(r"^[A-Za-z]+$")
_LATIN_CONNECTORS = frozenset(
    ["of", "the", "for", "and", "in", "on", "de", "du", "la", "le", "al", "el", "bin", "von", "van"]
)


def _latin_name(tokens: Sequence[Token]) -> bool:
    """Latin-script names are capitalised words joined by a few lower-case connectors."""
    words = [t.text for t in tokens if _LATIN_WORD.match(t.text)]
    inner_ok = all(w[0].isupper() or w in _LATIN_CONNECTORS for w in words)
    return inner_ok and words[0][0].isupper() and words[-1][0].isupper()


def is_word(text: str) -> bool:
    """Whether a token is a word: not punctuation, nor a run of tatweel (ـ), which Gulf news
    uses as a dash and which folds to nothing."""
    return text[0].isalnum() and bool(fold(text))


def clean_span(
    tokens: Sequence[Token], kind: str, gazetteer: Gazetteer
) -> tuple[Token, ...] | None:
    """Drop persons' leading titles and edge punctuation; refuse lone nationality adjectives
    and places that are only head words (ولاية, العاصمة)."""
    tokens = list(tokens)
    while tokens and not is_word(tokens[-1].text):
        tokens.pop()
    while tokens and not is_word(tokens[0].text):
        tokens.pop(0)
    if any(_LATIN_WORD.match(t.text) for t in tokens) and not _latin_name(tokens):
        return None
    if kind == "PERS":
        while len(tokens) > 1 and fold(tokens[0].text) in TITLES:
            tokens.pop(0)
        if tokens and fold(tokens[0].text) in TITLES:
            return None
    if kind == "LOC" and all(
        _HEADS_ALONE.intersection(stem for _, stem in proclitic_splits(fold(t.text)))
        for t in tokens
    ):
        return None
    if kind == "LOC" and len(tokens) == 1:
        word = tokens[0].text
        places = [
            c
            for c in gazetteer.word_categories(word)
            if c.rstrip("+") in ("country", "city", "region")
        ]
        if not places and gazetteer.is_nationality(word):
            return None
    return tuple(tokens) or None


def strip_clitic(
    word: str, gazetteer: Gazetteer, usage: Usage, seen: set[str], kind: str
) -> tuple[int, str]:
    """(letters to skip, name form) for the first word of a mention of type ``kind``.

    The word stays whole when the gazetteer knows it; otherwise the first clitic-stripped stem
    that the gazetteer knows wins (وأرمينيا), then one another mention of the article has
    (لباشينيان), then one the corpus knows when the word itself is not there and the cut is a
    likely one (للبنك, وجيرماين, لرويترز). Shorter cuts come first (ولبنان is و + لبنان, not
    ول + بنان; وبسام keeps its ب), and names of the mention's own type before any other (in a
    place, بدير is ب + the town دير, though بدير is also a surname).
    """
    key = fold(word)
    splits = proclitic_splits(key)
    stems = sorted(splits[1:], key=lambda split: split[0])  # stable: لل is tried before ل
    own = _CATEGORIES.get(kind)
    for categories in (own, None) if own else (None,):
        if gazetteer.knows(key, categories):
            return 0, word
        for cut, stem in stems:
            if gazetteer.knows(stem, categories):
                return cut, _restore(word, cut, stem)
    for cut, stem in stems:
        if stem in seen:
            return cut, _restore(word, cut, stem)
    if not usage.has(key):
        for cut, stem in stems:
            if usage.has(stem) and _likely_cut(key, cut, stem, kind):
                return cut, _restore(word, cut, stem)
    return 0, word


def _likely_cut(key: str, cut: int, stem: str, kind: str) -> bool:
    """Whether a corpus word after ``cut`` letters of ``key`` is likely the name: the article
    follows (للبنك, والقاعدة), or a lone و leaves a word (وجيرماين), or a lone ب or ل an
    organization's first word (لرويترز, بمجلس). People's and places' names begin with ب, ل, ف
    and ك too often (بلينكن is not ب + لينكن), and longer cuts cut into them (كاولون)."""
    if stem.startswith("ال"):
        return True
    if cut != 1 or len(stem) < 3:
        return False
    return key[0] == "و" or (kind == "ORG" and key[0] in "بل" and len(stem) >= 4)


def _restore(word: str, cut: int, stem: str) -> str:
    """The name after ``cut`` letters of ``word``, with the ا of ال that ل + ال drops (للقاهرة)."""
    if stem.startswith("ال") and not fold(word[cut:]).startswith("ال"):
        return "ال" + word[cut + 1 :]
    return word[cut:]


def split_joined(
    tokens: Sequence[Token], seen: set[str], kind: str, gazetteer: Gazetteer
) -> list[tuple[Token, ...]]:
    """Cut a person or place span where the tagger ran two names together.

    A person span is cut where a later word carries a proclitic before a name known elsewhere
    (بلينكن لباشينيان: "Blinken to Pashinyan"). A place span is cut before a word that joins
    another place with و (فلسطين ولبنان: "Palestine and Lebanon"; ANERcorp tags some lists so),
    when the place after it is known elsewhere in the article or to the gazetteer, unless the
    whole span is one place's name (البوسنة والهرسك, ترينيداد وتوباغو).
    """
    if kind == "LOC":
        if gazetteer.is_place(tuple(fold(t.text) for t in tokens)):
            return [tuple(tokens)]

        def joins(key: str) -> bool:
            # وهران: the و is the name's; a lone tatweel (a dash) folds to nothing
            if not key.startswith("و") or gazetteer.knows(key, PLACES):
                return False
            stem = key[1:]
            return stem in seen or any(
                gazetteer.knows(s, PLACES) for s in (stem, without_article(stem))
            )

    elif kind == "PERS":

        def joins(key: str) -> bool:
            return any(stem in seen for cut, stem in proclitic_splits(key) if cut)

    else:
        return [tuple(tokens)]
    parts = [[tokens[0]]]
    for token in tokens[1:]:
        if joins(fold(token.text)):
            parts.append([token])
        else:
            parts[-1].append(token)
    return [tuple(part) for part in parts]


# A tagged span: its type and the (start, end) offsets of its tokens. Plain tuples of ints,
# which the garbage collector stops tracking, so a huge article's spans do not lengthen the
# collections that pause the app while it extracts.
Span = tuple[str, tuple[tuple[int, int], ...]]


def span_of(tokens: Sequence[Token], kind: str) -> Span:
    """The compact form of a tagged token span."""
    return kind, tuple((t.start, t.end) for t in tokens)


def build_mentions(
    text: str, spans: Iterable[Span], gazetteer: Gazetteer, usage: Usage
) -> list[RawMention]:
    """Clean tagged spans into mentions whose offsets cover the name only."""

    def tokens(offsets: tuple[tuple[int, int], ...]) -> list[Token]:
        return [Token(text[s:e], s, e) for s, e in offsets]

    cleaned = [
        span_of(clean, kind)
        for kind, offsets in spans
        if kind in KINDS and (clean := clean_span(tokens(offsets), kind, gazetteer))
    ]
    seen = {fold(text[s:e]) for _, offsets in cleaned for s, e in offsets}
    out = []
    for kind, offsets in cleaned:
        whole = tokens(offsets)
        for part in split_joined(whole, seen, kind, gazetteer):
            cut, first = strip_clitic(
                part[0].text, gazetteer, usage, seen - {fold(part[0].text)}, kind
            )
            parts = [first] + [t.text for t in part[1:]]
            name = strip_harakat(_join(text, part, parts))
            out.append(
                RawMention(
                    KINDS[kind],
                    part[0].start + cut,
                    part[-1].end,
                    name,
                    tuple(fold(p) for p in parts),
                )
            )
    return out


def _join(text: str, tokens: Sequence[Token], parts: list[str]) -> str:
    """Rebuild the display name: one space where the article has any spacing, none otherwise."""
    out = parts[0]
    for prev, token, part in zip(tokens[:-1], tokens[1:], parts[1:], strict=True):
        out += (" " if text[prev.end : token.start] else "") + part
    return out
