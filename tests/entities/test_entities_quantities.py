"""Numbers in extract_entities: one entry per quantity, every mention kept."""

from reader.entities import extract_entities


def test_same_quantity_merges_and_different_units_do_not() -> None:
    text = "قتل 12 شخصاً في الهجوم. وأكدت الشرطة أن 12 شخصاً قتلوا وأصيب 12 جندياً و٣٥٪ من السكان."
    numbers = [e for e in extract_entities(text) if e.type == "number"]
    people = [e for e in numbers if e.value == 12 and e.unit == "شخصاً"]
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["12", "12"]
    assert any(e.value == 12 and e.unit == "جندياً" for e in numbers)
    assert any(e.value == 35 for e in numbers)
    for entity in numbers:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
