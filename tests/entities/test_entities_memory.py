"""What an extraction keeps in memory (issue 19: a 10 MB article under 300 MB): the features'
cache holds the model's own strings, not copies of them."""

from reader.entities.normalize import fold
from reader.entities.pipeline import load_model


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
