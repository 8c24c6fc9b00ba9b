"""Choosing a store from a path or URL, the way datasketch picks a storage backend."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from storyline.errors import StoreError
from storyline.store.base import Store

KNOWN_SCHEMES = ("sqlite",)


def default_store_path() -> Path:
    """The store used when ``--db`` is not given: a file under the user's data directory."""
    return Path(platformdirs.user_data_dir("storyline", appauthor=False)) / "storyline.db"


def open_store(location: str | Path | None = None) -> Store:
    """Open a store from a file path or a ``scheme://…`` URL (only ``sqlite://`` for now)."""
    from storyline.store.sqlite import SQLiteStore

    if location is None:
        return SQLiteStore(default_store_path())
    text = str(location)
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme not in KNOWN_SCHEMES:
            valid = ", ".join(f"{name}://" for name in KNOWN_SCHEMES)
            raise StoreError(f"unknown store scheme {scheme!r} in {text!r}; valid: {valid}")
        return SQLiteStore(Path(rest))
    return SQLiteStore(Path(text))
