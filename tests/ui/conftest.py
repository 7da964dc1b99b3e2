"""Fixtures for the app tests: a fixed entity list, and helpers that read painted cells."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.style import Style

import reader.entities
from reader.entities import Entity, Mention
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_view import ArticleView

FIXED = (
    ("person", "بلينكن", None, None),
    ("person", "علييف", None, None),
    ("place", "قره باخ", None, None),
    ("place", "أرمينيا", None, None),
    ("organization", "وزارة الدفاع", None, None),
    ("number", "32", 32, "شخصاً"),
    ("number", "2116", 2116, "مدنياً"),
)
"""Entities of the sample article, found by exact text, so UI tests do not depend on the model."""


def fixed_entities(text: str) -> list[Entity]:
    """The FIXED entities with every exact occurrence in `text` as a mention."""
    found = []
    for kind, name, value, unit in FIXED:
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(name, text)]
        if mentions:
            found.append(Entity(kind, name, mentions, value=value, unit=unit))  # type: ignore[arg-type]
    return found


@pytest.fixture
def fixed_extractor(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], list[Entity]]:
    """Replace the extractor with the fixed list (reporting progress like the real one)."""

    def extract(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
        if progress is not None:
            progress(0.5)
            progress(1.0)
        return fixed_entities(text)

    monkeypatch.setattr(reader.entities, "extract_entities", extract, raising=False)
    return extract


@pytest.fixture
def sample_app(sample_path: Path, fixed_extractor: object) -> ReaderApp:
    """The app on the sample article with the fixed entities."""
    return ReaderApp([sample_path])


async def settle(app: ReaderApp, pilot: object) -> None:
    """Let workers finish and the screen repaint."""
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.fixture
def wait() -> Callable[[ReaderApp, object], object]:
    """`await wait(app, pilot)`: workers done, screen repainted."""
    return settle


def painted_style(view: ArticleView, offset: int) -> Style | None:
    """The style of the segment that paints a logical offset, or None if it is off screen
    (segments hold runs of cells of one style)."""
    point = view.point_of(offset)
    if point is None:
        return None
    row, column = point
    x = 0
    for segment in view.render_line(row):
        if x <= column < x + segment.cell_length:
            return segment.style
        x += segment.cell_length
    raise AssertionError(f"no segment covers column {column} on row {row}")


@pytest.fixture
def style_at() -> Callable[[ArticleView, int], Style | None]:
    """`style_at(view, offset)`: the painted style of a logical offset's cell."""
    return painted_style
