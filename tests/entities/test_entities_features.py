"""The tagger's features: only what the model knows, cached in two bounded generations, and the
gazetteer's multi-word names found by their first two words (issue 19: linear extraction)."""

import pytest

from reader.entities.normalize import fold
from reader.entities.pipeline import load_model
from reader.entities.tagging import features as features_module
from reader.entities.tagging.features import FeatureExtractor
from reader.entities.tagging.gazetteer import Gazetteer

SENTENCES = [
    "وقال الرئيس الأميركي باراك أوباما في واشنطن إن شركة جازبروم الروسية وقعت العقد",
    "فاز بايرن ميونخ على ضيفه دينامو كييف بثلاثة أهداف مقابل هدف مساء الثلاثاء .",
    "وأعلنت منظمة الصحة العالمية أن 25 شخصا أصيبوا في مدينة كاودا وتالودي",
]


def _counting(monkeypatch: pytest.MonkeyPatch, extractor: FeatureExtractor) -> list[str]:
    """Record the words whose features ``extractor`` computes from now on."""
    computed: list[str] = []
    compute = extractor._compute

    def counted(word: str):  # type: ignore[no-untyped-def]
        computed.append(word)
        return compute(word)

    monkeypatch.setattr(extractor, "_compute", counted)
    return computed


def test_features_the_model_lacks_change_no_label_nor_confidence() -> None:
    model = load_model()
    shipped = model.features
    assert shipped.attributes  # the model's own features, read from attributes.txt.gz
    everything = FeatureExtractor(shipped.gazetteer, shipped.lexicon, shipped.usage)
    crf = model.tagger._crf
    for sentence in SENTENCES:
        words = sentence.split(" ")
        lean, full = shipped.sequence(words), everything.sequence(words)
        assert all(set(a) <= set(b) for a, b in zip(lean, full, strict=True))
        assert sum(map(len, lean)) < sum(map(len, full))
        labels = crf.tag(full)
        full_marginals = [crf.marginal(label, i) for i, label in enumerate(labels)]
        assert crf.tag(lean) == labels
        lean_marginals = [crf.marginal(label, i) for i, label in enumerate(labels)]
        assert lean_marginals == pytest.approx(full_marginals, abs=1e-12)


def test_the_cache_is_bounded_and_keeps_the_words_a_text_keeps_using(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(features_module, "CACHE_WORDS", 50)
    shipped = load_model().features
    extractor = FeatureExtractor(
        shipped.gazetteer, shipped.lexicon, shipped.usage, sorted(shipped.attributes or ())
    )
    computed = _counting(monkeypatch, extractor)
    rare = [f"كلمة{'ب' * (n % 7)}{'ت' * (n // 7)}" for n in range(400)]
    for n in range(0, len(rare), 4):
        extractor.sequence(["قال", "الرئيس", *rare[n : n + 4]])
    assert computed.count("قال") == computed.count("الرئيس") == 1
    assert len(set(computed)) == len(computed) == 402
    assert len(extractor._cache) <= 50 and len(extractor._older) <= 50


def test_extraction_computes_each_word_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The later sweeps read which words are unknown from the tagging sweep, not from features
    rebuilt for words the cache has let go."""
    from reader.entities import extract_entities

    monkeypatch.setattr(features_module, "CACHE_WORDS", 40)
    extractor = load_model().features
    extractor.clear_cache()
    computed = _counting(monkeypatch, extractor)
    names = [f"بارو{'سكلمنهف'[n % 7]}{'قعغثصضطظ'[n // 7]}ي" for n in range(54)]
    triples = zip(*[iter(names)] * 3, strict=True)
    text = "\n".join(f"وقال {a} إن {b} زار مدينة {c} أمس." for a, b, c in triples)
    extract_entities(text)
    assert len(computed) == len(set(computed))
    extractor.clear_cache()


def test_names_sharing_a_common_first_word_are_found_by_their_second() -> None:
    people = [f"محمد {fold(x)} {fold(y)}" for x in ("علي", "حسن", "سعيد") for y in "أبجده"]
    gazetteer = Gazetteer({"person": [*people, "محمد علي", "محمد علي كلاي"], "city": ["عين صالح"]})
    sentence = "قال محمد علي كلاي في عين صالح ولمحمد حسن ه"
    folded = [fold(w) for w in sentence.split(" ")]
    spans = gazetteer.phrase_spans(folded)
    assert spans == [
        (1, 4, "person"),
        (1, 3, "person"),
        (5, 7, "city"),
        (7, 10, "person"),
    ]
    assert gazetteer.is_place(("عين", "صالح")) and not gazetteer.is_place(("محمد", "علي"))
