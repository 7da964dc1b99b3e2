"""Beside the tagger: quantities in digits and words (``parse``), over the number-word lexicon
(``words``)."""

from reader.entities.numbers.parse import NumberMatch, find_numbers, parse_number

__all__ = ["NumberMatch", "find_numbers", "parse_number"]
