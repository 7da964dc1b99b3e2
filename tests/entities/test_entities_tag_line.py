"""A site's tag line at the end of an article (سمات ...): tags run together are read by the
article's own names, not as one long name (issue 17)."""

from tests.entities.names import entries

ARTICLE = (
    "طالب مفتي عام المملكة الشيخ عبدالعزيز آل الشيخ مؤسسة التقاعد بالتراجع عن الاكتتاب في"
    " أسهم البنك الأهلي، وقال إن على مؤسسة التقاعد أن تراجع قرارها.\n"
    " سمات اكتتاب البنك الاهلي المفتي عبدالعزيز آل الشيخ مؤسسة التقاعد"
)


def test_tags_run_together_are_the_article_s_names() -> None:
    found = entries(ARTICLE)
    assert ("person", "عبدالعزيز آل الشيخ") in found
    assert not any(len(name.split()) > 4 for _, name in found)
    assert not any("المفتي" in name for _, name in found)


def test_a_tag_the_article_names_nowhere_else_stays_as_read() -> None:
    text = "زار الوزير المدينة أمس واطلع على المشاريع.\nسمات اليمن"
    assert ("place", "اليمن") in entries(text)


def test_features_in_a_sentence_are_no_tag_line() -> None:
    text = "ومن سمات الشخصية القيادية عند محمد العتيبي الصبر. وقال إن الفريق جاهز."
    assert ("person", "محمد العتيبي") in entries(text)
