"""Indexing a long article for the store costs memory in proportion to a line, not to the
whole text on top of it (issue 19: all the words of a 10 MB article at once were two million
strings, and the app stores an article it opens while it extracts)."""

import tracemalloc

from reader.store.index import index_values

LINE = "وقال الرئيس بالسلاح في المدينة اليوم إن الوزارة أعلنت"


def test_indexing_costs_a_few_copies_of_the_text_at_most() -> None:
    text = "\n".join([LINE] * 20_000)  # 1 MB, 2 bytes a character as Python holds it
    tracemalloc.start()
    try:
        *_, stems = index_values("عنوان", text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert stems == " ".join([index_values("", LINE)[2]] * 20_000)  # every line's stems
    assert peak < 6 * 2 * len(text)  # 4.2 copies measured; all the words at once took 15
