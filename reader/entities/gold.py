"""Scoring the pane against hand-annotated entities of whole articles (issue 17).

`reader eval-ner` scores the tagger's token spans against ANERcorp; this scores what a reader
sees: one pane entry per entity. A name matches when, normalised (harakat, tatweel, hamza seats,
ة/ه, ى/ي, quotes, spacing) and with a proclitic allowed before its first word, it equals the gold
name or one of its aliases; per article and type, name entries and gold entities are paired one
to one (a maximum matching), so a second entry for one person counts against precision. A number
matches by value, or by its text when the value is None (a range such as 24-7); the pane keeps
one entry per value and counted noun (25 شخصا, 25 مدنيا), so every entry with a gold value is
right. tests/data/news_entities.md states the annotation rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.entities.entity import Entity
from reader.entities.normalize import fold, proclitic_splits

TYPES = ("person", "place", "organization", "number")
_QUOTES = re.compile("[«»“”\"'‘’()]")


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated entity: its forms (name first, then aliases), or a number's value."""

    type: str
    forms: tuple[str, ...]
    value: float | None = None


@dataclass(slots=True)
class Tally:
    """Right entries of all entries, found gold entities of all, and what did not match."""

    right: int = 0
    found: int = 0
    covered: int = 0
    expected: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return 100.0 * self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.covered / self.expected if self.expected else 0.0


def gold_entities(annotation: dict) -> list[Gold]:
    """The gold entities of one article of tests/data/news_entities.json."""
    out = [Gold(kind, tuple(forms)) for kind in TYPES[:3] for forms in annotation.get(kind, ())]
    out += [Gold("number", (text,), value) for value, text in annotation.get("number", ())]
    return out


def _key(name: str) -> str:
    return " ".join(fold(_QUOTES.sub(" ", name)).split())


def _name_keys(name: str) -> set[str]:
    """The normalised name, and the same with a proclitic cut off its first word."""
    key = _key(name)
    first, _, rest = key.partition(" ")
    return {" ".join(filter(None, (stem, rest))) for _, stem in proclitic_splits(first)} | {key}


def _matches(entity: Entity, gold: Gold) -> bool:
    if entity.type == "number":
        if gold.value is None or entity.value is None:
            texts = {_key(form) for form in gold.forms}
            return gold.value is None and entity.value is None and _key(entity.name) in texts
        return abs(entity.value - gold.value) <= 1e-9 * max(1.0, abs(gold.value))
    return not _name_keys(entity.name).isdisjoint(_key(form) for form in gold.forms)


def _pairs(options: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching of entries (``options[e]``: the gold entities entry ``e``
    matches) to gold entities, as gold index -> entry index."""
    owner: dict[int, int] = {}

    def assign(e: int, seen: set[int]) -> bool:
        for g in options[e]:
            if g not in seen:
                seen.add(g)
                if g not in owner or assign(owner[g], seen):
                    owner[g] = e
                    return True
        return False

    for e in range(len(options)):
        assign(e, set())
    return owner


def score_article(entities: Iterable[Entity], golds: list[Gold], tallies: dict[str, Tally]) -> None:
    """Add one article's matches to ``tallies`` (one Tally per type)."""
    entities = list(entities)
    for kind in TYPES:
        entries = [e for e in entities if e.type == kind]
        wanted = [g for g in golds if g.type == kind]
        options = [[g for g, gold in enumerate(wanted) if _matches(e, gold)] for e in entries]
        if kind == "number":
            right = {e for e, matched in enumerate(options) if matched}
            covered = {g for matched in options for g in matched}
        else:
            owner = _pairs(options)
            right, covered = set(owner.values()), set(owner)
        tally = tallies.setdefault(kind, Tally())
        tally.right += len(right)
        tally.found += len(entries)
        tally.covered += len(covered)
        tally.expected += len(wanted)
        tally.false += [_label(e) for i, e in enumerate(entries) if i not in right]
        tally.missed += [g.forms[0] for i, g in enumerate(wanted) if i not in covered]


def _label(entity: Entity) -> str:
    return entity.name if entity.type != "number" else f"{entity.name} ({entity.value})"
