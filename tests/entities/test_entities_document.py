"""The article pass: confident spans retype disagreeing spans of the same phrase."""

from reader.entities.article.document import propagate_nearby


def test_majority_type_wins_for_the_same_phrase() -> None:
    words = [
        ["زار", "هونج", "كونج"],
        ["في", "هونج", "كونج"],
        ["وقال", "هونج", "كونج"],
        ["من", "وهونج", "كونج"],
    ]
    labels = [
        ["O", "B-LOC", "I-LOC"],
        ["O", "B-LOC", "I-LOC"],
        ["O", "B-PERS", "I-PERS"],
        ["O", "B-PERS", "I-PERS"],
    ]
    confidence = [[1.0, 0.9, 0.9], [1.0, 0.8, 0.8], [1.0, 0.4, 0.4], [1.0, 0.45, 0.45]]
    out = propagate_nearby(words, labels, confidence, frozenset(), reach=3)
    assert out == [["O", "B-LOC", "I-LOC"]] * 2 + [["O", "B-LOC", "I-LOC"]] * 2


def test_a_tie_leaves_each_span_as_tagged() -> None:
    words = [["زار", "جوردان"], ["قال", "جوردان"]]
    labels = [["O", "B-LOC"], ["O", "B-PERS"]]
    confidence = [[1.0, 0.9], [1.0, 0.9]]
    assert propagate_nearby(words, labels, confidence, frozenset(), reach=1) == labels


def test_the_longest_known_name_labels_untagged_words_also_behind_a_proclitic() -> None:
    """Names sharing their first word (issue 19: found by their first two words, not by
    scanning every name that starts with the word)."""
    from reader.entities.article.document import Votes, apply

    votes = Votes(frozenset())
    for phrase, kind in [
        (["عبد", "الله", "صالح"], "PERS"),
        (["عبد", "الله"], "PERS"),
        (["عبد", "الرحمن", "العطية"], "PERS"),
        (["بنك", "الكويت", "الوطني"], "ORG"),
        (["بنك"], "ORG"),
    ]:
        votes.add(phrase, ["B-" + kind] + ["I-" + kind] * (len(phrase) - 1), [0.9] * len(phrase))
    known = votes.known()
    words = ["قال", "وعبد", "الله", "صالح", "و", "عبد", "الرحمن", "العطية", "لبنك", "الكويت"]
    out = apply(words, ["O"] * len(words), known)
    assert out == [
        "O",
        *("B-PERS", "I-PERS", "I-PERS"),
        "O",
        *("B-PERS", "I-PERS", "I-PERS"),
        *("B-ORG", "O"),
    ]
