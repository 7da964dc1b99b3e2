"""extract_entities: tag sentence windows as they stream, article pass, rules, mentions, numbers.

A long article is never held as token objects: the tagging sweep keeps, per sentence, only
token offsets and labels, and the later sweeps rebuild words from the text. Every step works on
one sentence or one window of sentences, so the worker thread the app runs this in never holds
the GIL long, and progress is reported as the sweeps advance.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

from reader.entities.article.document import Votes, apply
from reader.entities.article.mentions import (
    Span,
    build_mentions,
    span_of,
    widen_person,
    widen_place,
    widen_site,
)
from reader.entities.article.merge import merge
from reader.entities.article.rules import (
    is_plural_adjective,
    lone_common_words,
)
from reader.entities.article.sweep import ArticleRules
from reader.entities.conll import chunks
from reader.entities.entity import TYPE_ORDER, Entity, Mention
from reader.entities.normalize import clear_word_caches, fold
from reader.entities.numbers import find_numbers
from reader.entities.pipeline import Model, load_model, tag_window
from reader.entities.tagging.tokens import Token, iter_sentences, iter_tokens

# Shares of the progress bar: tagging dominates the work.
_TAGGED, _PROPAGATED, _SPANNED = 0.85, 0.9, 0.95
_NUMBER_CHUNK = 65_536  # characters per number-parser call (cut at a line break)
_REPORT_EVERY = 0.005
_BATCH = 40  # sentences tagged per lock hold


def _offsets(length: int) -> str:
    """The array type code for offsets into a text of ``length`` characters: four bytes for
    any text under 4 G characters."""
    return "I" if length < 1 << 32 else "q"


class _Tagged:
    """Tagged sentences kept flat: offsets in arrays, labels as bytes.

    Flat storage keeps a 10 MB article's millions of tokens out of Python objects, so it costs
    ~10 bytes a token and gives the cyclic garbage collector nothing to walk.
    """

    def __init__(self, length: int) -> None:
        """``length``: the text's, in characters."""
        offset = _offsets(length)
        self.starts = array(offset)
        self.ends = array(offset)
        self.labels = bytearray()
        self.unknown = bytearray()  # 1 for a word the training text did not know
        self.bounds = array(offset, [0])  # sentence n is tokens bounds[n]:bounds[n + 1]
        self.codes: dict[str, int] = {}
        self.names: list[str] = []

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def append(self, tokens: list[Token], labels: list[str], unknown: list[bool]) -> None:
        self.starts.extend(t.start for t in tokens)
        self.ends.extend(t.end for t in tokens)
        self.labels.extend(self._code(label) for label in labels)
        self.unknown.extend(unknown)
        self.bounds.append(len(self.starts))

    def _code(self, label: str) -> int:
        if label not in self.codes:
            self.codes[label] = len(self.names)
            self.names.append(label)
        return self.codes[label]

    def tokens(self, text: str, n: int) -> list[Token]:
        a, b = self.bounds[n], self.bounds[n + 1]
        return [
            Token(text[s:e], s, e) for s, e in zip(self.starts[a:b], self.ends[a:b], strict=True)
        ]

    def words(self, text: str, n: int) -> list[str]:
        a, b = self.bounds[n], self.bounds[n + 1]
        return [text[s:e] for s, e in zip(self.starts[a:b], self.ends[a:b], strict=True)]

    def get_unknown(self, n: int) -> list[bool]:
        return [flag == 1 for flag in self.unknown[self.bounds[n] : self.bounds[n + 1]]]

    def get_labels(self, n: int) -> list[str]:
        names = self.names
        return [names[c] for c in self.labels[self.bounds[n] : self.bounds[n + 1]]]

    def set_labels(self, n: int, labels: list[str]) -> None:
        self.labels[self.bounds[n] : self.bounds[n + 1]] = bytes(self._code(x) for x in labels)


class _Spans:
    """The names' spans kept flat until the mentions are built, which read them once, as they
    are made again here: the 81,522 spans of 10 MB of news took 21 MiB as tuples, when
    the mentions' own peak came on top."""

    def __init__(self, length: int) -> None:
        """``length``: the text's, in characters."""
        self.kinds: list[str] = []
        self.offsets = array(_offsets(length))  # each token's start and end, span after span
        self.bounds = array(_offsets(length), [0])  # span n is offsets bounds[n]:bounds[n + 1]
        self._kind: dict[str, str] = {}  # one string per type, not one per span

    def append(self, span: Span) -> None:
        kind, offsets = span
        self.kinds.append(self._kind.setdefault(kind, kind))
        for pair in offsets:
            self.offsets.extend(pair)
        self.bounds.append(len(self.offsets))

    def __iter__(self) -> Iterator[Span]:
        offsets, bounds = self.offsets, self.bounds
        for n, kind in enumerate(self.kinds):
            flat = offsets[bounds[n] : bounds[n + 1]]
            yield kind, tuple(zip(flat[::2], flat[1::2], strict=True))


class _Progress:
    """Forwards fractions to the caller's callback, at most every _REPORT_EVERY."""

    def __init__(self, callback: Callable[[float], None] | None) -> None:
        self.callback = callback
        self.last = -1.0

    def __call__(self, fraction: float) -> None:
        if self.callback and (fraction - self.last >= _REPORT_EVERY or fraction >= 1.0):
            self.last = fraction
            self.callback(fraction)


