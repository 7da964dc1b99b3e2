"""Long articles: extraction streams through sentence windows without changing the result."""

import itertools

from reader.entities import extract_entities
from reader.entities.article.document import propagate_nearby


def test_repeated_article_keeps_every_entity_with_every_mention(sample_text: str) -> None:
    once = extract_entities(sample_text)
    copies = 30  # several tagging batches and number-parser chunks
    text = "\n\n".join([sample_text] * copies)
    many = {(e.type, e.name, e.value): e for e in extract_entities(text)}
    for small in once:
        big = many.pop((small.type, small.name, small.value))
        assert len(big.mentions) == copies * len(small.mentions), small.name
        assert all(text[m.start : m.end] == m.text for m in big.mentions)
    # Only the repeated-phrase rule (an unknown phrase seen 3+ times after في) may add places.
    assert {kind for kind, _, _ in many} <= {"place"}


def test_progress_is_frequent_on_a_long_article(sample_text: str) -> None:
    seen: list[float] = []
    extract_entities("\n\n".join([sample_text] * 60), progress=seen.append)
    steps = [b - a for a, b in itertools.pairwise(seen)]
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert min(steps) >= 0 and max(steps) <= 0.05


def test_nearby_sentences_share_names_but_distant_ones_do_not() -> None:
    words = [["قال", "رامسفيلد", "اليوم"], ["وصل", "رامسفيلد"], ["و"], ["ثم", "رامسفيلد"]]
    labels = [["O", "B-PERS", "O"], ["O", "O"], ["O"], ["O", "O"]]
    confidence = [[1.0, 0.95, 1.0], [1.0, 1.0], [1.0], [1.0, 1.0]]
    out = propagate_nearby(words, labels, confidence, frozenset(), reach=1)
    assert out[1] == ["O", "B-PERS"]
    assert out[3] == ["O", "O"]
