"""Persistence behind a small interface: ``Store`` (base), ``SQLiteStore`` (default), ``open_store``."""

from storyline.store.base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    InputRecord,
    SearchHit,
    Store,
    StoredAnnotation,
    StoryRecord,
)
from storyline.store.factory import default_store_path, open_store
from storyline.store.sqlite import SQLiteStore

__all__ = [
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "InputRecord",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "StoredAnnotation",
    "StoryRecord",
    "default_store_path",
    "open_store",
]
