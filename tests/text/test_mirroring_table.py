"""The generated L4 mirroring table agrees with Python's Unicode data."""

import unicodedata

from reader.text.mirroring import MIRRORS


def test_every_entry_is_a_mirrored_character() -> None:
    assert len(MIRRORS) >= 400
    assert all(unicodedata.mirrored(char) for char in MIRRORS)


def test_pairs_are_symmetric_for_brackets() -> None:
    for opening, closing in ["()", "[]", "{}", "<>", "«»", "\u2039\u203a", "\u2045\u2046"]:
        assert MIRRORS[opening] == closing
        assert MIRRORS[closing] == opening
