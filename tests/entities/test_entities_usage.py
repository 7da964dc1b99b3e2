"""Corpus usage features (frequency, article and relative-adjective bands) and news names."""

import gzip
from pathlib import Path

import pytest

from reader.entities import extract_entities
from reader.entities.article.rules import is_plural_adjective
from reader.entities.pipeline import load_model
from reader.entities.tagging.usage import UNKNOWN, Usage, bands


def test_bands_measure_how_often_a_form_takes_the_article() -> None:
    assert bands(4.2, 1.3, 1.0) == ("4", "-3", "1")  # a name: ال + name is a thousand times rarer
    assert bands(3.1, 5.0, 4.6) == ("3", "2", "4")  # العراق: the bare form is the rare one
    assert bands(5.0, 0.0, 0.0) == ("5", "nodef", "0")
    assert bands(0.0, 2.5, 0.0) == ("0", "onlydef", "0")
    assert bands(2.0, 9.0, 0.0)[1] == "2" and bands(6.0, 0.5, 0.0)[1] == "-4"  # clipped
    assert bands(0.0, 0.0, 0.0) == ("0", "none", "0") == tuple(f[3:] for f in UNKNOWN)


@pytest.fixture
def small_usage(tmp_path: Path) -> Usage:
    path = tmp_path / "usage.tsv.gz"
    rows = "4\t-3\t1\tبوتين يلتسين\n5\t0\t3\tكتاب\n4\t1\t0\tانفصالي\n7\t-3\t4\tعلي\n"
    path.write_bytes(gzip.compress(rows.encode()))
    return Usage.load(path)


def test_usage_table_round_trips_through_its_file(small_usage: Usage) -> None:
    assert small_usage.features("بوتين") == ["wz=4", "wd=-3", "wn=1"]
    assert small_usage.features("يلتسين") == ["wz=4", "wd=-3", "wn=1"]
    assert small_usage.features("كتاب") == ["wz=5", "wd=0", "wn=3"]
    assert small_usage.features("غيرموجود") == list(UNKNOWN)


def test_inflected_relative_adjectives_are_marked(small_usage: Usage) -> None:
    assert small_usage.adjective_ending("انفصاليو") == "يو"
    assert small_usage.adjective_ending("انفصاليين") == "يين"
    assert small_usage.features("انفصاليه")[-1] == "adj"
    # عليه is built on a name (علي rarely takes ال), so it is no adjective.
    assert small_usage.adjective_ending("عليه") is None
    assert small_usage.adjective_ending("يلتسين") is None


def test_shipped_usage_tells_foreign_names_from_nouns() -> None:
    usage = load_model().features.usage
    for name in ("بوتين", "رامسفيلد", "شوماخر"):  # folded forms, as the table is keyed
        band = usage.features(name)[1].removeprefix("wd=")
        assert band in {"nodef", "none"} or int(band) <= -2, name
    for noun in ("كتاب", "رييس", "حكومه"):
        assert int(usage.features(noun)[1].removeprefix("wd=")) >= -1, noun
    assert int(usage.features("مصر")[2].removeprefix("wn=")) >= 4  # المصري is common


def test_features_use_the_clitic_free_form() -> None:
    features = load_model().features
    plain = [f for f in features.sequence(["بوتين"])[0] if f.startswith(("wz=", "wd=", "wn="))]
    attached = [f for f in features.sequence(["وبوتين"])[0] if f.startswith(("wz=", "wd=", "wn="))]
    assert plain == attached and len(plain) == 3


def test_news_names_cover_foreign_surnames() -> None:
    gazetteer = load_model().gazetteer
    for surname in ("يلتسين", "شوماخر", "رامسفيلد"):
        assert "news" in gazetteer.word_categories(surname), surname
    assert "news+" in gazetteer.word_categories("وشوماخر")


def test_plural_adjectives_are_not_people() -> None:
    usage = load_model().features.usage
    assert is_plural_adjective("إنفصاليو", usage)
    assert is_plural_adjective("والانفصاليين", usage)
    assert not is_plural_adjective("باشينيان", usage)
    text = "إنفصاليو قره باخ يستسلمون لأذربيجان ويقبلون بمفاوضات لدمج الإقليم"
    assert not [e for e in extract_entities(text) if e.type == "person"]
