from __future__ import annotations

import json
import sqlite3

import pytest

from records import make_article
from storyline.errors import StoreError
from storyline.model import DuplicateLink, PublicationDate, RemovedText
from storyline.records import to_dict
from storyline.store import InputRecord, SQLiteStore, StoredAnnotation, open_store
from storyline.store.migrations import SCHEMA_VERSION


def record(article_id: str | None, source_id: str, status: str = "article", reason=None):
    return InputRecord(
        source_id=source_id,
        origin=f"folder/{source_id}",
        raw_sha256="f" * 64 if status == "article" else "0" * 64,
        status=status,  # type: ignore[arg-type]
        article_id=article_id,
        reason=reason,
    )


def test_store_is_wal_and_versioned(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer than this storyline supports"):
        SQLiteStore(path)


def test_article_round_trips_with_metadata_and_removed_text(tmp_path):
    article = make_article(
        "The river rose two metres overnight.",
        published=PublicationDate("2021-03-04", "dateline", "4 March 2021"),
        removed=(RemovedText("Share this story", "share prompt", 7),),
    )
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.put_article(article, record(article.id, "a.txt")) is True
        loaded = store.get_article(article.id)
    assert loaded == article
    assert loaded.removed[0].reason == "share prompt"
    assert loaded.published.evidence == "4 March 2021"


def test_same_article_twice_is_stored_once(tmp_path):
    article = make_article("A bridge closed after the storm.")
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.put_article(article, record(article.id, "a.txt")) is True
        assert store.put_article(article, record(article.id, "a.txt")) is False
        assert store.count_articles() == 1


def test_smallest_source_id_provides_metadata_whatever_the_order(tmp_path):
    text = "Two ferries collided in the harbour on Sunday."
    first = make_article(text, source_id="b.txt", title="Title from b")
    second = make_article(text, source_id="a.txt", title="Title from a")
    for order in ((first, second), (second, first)):
        with SQLiteStore(tmp_path / f"{order[0].source_id}.db") as store:
            for article in order:
                store.put_article(article, record(article.id, article.source_id))
            stored = store.get_article(first.id)
            assert stored.title == "Title from a"
            inputs = store.inputs_for_articles([first.id])
            assert [i.source_id for i in inputs] == ["a.txt", "b.txt"]


def test_failed_write_leaves_nothing_behind(tmp_path):
    article = make_article("A museum reopened its doors.")
    store = SQLiteStore(tmp_path / "s.db")
    bad = record("0123456789abcdef", "x.txt")  # refers to an article that does not exist
    with pytest.raises(StoreError, match="cannot write to the store: FOREIGN KEY"):
        store.put_article(article, bad)
    assert store.count_articles() == 0
    assert store.find_input("x.txt", bad.raw_sha256) is None


def test_rejections_and_input_lookup(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        store.put_rejection(record(None, "broken.html", "rejected", "empty file"))
        found = store.find_input("broken.html", "0" * 64)
        assert found is not None and found.reason == "empty file"
        assert [r.source_id for r in store.rejections()] == ["broken.html"]


def test_duplicate_links_are_replaced_atomically(tmp_path):
    a, b, c = (make_article(t) for t in ("one text here", "two text here", "three text here"))
    with SQLiteStore(tmp_path / "s.db") as store:
        for article in (a, b, c):
            store.put_article(article, record(article.id, article.id))
        store.replace_duplicate_links([a.id, b.id], [DuplicateLink(b.id, a.id, "near", 0.9)])
        assert store.duplicate_links([a.id, b.id]) == [DuplicateLink(b.id, a.id, "near", 0.9)]
        store.replace_duplicate_links([a.id, b.id], [])
        assert store.duplicate_links([a.id, b.id, c.id]) == []


def test_open_store_names_valid_schemes(tmp_path):
    with pytest.raises(StoreError, match=r"unknown store scheme 'postgres'.*valid: sqlite://"):
        open_store("postgres://somewhere/db")
    store = open_store(f"sqlite://{tmp_path / 'u.db'}")
    assert store.count_articles() == 0
    store.close()


def test_store_of_schema_1_is_migrated_in_place_keeping_its_articles(tmp_path):
    from storyline.store.migrations import MIGRATIONS, _statements

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    article = make_article("An old article stored before annotations existed.")
    db.execute(
        "INSERT INTO articles (id, source_id, word_count, data) VALUES (?, ?, ?, ?)",
        (article.id, article.source_id, article.word_count, json.dumps(to_dict(article))),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.get_article(article.id) == article
        store.put_annotation(StoredAnnotation(article.id, "language", "v1", "-", "{}"))
        assert store.get_annotations("language", [article.id])[article.id].version == "v1"
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_annotation_is_replaced_not_duplicated(tmp_path):
    article = make_article("A ferry ran aground near the pier.")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.put_article(article, record(article.id, "a.txt"))
        store.put_annotation(StoredAnnotation(article.id, "language", "v1", "2020", '{"a": 1}'))
        store.put_annotation(StoredAnnotation(article.id, "language", "v2", "2020", '{"a": 2}'))
        found = store.get_annotations("language", [article.id, "ffffffffffffffff"])
    assert list(found) == [article.id]
    assert (found[article.id].version, found[article.id].data) == ("v2", '{"a": 2}')


def test_signatures_are_reused_only_with_the_same_parameters(tmp_path):
    article = make_article("A lighthouse keeper retired after forty years.")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.put_article(article, record(article.id, "a.txt"))
        store.put_signature(article.id, b"\x01\x02", "duplicates-1:affine32:5:128:1")
        assert store.get_signatures([article.id], "duplicates-1:affine32:5:128:1") == {
            article.id: b"\x01\x02"
        }
        assert store.get_signatures([article.id], "duplicates-1:affine32:5:256:1") == {}


def test_same_source_id_from_two_folders_is_decided_by_origin_not_order(tmp_path):
    text = "A tram line opened across the river on Saturday."
    one = make_article(text, "a.html", origin="x/a.html", title="from x")
    two = make_article(text, "a.html", origin="y/a.html", title="from y")
    for order in ((one, two), (two, one)):
        with SQLiteStore(tmp_path / f"{order[0].origin[0]}.db") as store:
            for article in order:
                store.put_article(article, record(article.id, article.source_id))
            assert store.get_article(one.id).title == "from x"
