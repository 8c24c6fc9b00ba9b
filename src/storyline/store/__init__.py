"""Persistence behind a small interface: ``Store`` (base), ``SQLiteStore`` (default), ``open_store``."""

from storyline.store.base import InputRecord, Store, StoredAnnotation
from storyline.store.factory import default_store_path, open_store
from storyline.store.sqlite import SQLiteStore

__all__ = [
    "InputRecord",
    "SQLiteStore",
    "Store",
    "StoredAnnotation",
    "default_store_path",
    "open_store",
]
