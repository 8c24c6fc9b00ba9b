"""The reference story analysed once through the Python API (``storyline.analysis.analyze``),
with the publication dates a user would supply as JSON Lines ``published`` (the same dates as
``tests/claims/conftest.py``)."""

from __future__ import annotations

import pytest

from reference import REFERENCE_STORY, write_reference_jsonl


@pytest.fixture(scope="session")
def reference_brief(tmp_path_factory):
    """(brief dict, output folder, article ids by source prefix "000"…)."""
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    from storyline.analysis import analyze
    from storyline.store import open_store

    folder = tmp_path_factory.mktemp("reference-brief")
    source = write_reference_jsonl(folder / "reference.jsonl")
    store = open_store(folder / "storyline.db")
    try:
        result = analyze([str(source)], folder / "out", store, words=120)
    finally:
        store.close()
    ids = {a["source_id"][:3]: a["id"] for a in result.brief["articles"]}
    return result.brief, folder / "out", ids
