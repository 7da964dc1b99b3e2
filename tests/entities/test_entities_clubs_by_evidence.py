"""Clubs named by one common word (الهلال, الاتحاد, الشباب) on the article's own evidence
(issue 17, error class 3): a club's head, the club list in a sentence about the game, a list of
clubs; and the same words left alone where nothing says they are clubs."""

from reader.entities import extract_entities
from tests.entities.names import entries, organizations


def test_a_club_after_its_head_is_a_club_wherever_the_article_names_it() -> None:
    text = (
        "وأعلن نادي الاتفاق تعاقده مع مهاجم جديد، وقال لاعب الاتفاق السابق إن الفريق جاهز."
        " ويغادر الاتفاق إلى معسكره في النمسا."
    )
    found = entries(text)
    assert ("organization", "الاتفاق") in found and ("place", "النمسا") in found
    entity = next(e for e in extract_entities(text) if e.name == "الاتفاق")
    assert len(entity.mentions) == 3


def test_a_list_of_clubs_is_a_list_of_organizations() -> None:
    text = (
        "وقدمت الفرق حوالاتها للجنة الاحتراف وهي الفيصلي، الشباب والتعاون، بينما لم تقدمها"
        " أندية الهلال، الأهلي، النصر."
    )
    assert {"الفيصلي", "الشباب", "التعاون", "الهلال", "الأهلي", "النصر"} <= organizations(text)


def test_countries_in_a_sports_report_stay_places() -> None:
    text = (
        "ويلعب المنتخب السعودي في المجموعة مع منتخبات الكويت، قطر، الإمارات والبحرين، ويخوض"
        " مباراته الأولى أمام المنتخب القطري."
    )
    found = entries(text)
    assert {("place", p) for p in ("الكويت", "قطر", "الإمارات", "البحرين")} <= found
    assert {"المنتخب السعودي", "المنتخب القطري"} <= organizations(text)


def test_club_words_outside_the_game_are_no_clubs() -> None:
    # الفريق is also a rank, كان a verb (and Cannes), المصري an adjective (and a club).
    text = "وكان الفريق أول الركن محمود فوزي رئيس الأركان قد التقى اللاعب المصري في الملعب."
    assert organizations(text) == set()
    # Cooperation and youth in a report on the economy.
    text = "وبحث الوزير التعاون بين البلدين في مجال الطاقة، ودعم برامج الشباب في المنطقة."
    assert organizations(text) == set()
    # A cup's name: ولي العهد is the crown prince, not the club العهد.
    assert organizations("وحقق الفريق كأس ولي العهد بعد فوزه في المباراة النهائية.") <= {"الفريق"}


def test_a_team_of_workers_is_no_club() -> None:
    text = "وباشر فريق الإنقاذ عمله في الموقع، فيما وصل فريق الصيانة إلى الملعب بعد المباراة."
    assert not {"الإنقاذ", "الصيانة"} & organizations(text)


def test_a_club_behind_a_proclitic_head_and_its_camp() -> None:
    text = "وغاب لاعب الفريق الأول لنادي الوحدة عن معسكر الوحدة في تركيا بسبب الإصابة."
    found = entries(text)
    assert ("organization", "الوحدة") in found
    assert not {name for kind, name in found if kind == "place"} - {"تركيا"}
