"""Error classes of the pane on real news (issue 17), each from sentences written for the test,
with the cases a rule must leave alone."""

from reader.entities import extract_entities
from tests.entities.names import entries


def mentions(text: str, name: str) -> list[str]:
    """The texts of the mentions of the entry named ``name``."""
    return next([m.text for m in e.mentions] for e in extract_entities(text) if e.name == name)


def test_an_institution_named_by_its_seat_is_an_organization() -> None:
    text = (
        "ورد البيت الأبيض على تصريحات الكرملين، فيما قال متحدث باسم البنتاجون إن"
        " الكونغرس سيصوت الأسبوع المقبل."
    )
    found = entries(text)
    assert {
        ("organization", "البيت الأبيض"),
        ("organization", "الكرملين"),
        ("organization", "البنتاجون"),
        ("organization", "الكونغرس"),
    } <= found
    assert not {name for kind, name in found if kind != "organization"} & {
        "البيت الأبيض",
        "البنتاجون",
        "الكرملين",
    }
    assert not any("سيصوت" in name for _, name in found)


def test_a_house_that_is_no_seat_is_nothing() -> None:
    assert not entries("وعاد الرجل إلى البيت مساء، وطلى جدار البيت بالأبيض.")


def test_a_natural_feature_is_one_place_named_with_its_head() -> None:
    text = (
        "وتعيش الأسر في دلتا النيل منذ قرون، وتبحر السفن في خليج عدن قبل أن ترسو في عدن،"
        " ويقع وادي حضرموت شرق اليمن."
    )
    found = entries(text)
    assert {("place", "دلتا النيل"), ("place", "خليج عدن"), ("place", "وادي حضرموت")} <= found
    assert not {("place", "دلتا"), ("place", "وادي")} & found
    assert mentions(text, "عدن") == ["عدن"]  # the gulf is no mention of the city
    text = "ويقطع نهر النيل البلاد من الجنوب إلى الشمال، ويفيض النيل كل صيف."
    assert mentions(text, "نهر النيل") == ["نهر النيل", "النيل"]  # the river is the Nile


def test_a_feature_word_without_a_name_is_no_place() -> None:
    found = entries("وأنجز العمال المشروع في بحر الأسبوع، ثم عادوا إلى بيوتهم.")
    assert not {name for kind, name in found if kind == "place"}


def test_basim_after_a_spokesman_is_no_name() -> None:
    """باسم ("in the name of") after a spokesman is read as the given name Basim."""
    from reader.entities.article.rules import label_spoken_for
    from reader.entities.pipeline import load_model

    gazetteer = load_model().gazetteer
    words = ["وقال", "المتحدث", "باسم", "هاليبرتون", "إن", "العقد", "مهم"]
    tagged = ["O", "O", "B-PERS", "I-PERS", "O", "O", "O"]
    assert label_spoken_for(words, tagged, gazetteer)[2:4] == ["O", "B-ORG"]
    words = ["وقال", "الناطق", "باسم", "العراق", "إن"]
    assert label_spoken_for(words, ["O", "O", "B-PERS", "I-PERS", "O"], gazetteer)[2:4] == [
        "O",
        "B-LOC",
    ]
    found = entries("وقال المتحدث باسم هاليبرتون إن الشركة ستواصل عملها في العراق.")
    assert ("organization", "هاليبرتون") in found
    assert not {name for kind, name in found if kind == "person"}


def test_basim_the_man_stays_a_person() -> None:
    found = entries("وقال باسم يوسف إن برنامجه سيعود، وأكد المتحدث باسم بان كي مون الخبر.")
    assert {("person", "باسم يوسف"), ("person", "بان كي مون")} <= found


def test_an_organization_named_by_two_nouns_joined_by_and() -> None:
    found = entries(
        "وفاز حزب العدالة والتنمية بالانتخابات، واجتمع وزير من وزارة التجارة والصناعة بالوفد."
    )
    assert {
        ("organization", "حزب العدالة والتنمية"),
        ("organization", "وزارة التجارة والصناعة"),
    } <= found


