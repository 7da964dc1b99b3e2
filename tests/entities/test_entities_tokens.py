"""Tokenisation of raw text keeps offsets and splits punctuation and Arabic quotes."""

from reader.entities import extract_entities
from reader.entities.normalize import fold, proclitic_splits
from reader.entities.tagging.tokens import sentences, tokenize


def test_tokens_cover_their_source_text() -> None:
    text = "ذكرت وكالة “إنترفاكس” الروسية، أن 2,116 مدنياً (تقريباً) نزحوا."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens] == [
        "ذكرت", "وكالة", "“", "إنترفاكس", "”", "الروسية", "،", "أن", "2,116", "مدنياً",
        "(", "تقريباً", ")", "نزحوا", ".",
    ]  # fmt: skip


def test_sentences_break_at_end_marks_and_lines() -> None:
    text = "قال بلينكن. وأضاف؟ نعم\nسطر جديد"
    groups = [[t.text for t in s] for s in sentences(text, tokenize(text))]
    assert groups == [["قال", "بلينكن", "."], ["وأضاف", "؟"], ["نعم"], ["سطر", "جديد"]]


def test_fold_merges_spelling_variants() -> None:
    assert fold("قرة") == fold("قره")
    assert fold("أذربيجان") == fold("اذربيجان") == fold("إذربيجـان")
    assert fold("مُوسَى") == fold("موسي")


def test_proclitic_splits_offer_stems_with_offsets() -> None:
    assert (1, "اذربيجان") in proclitic_splits(fold("لأذربيجان"))
    assert (1, "القاهره") in proclitic_splits(fold("بالقاهرة"))
    assert (1, "القاهره") in proclitic_splits(fold("للقاهرة"))
    assert proclitic_splits("وب") == ((0, "وب"),)


def test_a_word_never_mixes_arabic_with_other_letters_or_digits() -> None:
    text = "\x1b[1mفلاديمير بوتين\x1b[0m سنة2006 F16 و50 café"
    assert [t.text for t in tokenize(text)] == [
        "\x1b", "[", "1", "m", "فلاديمير", "بوتين", "\x1b", "[", "0", "m",
        "سنة", "2006", "F16", "و", "50", "café",
    ]  # fmt: skip


def test_a_name_glued_to_a_stray_escape_code_is_found_whole() -> None:
    text = "وقال الرئيس الروسي \x1b[1mفلاديمير بوتين\x1b[0m إن روسيا مستعدة."
    people = [e.name for e in extract_entities(text) if e.type == "person"]
    assert people == ["فلاديمير بوتين"]


def test_emoji_sequences_are_not_tokens() -> None:
    # Issue 15: every pictograph, joiner and selector was a token of its own, so 10 MB of emoji
    # sequences cost the tagger millions of positions (47 s); benchmarks/bench_extract.py times it.
    family, flag, keycap = "👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "5\ufe0f\u20e3"
    text = f"{family}وصل{flag} بوتين إلى موسكو {family * 3} يوم {keycap} «الخميس»👩🏽\u200d💻."
    assert [t.text for t in tokenize(text)] == [
        "وصل", "بوتين", "إلى", "موسكو", "يوم", "5", "«", "الخميس", "»", ".",
    ]  # fmt: skip
    assert tokenize(family * 1000) == []
    found = {(e.type, e.name) for e in extract_entities(text)}
    assert {("person", "بوتين"), ("place", "موسكو")} <= found