def extract_entities(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
    """People, places, organizations and numbers of ``text``, sorted by type then first mention.

    ``progress`` (optional) is called with fractions from 0.0 to 1.0; the app runs this in a
    worker thread on texts of several megabytes.

    The per-word memos (features, folded forms, clitic splits) serve one text only: they are
    emptied when it is done or abandoned, the features' as soon as the tagging sweep ends,
    so that the later sweeps reuse their memory (a 10 MB article's peak falls by about as
    much as they held).
    """
    report = _Progress(progress)
    report(0.0)
    model = load_model()
    try:
        return _extract(text, model, report)
    finally:
        model.features.clear_cache()
        clear_word_caches()


def _extract(text: str, model: Model, report: _Progress) -> list[Entity]:
    spans = _spans(text, model, report)
    usage = model.features.usage
    mentions = build_mentions(text, spans, model.gazetteer, usage, model.features.lexicon.names)
    del spans
    entities = lone_common_words(
        text, merge(text, mentions, model.gazetteer), usage, model.gazetteer
    )
    del mentions
    entities += number_entities(text, lambda f: report(_SPANNED + (1 - _SPANNED) * f))
    entities.sort(key=lambda e: (TYPE_ORDER[e.type], e.mentions[0].start))
    report(1.0)
    return entities


def _spans(text: str, model: Model, report: _Progress) -> _Spans:
    """The names' spans after the article pass and its rules. What the sweeps needed (the
    tagged tokens, the votes, the rules' counts, the memos of every word) goes when this
    returns, before the mentions are built: with these, the biggest things alive then."""
    tagged, votes = _tag_all(text, model, report)
    known = votes.known()
    del votes
    usage = model.features.usage
    rules = ArticleRules(model)
    step = max(len(tagged) // 50, 1)
    for n in range(len(tagged)):
        words = tagged.words(text, n)
        labels = apply([fold(w) for w in words], tagged.get_labels(n), known)
        tagged.set_labels(n, labels)
        rules.add(words, labels, tagged.get_unknown(n))
        if n % step == 0:
            report(_TAGGED + (_PROPAGATED - _TAGGED) * n / len(tagged))
    spans = _Spans(len(text))
    for n in range(len(tagged)):
        tokens = tagged.tokens(text, n)
        words = [t.text for t in tokens]
        labels = rules.label(words, tagged.get_labels(n), tagged.get_unknown(n))
        folded: list[str] = []
        for start, end, kind in chunks(labels):
            if kind == "PERS" and end - start == 1 and is_plural_adjective(words[start], usage):
                continue
            if kind == "PERS":
                start, kind = widen_person(tokens, start, end, model.gazetteer)
            start, kind = widen_site(tokens, start, end, kind)
            if kind == "LOC":
                if not folded:  # once per sentence with a place
                    folded = [fold(w) for w in words]
                start, end = widen_place(folded, labels, start, end, model.gazetteer)
            spans.append(span_of(tokens[start:end], kind))
        if n % step == 0:
            report(_PROPAGATED + (_SPANNED - _PROPAGATED) * n / len(tagged))
    clear_word_caches()  # every word's memos: what follows asks for the mentions' words only
    return spans


def _tag_all(text: str, model: Model, report: _Progress) -> tuple[_Tagged, Votes]:
    """The tagging sweep: every sentence tagged, kept flat, its confident names counted. The
    features' cache is emptied at its end: nothing after it computes features."""
    size = len(text) or 1
    votes = Votes(model.common)
    tagged = _Tagged(len(text))
    window: list[list[Token]] = []
    for sentence in iter_sentences(text, iter_tokens(text)):
        window.append(sentence)
        if len(window) == _BATCH:
            _tag(window, votes, tagged)
            report(_TAGGED * window[-1][-1].end / size)
            window = []
    if window:
        _tag(window, votes, tagged)
    model.features.clear_cache()
    report(_TAGGED)
    return tagged, votes


def _tag(window: list[list[Token]], votes: Votes, out: _Tagged) -> None:
    """Tag one window of sentences, count its confident names, keep it compactly."""
    words = [[t.text for t in sentence] for sentence in window]
    for sentence, sent_words, (labels, confidence, unknown) in zip(
        window, words, tag_window(words), strict=True
    ):
        votes.add([fold(w) for w in sent_words], labels, confidence)
        out.append(sentence, labels, unknown)


def number_entities(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
    """One entity per distinct quantity (value, percent or not, counted noun), all mentions kept.

    The parser reads the text in line-aligned chunks, so no single call runs long.
    """
    by_key: dict[tuple, Entity] = {}
    pos = 0
    while pos < len(text):
        cut = text.find("\n", pos + _NUMBER_CHUNK)
        end = len(text) if cut < 0 else cut + 1
        for match in find_numbers(text[pos:end]):
            start, stop = pos + match.start, pos + match.end
            # A range (24-7) has no value: one entity per written form.
            key = (match.value, match.percent, match.unit, match.value is None and text[start:stop])
            mention = Mention(start, stop, text[start:stop])
            if key in by_key:
                by_key[key].mentions.append(mention)
            else:
                by_key[key] = Entity(
                    "number", mention.text, [mention], value=match.value, unit=match.unit
                )
        pos = end
        if progress:
            progress(pos / len(text))
    return list(by_key.values())
