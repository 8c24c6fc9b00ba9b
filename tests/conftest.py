"""Shared fixtures. Most tests use hand-made records; those that read ../shared skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, PublicationDate
from storyline.textnorm import content_id, word_count

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_STORY = SHARED / "corpus" / "iraq-embassy-2020"


@pytest.fixture
def reference_story() -> Path:
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    return REFERENCE_STORY


def make_article(text: str, source_id: str = "a.txt", **overrides: object) -> Article:
    """An article record built by hand, for tests that need no extraction."""
    values: dict[str, object] = {
        "id": content_id(text),
        "source_id": source_id,
        "origin": source_id,
        "input_format": "text",
        "text": text,
        "title": "A hand-made title",
        "outlet": None,
        "outlet_source": None,
        "byline": None,
        "published": PublicationDate(value=None),
        "language": "en",
        "word_count": word_count(text),
    }
    values.update(overrides)
    return Article(**values)  # type: ignore[arg-type]
