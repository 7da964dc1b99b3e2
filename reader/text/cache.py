"""A least-recently-used cache bounded by the size of what it holds as well as by its count.

The layout caches hold paragraphs' analyses and visual lines, about a hundred bytes per
character: 512 paragraphs of 300 characters are nothing, 512 of 30,000 are gigabytes. Each
entry is weighed (in characters) by the caller, and the least recently used go when the
total passes the budget or the count passes its limit.
"""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SizedCache(Generic[K, V]):
    """LRU cache of at most ``entries`` values weighing at most ``budget`` in all (but for
    the newest value, which is always kept)."""

    def __init__(self, budget: int, entries: int) -> None:
        self.budget = budget
        self.entries = entries
        self._values: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._weight = 0

    def __len__(self) -> int:
        return len(self._values)

    @property
    def weight(self) -> int:
        """The total weight of the values held."""
        return self._weight

    def get(self, key: K) -> V | None:
        """The value for ``key`` (now the most recently used), or None."""
        if (found := self._values.get(key)) is None:
            return None
        self._values.move_to_end(key)
        return found[0]

    def put(self, key: K, value: V, weight: int) -> None:
        """Keep ``value`` under ``key``, dropping the least recently used beyond the bounds."""
        if (old := self._values.pop(key, None)) is not None:
            self._weight -= old[1]
        self._values[key] = (value, weight)
        self._weight += weight
        while len(self._values) > 1 and (
            self._weight > self.budget or len(self._values) > self.entries
        ):
            _key, (_value, dropped) = self._values.popitem(last=False)
            self._weight -= dropped

    def clear(self) -> None:
        """Forget every value."""
        self._values.clear()
        self._weight = 0
