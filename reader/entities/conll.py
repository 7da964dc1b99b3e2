"""Reading token/tag files (ANERcorp style), conlleval-style entity chunking, BIO labelling."""

from __future__ import annotations

from pathlib import Path


class ConllError(ValueError):
    """A token/tag file that cannot be read; the message is one line naming file and line."""


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, tags) from a ``token<TAB>tag`` file, blank lines between sentences."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConllError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise ConllError(f"{path}: is a directory") from None
    except UnicodeDecodeError as err:
        raise ConllError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise ConllError(f"{path}: cannot read ({err.strerror or err})") from None
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        parts = line.rsplit("\t", 1) if "\t" in line else line.rsplit(None, 1)
        if len(parts) != 2 or not parts[0].strip() or not _valid_tag(parts[1].strip()):
            raise ConllError(
                f"{path}:{number}: expected 'token<TAB>tag' with a BIO tag, got {line[:60]!r}"
            )
        tokens.append(parts[0].strip())
        tags.append(parts[1].strip())
    if tokens:
        sentences.append((tokens, tags))
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
