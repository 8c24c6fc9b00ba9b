"""What the web app reads from the store: full-text search, story membership, story rows."""

from __future__ import annotations

import sqlite3

from records import make_article
from storyline.store import SNIPPET_CLOSE, SNIPPET_OPEN, InputRecord, SQLiteStore, StoryRecord
from storyline.store.migrations import MIGRATIONS, migrate


def record(article, source_id=None):
    source = source_id or article.source_id
    return InputRecord(source, source, "0" * 64, "article", article.id)


def story(story_id: str, articles: int) -> StoryRecord:
    return StoryRecord(story_id, story_id, None, None, articles, None, 0, None)


def test_search_finds_every_word_and_follows_a_replaced_article(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        one = make_article("Rockets hit the airport in Erbil on Monday.", "b.txt")
        two = make_article("The embassy in Benghazi was attacked in 2012.", "c.txt")
        for article in (one, two):
            store.put_article(article, record(article))
        total, hits = store.search_articles(["benghazi"], 10)
        assert total == 1 and hits[0].article_id == two.id
        assert f"{SNIPPET_OPEN}Benghazi{SNIPPET_CLOSE}" in hits[0].snippet
        assert store.search_articles(["rockets", "erbil"], 10)[0] == 1
        assert store.search_articles(["rockets", "benghazi"], 10)[0] == 0
        assert store.search_articles(['"', "NEAR(", "*"], 10)[0] == 0  # words, never syntax
        # the same text from a smaller source id replaces the stored metadata: one entry still
        again = make_article(two.text, "a.txt", title="Benghazi anniversary")
        store.put_article(again, record(again))
        total, hits = store.search_articles(["anniversary"], 10)
        assert total == 1 and store.search_articles(["benghazi"], 10)[0] == 1


def test_migration_indexes_the_articles_already_stored(tmp_path):
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path, isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:3], start=1):
        for statement in (part for part in script.split(";") if part.strip()):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {number}")
    article = make_article("Floods in Valencia moved 1,200 residents.", "v.txt")
    connection.execute(
        "INSERT INTO articles (id, source_id, title, word_count, data) VALUES (?, ?, ?, ?, ?)",
        (
            article.id,
            "v.txt",
            article.title,
            6,
            '{"text": "Floods in Valencia moved 1,200 residents."}',
        ),
    )
    migrate(connection)
    connection.close()
    with SQLiteStore(path) as store:
        assert store.search_articles(["valencia"], 10)[0] == 1


def test_memberships_keep_arrival_order_and_stories_their_activity(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        articles = [
            make_article(f"Story text number {n} about the harbour.", f"{n}.txt") for n in range(4)
        ]
        for article in articles:
            store.put_article(article, record(article))
        a, b, c, d = (article.id for article in articles)
        store.put_story(story("story-a", 1), [a])
        store.put_story(story("story-b", 1), [b])
        store.put_story(story("story-a", 2), [a, c])
        assert store.unplaced_articles() == [d]
        total, rows = store.list_stories(10)
        assert total == 2 and [row.id for row in rows] == ["story-a", "story-b"]
        assert [row.activity for row in rows] == [3, 2]
        # a merge folds story-b into story-a: members move, the folded row goes
        store.put_story(story("story-a", 4), [a, c, b, d], folded=["story-b"])
        assert store.story_members("story-a") == [a, b, c, d]  # arrival order
        assert store.list_stories(10)[0] == 1 and store.get_story("story-b") is None
        assert list(store.iter_memberships()) == [(x, "story-a") for x in (a, b, c, d)]
        store.place_articles([(d, "story-d")])
        assert store.story_of([d, "nothing"]) == {d: "story-d"}
