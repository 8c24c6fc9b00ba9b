"""The `storyline` command, in process (click's runner), on hand-made inputs."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli import EXIT_FAILED, EXIT_REJECTED, main

ARTICLE = (
    "Harbour board closes north pier\n\n"
    "The harbour board closed the north pier on Monday after divers found cracks in three of "
    "its concrete supports, the board's chief engineer said.\n\n"
    "Ferries will dock at the south quay until repairs finish, which the board expects to take "
    "about six weeks.\n"
)


def test_ingest_then_list_articles_with_an_explicit_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pier.txt").write_text(ARTICLE)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == EXIT_REJECTED
    assert "empty.txt: empty file" in result.stderr
    assert "1 new articles" in result.stderr

    again = runner.invoke(main, ["ingest", str(tmp_path / "in" / "pier.txt"), "--db", db, "-q"])
    assert again.exit_code == 0 and again.stderr == ""

    listed = runner.invoke(main, ["articles", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0
    (entry,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert entry["title"] == "Harbour board closes north pier"
    assert entry["source_id"] == "pier.txt"
    assert entry["published"] is None


def test_default_store_lives_in_the_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "pier.txt").write_text(ARTICLE)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "pier.txt"), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "storyline" / "storyline.db").is_file()


def test_analyze_writes_three_files_and_reports_rejections(tmp_path):
    (tmp_path / "pier.txt").write_text(ARTICLE)
    (tmp_path / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--out", str(out), "-q"])
    assert result.exit_code == EXIT_REJECTED
    brief = json.loads((out / "brief.json").read_text())
    assert [a["source_id"] for a in brief["articles"]] == ["pier.txt"]
    assert brief["rejected"][0]["source_id"] == "junk.bin"
    assert "PNG" in brief["rejected"][0]["reason"]
    assert (out / "brief.md").read_text().startswith("# storyline brief")
    assert (out / "brief.html").read_text().startswith("<!doctype html>")
    assert (out / "storyline.db").is_file()


def test_a_store_that_cannot_be_opened_is_a_clear_failure(tmp_path):
    not_a_db = tmp_path / "s.db"
    not_a_db.write_text("this is not a database " * 100)
    result = CliRunner().invoke(main, ["articles", "--db", str(not_a_db)])
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.startswith("error: cannot open store")


def test_evaluate_reports_a_missing_dataset_layout(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "extraction", str(tmp_path)])
    assert result.exit_code == EXIT_FAILED
    assert "ground-truth.json" in result.stderr


def _stderr_of_ingest_on_a_terminal(tmp_path, *extra: str) -> str:
    """Run `storyline ingest` with stderr on a pseudo-terminal and return what it showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    (tmp_path / "pier.txt").write_text(ARTICLE)
    leader, follower = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, which tqdm draws as nothing; give it a size.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "ingest",
            str(tmp_path / "pier.txt"),
            "--db",
            str(tmp_path / "s.db"),
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_progress_bar_shows_on_a_terminal_only_without_quiet(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert "ingesting" in _stderr_of_ingest_on_a_terminal(tmp_path / "a")
    assert _stderr_of_ingest_on_a_terminal(tmp_path / "b", "--quiet") == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    (tmp_path / "pier.txt").write_text(ARTICLE)
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "pier.txt"), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0
    assert "ingesting" not in result.stderr
    assert result.stderr.strip() == "1 inputs: 1 new articles, 0 unchanged, 0 rejected"


def test_an_output_folder_that_cannot_be_made_is_one_line_and_exit_3(tmp_path):
    (tmp_path / "pier.txt").write_text(ARTICLE)
    (tmp_path / "afile").write_text("not a folder")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(tmp_path / "pier.txt"),
            "--out",
            str(tmp_path / "afile" / "out"),
            "--db",
            db,
            "-q",
        ],
    )
    assert result.exit_code == EXIT_FAILED, result.output
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "afile" in result.stderr


def test_analyze_words_sets_the_summary_length(tmp_path):
    (tmp_path / "pier.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["analyze", str(tmp_path / "pier.txt"), "--out", str(out), "--words", "30", "-q"]
    )
    assert result.exit_code == 0, result.stderr
    (story,) = json.loads((out / "brief.json").read_text())["stories"]
    assert story["summary"]["budget"] == 30
    assert 0 < story["summary"]["words"] <= 30
    bad = CliRunner().invoke(main, ["analyze", str(tmp_path), "--out", str(out), "--words", "0"])
    assert bad.exit_code == 2
