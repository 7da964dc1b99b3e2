"""The size-bounded LRU cache behind the layout caches."""

from reader.text.cache import SizedCache


def test_the_least_recently_used_go_first_when_the_weight_passes_the_budget() -> None:
    cache: SizedCache[str, int] = SizedCache(budget=10, entries=100)
    for key, weight in (("a", 4), ("b", 4)):
        cache.put(key, weight, weight)
    assert cache.get("a") == 4  # now b is the least recently used
    cache.put("c", 4, 4)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (4, None, 4)
    assert cache.weight == 8 and len(cache) == 2


def test_the_count_is_bounded_too_and_the_newest_is_always_kept() -> None:
    cache: SizedCache[int, str] = SizedCache(budget=10, entries=3)
    for key in range(5):
        cache.put(key, str(key), 0)
    assert len(cache) == 3 and cache.get(1) is None and cache.get(4) == "4"
    cache.put(9, "huge", 1000)
    assert len(cache) == 1 and cache.get(9) == "huge" and cache.weight == 1000


def test_putting_a_key_again_replaces_its_weight() -> None:
    cache: SizedCache[str, int] = SizedCache(budget=10, entries=10)
    cache.put("a", 1, 6)
    cache.put("a", 2, 3)
    assert cache.get("a") == 2 and cache.weight == 3
    cache.clear()
    assert len(cache) == 0 and cache.weight == 0
