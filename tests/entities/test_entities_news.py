"""The hand-annotated news articles (tests/data/news_entities.json) and the pane's scoring rule."""

import json
from pathlib import Path

from reader.entities import Entity, Mention
from reader.entities.gold import Gold, Tally, gold_entities, score_article

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "news_entities.json"


def entity(kind: str, name: str, value: float | None = None) -> Entity:
    return Entity(kind, name, [Mention(0, len(name), name)], value=value)  # type: ignore[arg-type]


def tallies(entities: list[Entity], golds: list[Gold]) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    score_article(entities, golds, out)
    return out


def test_the_annotations_are_twenty_dev_eighteen_dev2_and_ten_held_out_articles() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = data["articles"]
    assert len(articles) == 48 and len({a["url"] for a in articles}) == 48
    splits = [a["split"] for a in articles]
    assert (splits.count("dev"), splits.count("dev2"), splits.count("heldout")) == (20, 18, 10)
    assert len({a["source"] for a in articles}) == 11
    assert (GOLD.parent / data["rules"]).is_file()
    for article in articles:
        assert "content" not in article and "title" not in article  # annotations only
        for gold in gold_entities(article):
            assert gold.forms and all(form.strip() == form for form in gold.forms)


def test_names_match_after_normalising_spelling_and_clitics() -> None:
    golds = [
        Gold("organization", ("الأمم المتحدة",)),
        Gold("place", ("إيران", "الجمهورية الإيرانية")),
    ]
    found = [
        entity("organization", "للأمم المتحدة"),  # ل + ال written لل
        entity("place", "ايران"),  # hamza seat
    ]
    result = tallies(found, golds)
    assert (result["organization"].right, result["place"].right) == (1, 1)
    # An alias counts; a name of another type does not.
    result = tallies([entity("place", "الجمهورية الايرانية"), entity("person", "إيران")], golds)
    assert result["place"].right == 1 and result["person"].false == ["إيران"]


def test_one_entry_per_entity_and_numbers_by_value() -> None:
    golds = [Gold("person", ("جون كيري", "كيري")), Gold("number", ("25",), 25)]
    found = [
        entity("person", "جون كيري"),
        entity("person", "كيري"),  # a second entry for the same person: not merged
        entity("number", "25", 25),
        entity("number", "25", 25),  # the same value with another counted noun
        entity("number", "3.5", 3.5),
    ]
    result = tallies(found, golds)
    assert (result["person"].right, result["person"].found) == (1, 2)
    assert result["person"].precision == 50.0 and result["person"].recall == 100.0
    assert (result["number"].right, result["number"].found, result["number"].covered) == (2, 3, 1)
    assert result["number"].false == ["3.5 (3.5)"]


def test_a_number_without_a_value_matches_by_its_text() -> None:
    golds = [Gold("number", ("24-7",), None)]
    assert tallies([entity("number", "24-7")], golds)["number"].right == 1
    assert tallies([entity("number", "24", 24)], golds)["number"].right == 0


# The pane on the annotated news as measured (scripts/score_news.py), rounded down: a change
# that loses ground on real news fails here. Issue 17's bars (people and places P, R >= 90,
# organizations R >= 70 and P >= 80, numbers P >= 95) are met on the held-out set only for
# numbers; these floors guard what the pane does, not the bars. dev2 (18 articles annotated in
# the second round) was scored before any rule was tuned on it. The second round's rules, made
# on dev and dev2, left the held-out set's organizations one entry worse (P 81.6 -> 78.9, R
# 62.0 -> 60.0; measured once at the end, not tuned on): its floors record that level.
FLOORS = {
    "dev2": {
        "person": (95, 94),
        "place": (88, 76),
        "organization": (92, 75),
        "number": (99, 96),
    },
    "dev": {
        "person": (93, 88),
        "place": (92, 90),
        "organization": (91, 87),
        "number": (96, 98),
    },
    "heldout": {
        "person": (73, 84),
        "place": (85, 81),
        "organization": (78, 60),
        "number": (97, 100),
    },
}


def test_the_pane_on_the_annotated_news_keeps_its_level() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_news", ROOT / "scripts" / "score_news.py")
    assert spec and spec.loader
    score_news = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_news)
    for split, floors in FLOORS.items():
        tallies = score_news.score(split)  # exits with a message if the corpus is missing
        for kind, (precision, recall) in floors.items():
            tally = tallies[kind]
            assert tally.precision >= precision, (split, kind, tally.precision)
            assert tally.recall >= recall, (split, kind, tally.recall)
