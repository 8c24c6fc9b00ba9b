"""The reference story with publication dates supplied (as JSON Lines ``published``), run
through every stage up to claims once for all claims tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REFERENCE_STORY = (
    Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "iraq-embassy-2020"
)
#: Publication dates a user would supply: 003 carries its own dateline (28 September); the
#: others are dated by when they appeared (the issue supplies 2020-09-30 for 001).
PUBLISHED = {
    "000": "2020-09-30",
    "001": "2020-09-30",
    "002": "2020-09-30",
    "003": "2020-09-28",
    "004": "2020-10-02",
}


@pytest.fixture(scope="session")
def reference_claims(tmp_path_factory):
    """(articles by source prefix "000"…, the story's StoryClaims, the story analysis)."""
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    from storyline.claims.stage import analyse_claims
    from storyline.ingest.pipeline import ingest
    from storyline.language.layer import analyse_language
    from storyline.store import open_store
    from storyline.stories.story_analysis import analyse_stories

    folder = tmp_path_factory.mktemp("reference-claims")
    source = folder / "reference.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for path in sorted(REFERENCE_STORY.iterdir()):
            record = {"id": path.name, "text": path.read_text(encoding="utf-8")}
            record["published"] = PUBLISHED[path.name[:3]]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    store = open_store(folder / "storyline.db")
    report = ingest([str(source)], store)
    articles = list(store.iter_articles(report.article_ids))
    language = analyse_language(articles, store)
    stories = analyse_stories(articles, language.annotations)
    assert len(stories) == 1
    (claims,) = analyse_claims(articles, language, stories)
    store.close()
    return {a.source_id[:3]: a for a in articles}, claims, stories[0]
