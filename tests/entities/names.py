"""What the pane lists for a text, as the entity tests read it: (type, name) of each name
entry (numbers are left out: they are matched by value), or the names of one type."""

from __future__ import annotations

from reader.entities import extract_entities


def entries(text: str) -> set[tuple[str, str]]:
    """(type, name) of each name entry the pane lists."""
    return {(e.type, e.name) for e in extract_entities(text) if e.type != "number"}


def people(text: str) -> set[str]:
    return {name for kind, name in entries(text) if kind == "person"}


def places(text: str) -> set[str]:
    return {name for kind, name in entries(text) if kind == "place"}


def organizations(text: str) -> set[str]:
    return {name for kind, name in entries(text) if kind == "organization"}
