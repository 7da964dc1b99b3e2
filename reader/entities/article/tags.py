"""A news site's tag line at the end of an article (سمات اليمن عدن علي صالح).

عين اليوم ends most of its articles with ``سمات`` and the article's tags, names and topics run
together with no punctuation; the tagger reads neighbouring tags as one long name (البنك الاهلي
المفتي عبدالعزيز آل الشيخ مؤسسة التقاعد). The tags repeat what the article says, so the line
is read by the article's own names: a name the tagger ran over several tags is cut into the
names found elsewhere in the article, each with its type, and the rest is no name; a name with
none of the article's names in it is one tag, and stays as the tagger read it.
"""

from __future__ import annotations

from reader.entities.conll import chunks, label
from reader.entities.normalize import fold, proclitic_splits

TAGS = fold("سمات")
MAX_NAME = 6  # words of a name matched in the tag line


class TagLine:
    """The article's names and where its tag line starts, gathered a sentence at a time."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        self.sentences = 0
        self.line: tuple[int, int] | None = None  # (sentence, index of سمات)

    def add(self, words: list[str], labels: list[str]) -> None:
        """Note a sentence's names, and whether it ends the text with a tag line."""
        start = _tags_at(words)
        for first, end, kind in chunks(labels):
            if start is not None and end > start:
                continue
            folded = [fold(w) for w in words[first:end]]
            for _, stem in proclitic_splits(folded[0]):
                self.names.setdefault((stem, *folded[1:]), kind)
        if start is not None:
            self.line = (self.sentences, start)
        elif any(w[0].isalnum() for w in words):
            self.line = None  # text after it: سمات was a word of a sentence
        self.sentences += 1

    def label(self, index: int, words: list[str], labels: list[str]) -> list[str]:
        """The labels of sentence ``index``, its tag line read by the article's names."""
        if self.line is None or self.line[0] != index:
            return labels
        out = list(labels)
        folded = [fold(w) for w in words]
        for start, end, _ in chunks(labels):
            if end - start < 2 or end <= self.line[1]:
                continue  # one tag the tagger read alone stays as it read it (لبنان)
            found = []
            i = start
            while i < end:
                size, kind = self._name_at(folded, i, end)
                if size:
                    found.append((i, i + size, kind))
                i += max(size, 1)
            if not found:
                continue  # no name of the article in it: one tag, as the tagger read it
            out[start:end] = ["O"] * (end - start)
            for first, last, kind in found:
                label(out, first, last, kind)
        return out

    def _name_at(self, folded: list[str], i: int, end: int) -> tuple[int, str]:
        """(words, type) of the longest of the article's names at ``i`` before ``end``."""
        for size in range(min(MAX_NAME, end - i), 0, -1):
            kind = self.names.get(tuple(folded[i : i + size]))
            if kind is not None:
                return size, kind
        return 0, ""


def _tags_at(words: list[str]) -> int | None:
    """The index of سمات when only words follow it to the end of the sentence."""
    if TAGS not in words:  # (the word has no letters that fold)
        return None
    for i, word in enumerate(words):
        if fold(word) == TAGS and i + 1 < len(words):
            rest = words[i + 1 :]
            if all(w[0].isalnum() for w in rest):
                return i
    return None
