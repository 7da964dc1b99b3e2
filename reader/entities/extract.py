"""extract_entities: tokenise, tag, article pass and rules, clean mentions, merge, add numbers."""

from __future__ import annotations

from collections.abc import Callable

from reader.entities.conll import chunks
from reader.entities.entity import TYPE_ORDER, Entity, Mention
from reader.entities.mentions import build_mentions, widen_site
from reader.entities.merge import merge
from reader.entities.numbers import find_numbers
from reader.entities.pipeline import load_model, tag_document
from reader.entities.rules import ministries, repeated_places
from reader.entities.tokens import Token, sentences, tokenize

_TAGGING_SHARE = 0.9


def extract_entities(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
    """People, places, organizations and numbers of ``text``, sorted by type then first mention.

    ``progress`` (optional) is called with fractions from 0.0 to 1.0; the app runs this in a
    worker thread on texts of several megabytes.
    """
    if progress:
        progress(0.0)
    model = load_model()
    sents = sentences(text, tokenize(text))
    words = [[t.text for t in s] for s in sents]
    labels = tag_document(words, progress, _TAGGING_SHARE)
    labels = repeated_places(words, labels, [model.tagger.features.unknown(w) for w in words])
    spans: list[tuple[list[Token], str]] = []
    for sent, sent_labels in zip(sents, labels, strict=True):
        for start, end, kind in chunks(sent_labels):
            start, kind = widen_site(sent, start, end, kind)
            spans.append((sent[start:end], kind))
        spans += ministries(sent, sent_labels)
    entities = merge(text, build_mentions(text, spans, model.gazetteer))
    entities += number_entities(text)
    entities.sort(key=lambda e: (TYPE_ORDER[e.type], e.mentions[0].start))
    if progress:
        progress(1.0)
    return entities


def number_entities(text: str) -> list[Entity]:
    """One entity per distinct quantity (value, percent or not, counted noun), all mentions kept."""
    by_key: dict[tuple, Entity] = {}
    for match in find_numbers(text):
        key = (match.value, match.percent, match.unit)
        mention = Mention(match.start, match.end, text[match.start : match.end])
        if key in by_key:
            by_key[key].mentions.append(mention)
        else:
            by_key[key] = Entity(
                "number", mention.text, [mention], value=match.value, unit=match.unit
            )
    return list(by_key.values())
