"""Organizations named by a head noun and what follows it, quoted names, credited sources, and
the names they introduce (issue 17, error class 3); and what is no organization."""

import pytest

from reader.entities import extract_entities


def organizations(text: str) -> dict[str, list[str]]:
    """Each organization's name and the texts of its mentions."""
    return {
        e.name: [m.text for m in e.mentions]
        for e in extract_entities(text)
        if e.type == "organization"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An indefinite head in construct with definite words and adjectives.
        (
            "أعلنت وزارة الصحة الكويتية أن وكالة الأنباء القطرية نقلت عن المرصد العراقي لحقوق"
            " الإنسان تقريرا جديدا.",
            {"وزارة الصحة الكويتية", "وكالة الأنباء القطرية", "المرصد العراقي لحقوق الإنسان"},
        ),
        # A definite head with a nationality adjective; a bank named after its country.
        (
            "وقال مصدر إن سهم بنك الكويت الوطني ارتفع، واشتبك الجيش اليمني مع المسلحين.",
            {"بنك الكويت الوطني", "الجيش اليمني"},
        ),
        # A newspaper credited as a source, and a militia named by its group.
        (
            "وقال مصدر مسؤول لـ«المدينة» إن مليشيات الحوثيين انسحبت من الميناء.",
            {"المدينة", "الحوثيين"},
        ),
        # Fighters of a common noun's adjective (separatists, from انفصال) are no movement.
        (
            "وتقدمت قوات الحوثيين نحو المطار، فيما سلمت قوات الانفصاليين أسلحتها للجيش اليمني.",
            {"الحوثيين", "الجيش اليمني"},
        ),
    ],
)
def test_organizations_by_their_head_noun(text: str, expected: set[str]) -> None:
    assert set(organizations(text)) == expected


def test_a_name_after_a_head_is_an_organization_wherever_it_stands_alone() -> None:
    text = (
        "وقال متحدث باسم الشرطة المغربية إن عناصر من تنظيم داعش هاجموا مقر شركة «فالكون» للنقل."
        " وأضاف أن داعش تبنى الهجوم وأن فالكون أغلقت مكاتبها."
    )
    found = organizations(text)
    assert set(found) == {"الشرطة المغربية", "تنظيم داعش", "فالكون"}
    assert found["تنظيم داعش"] == ["تنظيم داعش", "داعش"]
    assert found["فالكون"] == ["فالكون", "فالكون"]


def test_the_head_keeps_its_letters_and_loses_its_clitic() -> None:
    text = "وذكرت ووكالة الأنباء السودانية أن الوفد وصل، وقدم الشكر لوزارة الداخلية الأردنية."
    found = organizations(text)
    assert set(found) == {"وكالة الأنباء السودانية", "وزارة الداخلية الأردنية"}


@pytest.mark.parametrize(
    "text",
    [
        # Governments, generic forces, a description of a company, a centre of a town.
        "وقالت الحكومة السعودية إن قوات الأمن اعتقلت خمسة أشخاص في مركز المدينة.",
        "وقالت الشركة الروسية إنها ستدفع الغرامة كاملة.",
        # A month is no company (نيسان); a head before a preposition is no construct.
        "واستدعى المسؤولون السفير في نيسان (أبريل) الماضي، وأغلقوا سوقا بأفغانستان.",
        # A verb after a head is no name.
        "وتسعى مجموعة تصنفها واشنطن منظمة إرهابية إلى التوسع.",
        # Heads that are also common nouns, with a common noun: movement of exports, organizing
        # the site, the operations room, the teaching staff.
        "وقال إن حركة الصادرات تراجعت وإن تنظيم الموقع تأخر.",
        "واجتمع المسؤولون في غرفة العمليات مع هيئة التدريس.",
        # A verb, a possessive and an adjective after a head are no names.
        "وقالت شركة تنظم الرحلات إن قيادة بلادنا تدعم مجموعة سياحية.",
    ],
)
def test_no_organization_in_descriptions(text: str) -> None:
    assert organizations(text) == {}


def test_an_organization_ends_before_the_object_and_the_label_of_the_text() -> None:
    text = (
        "واستدعت وزارة الخارجية السفير، وهاجم تنظيم داعش الإرهابي قرية، وقالت شركة إيني"
        " الإيطالية إنها ستوسع أعمالها."
    )
    assert set(organizations(text)) == {"وزارة الخارجية", "تنظيم داعش", "شركة إيني"}


