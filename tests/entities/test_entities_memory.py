"""What an extraction leaves in memory (issue 19: a 10 MB article under 300 MB): the per-word
memos serve one text and are empty once it is done or abandoned, and the features' cache
holds the model's own strings, not copies of them."""

import pytest

from reader.entities import extract_entities
from reader.entities import normalize as normalize_module
from reader.entities.normalize import fold
from reader.entities.pipeline import load_model

TEXT = (
    "وقال الرئيس الأميركي باراك أوباما في واشنطن إن شركة جازبروم الروسية وقعت العقد.\n"
    "وأعلنت منظمة الصحة العالمية أن 25 شخصا أصيبوا في مدينة كاودا وتالودي.\n"
) * 60  # three windows of sentences: progress is reported while the memos are full


class Stop(Exception):
    """Raised from the progress callback, as the app does when its screen has gone."""


def _memoised() -> dict[str, int]:
    """Words held by each word cache and by the features' cache, by function name."""
    held = {c.function.__qualname__: len(c.newer) + len(c.older) for c in normalize_module._CACHES}
    features = load_model().features
    held["features"] = len(features._cache) + len(features._older)
    return held


def test_an_extraction_leaves_no_word_memos_behind() -> None:
    extract_entities("تمهيد")  # the model loaded
    seen: list[dict[str, int]] = []
    entities = extract_entities(TEXT, lambda fraction: seen.append(_memoised()))
    assert {e.name for e in entities} >= {"باراك أوباما", "واشنطن"}
    assert max(held["features"] for held in seen) > 0  # the memos did serve the extraction
    assert max(held["fold"] for held in seen) > 0
    assert {"fold", "proclitic_splits"} <= set(seen[0])
    assert set(_memoised().values()) == {0}


def test_an_abandoned_extraction_leaves_none_either() -> None:
    extract_entities("تمهيد")
    calls = 0

    def progress(fraction: float) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # mid-tagging: the memos are full then
            assert _memoised()["features"] > 0
            raise Stop

    with pytest.raises(Stop):
        extract_entities(TEXT, progress)
    assert set(_memoised().values()) == {0}


def test_cached_features_are_the_models_own_strings() -> None:
    features = load_model().features
    known = features.attributes
    assert known is not None
    features.sequence(["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن"])
    entries = list(features._cache.values())
    assert entries
    strings = [f for own, shifted, *_ in entries for f in (*own, *(f for s in shifted for f in s))]
    assert len(strings) > 6 * len(entries)
    assert all(f is known[f] for f in strings)  # shared, not equal copies
    features.clear_cache()
    fold.cache_clear()
