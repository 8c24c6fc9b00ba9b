"""The story index survives a restart, and articles stored by other means are placed at start."""

from __future__ import annotations

import json

import pytest

from storyline.web.service import StoryService

pytest.importorskip("fastapi")


def test_a_restart_replays_the_index_and_new_articles_join_the_same_story(loaded, tmp_path):
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(loaded["path"], copy)
    for suffix in ("-wal", "-shm"):
        source = loaded["path"].with_name(loaded["path"].name + suffix)
        if source.exists():
            shutil.copy(source, copy.with_name(copy.name + suffix))
    stories = loaded["client"].get("/api/stories").json()["total"]
    service = StoryService(copy)
    with service.store() as store:
        articles = store.count_articles()
    # every placed article replayed, to the stories the store recorded
    assert service.startup.replayed == articles >= 5 and service.startup.mismatched == 0
    assert service.startup.stories == stories and service.startup.placed == 0


def test_articles_ingested_by_the_cli_are_placed_at_start(tmp_path, reference_story):
    from storyline.ingest.pipeline import ingest
    from storyline.store import SQLiteStore

    others = tmp_path / "others.jsonl"
    others.write_text(
        "\n".join(
            json.dumps({"id": f"other-{n}", "text": text, "published": f"2020-09-2{n}"})
            for n, text in enumerate(UNRELATED)
        )
    )
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        ingest([str(reference_story), str(others)], store, jobs=1)
    service = StoryService(path)
    count = service.startup.stories
    assert service.startup.placed == 8 and count >= 2
    with service.store() as store:
        total, stories = store.list_stories(10)
    assert total == count and all(story.brief is None for story in stories)
    story = max(stories, key=lambda story: story.articles)
    assert story.articles >= 5
    brief = service.ensure_brief(story.id)
    assert brief is not None and '"contradictions"' in brief
    # the next start replays the placements in the order the index made them: same stories
    again = StoryService(path)
    assert (again.startup.replayed, again.startup.placed, again.startup.mismatched) == (8, 0, 0)
    assert again.startup.stories == count


UNRELATED = [
    "The Lisbon council voted on Monday to close the old Tagus bridge after inspectors found "
    "17 cracks. Mayor Ana Costa said repairs would cost 17,000 euros.",
    "Astronomers at the Paranal observatory in Chile reported a new comet on Sunday, "
    "the third found by the survey telescope this decade, said Dr. Hugo Lindqvist.",
    "Wheat prices in Chicago rose 6 percent on Friday after drought in Kansas cut the harvest "
    "forecast, traders at the exchange said; futures closed at 8.12 dollars a bushel.",
]


def test_a_restarted_index_decides_as_the_one_that_kept_running(tmp_path, reference_story):
    import shutil

    from storyline.model import RawDocument

    files = sorted(reference_story.iterdir())
    documents = [RawDocument(f.name, f.name, "text", f.read_text(), "api") for f in files]
    documents.append(RawDocument("other-0", "other-0", "text", UNRELATED[0], "api"))
    running = StoryService(tmp_path / "a.db")
    for document in [*documents[:3], documents[5]]:
        running.submit(document)
    for suffix in ("", "-wal", "-shm"):
        source = tmp_path / f"a.db{suffix}"
        if source.exists():
            shutil.copy(source, tmp_path / f"b.db{suffix}")
    restarted = StoryService(tmp_path / "b.db")
    assert restarted.startup.replayed == 4 and restarted.startup.mismatched == 0
    for document in documents[3:5]:
        kept, again = running.submit(document), restarted.submit(document)
        assert (kept.event, kept.story_id, kept.story_articles) == (
            again.event,
            again.story_id,
            again.story_articles,
        )