def test_and_joins_no_second_institution_nor_a_group_to_a_man() -> None:
    found = entries(
        "وأقر مجلس الوزراء والبرلمان الموازنة، بينما انسحبت مليشيات الحوثيين والمخلوع من المدينة."
    )
    names = {name for kind, name in found if kind == "organization"}
    assert "مجلس الوزراء" in names and "الحوثيين" in names
    assert not any(" و" in name for name in names)


def test_a_quoted_outlet_credited_as_a_source_is_an_organization() -> None:
    found = entries(
        "وقال مدير إدارة المرور في المحافظة العقيد سالم الحربي لـ«المدينة» إن الطريق مغلق،"
        ' وأكد تاجر لـ"الجزيرة نت" أن الأسعار ارتفعت، وبحسب «الفرنسية» فإن الوفد وصل.'
        ' ويتصدى الجنود ل"داعش" كل يوم.'
    )
    names = {name for kind, name in found if kind == "organization"}
    assert {"المدينة", "الجزيرة نت", "الفرنسية", "داعش"} <= names


def test_a_quoted_phrase_after_for_is_no_source() -> None:
    found = entries(
        "وأعدت الوزارة خطة شاملة وفقا لـ«خريطة الطريق الجديدة للإصلاح»، وخصصت الجمعية"
        ' جوائز لـ"الفتيات" المتفوقات في مسابقة لـ«الطهي» المنزلي.'
    )
    names = {name for kind, name in found if kind == "organization"}
    assert not names & {"خريطة الطريق الجديدة للإصلاح", "الفتيات", "الطهي"}


def test_an_adjective_that_does_not_agree_with_a_head_makes_no_organization() -> None:
    found = entries(
        "وتصدت قوات الشرطة والجيش العراقية للهجوم، فيما اشتبك الجيش السوري مع المسلحين"
        " وأشادت الشرطة التركية والقوات المسلحة المصرية بالتنسيق."
    )
    names = {name for kind, name in found if kind == "organization"}
    assert not any(name.startswith("الجيش العراقية") for name in names)
    assert {"الجيش السوري", "الشرطة التركية", "القوات المسلحة المصرية"} <= names


def test_a_camp_read_as_a_man_is_a_place() -> None:
    found = entries("وهاجم مسلح قاعدة كامب تشابمان قرب خوست، وعقدت القمة في كامب ديفيد.")
    assert {("place", "كامب تشابمان"), ("place", "كامب ديفيد")} <= found
    assert not {name for kind, name in found if kind == "person"}


def test_an_organization_ends_before_to_and_a_place() -> None:
    found = entries(
        "وتناول اللقاء زيارة وفد من حماس للمملكة، فيما رحب المرصد السوري لحقوق الإنسان ومجلس"
        " التعاون لدول الخليج العربية بالخطوة."
    )
    names = {name for kind, name in found if kind == "organization"}
    assert "حماس" in names and not any("للمملكة" in name for name in names)
    assert {"المرصد السوري لحقوق الإنسان", "مجلس التعاون لدول الخليج العربية"} <= names


def test_a_delta_that_is_a_brand_is_no_place() -> None:
    found = entries(
        "ووقعت شركة الطيران اتفاقا مع دلتا ناشيونال للشحن، وعاد المزارعون إلى دلتا النيل."
    )
    places = {name for kind, name in found if kind == "place"}
    assert "دلتا النيل" in places and not any("ناشيونال" in name for name in places)


def test_a_person_telling_a_quoted_outlet_credits_it() -> None:
    found = entries(
        "وقال مدير عام الموارد البشرية والإدارية والمتحدث الرسمي للشركة المشغلة لمطار المدينة"
        " الجديد “خالد بن سالم العتيبي” لـ“عين اليوم” إن عدد المسافرين سيرتفع."
    )
    assert ("organization", "عين اليوم") in found
