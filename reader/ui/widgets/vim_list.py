"""An option list that also answers to vim's movement keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

VIM_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]
"""vim's movement keys, for every list (the article moves by them too)."""


class VimOptionList(OptionList):
    """`OptionList` plus j/k/g/G, so lists move like the article does."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_BINDINGS
