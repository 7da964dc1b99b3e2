"""Words that are no names are not listed as people (issue 17, error class 2), while real
names alone, with a title or in a list, still are."""

import pytest

from reader.entities import extract_entities


def people(text: str) -> set[str]:
    return {e.name for e in extract_entities(text) if e.type == "person"}


@pytest.mark.parametrize(
    "text",
    [
        # A pronoun after قال, a word of the Quran's epithet, common nouns that are also names.
        "زارني أمس صحفي ياباني، وقال لي إن الزيارة مفيدة.",
        "افتتح الحفل بآيات من الذكر الحكيم تلاها القارئ.",
        "وأضاف: إن نجاح الخطة يعتمد على إيمان الناس بها.",
        # A nationality noun is no name: "a German said", "a Russian added".
        "وقال ألماني إن الأسعار ارتفعت، وأضاف روسي أن الحكومة تأخرت.",
    ],
)
def test_common_words_and_nationality_nouns_are_no_people(text: str) -> None:
    assert people(text) == set()


def test_a_family_name_keeps_its_al_and_al_alone_is_no_one() -> None:
    assert people("وصرح المهندس آل سويلم بأن المشروع اكتمل.") == {"آل سويلم"}


def test_a_word_of_a_place_name_is_that_place_not_a_person() -> None:
    text = "رست السفينة في جبل طارق، ثم أبحرت من جبل طارق ووصلت لجبل طارق مساء."
    found = {(e.type, e.name): len(e.mentions) for e in extract_entities(text)}
    assert found == {("place", "جبل طارق"): 3}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الشيخ سعود إن الحفل نجح.", "سعود"),  # a title before it
        ("وقال الرئيس الإيراني حسن روحاني إن الاتفاق جيد.", "حسن روحاني"),
        ("وأكد أوباما أن الاتفاق جيد.", "أوباما"),  # a name the corpus rarely gives ال
    ],
)
def test_names_alone_with_a_title_or_rare_as_words_stay(text: str, name: str) -> None:
    assert name in people(text)


def test_one_long_name_with_its_short_form_is_one_person() -> None:
    text = (
        "وقال المتحدث جيف ديفيس إن خالد فاضل إياد عاشور المطيري قتل في الغارة. وكان خالد"
        " المطيري مطلوبا، وقال ديفيس إن المطيري قاد الهجمات."
    )
    found = {e.name: [m.text for m in e.mentions] for e in extract_entities(text)}
    assert found["خالد فاضل إياد عاشور المطيري"] == [
        "خالد فاضل إياد عاشور المطيري",
        "خالد المطيري",
        "المطيري",
    ]
    assert set(found) == {"جيف ديفيس", "خالد فاضل إياد عاشور المطيري"}


def test_a_person_span_ends_where_a_known_agency_begins() -> None:
    found = {
        (e.type, e.name) for e in extract_entities("وقال المقدم سامي لفرانس برس إن الهجوم فشل.")
    }
    assert ("organization", "فرانس برس") in found
    assert all(not name.endswith("برس") for kind, name in found if kind == "person")


def test_a_word_no_list_knows_after_a_person_is_part_of_the_name() -> None:
    text = "وقال مايكل ماكوي لويث المتحدث باسم الحكومة إن القيود ستبقى."
    assert "مايكل ماكوي لويث" in people(text)


def test_an_office_a_few_words_before_a_lone_common_name_keeps_it() -> None:
    text = "وقال قائد الحرس المحلي سيف لفرانس برس إن الطريق مغلق."
    assert people(text) == {"سيف"}
    assert people("وقال إن سيف لفرانس برس الجديد لامع.") == set()