def test_a_country_that_acts_is_a_place_and_a_place_inside_a_name_is_no_place() -> None:
    # Issue 17, class 4: the tagger reads a country that speaks as an organization (ANERcorp
    # tags teams and governments so); a bank named after its country takes the country in.
    text = (
        "وقالت المملكة المتحدة إنها ستدعم الخطة، وأعلن الاتحاد الأوروبي موقفه، وارتفع سهم"
        " بنك قطر الوطني بعد أن زار الوفد قطر."
    )
    found = {(e.type, e.name) for e in extract_entities(text)}
    assert ("place", "المملكة المتحدة") in found
    assert ("organization", "الاتحاد الأوروبي") in found
    assert ("organization", "بنك قطر الوطني") in found
    places = [e for e in extract_entities(text) if e.type == "place" and e.name == "قطر"]
    assert [m.text for m in places[0].mentions] == ["قطر"]  # only the country, not the bank's


def test_a_club_named_after_its_city_stays_a_club() -> None:
    text = "تغلب ليفربول على ضيفه بورتو، وفاز ريال مدريد في مدريد."
    found = {(e.type, e.name) for e in extract_entities(text)}
    assert {("organization", "بورتو"), ("organization", "ريال مدريد")} <= found
    assert ("place", "مدريد") in found


def test_alliances_named_by_an_adjective_of_many_nations() -> None:
    text = (
        "وأكد التحالف العربي أن الائتلاف الدولي يدعم المقاومة الشعبية، فيما قدم البنك الدولي"
        " قرضا جديدا."
    )
    assert set(organizations(text)) >= {
        "التحالف العربي",
        "الائتلاف الدولي",
        "المقاومة الشعبية",
        "البنك الدولي",
    }
    # A definite head with another adjective describes: الشركة العالمية is "the global firm".
    assert organizations("وقالت الشركة العالمية إنها ستخفض إنتاجها.") == {}


def test_the_outlet_of_a_byline() -> None:
    text = "ارتفاع أسعار النفط\n\nصدى الخليج – الدمام\nارتفعت أسعار النفط أمس.\n"
    assert set(organizations(text)) == {"صدى الخليج"}
    assert set(organizations("الوطن- متابعات: بدأت اللجنة عملها.")) == {"الوطن"}
    # A place that opens the text is a dateline, not an outlet.
    assert organizations("الرياض - أعلنت الجامعة عن منح جديدة.") == {}


def test_a_noun_in_construct_before_a_place_names_a_group() -> None:
    text = "وأعلن تنظيم أنصار بيت المقدس مسؤوليته، وقاتل الجيش الشعبي لتحرير السودان."
    found = {(e.type, e.name) for e in extract_entities(text)}
    assert ("organization", "تنظيم أنصار بيت المقدس") in found
    assert ("organization", "الجيش الشعبي لتحرير السودان") in found
    assert not {name for kind, name in found if kind == "place"}
    # A verb or a preposition before the place is no construct.
    assert organizations("وتسعى مجموعة تصنفها الولايات المتحدة منظمة إرهابية.") == {}


def test_municipalities_intelligence_teams_and_agencies_by_their_heads() -> None:
    """أمانة (a Saudi city's municipality), الاستخبارات, المنتخب, مؤسسة before a common noun:
    heads of institutions news names; and السعودية after a definite noun is the adjective."""
    text = (
        "وأبرمت أمانة منطقة الرياض عقدا جديدا، فيما أعلنت أمانة العاصمة المقدسة خطتها،"
        " وطالبت مؤسسة النقد البنوك بالالتزام. وأرسلت القوات السعودية تعزيزات، وقالت"
        " الاستخبارات التركية إن الشاحنات لها، وفاز المنتخب السعودي على منتخب اليابان."
    )
    found = {(e.type, e.name) for e in extract_entities(text) if e.type != "number"}
    assert {
        ("organization", "أمانة منطقة الرياض"),
        ("organization", "أمانة العاصمة المقدسة"),
        ("organization", "مؤسسة النقد"),
        ("organization", "القوات السعودية"),
        ("organization", "الاستخبارات التركية"),
        ("organization", "المنتخب السعودي"),
        ("organization", "منتخب اليابان"),
    } <= found
    assert ("place", "السعودية") not in found
    # A description is no name: a Saudi company, the teams.
    found = {e.name for e in extract_entities("وقالت الشركة السعودية إن المنتخبات وصلت.")}
    assert not {name for name in found if "الشركة" in name or "المنتخب" in name}


