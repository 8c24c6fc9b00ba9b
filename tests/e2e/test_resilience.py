"""Bad input never stops a run, and a killed run finishes when started again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

TOPICS = ["harbour", "bridge", "library", "orchard", "railway", "stadium", "market", "school"]


def write_many_articles(folder: Path, count: int) -> None:
    """Hand-made plain-text articles, each distinct, long enough to take real work."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        topic = TOPICS[index % len(TOPICS)]
        body = "\n\n".join(
            f"Paragraph {p} of report {index}: the town's {topic} committee met on day {p} and "
            f"agreed that item {index * 7 + p} needs {p + 2} more weeks of work before it opens."
            for p in range(12)
        )
        (folder / f"report-{index:04d}.txt").write_text(
            f"Report {index} on the {topic}\n\n{body}\n", encoding="utf-8"
        )


def storyline(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def count_rows(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_killed_ingestion_completes_on_rerun_without_duplicates(tmp_path):
    folder = tmp_path / "many"
    write_many_articles(folder, 400)
    db = tmp_path / "s.db"
    # Its own process group, so the kill takes the ingest's worker processes with it (as a
    # crash of the machine would) instead of leaving them orphaned after the test.
    process = storyline("ingest", str(folder), "--db", str(db), "--quiet", start_new_session=True)
    deadline = time.monotonic() + 120
    while count_rows(db, "articles") < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    partial = count_rows(db, "articles")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert 20 <= partial < 400, "the kill must land part-way through the run"

    rerun = storyline("ingest", str(folder), "--db", str(db), "--quiet")
    _out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 400
        assert connection.execute("SELECT COUNT(*) FROM inputs").fetchone()[0] == 400
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_hostile_inputs_are_listed_and_the_story_survives(hostile_run):
    brief, kinds = hostile_run["brief"], hostile_run["kinds"]
    assert len(kinds) >= 50
    assert hostile_run["returncode"] == 1  # finished, with rejected inputs
    assert "Traceback" not in hostile_run["stderr"]
    reference = {a["source_id"] for a in brief["articles"] if "/bad/" not in a["origin"]}
    assert len(reference) == 5 and all(s.endswith(".txt") for s in reference)
    # The hostile files are about something else: they must not split the reference story.
    reference_ids = {a["id"] for a in brief["articles"] if "/bad/" not in a["origin"]}
    stories = [
        set(s["article_ids"]) for s in brief["stories"] if set(s["article_ids"]) & reference_ids
    ]
    assert stories == [reference_ids]
    # origin is the path as read, plus ":line" or "#record n" inside containers
    rejected = [(r["origin"], r["reason"]) for r in brief["rejected"]]
    for relative, verdict in kinds.items():
        if not verdict.startswith("reject:"):
            continue
        expected = verdict.removeprefix("reject:").strip()
        reasons = [reason for origin, reason in rejected if f"/bad/{relative}" in origin]
        assert reasons, f"bad/{relative} ({verdict}) is not listed as rejected"
        assert any(expected.lower() in reason.lower() for reason in reasons), (relative, reasons)
        assert all("\n" not in reason and "Traceback" not in reason for reason in reasons)


def test_rejection_reasons_name_the_problem(hostile_run):
    reasons = " | ".join(r["reason"] for r in hostile_run["brief"]["rejected"])
    for fragment in ("empty", "binary", "limit", "gzip"):
        assert fragment in reasons, f"no rejection mentions {fragment!r}: {reasons[:500]}"
