"""Offline extraction of people, places, organizations and numbers from Arabic articles.

``extract_entities`` is imported on first use so that light users of the package (the
training script, `reader eval-ner`) do not load the number parser and extraction pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.entities.entity import Entity, EntityType, Mention

if TYPE_CHECKING:
    from reader.entities.extract import extract_entities

__all__ = ["Entity", "EntityType", "Mention", "extract_entities"]


def __getattr__(name: str) -> Any:
    if name == "extract_entities":
        from reader.entities.extract import extract_entities

        return extract_entities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
