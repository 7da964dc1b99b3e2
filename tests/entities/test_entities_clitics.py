"""Clitics, titles and nationality adjectives around names."""

from reader.entities import extract_entities
from reader.entities.mentions import strip_clitic, widen_site
from reader.entities.pipeline import load_model
from reader.entities.tokens import Token


def test_strip_clitic_keeps_known_names_whole() -> None:
    gazetteer = load_model().gazetteer
    assert strip_clitic("وأرمينيا", gazetteer, set()) == (1, "أرمينيا")
    assert strip_clitic("بالقاهرة", gazetteer, set()) == (1, "القاهرة")
    assert strip_clitic("للقاهرة", gazetteer, set()) == (1, "القاهرة")
    assert strip_clitic("لأذربيجان", gazetteer, set()) == (1, "أذربيجان")
    assert strip_clitic("باكو", gazetteer, set()) == (0, "باكو")
    assert strip_clitic("لبنان", gazetteer, set()) == (0, "لبنان")
    # Unknown to the gazetteer: only a name seen elsewhere in the article licenses a cut.
    assert strip_clitic("لباشينيان", gazetteer, {"باشينيان"}) == (1, "باشينيان")
    assert strip_clitic("بلينكن", gazetteer, set()) == (0, "بلينكن")


def test_places_with_clitics_are_named_without_them() -> None:
    text = "وصل الوفد إلى بالقاهرة أمس، ثم سافر الوزير لأذربيجان وأرمينيا في جولة تشمل باكو."
    places = {e.name: e for e in extract_entities(text) if e.type == "place"}
    assert set(places) == {"القاهرة", "أذربيجان", "أرمينيا", "باكو"}
    for entity in places.values():
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text == entity.name


def test_titles_and_nationality_adjectives_are_context() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين إن وزير الخارجية الأميركي أنتوني بلينكن زار موسكو."
    entities = extract_entities(text)
    assert {e.name for e in entities if e.type == "person"} == {"فلاديمير بوتين", "أنتوني بلينكن"}
    assert {e.name for e in entities if e.type == "place"} == {"موسكو"}


def test_latin_text_yields_no_sentence_fragments() -> None:
    text = (
        "Universal Declaration of Human Rights\n"
        "This plain text version prepared by the UDHR in Unicode project"
    )
    names = {e.name for e in extract_entities(text)}
    assert not any(name[0].islower() or " by " in name for name in names)


def test_a_name_after_a_site_word_is_that_place() -> None:
    tokens = [Token(w, 0, 0) for w in ["في", "ساحة", "القديس", "بطرس"]]
    for kind in ("PERS", "ORG", "MISC"):
        assert widen_site(tokens, 2, 4, kind) == (1, "LOC")
    assert widen_site(tokens, 3, 4, "PERS") == (3, "PERS")  # بطرس follows القديس, no site word
