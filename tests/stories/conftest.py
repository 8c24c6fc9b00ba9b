"""The reference story, ingested and annotated once for every stories test that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

REFERENCE_STORY = (
    Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "iraq-embassy-2020"
)


@pytest.fixture(scope="session")
def reference_articles(tmp_path_factory):
    """(articles sorted by source_id, language annotations by id); needs ../shared and spaCy."""
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    from storyline.ingest.pipeline import ingest
    from storyline.language.layer import analyse_language
    from storyline.store import open_store

    store = open_store(tmp_path_factory.mktemp("reference") / "storyline.db")
    report = ingest([str(REFERENCE_STORY)], store)
    articles = sorted(store.iter_articles(report.article_ids), key=lambda a: a.source_id)
    return articles, analyse_language(articles, store).annotations
