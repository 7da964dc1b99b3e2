"""Surname families: an article's transliterated surnames share their nation's ending, which
finds the full names that no word list knows."""

from reader.entities import extract_entities
from reader.entities.article.rules import SurnameFamilies, label_surnames


def test_an_ending_is_a_family_when_two_people_share_it() -> None:
    families = SurnameFamilies()
    families.add(["قال", "نيكول", "باشينيان"], ["O", "B-PERS", "I-PERS"])
    assert families.endings() == frozenset()
    families.add(["نيكول", "باشينيان"], ["B-PERS", "I-PERS"])  # the same surname again
    assert families.endings() == frozenset()
    families.add(["وقال", "روبن", "فاردانيان", "إن"], ["O", "B-PERS", "I-PERS", "O"])
    families.add(["وقال", "بيان", "الوزارة"], ["O", "B-PERS", "I-PERS"])  # no ending
    assert families.endings() == {"يان"}


def test_two_unknown_words_ending_like_the_family_are_a_full_name() -> None:
    words = ["في", "أرمينيا", "أناهيت", "مناسيان", "على"]
    labels = ["O", "B-LOC", "O", "O", "O"]
    unknown = [False, False, True, True, False]
    family = frozenset({"يان"})

    def listed(word: str) -> bool:
        return word in ("القتيلين", "ترضيان", "عائلتيهما", "الكيان")

    expected = ["O", "B-LOC", "B-PERS", "I-PERS", "O"]
    assert label_surnames(words, labels, unknown, family, listed) == expected
    assert label_surnames(words, labels, unknown, frozenset({"وف"}), listed) == labels
    assert label_surnames(words, labels, [False, False, False, True, False], family, listed) == (
        labels
    )
    assert label_surnames(words, labels, unknown, family, lambda w: w == "أناهيت") == labels
    # A lone unknown word with the ending is an Arabic dual verb as often as a surname.
    verb = ["القتيلين", "ترضيان", "عائلتيهما"]
    assert label_surnames(verb, ["O"] * 3, [True] * 3, family, listed) == ["O"] * 3
    # Foreign surnames never take ال.
    pair = ["أرتين", "الهوفانيسيان"]
    assert label_surnames(pair, ["O", "O"], [True, True], family, lambda w: False) == ["O", "O"]
    assert label_surnames(
        ["أرتين", "هوفانيسيان"], ["O", "O"], [True, True], family, lambda w: False
    ) == [
        "B-PERS",
        "I-PERS",
    ]


def test_a_georgian_name_no_list_knows_is_found_beside_two_others() -> None:
    text = (
        "انتقد زعيم المعارضة نيكا ميلاشفيلي الحكومة، وقال الوزير ليفان دافيتاشفيلي إن الاقتصاد"
        " ينمو. وذكرت مفوضة حقوق الإنسان في جورجيا ناتيا غوغوشفيلي على فيسبوك أن الشرطة اعتقلت"
        " 40 شخصاً."
    )
    people = {e.name for e in extract_entities(text) if e.type == "person"}
    assert people == {"نيكا ميلاشفيلي", "ليفان دافيتاشفيلي", "ناتيا غوغوشفيلي"}


def test_no_family_no_new_people() -> None:
    text = "وذكرت الناشطة في يريفان ليلي أراكيليان أن القتيلين ترضيان عائلتيهما."
    people = {e.name for e in extract_entities(text) if e.type == "person"}
    assert "ترضيان" not in " ".join(people)
