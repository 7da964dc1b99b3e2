"""What the article screen's extraction worker freezes out of the garbage collector's way is
alive: garbage frozen with it would never be freed (issue 19: 135,000 objects of repaints
were, over a 10 MB article read while it was extracted)."""

import gc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

import reader.entities
from reader.entities import Entity
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen


class Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.itself = self


async def test_the_worker_freezes_no_garbage(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch, wait
) -> None:
    freed: list[bool] = []

    def extract(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
        assert progress is not None
        old = Cycle()
        gc.collect(1)  # old enough to be in the oldest generation, as a repaint's leftovers
        probe = weakref.ref(old)
        del old  # now garbage there
        progress(0.5)  # a step of progress: what is alive is frozen
        freed.append(probe() is None)
        return []

    monkeypatch.setattr(reader.entities, "extract_entities", extract, raising=False)
    app = ReaderApp([sample_path])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert freed == [True]
