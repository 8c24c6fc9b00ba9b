from __future__ import annotations

import pytest

from storyline.ingest.pipeline import SERIAL_HEAD, ingest, prepare
from storyline.model import Article, RawDocument, Rejection
from storyline.store import SQLiteStore


def write_articles(folder, count):
    folder.mkdir()
    for index in range(count):
        (folder / f"n{index:03d}.txt").write_text(
            f"Council note {index}\n\nThe council approved plan number {index} on Thursday after a "
            f"long debate, and the work on street {index} will begin next spring, officials said.\n"
        )


def stored(db):
    with SQLiteStore(db) as store:
        return [(a.id, a.source_id, a.title) for a in store.iter_articles()]


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path):
    write_articles(tmp_path / "in", SERIAL_HEAD + 9)
    (tmp_path / "in" / "empty.txt").write_text("")
    reports = {}
    for jobs in (1, 2, None):
        with SQLiteStore(tmp_path / f"{jobs}.db") as store:
            reports[jobs] = ingest([str(tmp_path / "in")], store, jobs=jobs)
    assert stored(tmp_path / "1.db") == stored(tmp_path / "2.db") == stored(tmp_path / "None.db")
    assert len(stored(tmp_path / "1.db")) == SERIAL_HEAD + 9
    for report in reports.values():
        assert report.new_articles == SERIAL_HEAD + 9
        assert [r.source_id for r in report.rejected] == ["empty.txt"]


def test_second_run_reads_nothing_again(tmp_path):
    write_articles(tmp_path / "in", 3)
    with SQLiteStore(tmp_path / "s.db") as store:
        ingest([str(tmp_path / "in")], store)
        again = ingest([str(tmp_path / "in")], store)
    assert (again.new_articles, again.skipped_unchanged) == (0, 3)
    assert len(again.article_ids) == 3


def test_jobs_must_be_positive(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store, pytest.raises(ValueError, match="at least 1"):
        ingest([], store, jobs=0)


def test_prepare_turns_an_unexpected_failure_into_a_rejection():
    # kind "html" with content the extractor cannot take at all: never raised, always reported
    document = RawDocument("x", "x.html", "html", "<html><body></body></html>", "html")
    outcome = prepare(document)
    assert isinstance(outcome, Rejection)
    assert outcome.origin == "x.html" and outcome.reason


def test_prepare_builds_an_article_with_language_and_word_count():
    text = "Flood warning lifted\n\nThe river fell below the warning level on Sunday morning, and the roads reopened.\n"
    outcome = prepare(RawDocument("r.txt", "r.txt", "text", text, "text"))
    assert isinstance(outcome, Article)
    assert outcome.title == "Flood warning lifted"
    assert outcome.language == "en"
    assert outcome.word_count == 14  # the body only: the title line is metadata
