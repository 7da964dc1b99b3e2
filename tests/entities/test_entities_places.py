"""Places that a head word introduces, and cities the tagger never saw, in news text."""

from reader.entities import extract_entities
from tests.entities.names import places


def test_a_town_or_a_site_after_its_head_word() -> None:
    text = (
        "وزار المبعوث مدينتي كاودا وتالودي في ولاية جنوب كردفان، وتفقد منطقة الهويشة، ثم"
        " هبطت طائرته في قاعدة الضبعة الجوية."
    )
    found = places(text)
    assert {"كاودا", "تالودي", "الهويشة", "قاعدة الضبعة الجوية"} <= found
    # The head word is no place of its own, and a common word after it is no name.
    assert not found & {"مدينتي", "منطقة", "قاعدة"}
    assert places("وتوقفت الاشتباكات في منطقة الحدود بعد الظهر.") == set()


def test_a_known_city_after_a_place_word() -> None:
    text = "وقال مصدر إن الطائرات قصفت مواقع في حلب، فيما تواصلت الاشتباكات قرب لحج."
    assert {"حلب", "لحج"} <= places(text)
    # بلاد is a word (بلاد الشام), not ب + a town لاد.
    assert "لاد" not in places("وقتل في بلاد الشام عشرات المقاتلين.")


def test_a_country_named_as_a_noun_is_a_place_and_as_an_adjective_is_not() -> None:

    def places(text: str) -> set[str]:
        return {e.name for e in extract_entities(text) if e.type == "place"}

    assert "السعودية" in places("وتأتي زيارة الوزير إلى بغداد ضمن جولة شملت حتى الآن السعودية.")
    assert "السعودية" in places("وتتوقع النماذج أمطارا غزيرة في بعض مناطق السعودية الأسبوع المقبل.")
    # After a definite noun or غير it is the feminine adjective; مالي is also "financial".
    assert "السعودية" not in places("وأشاد الوفد بدور الحكومة السعودية في دعم الاستقرار.")
    assert "السعودية" not in places("ويحتاج من يحمل الجنسية غير السعودية إلى تصريح.")
    assert "مالي" not in places("وقدمت الدولة دعم مالي كبير للمزارعين هذا العام.")


def test_the_kingdom_alone_is_saudi_arabia_unless_the_article_names_another() -> None:

    def places(text: str) -> dict[str, int]:
        return {e.name: len(e.mentions) for e in extract_entities(text) if e.type == "place"}

    assert "المملكة" in places("وأكد الوزير أن موقف المملكة ثابت، وأن المملكة تدعم الحل.")
    # With the country named, the kingdom is one of its mentions.
    found = places("وأعلنت السعودية دعمها للحل، وقال الوزير إن المملكة تدعم الحل السياسي.")
    assert "المملكة" not in found and found.get("السعودية") == 2
    # Another kingdom named: المملكة may be that one, and the long names stay whole.
    text = "وقالت وزارة خارجية مملكة البحرين إن المملكة ترفض التدخل في شؤونها."
    assert "المملكة" not in places(text)
    assert "المملكة" not in places("وزار الوزير المملكة المتحدة الأسبوع الماضي.")