def test_a_quoted_name_after_a_programme_is_a_show() -> None:
    found = {
        (e.type, e.name)
        for e in extract_entities("وقال في برنامج «مع الناس» على قناة «المجد» إن الأمر محرم.")
    }
    assert ("organization", "المجد") in found
    assert not any("الناس" in name for _, name in found)


def test_the_outlet_of_a_line_signed_by_its_reporter() -> None:
    text = "خالد المطيري – صدى الخليج\nأعلنت الوزارة أمس نتائج المسابقة."
    found = {(e.type, e.name) for e in extract_entities(text) if e.type != "number"}
    assert {("person", "خالد المطيري"), ("organization", "صدى الخليج")} <= found
    # A dateline, a follow-up and a blessing are no outlets.
    for line in ("خالد المطيري – جدة", "خالد المطيري – متابعات", "الملك سلمان - حفظه الله"):
        found = {e.name for e in extract_entities(line + "\nوأعلنت الوزارة النتائج.")}
        assert not found & {"جدة المطيري", "متابعات", "حفظه الله"}
        assert not any(e.type == "organization" for e in extract_entities(line))


def test_a_paper_that_learnt_or_obtained_is_named_in_quotes() -> None:
    text = "وعلمت «الصباح» من مصادرها أن الوزارة ستعلن القرار، وحصلت «الصباح» على نسخة منه."
    assert organizations(text) == {"الصباح": ["الصباح", "الصباح"]}
    # A quoted phrase after another verb is no paper.
    assert organizations("وكتبت «لن نعود» على لافتة كبيرة.") == {}


def test_a_currency_after_an_amount_is_no_organization() -> None:
    assert "ريال" not in organizations("45 مليون ريال لتطوير شوارع جدة")
    assert "ريال مدريد" in organizations("وفاز ريال مدريد على ضيفه بثلاثة أهداف.")


def test_an_agency_takes_what_it_is_for() -> None:
    text = "وذكرت وكالة كابيتال للأنباء أن الشرطة داهمت المنازل."
    assert "وكالة كابيتال للأنباء" in organizations(text)
    # After a place, لـ is what the organization did: "to the shows".
    text = "وخصصت أمانة المدينة المنورة للعروض الصيفية ساحة كبيرة."
    assert not any("للعروض" in name for name in organizations(text))


def test_a_movement_named_by_its_members_plural_is_one_organization() -> None:
    text = (
        "وتقدمت قوات الحوثيين نحو المدينة، وقال مسؤول إن الحوثيين انسحبوا لاحقا، فيما"
        " أكد المتحدث أن الحوثيون سيعودون."
    )
    found = [e for e in extract_entities(text) if e.type == "organization"]
    assert len(found) == 1 and found[0].name in ("الحوثيين", "الحوثيون")
    assert len(found[0].mentions) == 3
    # Plurals of nations are peoples, whatever forces they have.
    text = "وانسحبت قوات السوريين من البلدة، وعاد السوريين إلى منازلهم."
    assert "السوريين" not in organizations(text)


def test_a_court_or_council_named_by_its_rank() -> None:
    text = "وأيدت المحكمة العليا الحكم، فيما أحال المجلس الأعلى للقضاء الملف إلى المحكمة الدستورية."
    assert {"المحكمة العليا", "المجلس الأعلى للقضاء", "المحكمة الدستورية"} <= set(
        organizations(text)
    )
    # A court named by no rank is a description.
    assert not organizations("ونظرت المحكمة في القضية أمس، وأجلت المحكمة الجلسة.")


def test_a_letter_of_an_acronym_is_no_organization() -> None:
    found = organizations("وكان المؤشر يصدر برعاية مجموعة «إتش. إس. بي. سي» المصرفية البريطانية.")
    assert not {name for name in found if len(name.replace(" ", "")) <= 2}
