"""The offline store of feeds, fetched pages, opened files and their search index."""

from __future__ import annotations

from reader.store.database import (
    DATABASE,
    Document,
    FeedRow,
    Found,
    ItemRow,
    Store,
    StoreError,
    data_dir,
    store_key,
)

__all__ = [
    "DATABASE",
    "Document",
    "FeedRow",
    "Found",
    "ItemRow",
    "Store",
    "StoreError",
    "data_dir",
    "store_key",
]
