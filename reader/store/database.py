"""The offline store: one SQLite database of feeds, items, stored documents and their index.

WAL lets the app read while `reader feed refresh` writes in another process; foreign keys
take a feed's items with it; every change is one transaction. A document is the text the
loader made of a source (a fetched page, a feed item's content or summary, a local file the
app opened), so a stored article reads back with the same text, offsets and entities.
Settings and reading positions are not here: they stay in the state file (`reader.state`).
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Concatenate, Literal, ParamSpec, TypeVar

import platformdirs

from reader.loader import LoadError
from reader.store import index
from reader.store.schema import SchemaError, migrate

if TYPE_CHECKING:
    from reader.web.feeds import Feed

DATABASE = "store.sqlite3"
DocumentKind = Literal["page", "item", "file"]
P = ParamSpec("P")
R = TypeVar("R")


class StoreError(LoadError):
    """The store cannot be used; `str(err)` is "PATH: problem" on one line."""


def data_dir() -> Path:
    """Where the store lives (`READER_DATA_DIR` overrides the platform's data directory)."""
    override = os.environ.get("READER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("reader"))


def store_key(source: str) -> str | None:
    """Where an article's source is kept in the store: a URL as it is, a file by its absolute
    path; None for standard input, which cannot be opened again."""
    from reader.web import is_url

    if is_url(source):
        return source
    path = Path(source)
    if source == "-" or not path.is_file():
        return None
    return str(path.resolve())


def now() -> str:
    """The current time as the store writes it: ISO-8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FeedRow:
    """A subscription as `reader feed list` shows it."""

    url: str
    title: str
    """The title given with --title, else the feed's own, else its URL."""
    items: int
    unread: int
    refreshed: str | None
    error: str | None
    site_url: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class ItemRow:
    """A feed item as `reader feed items` shows it."""

    id: int
    feed: str
    feed_title: str
    url: str
    title: str
    published: str | None
    read: bool
    starred: bool
    complete: bool
    """Whether the stored text is the whole article (its page, or a full-content feed)."""


@dataclass(frozen=True)
class Document:
    """A stored article: the loader's title and text for a source."""

    source: str
    kind: DocumentKind
    title: str
    text: str
    complete: bool


@dataclass(frozen=True)
class Found:
    """A search result, as `reader search --json` prints it."""

    source: str
    title: str
    matches: int
    snippet: str


def _reported(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """SQLite's errors (locked, disk full, damaged file) as one-line StoreErrors."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise StoreError(self.path, _problem(err)) from err

    return wrapper


class Store:
    """A connection to the store; use one per thread (SQLite connections are not shared)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / DATABASE
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except (OSError, sqlite3.Error) as err:
            raise StoreError(self.path, f"cannot open the store ({_problem(err)})") from err
        try:
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            migrate(self._db)  # first: a store from a newer reader is left as it is
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._check_index()
        except SchemaError as err:
            self._db.close()
            raise StoreError(self.path, str(err)) from err
        except sqlite3.Error as err:
            self._db.close()
            raise StoreError(self.path, _problem(err)) from err

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # feeds ------------------------------------------------------------------------------

    @_reported
    def add_feed(self, url: str, title: str | None = None) -> bool:
        """Subscribe without fetching; False when already subscribed (a new --title is kept)."""
        with self._transaction() as db:
            added = db.execute(
                "INSERT INTO feeds (url, custom_title, added) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, title, now()),
            ).rowcount
            if not added and title:
                db.execute("UPDATE feeds SET custom_title = ? WHERE url = ?", (title, url))
        return bool(added)

    @_reported
    def import_feed(self, url: str, title: str | None, site_url: str | None) -> bool:
        """Subscribe from an OPML outline: its title stands until the feed's own arrives."""
        with self._transaction() as db:
            return bool(
                db.execute(
                    "INSERT INTO feeds (url, title, site_url, added) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (url) DO NOTHING",
                    (url, title, site_url, now()),
                ).rowcount
            )

    @_reported
    def remove_feed(self, url: str) -> bool:
        """Unsubscribe: the feed, its items and their summaries go; fetched pages stay."""
        with self._transaction() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                return False
            sources = [
                r[0] for r in db.execute("SELECT url FROM items WHERE feed_id = ?", (row[0],))
            ]
            db.execute("DELETE FROM feeds WHERE id = ?", (row[0],))
            self._forget_orphans(sources, kinds=("item",))
        return True

    @_reported
    def feeds(self) -> list[FeedRow]:
        """Every subscription, by title."""
        rows = self._db.execute(_FEEDS_QUERY + " GROUP BY f.id").fetchall()
        feeds = [_feed_row(row) for row in rows]
        return sorted(feeds, key=lambda feed: (feed.title.casefold(), feed.url))

    @_reported
    def feed(self, url: str) -> FeedRow | None:
        """One subscription, or None."""
        row = self._db.execute(_FEEDS_QUERY + " WHERE f.url = ? GROUP BY f.id", (url,)).fetchone()
        return _feed_row(row) if row is not None else None

    @_reported
    def record_refresh(
        self, url: str, feed: Feed, etag: str | None, last_modified: str | None
    ) -> int:
        """Store what a refresh brought; returns how many items are new. Items the feed no
        longer lists are kept; read state is never reset."""
        stamp = now()
        new = 0
        with self._transaction() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                return 0  # unsubscribed while it was being fetched
            feed_id = row[0]
            db.execute(
                "UPDATE feeds SET title = COALESCE(?, title), site_url = COALESCE(?, site_url), "
                "etag = ?, last_modified = ?, refreshed = ?, error = NULL WHERE id = ?",
                (feed.title, feed.site_url, etag, last_modified, stamp, feed_id),
            )
            for item in feed.items:
                known = db.execute(
                    "SELECT id, digest FROM items WHERE feed_id = ? AND guid = ?",
                    (feed_id, item.guid),
                ).fetchone()
                published = item.published.isoformat() if item.published else None
                if known is None:
                    db.execute(
                        "INSERT INTO items (feed_id, guid, url, title, published, digest, added,"
                        " seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (feed_id, item.guid, item.url, item.title, published, item.digest,
                         stamp, stamp),
                    )  # fmt: skip
                    new += 1
                elif known["digest"] == item.digest:  # the same text: no new extraction
                    db.execute(
                        "UPDATE items SET seen = ?, published = ? WHERE id = ?",
                        (stamp, published, known["id"]),
                    )
                    continue
                else:
                    db.execute(
                        "UPDATE items SET url = ?, title = ?, published = ?, digest = ?, seen = ?"
                        " WHERE id = ?",
                        (item.url, item.title, published, item.digest, stamp, known["id"]),
                    )
                page = db.execute(
                    "SELECT kind FROM documents WHERE source = ?", (item.url,)
                ).fetchone()
                if page is None or page["kind"] == "item":
                    article = item.article()
                    self._put(item.url, "item", article.title, article.text, item.complete)
        return new

    @_reported
    def record_failure(self, url: str, error: str) -> None:
        """A refresh failed: say so in the list; everything stored stays."""
        with self._transaction() as db:
            db.execute("UPDATE feeds SET error = ? WHERE url = ?", (error, url))

    @_reported
    def record_not_modified(self, url: str) -> None:
        """A refresh found nothing new (304)."""
        with self._transaction() as db:
            db.execute("UPDATE feeds SET refreshed = ?, error = NULL WHERE url = ?", (now(), url))

    # items ------------------------------------------------------------------------------

    @_reported
    def items(self, feed: str | None = None, *, unread: bool = False) -> list[ItemRow]:
        """Items newest first (by publication, else arrival), of one feed or of all."""
        where, parameters = [], []
        if feed is not None:
            where.append("f.url = ?")
            parameters.append(feed)
        if unread:
            where.append("i.read = 0")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(
            f"{_ITEMS_QUERY} {clause} ORDER BY COALESCE(i.published, i.added) DESC, i.id DESC",
            parameters,
        ).fetchall()
        return [_item_row(row) for row in rows]

    @_reported
    def item(self, item_id: int) -> ItemRow | None:
        """One item by its id."""
        row = self._db.execute(f"{_ITEMS_QUERY} WHERE i.id = ?", (item_id,)).fetchone()
        return _item_row(row) if row is not None else None

    @_reported
    def set_read(self, item_id: int, read: bool = True) -> None:
        """Mark an item read or unread."""
        with self._transaction() as db:
            db.execute("UPDATE items SET read = ? WHERE id = ?", (int(read), item_id))

    @_reported
    def set_feed_read(self, url: str) -> None:
        """Mark every item of a feed read."""
        with self._transaction() as db:
            db.execute(
                "UPDATE items SET read = 1 WHERE feed_id = (SELECT id FROM feeds WHERE url = ?)",
                (url,),
            )

    @_reported
    def set_starred(self, item_id: int, starred: bool) -> None:
        """Star an item (kept by `prune`) or take the star away."""
        with self._transaction() as db:
            db.execute("UPDATE items SET starred = ? WHERE id = ?", (int(starred), item_id))

    @_reported
    def prune(self, older_than: timedelta) -> tuple[int, int]:
        """Forget unstarred items older than `older_than` (by publication, else arrival) that
        their feed no longer lists, with their summaries and fetched pages; returns (items,
        documents) removed. Items still in the feed stay, or the next refresh would bring
        them back as unread."""
        cutoff = (datetime.now(UTC) - older_than).isoformat(timespec="seconds")
        with self._transaction() as db:
            rows = db.execute(
                "SELECT i.id, i.url FROM items i JOIN feeds f ON f.id = i.feed_id "
                "WHERE i.starred = 0 AND COALESCE(i.published, i.added) < ? "
                "AND (f.refreshed IS NULL OR i.seen < f.refreshed)",
                (cutoff,),
            ).fetchall()
            db.executemany("DELETE FROM items WHERE id = ?", [(row["id"],) for row in rows])
            removed = self._forget_orphans([row["url"] for row in rows], kinds=("item", "page"))
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        return len(rows), removed

    def _forget_orphans(self, sources: Sequence[str], kinds: tuple[str, ...]) -> int:
        """Remove the documents of `sources` that no remaining item points to."""
        removed = 0
        for source in set(sources):
            if self._db.execute("SELECT 1 FROM items WHERE url = ?", (source,)).fetchone():
                continue
            row = self._db.execute(
                "SELECT id, kind, title, text FROM documents WHERE source = ?", (source,)
            ).fetchone()
            if row is not None and row["kind"] in kinds:
                self._unindex(row["id"], row["title"], row["text"])
                self._db.execute("DELETE FROM documents WHERE id = ?", (row["id"],))
                removed += 1
        return removed

    # documents --------------------------------------------------------------------------

    @_reported
    def document(self, source: str) -> Document | None:
        """The stored article for a URL or a file's absolute path."""
        row = self._db.execute(
            "SELECT source, kind, title, text, complete FROM documents WHERE source = ?",
            (source,),
        ).fetchone()
        if row is None:
            return None
        return Document(
            row["source"], row["kind"], row["title"], row["text"], bool(row["complete"])
        )

    @_reported
    def save_document(self, source: str, kind: DocumentKind, title: str, text: str) -> None:
        """Store (or replace) a complete article and index it."""
        with self._transaction():
            self._put(source, kind, title, text, True)

    def _put(self, source: str, kind: str, title: str, text: str, complete: bool) -> None:
        row = self._db.execute(
            "SELECT id, kind, title, text, complete FROM documents WHERE source = ?", (source,)
        ).fetchone()
        if row is None:
            cursor = self._db.execute(
                "INSERT INTO documents (source, kind, title, text, complete, stored) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (source, kind, title, text, int(complete), now()),
            )
            self._index(cursor.lastrowid or 0, title, text)
            return
        if (row["title"], row["text"]) != (title, text):
            self._unindex(row["id"], row["title"], row["text"])
            self._index(row["id"], title, text)
        self._db.execute(
            "UPDATE documents SET kind = ?, title = ?, text = ?, complete = ?, stored = ? "
            "WHERE id = ?",
            (kind, title, text, int(complete), now(), row["id"]),
        )

    # search -----------------------------------------------------------------------------

    @_reported
    def search(
        self, queries: Sequence[str], *, limit: int = 20, exclude: Sequence[str] = ()
    ) -> list[Found]:
        """Stored articles matching any of `queries`, best first (bm25), up to `limit`.

        The index proposes candidates by rank; each is confirmed, counted and quoted by the
        in-article search, so a candidate it does not really match is passed over.
        """
        expression = index.match_expression(queries)
        if expression is None or limit <= 0:
            return []
        skip = set(exclude)
        found: list[Found] = []
        batch, offset = max(limit, 20), 0
        while len(found) < limit:
            ids = [
                row[0]
                for row in self._db.execute(
                    "SELECT rowid FROM documents_index WHERE documents_index MATCH ? "
                    "ORDER BY bm25(documents_index, 4.0, 1.0, 0.5) LIMIT ? OFFSET ?",
                    (expression, batch, offset),
                )
            ]
            for doc_id in ids:
                row = self._db.execute(
                    "SELECT source, title, text FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()
                if row is None or row["source"] in skip:
                    continue
                matches = index.find(row["text"], queries)
                if matches:
                    snippet = index.snippet(row["text"], row["title"], matches)
                    found.append(Found(row["source"], row["title"], len(matches), snippet))
                    if len(found) == limit:
                        break
            if len(ids) < batch:
                break
            offset += batch
        return found

    def _index(self, doc_id: int, title: str, text: str) -> None:
        self._db.execute(
            "INSERT INTO documents_index (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
            (doc_id, *index.index_values(title, text)),
        )

    def _unindex(self, doc_id: int, title: str, text: str) -> None:
        self._db.execute(
            "INSERT INTO documents_index (documents_index, rowid, title, body, stems) "
            "VALUES ('delete', ?, ?, ?, ?)",
            (doc_id, *index.index_values(title, text)),
        )

    def _check_index(self) -> None:
        """Rebuild the index when this reader folds text differently from the one that
        built it (an upgrade): the old entries could not be removed correctly otherwise."""
        wanted = index.fingerprint()
        row = self._db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        if row is not None and row[0] == wanted:
            return
        with self._transaction() as db:
            db.execute("INSERT INTO documents_index (documents_index) VALUES ('delete-all')")
            for document in db.execute("SELECT id, title, text FROM documents").fetchall():
                self._index(document["id"], document["title"], document["text"])
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('index', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (wanted,),
            )


_FEEDS_QUERY = (
    "SELECT f.*, COUNT(i.id) AS item_count, COALESCE(SUM(i.read = 0), 0) AS unread_count "
    "FROM feeds f LEFT JOIN items i ON i.feed_id = f.id"
)
_ITEMS_QUERY = (
    "SELECT i.*, f.url AS feed_url, COALESCE(f.custom_title, f.title, f.url) AS feed_title, "
    "COALESCE(d.complete, 0) AS complete FROM items i JOIN feeds f ON f.id = i.feed_id "
    "LEFT JOIN documents d ON d.source = i.url"
)


def _feed_row(row: sqlite3.Row) -> FeedRow:
    return FeedRow(
        url=row["url"],
        title=row["custom_title"] or row["title"] or row["url"],
        items=row["item_count"],
        unread=row["unread_count"],
        refreshed=row["refreshed"],
        error=row["error"],
        site_url=row["site_url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
    )


def _item_row(row: sqlite3.Row) -> ItemRow:
    return ItemRow(
        id=row["id"],
        feed=row["feed_url"],
        feed_title=row["feed_title"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        complete=bool(row["complete"]),
    )


def _problem(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    if isinstance(err, sqlite3.DatabaseError) and "not a database" in text:
        return "not a reader store, or a damaged one (move it aside to start a new one)"
    if "locked" in text or "busy" in text:
        return "the store is busy (another reader is writing to it); try again"
    return text
