"""Merging mentions into one entity per real entity."""

import pytest

from reader.entities.article.mentions import RawMention
from reader.entities.article.merge import merge
from reader.entities.normalize import fold
from reader.entities.tagging.gazetteer import Gazetteer


def mentions_of(text: str, kind: str, *names: str) -> list[RawMention]:
    """One mention per occurrence of each name in ``text``, earlier names claiming text first."""
    out: list[RawMention] = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            if not any(m.start < start + len(name) and start < m.end for m in out):
                out.append(
                    RawMention(
                        kind, start, start + len(name), name, tuple(fold(w) for w in name.split())
                    )
                )
            start = text.find(name, start + 1)
    return sorted(out, key=lambda m: m.start)


def test_surname_joins_full_name(gazetteer: Gazetteer) -> None:
    text = "قال أنتوني بلينكن ثم قال بلينكن"
    (entity,) = merge(text, mentions_of(text, "person", "أنتوني بلينكن", "بلينكن"), gazetteer)
    assert entity.name == "أنتوني بلينكن"
    assert [(m.start, m.text) for m in entity.mentions] == [(4, "أنتوني بلينكن"), (25, "بلينكن")]


def test_spelling_variants_and_contained_place_merge(gazetteer: Gazetteer) -> None:
    text = "في ناغورني قره باخ وفي قرة باخ وقره باخ"
    (entity,) = merge(
        text, mentions_of(text, "place", "ناغورني قره باخ", "قرة باخ", "قره باخ"), gazetteer
    )
    assert entity.name == "ناغورني قره باخ"
    assert [m.text for m in entity.mentions] == ["ناغورني قره باخ", "قرة باخ", "قره باخ"]
    assert all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_ambiguous_short_name_stays_apart(gazetteer: Gazetteer) -> None:
    text = "جورج بوش وجيب بوش ثم بوش"
    entities = merge(
        text, mentions_of(text, "person", "جورج بوش", "جيب بوش", "ثم بوش"[3:]), gazetteer
    )
    assert sorted(e.name for e in entities) == ["بوش", "جورج بوش", "جيب بوش"]


def test_types_do_not_merge_across(gazetteer: Gazetteer) -> None:
    text = "وزارة الدفاع الروسية في روسيا"
    entities = merge(
        text,
        mentions_of(text, "organization", "وزارة الدفاع الروسية")
        + mentions_of(text, "place", "روسيا"),
        gazetteer,
    )
    assert {(e.type, e.name) for e in entities} == {
        ("organization", "وزارة الدفاع الروسية"),
        ("place", "روسيا"),
    }


def test_a_person_surname_that_is_a_direction_word_still_merges(gazetteer: Gazetteer) -> None:
    text = "قال محمد الشرقي ثم قال محمد"
    (entity,) = merge(text, mentions_of(text, "person", "محمد الشرقي", "محمد"), gazetteer)
    assert entity.name == "محمد الشرقي"
    assert len(entity.mentions) == 2


