"""Fixtures for the reader tests: every input is written by the test itself, in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.ingest.readers import read_inputs
from storyline.model import RawDocument, Rejection

Items = list[RawDocument | Rejection]


@pytest.fixture
def read_all() -> Callable[..., Items]:
    """``read_all(path, ..., max_bytes=…, stdin=…)``: every item, as a list."""

    def read(*inputs: Path | str, **options: object) -> Items:
        return list(read_inputs([str(item) for item in inputs], **options))  # type: ignore[arg-type]

    return read


@pytest.fixture
def documents(read_all: Callable[..., Items]) -> Callable[..., list[RawDocument]]:
    """Like ``read_all``, but fails the test on any rejection."""

    def read(*inputs: Path | str, **options: object) -> list[RawDocument]:
        items = read_all(*inputs, **options)
        rejected = [item for item in items if isinstance(item, Rejection)]
        assert not rejected, rejected
        return items  # type: ignore[return-value]

    return read


@pytest.fixture
def rejection(read_all: Callable[..., Items]) -> Callable[..., Rejection]:
    """The one item read from the inputs, which must be a rejection."""

    def read(*inputs: Path | str, **options: object) -> Rejection:
        items = read_all(*inputs, **options)
        assert len(items) == 1, items
        assert isinstance(items[0], Rejection), items[0]
        return items[0]

    return read
