"""Reading token/tag files (ANERcorp style), conlleval-style entity chunking, BIO labelling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.loader import DEFAULT_MAX_SIZE, LoadError, read_text


class ConllError(ValueError):
    """A token/tag file that cannot be read; the message is one line naming file and line."""


def read_conll(
    path: str | Path,
    *,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    warn: Callable[[str], None] | None = None,
) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, tags), blank lines between sentences.

    Read as conlleval reads it: the token is the first column and the BIO tag the last,
    columns separated by tabs (or, in a file without tabs, by spaces), so a CoNLL file with
    POS or chunk columns between them scores as it should.  The file is read and decoded as
    articles are (encoding detection or `encoding`, the size limit); `warn` hears what the
    reading survived, such as bytes that were not UTF-8.
    """
    try:
        decoded = read_text(path, encoding=encoding, max_size=max_size)
    except LoadError as err:
        raise ConllError(str(err)) from None
    if decoded.warning and warn is not None:
        warn(decoded.warning)
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(decoded.text.split("\n"), 1):
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        parts = [part.strip() for part in (line.split("\t") if "\t" in line else line.split())]
        if len(parts) < 2 or not parts[0] or not _valid_tag(parts[-1]):
            raise ConllError(
                f"{path}:{number}: expected 'token<TAB>tag' with a BIO tag, got {line[:60]!r}"
            )
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append((tokens, tags))
    if not sentences:
        raise ConllError(f"{path}: empty file (no token/tag lines)")
    return sentences


def _valid_tag(tag: str) -> bool:
    return tag == "O" or (len(tag) > 2 and tag[:2] in ("B-", "I-"))


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end, type) per conlleval: an I- tag without its entity starts one."""
    spans = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return spans


def label(tags: list[str], start: int, end: int, kind: str) -> None:
    """Write the BIO tags of one ``kind`` span over ``tags[start:end]``, in place."""
    tags[start] = "B-" + kind
    for i in range(start + 1, end):
        tags[i] = "I-" + kind
