"""Sports clubs: in a sports report a city often names its club (بايرن ميونخ), which is an
organization, while the same city elsewhere stays a place."""

from reader.entities import extract_entities
from reader.entities.normalize import fold
from reader.entities.tagging.gazetteer import Gazetteer

REPORT = (
    "فاز بايرن ميونخ على ضيفه دينامو كييف بثلاثة أهداف مقابل هدف مساء الثلاثاء على ملعبه في "
    "ميونخ. وفي مدريد، تعادل ريال مدريد مع يوفنتوس الإيطالي، بينما خسر برشلونة أمام تشيلسي "
    "الإنجليزي في لندن."
)


def test_club_names_are_stored_without_club_and_sport_words(gazetteer: Gazetteer) -> None:
    folded = [fold(w) for w in ["نادي", "بايرن", "ميونخ", "و", "دينامو", "كييف"]]
    assert (1, 3, "club") in gazetteer.phrase_spans(folded)
    assert (4, 6, "club") in gazetteer.phrase_spans(folded)
    assert "club" in gazetteer.word_categories("يوفنتوس")
    assert "club" not in gazetteer.word_categories("نادي")


def test_clubs_are_organizations_and_their_cities_places() -> None:
    found = {(e.type, e.name) for e in extract_entities(REPORT)}
    clubs = {"بايرن ميونخ", "دينامو كييف", "ريال مدريد", "يوفنتوس", "برشلونة", "تشيلسي"}
    assert {("organization", club) for club in clubs} <= found
    assert {("place", city) for city in ("ميونخ", "مدريد", "لندن")} <= found
    assert not {name for kind, name in found if kind == "place"} & clubs
