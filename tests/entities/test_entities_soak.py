"""Extraction never fails on real text: real news, concatenations of it, and sentences built
from real Arabic words and the punctuation news uses (tatweel as a dash, «», ،, brackets).

The news sample here is bounded (a few hundred articles, a few dozen concatenations);
benchmarks/soak_extract.py runs the whole corpus with the same checks.
"""

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.entities import extract_entities

ROOT = Path(__file__).resolve().parents[2]
SOAK = ROOT / "benchmarks" / "soak_extract.py"  # the whole-corpus soak; its checks are shared
_spec = importlib.util.spec_from_file_location("soak_extract", SOAK)
assert _spec and _spec.loader
soak = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(soak)

NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_2015-07-22_25.jsonl.gz"
EVERY = 23  # 305 of the 6,996 articles, spread over the four days and every source
JOIN = 8  # articles per concatenation: 38 of them


@pytest.fixture(scope="module")
def news_texts() -> list[str]:
    """The sampled articles' texts; the test fails (never skips) without the corpus."""
    try:
        articles = soak.read_news(NEWS)
    except FileNotFoundError as err:
        pytest.fail(str(err), pytrace=False)
    return [soak.article_text(a) for a in articles[::EVERY]]


def check(text: str) -> None:
    assert soak.problems(text, extract_entities(text)) == []


def test_a_lone_tatweel_used_as_a_dash_inside_a_name_span() -> None:
    # Issue 15: the tatweel token folds to nothing; cutting a list of places at و crashed.
    check("في بلادنا ـ في بلادنا ـ بلادنا ـ")
    check("زار الوفد جدة ـ والرياض ـ ومكة ـ ثم عاد ــ إلى الدمام ـ")


def test_the_corpus_is_found_beside_the_checkout() -> None:
    assert NEWS.parent == ROOT.parent / "shared" / "data" / "news"
    missing = ROOT / "no-such-corpus.jsonl.gz"
    with pytest.raises(FileNotFoundError, match="real-news corpus is missing"):
        soak.read_news(missing)


def test_real_news_articles(news_texts: list[str]) -> None:
    assert len(news_texts) >= 300
    for text in news_texts:
        check(text)


def test_concatenated_real_news(news_texts: list[str]) -> None:
    joined = list(soak.concatenations(news_texts, JOIN))
    assert len(joined) >= 36
    for text in joined:
        check(text)


# Real words of news text: names with and without clitics, titles, heads of organizations,
# number words, words with harakat and with tatweel inside, and words that fold to little.
WORDS = re.findall(
    r"\S+",
    """
    قال الرئيس عبد الفتاح السيسي إن مصر والسعودية وقعتا اتفاقية في الرياض وبالرياض للرياض
    وزارة الداخلية السعودية الجيش اللبناني وكالة الأنباء الفرنسية حركة حماس تنظيم القاعدة
    منظمة الصحة العالمية الأمم المتحدة مجلس الأمن البيت الأبيض الكرملين داعش أوبك ناتو
    ولي العهد الأمير محمد بن سلمان آل سعود الملك وخادم الحرمين الشريفين بلادنا ونحن
    ثلاثة آلاف مليون ريال ٢٠١٥ 2015 3.5 ١٢٬٥ ألف ألفي نصف المائة بالمئة % ٪ 24-7 217
    مُحَمَّد الـرياض جـدة ســعود وـ ـو ـ ــ ـــ ة ى ء آ ا و ف ب ل ك وال لل
    """,
)
PUNCTUATION = ["ـ", "ــ", "«", "»", "،", "؛", "؟", ".", "(", ")", "[", "]", "-", "“", "”", ":"]
GLUE = st.sampled_from([" ", " ", " ", "", "\n", " ـ ", "ـ"])
pieces = st.lists(st.tuples(st.sampled_from(WORDS + PUNCTUATION), GLUE), max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces)
def test_sentences_of_real_words_and_punctuation(parts: list[tuple[str, str]]) -> None:
    check("".join(word + glue for word, glue in parts))
