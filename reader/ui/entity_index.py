"""What the pane and the article view need from an extraction result, built once off the UI
thread.

A 10 MB article yields some 16,000 entities and 75,000 mentions. Building a pane row and a
styled span for each of them on the UI thread froze the app for seconds when extraction
ended; instead the extractor's worker builds this index (plain lists of ints, sorted once),
and the pane and the view make rows and spans only for what is on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

from reader.entities import Entity, EntityType

TYPES: tuple[EntityType, ...] = ("person", "place", "organization", "number")
"""Pane order of the entity types; filter keys 1-4 follow it."""

_START = attrgetter("start")
_END = attrgetter("end")
_LOOK_BACK = 64
"""Mentions before an offset checked for one that covers it (mentions are short)."""


class EntityIndex:
    """Entities grouped and ordered for the pane, and every mention sorted by position."""

    __slots__ = ("ends", "entities", "groups", "mention_of", "owner", "rank", "spans", "starts")

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = entities
        """The extractor's result; every index below refers to it."""
        groups: dict[EntityType, list[int]] = {kind: [] for kind in TYPES}
        for number, entity in enumerate(entities):
            groups[entity.type].append(number)
        for members in groups.values():  # most mentioned first, then by first appearance
            members.sort(key=lambda i: (-len(entities[i].mentions), entities[i].mentions[0].start))
        self.groups = groups
        """Per type, its entities in pane order."""
        rank = [0] * len(entities)
        for members in groups.values():
            for position, number in enumerate(members):
                rank[number] = position
        self.rank = rank
        """Per entity, its place within its type's group."""

        starts: list[int] = []
        ends: list[int] = []
        owner: list[int] = []
        mention_of: list[int] = []
        for number, entity in enumerate(entities):
            mentions = entity.mentions
            starts += map(_START, mentions)
            ends += map(_END, mentions)
            owner += [number] * len(mentions)
            mention_of += range(len(mentions))
        shift = max(ends, default=0).bit_length()
        keys = [(start << shift) | end for start, end in zip(starts, ends, strict=True)]
        order = sorted(range(len(keys)), key=keys.__getitem__)  # by (start, end): one C sort
        self.starts = [starts[i] for i in order]
        """Every mention's start, ascending (ties by end)."""
        self.ends = [ends[i] for i in order]
        self.owner = [owner[i] for i in order]
        """The entity of each mention."""
        self.mention_of = [mention_of[i] for i in order]
        """Each mention's index within its entity."""
        kinds = [TYPES.index(entities[number].type) for number in self.owner]
        spans: dict[EntityType, tuple[list[int], list[int]]] = {}
        for code, kind in enumerate(TYPES):
            chosen = [i for i, k in enumerate(kinds) if k == code]
            spans[kind] = ([self.starts[i] for i in chosen], [self.ends[i] for i in chosen])
        self.spans = spans
        """Per type, (starts, ends) of its mentions in position order."""

    def counts(self) -> dict[EntityType, int]:
        """Entities per type."""
        return {kind: len(members) for kind, members in self.groups.items()}

    def mention_at(self, offset: int) -> tuple[int, int] | None:
        """(entity, mention) of the mention covering a logical offset, the innermost (latest
        starting) where mentions nest; None if none does."""
        position = bisect_right(self.starts, offset)
        for i in range(position - 1, max(-1, position - 1 - _LOOK_BACK), -1):
            if self.starts[i] <= offset < self.ends[i]:
                return self.owner[i], self.mention_of[i]
        return None
