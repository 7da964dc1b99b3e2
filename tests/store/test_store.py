"""The offline store: schema and migrations, feeds and items, documents, search, prune."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.store import DATABASE, Store, StoreError, data_dir, schema
from reader.store import index as store_index
from reader.text.search import find_matches
from reader.web.feeds import Feed, FeedItem

FEED = "http://news.test/feed.xml"


def item(guid: str, title: str, body: str, *, days_old: int = 0, complete: bool = True) -> FeedItem:
    published = datetime.now(UTC) - timedelta(days=days_old)
    return FeedItem(
        guid=guid,
        url=f"http://news.test/{guid}",
        title=title,
        published=published.replace(microsecond=0),
        markup=f"<p>{body}</p>",
        complete=complete,
    )


@pytest.fixture
def store() -> Store:
    with Store() as opened:
        yield opened


def test_the_store_lives_in_the_data_directory(isolated_data: Path, store: Store) -> None:
    assert data_dir() == isolated_data
    assert store.path == isolated_data / DATABASE and store.path.exists()


def test_a_new_store_is_at_the_latest_schema_with_wal_and_foreign_keys(store: Store) -> None:
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_feed_is_named_by_its_url_until_its_first_refresh(store: Store) -> None:
    assert store.add_feed(FEED)
    assert not store.add_feed(FEED)
    (feed,) = store.feeds()
    assert (feed.url, feed.title, feed.items, feed.unread, feed.refreshed) == (
        FEED,
        FEED,
        0,
        0,
        None,
    )
    store.record_refresh(FEED, Feed("أخبار اليوم", None, []), None, None)
    assert store.feed(FEED).title == "أخبار اليوم"  # type: ignore[union-attr]


def test_a_given_title_stays_over_the_feeds_own(store: Store) -> None:
    store.add_feed(FEED, title="My news")
    store.record_refresh(FEED, Feed("أخبار اليوم", None, []), None, None)
    assert store.feed(FEED).title == "My news"  # type: ignore[union-attr]


def test_a_refresh_counts_only_new_items_and_keeps_read_state(store: Store) -> None:
    store.add_feed(FEED)
    first = [item("a", "الخبر الأول", "نص أول"), item("b", "الخبر الثاني", "نص ثان")]
    assert store.record_refresh(FEED, Feed("t", None, first), '"v1"', None) == 2
    store.set_read(store.items(FEED)[0].id)
    changed = [item("a", "الخبر الأول", "نص أول"), item("b", "الخبر الثاني معدلا", "نص معدل")]
    changed.append(item("c", "الخبر الثالث", "نص ثالث"))
    assert store.record_refresh(FEED, Feed("t", None, changed), '"v2"', None) == 1
    items = {row.url.rsplit("/", 1)[1]: row for row in store.items(FEED)}
    assert items["b"].title == "الخبر الثاني معدلا"
    assert store.document("http://news.test/b").text.endswith("نص معدل")  # type: ignore[union-attr]
    assert sum(row.read for row in items.values()) == 1
    feed = store.feed(FEED)
    assert (feed.items, feed.unread, feed.etag) == (3, 2, '"v2"')  # type: ignore[union-attr]


def test_items_come_newest_first(store: Store) -> None:
    store.add_feed(FEED)
    rows = [item("old", "قديم", "س", days_old=3), item("new", "جديد", "س", days_old=0)]
    store.record_refresh(FEED, Feed("t", None, rows), None, None)
    assert [row.title for row in store.items()] == ["جديد", "قديم"]


def test_a_fetched_page_is_not_replaced_by_its_summary(store: Store) -> None:
    store.add_feed(FEED)
    summary = item("a", "عنوان", "ملخص", complete=False)
    store.record_refresh(FEED, Feed("t", None, [summary]), None, None)
    assert not store.items()[0].complete
    store.save_document(summary.url, "page", "عنوان", "عنوان\n\nالنص الكامل للمقال")
    changed = item("a", "عنوان جديد", "ملخص آخر", complete=False)
    store.record_refresh(FEED, Feed("t", None, [changed]), None, None)
    assert store.document(summary.url).text.endswith("النص الكامل للمقال")  # type: ignore[union-attr]
    assert store.items()[0].complete


def test_removing_a_feed_takes_its_items_and_summaries_but_not_pages(store: Store) -> None:
    store.add_feed(FEED)
    rows = [item("a", "أ", "ملخص", complete=False), item("b", "ب", "ملخص", complete=False)]
    store.record_refresh(FEED, Feed("t", None, rows), None, None)
    store.save_document(rows[0].url, "page", "أ", "أ\n\nالمقال كاملا")
    assert store.remove_feed(FEED)
    assert not store.remove_feed(FEED)
    assert store.items() == [] and store.feeds() == []
    assert store.document(rows[1].url) is None
    assert store.document(rows[0].url) is not None
    assert [found.source for found in store.search(["المقال"])] == [rows[0].url]


def test_documents_read_back_exactly(store: Store, sample_text: str) -> None:
    store.save_document("/tmp/a.txt", "file", "عنوان", sample_text)
    document = store.document("/tmp/a.txt")
    assert document is not None and document.text == sample_text and document.complete


# search ---------------------------------------------------------------------------------

TEXTS = {
    "/a": "وزير الخارجيّة\n\nقال وزيرُ الخارجية إن الأسلحة وصلت إلى قرة باخ وعددها ٣٢ قطعة.",
    "/b": "مدينة\n\nزار الرئيس المدينه القديمة ثم عاد. وقال إن مستشفى المدينة جاهز.",
    "/c": "رياضة\n\nفاز الفريق بالمباراة الأولى، والمدينة تحتفل بالفوز والمدينة سعيدة.",
}


@pytest.fixture
def library(store: Store) -> Store:
    for source, text in TEXTS.items():
        store.save_document(source, "file", text.split("\n")[0], text)
    return store


@pytest.mark.parametrize(
    ("query", "sources"),
    [
        ("الخارجية", {"/a"}),  # shadda ignored
        ("اسلحة", {"/a"}),  # hamza on alef, the article attached
        ("قره", {"/a"}),  # taa marbuta
        ("32", {"/a"}),  # Arabic-Indic digits
        ("مستشفي", {"/b"}),  # alef maqsura
        ("مباراة", {"/c"}),  # the clitics ب + ال
        ("المدينة", {"/b", "/c"}),  # والمدينة: و + ال
        ("قرة باخ", {"/a"}),  # phrase
        ("باخ قرة", set()),  # both words are there, not in this order: confirmed away
        ("كلمة غائبة", set()),
    ],
)
def test_search_folds_as_the_in_article_search(library: Store, query: str, sources: set) -> None:
    found = library.search([query])
    assert {result.source for result in found} == sources
    for result in found:
        assert result.matches == len(find_matches(TEXTS[result.source], query))


def test_results_come_best_first(store: Store) -> None:
    filler = " ".join(["كلام"] * 40)
    store.save_document("/once", "file", "أ", f"أ\n\nالنفط {filler} انتهى")
    store.save_document("/often", "file", "ب", f"ب\n\nالنفط {filler} النفط والنفط")
    store.save_document("/title", "file", "النفط", f"النفط\n\n{filler} انتهى")
    found = store.search(["النفط"])
    assert [result.source for result in found] == ["/title", "/often", "/once"]
    assert [result.matches for result in found] == [1, 3, 1]


def test_a_snippet_is_one_line_around_the_first_match_after_the_title(library: Store) -> None:
    (result,) = library.search(["الخارجية"])
    assert "\n" not in result.snippet
    assert result.snippet.startswith("قال وزيرُ الخارجية")


def test_search_can_leave_sources_out_and_take_several_queries(library: Store) -> None:
    found = library.search(["الأسلحة", "الفريق"], exclude=["/c"])
    assert [result.source for result in found] == ["/a"]


def test_a_query_without_words_finds_nothing(library: Store) -> None:
    assert library.search(["...", "  "]) == []


def test_a_replaced_document_is_searched_by_its_new_text(library: Store) -> None:
    library.save_document("/a", "file", "جديد", "جديد\n\nنص آخر تماما")
    assert library.search(["الأسلحة"]) == []
    assert [result.source for result in library.search(["تماما"])] == ["/a"]


def test_the_index_is_rebuilt_when_the_folding_changes(
    library: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = library.path
    library.close()
    store_index.fingerprint.cache_clear()
    monkeypatch.setattr(store_index, "FORMAT", "changed")
    with Store(path) as reopened:
        assert reopened._db.execute("SELECT value FROM meta").fetchone()[0] == (
            store_index.fingerprint()
        )
        assert {r.source for r in reopened.search(["المدينة"])} == {"/b", "/c"}
        reopened.save_document("/b", "file", "x", "x\n\nلا شيء هنا")
        assert {r.source for r in reopened.search(["المدينة"])} == {"/c"}
        assert reopened._db.execute(
            "INSERT INTO documents_index (documents_index) VALUES ('integrity-check')"
        )
    store_index.fingerprint.cache_clear()


# prune ----------------------------------------------------------------------------------


def test_prune_forgets_old_unstarred_items_the_feed_no_longer_lists(store: Store) -> None:
    store.add_feed(FEED)
    old = [
        item("gone", "قديم", "ملخص", days_old=60),
        item("starred", "مميز", "ملخص", days_old=60),
        item("listed", "ما زال", "ملخص", days_old=60),
    ]
    store.record_refresh(FEED, Feed("t", None, old), None, None)
    store.save_document(old[0].url, "page", "قديم", "قديم\n\nصفحة كاملة")
    starred = next(row for row in store.items() if row.title == "مميز")
    store.set_starred(starred.id, True)
    store._db.execute("UPDATE items SET seen = '2000-01-01T00:00:00+00:00'")
    fresh = [item("listed", "ما زال", "ملخص", days_old=60), item("new", "جديد", "ملخص")]
    store.record_refresh(FEED, Feed("t", None, fresh), None, None)
    assert store.prune(timedelta(days=30)) == (1, 1)
    assert {row.title for row in store.items()} == {"مميز", "ما زال", "جديد"}
    assert store.document(old[0].url) is None
    assert store.search(["صفحة"]) == []


# robustness -----------------------------------------------------------------------------


def test_a_store_from_a_newer_reader_is_refused_untouched(isolated_data: Path) -> None:
    path = isolated_data / DATABASE
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.execute("CREATE TABLE future (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store()
    assert str(caught.value) == f"{path}: made by a newer reader (schema 99; this one knows 1)"
    assert path.read_bytes() == before


def test_a_damaged_store_is_one_line_and_left_alone(isolated_data: Path) -> None:
    path = isolated_data / DATABASE
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as caught:
        Store()
    assert "not a reader store, or a damaged one" in str(caught.value)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_a_failing_migration_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_feed(FEED)
    store.close()
    with monkeypatch.context() as patch:
        broken = [*schema.MIGRATIONS, "CREATE TABLE x (a); SELECT no_such();"]
        patch.setattr(schema, "MIGRATIONS", broken)
        with pytest.raises(StoreError):
            Store()
    with Store() as reopened:
        assert [feed.url for feed in reopened.feeds()] == [FEED]
        assert reopened._db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert not reopened._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'x'").fetchone()


def test_subscriptions_survive_reopening(store: Store) -> None:
    store.add_feed(FEED, title="عنوان")
    store.close()
    with Store() as reopened:
        assert [(f.url, f.title) for f in reopened.feeds()] == [(FEED, "عنوان")]


def test_two_writers_at_once_both_land(store: Store) -> None:
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            with Store() as own:
                for number in range(30):
                    own.save_document(f"/{prefix}{number}", "file", "t", f"t\n\nنص {number}")
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=write, args=(p,)) for p in "xy"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 60
