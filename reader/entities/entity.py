"""The extraction result types (contract in ARCHITECTURE.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "place", "organization", "number"]
TYPE_ORDER: dict[str, int] = {"person": 0, "place": 1, "organization": 2, "number": 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One real-world entity of an article with all its mentions."""

    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)
    value: int | float | None = None
    unit: str | None = None

    def to_dict(self) -> dict:
        """The object `reader extract` writes for this entity."""
        return {
            "type": self.type,
            "name": self.name,
            "value": self.value,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
        }
