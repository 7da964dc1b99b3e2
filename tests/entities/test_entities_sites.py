"""Named sites of local news (issue 17): hospitals, parks, streets, palaces and airports are
places named with their head, often by a common word or after a person; and what only looks
like one is not."""

from reader.entities import extract_entities
from tests.entities.names import entries, places


def test_a_site_named_by_a_common_word_is_a_place_with_its_head() -> None:
    text = (
        "ونقل المصابون إلى مستشفى الأمل، بينما أغلقت البلدية حديقة الورود وشارع الخمسين"
        " للصيانة، واستقبل الأمير ضيوفه في قصر الضيافة."
    )
    found = places(text)
    assert {"مستشفى الأمل", "حديقة الورود", "شارع الخمسين", "قصر الضيافة"} <= found
    numbers = [e for e in extract_entities(text) if e.type == "number"]
    assert not numbers  # الخمسين names the street


def test_a_site_named_after_a_person_is_that_site_and_its_city_stays_a_city() -> None:
    text = "وغادر الوفد عبر مطار الملك خالد الدولي، ونقل الجرحى إلى مستشفى الملك فيصل بالطائف."
    found = entries(text)
    assert ("place", "مطار الملك خالد الدولي") in found
    assert ("place", "الطائف") in found
    assert not {name for kind, name in found if kind == "person"}


def test_a_quoted_name_after_a_head_is_the_place() -> None:
    text = "نشأت في بلدة “سبرينغديل” بولاية “أركنساس” ثم درست في “دينفر”."
    assert {"سبرينغديل", "أركنساس"} <= places(text)
    assert not any("“" in name or "ولاية" in name for name in places(text))


def test_a_long_form_of_a_country_is_taken_whole() -> None:
    text = "واستقبل الملك وزير خارجية جمهورية مصر العربية في الرياض."
    found = places(text)
    assert "مصر العربية" not in found
    assert "جمهورية مصر العربية" in found


def test_a_front_at_a_place_is_no_organization() -> None:
    text = "وتدور معارك عنيفة في جبهة شارع الخمسين بين المقاومة والمسلحين."
    assert not any(kind == "organization" and "جبهة" in name for kind, name in entries(text))


def test_site_words_that_name_nothing_are_no_places() -> None:
    text = "وتعمل الحكومة على سد العجز في الميزانية، وزار المحافظ الحديقة والشارع العام."
    assert not places(text)
