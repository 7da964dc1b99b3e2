"""The store's tables, and the migrations that bring an older database up to date.

`PRAGMA user_version` is the schema version. Each migration runs in the transaction that
records its version, so a database is always at one version or the next, never between;
a database from a newer reader is refused untouched rather than misread.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: feeds, their items, stored documents and the full-text index of their folded text.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,              -- the feed's own title; NULL until its first refresh
        custom_title TEXT,       -- given with --title: kept over the feed's own
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        added TEXT NOT NULL,
        refreshed TEXT,          -- the last refresh that succeeded (ISO-8601, UTC)
        error TEXT               -- why the last refresh failed; NULL after a success
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        digest TEXT NOT NULL,    -- which version of the item its document holds
        added TEXT NOT NULL,
        seen TEXT NOT NULL,      -- the last refresh whose feed still listed it
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX items_by_url ON items (url);
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,   -- a URL, or a file's absolute path
        kind TEXT NOT NULL CHECK (kind IN ('page', 'item', 'file')),
        title TEXT NOT NULL,
        text TEXT NOT NULL,            -- the loader's article text: every offset refers to it
        complete INTEGER NOT NULL,     -- 0: a feed's summary, the page not fetched yet
        stored TEXT NOT NULL
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- Contentless: the folded text is not kept twice; rows are removed with the values they
    -- were indexed with, and rebuilt whenever the folding changes (see reader.store.index).
    CREATE VIRTUAL TABLE documents_index USING fts5 (
        title, body, stems, content = '', prefix = '2 3', tokenize = 'unicode61'
    );
    """,
]
"""Schema version N is reached by running MIGRATIONS[N - 1]; append, never edit."""


class SchemaError(Exception):
    """The database cannot be brought to this reader's schema."""


def migrate(connection: sqlite3.Connection) -> int:
    """Run the migrations the database has not had; returns the version it is now at."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise SchemaError(
            f"made by a newer reader (schema {version}; this one knows {len(MIGRATIONS)})"
        )
    for number in range(version + 1, len(MIGRATIONS) + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the lock.
            if connection.execute("PRAGMA user_version").fetchone()[0] >= number:
                connection.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[number - 1]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements
