"""Stands in for a screen whose window is too small to read in."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 40
"""Narrowest window the reader lays out for."""
MIN_HEIGHT = 10
"""Lowest window the reader lays out for."""


def too_small(width: int, height: int) -> bool:
    """True when a window of this size cannot show an article usefully."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmall(Static):
    """Shown instead of everything else while the window is below the minimum."""

    def __init__(self) -> None:
        super().__init__(f"window too small\nneed {MIN_WIDTH}x{MIN_HEIGHT}")
