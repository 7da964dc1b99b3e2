"""Arabic-aware search: folding, prefixes, and exact original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.search import SearchIndex, find_matches

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"


def matched(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in find_matches(text, query)]


def test_taa_marbuta_and_haa_are_one_letter(sample_text: str) -> None:
    found = matched(sample_text, "قرة")
    assert found.count("قره") == 9 and found.count("قرة") == 1
    assert matched("قرة", "قره") == ["قرة"]


def test_word_found_after_the_article(sample_text: str) -> None:
    start, end = find_matches(sample_text, "اسلحة")[0]
    assert sample_text[start - 2 : end] == "الأسلحة"


def test_arabic_indic_and_extended_digits_equal_western(sample_text: str) -> None:
    assert matched(sample_text, "٣٢") == ["32"]
    assert matched(sample_text, "۲۱۱۶") == ["2116"]
    assert matched("قتل ٣٢ شخصاً", "32") == ["٣٢"]


def test_harakat_and_tatweel_are_ignored_on_both_sides() -> None:
    text = "قالَ الرَّئيسُ إنَّ المفاوضــــات ستبدأ"
    assert matched(text, "الرئيس") == ["الرَّئيسُ"]
    assert matched(text, "المفاوضات") == ["المفاوضــــات"]
    assert matched("الرئيس", "الرَّئِيسُ") == ["الرئيس"]


def test_trailing_harakat_stay_inside_the_range() -> None:
    text = "كتبَ الولدُ"
    assert find_matches(text, "الولد") == [(5, 11)]


def test_hamza_and_alef_forms_fold() -> None:
    text = "أحمد إبراهيم آمال ٱلله مؤتمر رئيس مستشفى"
    assert matched(text, "احمد") == ["أحمد"]
    assert matched(text, "ابراهيم") == ["إبراهيم"]
    assert matched(text, "امال") == ["آمال"]
    assert matched(text, "اللة") == ["ٱلله"]
    assert matched(text, "مئتمر") == ["مؤتمر"]
    assert matched(text, "رؤيس") == ["رئيس"]
    assert matched(text, "مستشفي") == ["مستشفى"]


def test_attached_prefixes_are_outside_the_range() -> None:
    text = "وأرمينيا بالقاهرة لأذربيجان فالقدس كواشنطن وبالمدينة وللأسلحة"
    assert matched(text, "أرمينيا") == ["أرمينيا"]
    assert matched(text, "القاهرة") == ["القاهرة"]
    assert matched(text, "قاهرة") == ["قاهرة"]
    assert matched(text, "أذربيجان") == ["أذربيجان"]
    assert matched(text, "القدس") == ["القدس"]
    assert matched(text, "واشنطن") == ["واشنطن"]
    assert matched(text, "مدينة") == ["مدينة"]
    assert matched(text, "الأسلحة") == ["لأسلحة"]  # لل = ل + ال with its alef dropped


def test_only_word_starts_match() -> None:
    assert matched("أذربيجان", "ربيجان") == []
    assert matched("1932 و32", "32") == ["32"]
    assert matched("Spread the love", "read") == []


def test_latin_is_case_insensitive() -> None:
    assert matched("Spread the LOVE", "love") == ["LOVE"]
    assert matched("İstanbul", "istanbul") == ["İstanbul"]


def test_multi_word_queries_cross_any_spacing_but_not_paragraphs() -> None:
    text = "ناغورني  قره\u00a0باخ\nناغورني\nقره باخ"
    assert matched(text, "ناغورني قرة باخ") == ["ناغورني  قره\u00a0باخ"]
    assert matched(text, " ناغورني   قره ") == ["ناغورني  قره"]


def test_empty_and_mark_only_queries_find_nothing() -> None:
    assert find_matches("نص", "") == []
    assert find_matches("نص", "   ") == []
    assert find_matches("نَص", "\u064e") == []


def test_punctuation_queries_match_anywhere() -> None:
    assert matched("ذكرت “إنترفاكس”، وأكدت", "”،") == ["”،"]


def test_index_answers_many_queries_on_one_text(sample_text: str) -> None:
    index = SearchIndex(sample_text)
    assert index.find("باكو") == find_matches(sample_text, "باكو")
    assert len(index.find("أذربيجان")) == 9


arabic_words = st.lists(
    st.text(alphabet="ابتسلمنوكفهةىيأإآؤئء0123456789٣ab", min_size=1, max_size=6),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(text=arabic_words, query=arabic_words, marks=st.data())
def test_inserting_harakat_and_tatweel_keeps_the_same_matches(
    text: str, query: str, marks: st.DataObject
) -> None:
    positions = marks.draw(st.lists(st.integers(0, len(text)), max_size=10))
    decorated = text
    for position in sorted(positions, reverse=True):
        insert = marks.draw(st.text(alphabet=HARAKAT + TATWEEL, min_size=1, max_size=3))
        decorated = decorated[:position] + insert + decorated[position:]

    def strip(value: str) -> str:
        return "".join(c for c in value if c not in HARAKAT + TATWEEL)

    plain = find_matches(text, query)
    marked = find_matches(decorated, query)
    assert [text[s:e] for s, e in plain] == [strip(decorated[s:e]) for s, e in marked]
    for start, end in marked:  # ranges start on a letter and never cut a mark off its letter
        assert decorated[start] not in HARAKAT + TATWEEL
        assert end == len(decorated) or decorated[end] not in HARAKAT
