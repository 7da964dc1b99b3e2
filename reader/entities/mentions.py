"""Tagged token spans to clean name mentions: titles dropped, clitics cut, adjectives refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.entities.gazetteer import Gazetteer
from reader.entities.normalize import fold, proclitic_splits, strip_harakat
from reader.entities.tokens import Token

KINDS = {"PERS": "person", "LOC": "place", "ORG": "organization"}
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


# Words that make a following name a named site (ساحة القديس بطرس is a place, not a person).
SITES = frozenset(fold(w) for w in ["ساحة", "ميدان", "شارع", "جسر", "ملعب", "مطار", "حي"])


def widen_site(sentence: list[Token], start: int, end: int, kind: str) -> tuple[int, str]:
    """(new start, type): a person or organization right after a site word becomes that place."""
    if kind in ("PERS", "ORG") and start > 0 and fold(sentence[start - 1].text) in SITES:
        return start - 1, "LOC"
    return start, kind


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


def _latin_name(tokens: list[Token]) -> bool:
    """Latin-script names are capitalised words joined by a few lower-case connectors."""
    words = [t.text for t in tokens if _LATIN_WORD.match(t.text)]
    inner_ok = all(w[0].isupper() or w in _LATIN_CONNECTORS for w in words)
    return inner_ok and words[0][0].isupper() and words[-1][0].isupper()


def clean_span(tokens: list[Token], kind: str, gazetteer: Gazetteer) -> list[Token] | None:
    """Drop persons' leading titles and edge punctuation; refuse lone nationality adjectives."""
    tokens = list(tokens)
    while tokens and not tokens[-1].text[0].isalnum():
        tokens.pop()
    while tokens and not tokens[0].text[0].isalnum():
        tokens.pop(0)
    if any(_LATIN_WORD.match(t.text) for t in tokens) and not _latin_name(tokens):
        return None
    if kind == "PERS":
        while len(tokens) > 1 and fold(tokens[0].text) in TITLES:
            tokens.pop(0)
        if tokens and fold(tokens[0].text) in TITLES:
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
    return tokens or None


def strip_clitic(word: str, gazetteer: Gazetteer, seen: set[str]) -> tuple[int, str]:
    """(letters to skip, name form) for a mention's first word.

    The word stays whole when the gazetteer knows it; otherwise the first clitic-stripped stem
    that the gazetteer or another mention in the article knows wins (وأرمينيا, لباشينيان).
    """
    splits = proclitic_splits(fold(word))
    if splits[0][1] in gazetteer.single or splits[0][1] in gazetteer.phrases:
        return 0, word
    for cut, stem in splits[1:]:
        if stem in gazetteer.single or stem in gazetteer.phrases or stem in seen:
            restored = (
                "ال" + word[cut + 1 :]
                if stem.startswith("ال") and not fold(word[cut:]).startswith("ال")
                else word[cut:]
            )
            return cut, restored
    return 0, word


def split_joined(tokens: list[Token], seen: set[str]) -> list[list[Token]]:
    """Cut a person span where a later word carries a proclitic before a name known elsewhere.

    The tagger sometimes runs two names together (بلينكن لباشينيان: "Blinken to Pashinyan").
    """
    parts = [[tokens[0]]]
    for token in tokens[1:]:
        if any(stem in seen for cut, stem in proclitic_splits(fold(token.text)) if cut):
            parts.append([token])
        else:
            parts[-1].append(token)
    return parts


def build_mentions(
    text: str, spans: list[tuple[list[Token], str]], gazetteer: Gazetteer
) -> list[RawMention]:
    """Clean tagged spans into mentions whose offsets cover the name only."""
    cleaned = [
        (tokens, kind)
        for raw, kind in spans
        if kind in KINDS and (tokens := clean_span(raw, kind, gazetteer))
    ]
    seen = {fold(t.text) for tokens, _ in cleaned for t in tokens}
    cleaned = [
        (part, kind)
        for tokens, kind in cleaned
        for part in (split_joined(tokens, seen) if kind == "PERS" else [tokens])
    ]
    out = []
    for tokens, kind in cleaned:
        cut, first = strip_clitic(tokens[0].text, gazetteer, seen - {fold(tokens[0].text)})
        start = tokens[0].start + cut
        end = tokens[-1].end
        parts = [first] + [t.text for t in tokens[1:]]
        name = strip_harakat(_join(text, tokens, parts))
        out.append(RawMention(KINDS[kind], start, end, name, tuple(fold(p) for p in parts)))
    return out


def _join(text: str, tokens: list[Token], parts: list[str]) -> str:
    """Rebuild the display name: one space where the article has any spacing, none otherwise."""
    out = parts[0]
    for prev, token, part in zip(tokens[:-1], tokens[1:], parts[1:], strict=True):
        out += (" " if text[prev.end : token.start] else "") + part
    return out
