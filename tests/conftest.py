"""Shared fixtures. Most tests use hand-made records; those that read ../shared skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_STORY = SHARED / "corpus" / "iraq-embassy-2020"


@pytest.fixture
def reference_story() -> Path:
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    return REFERENCE_STORY