def test_a_short_form_that_is_no_place_of_its_own_joins_the_directed_name(
    gazetteer: Gazetteer,
) -> None:
    text = "اقتحم الجيش مدنا في الضفة الغربية، وقال إن الضفة تشهد توترا"
    (entity,) = merge(text, mentions_of(text, "place", "الضفة الغربية", "الضفة"), gazetteer)
    assert entity.name == "الضفة الغربية"
    assert [m.text for m in entity.mentions] == ["الضفة الغربية", "الضفة"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # named by direction
            "زار جنوب أفريقيا ثم أفريقيا، ومر بالسودان وجنوب السودان",
            ["جنوب أفريقيا", "أفريقيا", "جنوب السودان", "السودان"],
        ),
        (  # the sources know روسيا البيضاء as Belarus, غينيا بيساو as Guinea-Bissau
            "بين روسيا البيضاء وروسيا، ومن غينيا بيساو إلى غينيا",
            ["روسيا البيضاء", "روسيا", "غينيا بيساو", "غينيا"],
        ),
    ],
)
def test_a_place_inside_the_name_of_another_place_stays_apart(
    text: str, names: list[str], gazetteer: Gazetteer
) -> None:
    entities = merge(text, mentions_of(text, "place", *names), gazetteer)
    assert sorted(e.name for e in entities) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("زار مكة المكرمة ثم مكة", ["مكة المكرمة", "مكة"]),
        ("إن المملكة العربية السعودية هي السعودية", ["المملكة العربية السعودية", "السعودية"]),
        # GeoNames' City of London district and Sofia City province are other ids, but a reader
        # means the city: heads such as مدينة and العاصمة do not make another place.
        ("وصل إلى مدينة لندن ثم غادر لندن", ["مدينة لندن", "لندن"]),
        ("في واشنطن العاصمة قال مسؤول في واشنطن", ["واشنطن العاصمة", "واشنطن"]),
    ],
)
def test_a_place_inside_a_longer_name_of_itself_merges(
    text: str, names: list[str], gazetteer: Gazetteer
) -> None:
    (entity,) = merge(text, mentions_of(text, "place", *names), gazetteer)
    assert (entity.name, len(entity.mentions)) == (names[0], 2)


def _organizations(text: str, *names: str, gazetteer: Gazetteer) -> dict[str, list[str]]:
    found = merge(text, mentions_of(text, "organization", *names), gazetteer)
    return {e.name: [m.text for m in e.mentions] for e in found}


def test_an_organization_described_by_its_head_is_the_one_with_that_head(
    gazetteer: Gazetteer,
) -> None:
    text = "وافقت منظمة التجارة العالمية على الطلب، وقالت المنظمة الدولية إن الحزب راض."
    found = _organizations(
        text, "منظمة التجارة العالمية", "المنظمة الدولية", "الحزب", gazetteer=gazetteer
    )
    assert found == {"منظمة التجارة العالمية": ["منظمة التجارة العالمية", "المنظمة الدولية"]}
    text = "فاز حزب العدالة والتنمية، وقال الحزب إنه سيحكم وحده."
    found = _organizations(text, "حزب العدالة والتنمية", "الحزب", gazetteer=gazetteer)
    assert found == {"حزب العدالة والتنمية": ["حزب العدالة والتنمية", "الحزب"]}


def test_a_name_of_the_same_head_is_not_a_description(gazetteer: Gazetteer) -> None:
    text = "قال البنك الدولي إن بنك الكويت الوطني ربح، وتنافس حزب النور وحزب الوفد، وقال الحزب."
    found = _organizations(
        text,
        "البنك الدولي",
        "بنك الكويت الوطني",
        "حزب النور",
        "حزب الوفد",
        "الحزب",
        gazetteer=gazetteer,
    )
    # the World Bank is not the Kuwaiti bank; a head alone that fits two parties is dropped
    assert found == {
        "البنك الدولي": ["البنك الدولي"],
        "بنك الكويت الوطني": ["بنك الكويت الوطني"],
        "حزب النور": ["حزب النور"],
        "حزب الوفد": ["حزب الوفد"],
    }


def test_a_head_alone_that_a_list_knows_is_a_name(gazetteer: Gazetteer) -> None:
    """الاتحاد is the club (the gazetteer's club names); الحزب alone is no name."""
    text = "فاز الاتحاد على ضيفه، وقال الحزب إن الفوز مستحق."
    found = _organizations(text, "الاتحاد", "الحزب", gazetteer=gazetteer)
    assert found == {"الاتحاد": ["الاتحاد"]}


def test_a_body_written_with_and_without_al_is_one_organization() -> None:
    from reader.entities import extract_entities

    text = "وتأهل بطل اتحاد أوقيانوسية إلى الملحق، وقال رئيس اتحاد الأوقيانوسية إن القرعة عادلة."
    found = [e for e in extract_entities(text) if e.type == "organization"]
    assert len(found) == 1 and len(found[0].mentions) == 2
