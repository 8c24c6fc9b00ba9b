"""Shared fixtures. Most tests use hand-made records; those that read ../shared skip without it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_STORY = SHARED / "corpus" / "iraq-embassy-2020"


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


# One session fixture for every real-browser test (tests/e2e, tests/web): Playwright's sync API
# runs one instance per process, so a second fixture starting its own would fail in a worker
# that happens to run tests of both folders.
@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser download does not work here)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed (make test installs it as root)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield instance
        instance.close()


@pytest.fixture
def reference_story() -> Path:
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    return REFERENCE_STORY


@pytest.fixture(scope="session")
def reference_stages(tmp_path_factory):
    """The dated reference story through every stage up to claims, once per session:
    {"articles": by source prefix "000"…, "language", "story" (its StoryAnalysis), "claims"}."""
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    from reference import write_reference_jsonl
    from storyline.claims.stage import analyse_claims
    from storyline.ingest.pipeline import ingest
    from storyline.language.layer import analyse_language
    from storyline.store import open_store
    from storyline.stories.story_analysis import analyse_stories

    folder = tmp_path_factory.mktemp("reference-stages")
    source = write_reference_jsonl(folder / "reference.jsonl")
    store = open_store(folder / "storyline.db")
    try:
        report = ingest([str(source)], store)
        articles = list(store.iter_articles(report.article_ids))
        language = analyse_language(articles, store)
        stories = analyse_stories(articles, language.annotations)
    finally:
        store.close()
    assert len(stories) == 1
    (claims,) = analyse_claims(articles, language, stories)
    return {
        "articles": {a.source_id[:3]: a for a in articles},
        "language": language,
        "story": stories[0],
        "claims": claims,
    }
