"""End to end: `storyline analyze` on the reference story, through the real command."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.brief.schema import validate_brief

# Site furniture that the reference story's raw files carry; none may survive cleaning.
FURNITURE = [
    "3 min read",
    "[Getty]",
    "Read also:",
    "Follow us on Facebook",
    "Print Friendly, PDF & Email",
    "Post a comment",
    "Have a tip or story? Get in touch",
    "Supervisor Elham",
    "Editor in Chief",
    "photo credit:",
    "edited using data from the following websites",
    "Iraq flags. Source:",
    "The writer holds a PhD",  # an author bio: about the writer, not the story
]


def run_storyline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, request):
    story = Path(request.config.rootpath).parent / "shared" / "corpus" / "iraq-embassy-2020"
    if not story.is_dir():
        pytest.skip("reference story not available")
    out = tmp_path_factory.mktemp("brief")
    result = run_storyline("analyze", str(story), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return story, out, json.loads((out / "brief.json").read_text())


def body_sentences(raw: str) -> list[str]:
    """Lines of a raw file that are plainly article prose: long, ending like a sentence.

    Decided independently of the cleaner, so that the test checks it rather than repeats it.
    """
    found = []
    for line in raw.splitlines():
        line = line.strip().replace("\u00a0", " ").strip()
        is_prose = len(line.split()) >= 12 and re.search(r"[.!?][\"'”’)]?$", line)
        if is_prose and not any(marker in line for marker in FURNITURE):
            found.append(line)
    return found


def test_five_articles_with_their_titles(analysed):
    _story, _out, brief = analysed
    validate_brief(brief)
    assert brief["counts"]["articles"] == 5
    assert brief["counts"]["rejected"] == 0
    titles = {a["source_id"]: a["title"] for a in brief["articles"]}
    assert (
        titles["001_4a80a5298d402f5f.txt"] == "Iraq ‘not happy’ with ‘dangerous’ US pullout threat"
    )
    assert titles["002_e17a6d2f227cc06c.txt"] == (
        "US threatens to close embassy in Iraq unless Iranian-backed militias halt attacks"
    )
    assert (
        titles["003_da3166f39741e689.txt"]
        == "Will U.S. Really Plan to Withdraw Its Embassy from Iraq?"
    )
    assert titles["004_2e49f0a63a1e5011.txt"] == "US warns Iraq on Iranian-backed militias"


def test_wire_credit_is_kept_apart_from_the_outlet(analysed):
    _story, _out, brief = analysed
    credits = {a["source_id"][:3]: a["wire_credit"] for a in brief["articles"]}
    assert credits["002"] == "Reuters"
    assert credits["003"] is None


def test_only_the_dateline_article_is_dated(analysed):
    _story, _out, brief = analysed
    dates = {a["source_id"]: a["published"] for a in brief["articles"]}
    dated = dates.pop("003_da3166f39741e689.txt")
    assert dated["value"].startswith("2020-09-28")
    assert dated["source"] == "dateline"
    # 000 opens with an event date ("On Wednesday, September 30, 2020, …"): not a dateline.
    assert all(d == {"value": None, "source": "unknown", "evidence": None} for d in dates.values())


def test_no_furniture_left_and_no_body_sentence_lost(analysed):
    story, _out, brief = analysed
    by_source = {a["source_id"]: a for a in brief["articles"]}
    for path in sorted(story.iterdir()):
        article = by_source[path.name]
        clean = " ".join(article["text"].split())
        for phrase in FURNITURE:
            assert phrase not in clean, f"{phrase!r} left in {path.name}"
        for sentence in body_sentences(path.read_text(encoding="utf-8")):
            assert " ".join(sentence.split()) in clean, f"lost from {path.name}: {sentence[:60]}"
        assert article["language"] == "en"
        assert article["removed"], f"nothing recorded as removed from {path.name}"


def test_rerun_is_byte_identical_and_adds_nothing(analysed):
    story, out, _brief = analysed
    db = out / "storyline.db"
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    first = {name: (out / name).read_bytes() for name in ("brief.json", "brief.md", "brief.html")}
    again = run_storyline("analyze", str(story), "--out", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    for name, content in first.items():
        assert (out / name).read_bytes() == content, f"{name} changed on re-run"
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before == 5
    assert connection.execute("SELECT COUNT(*) FROM inputs").fetchone()[0] == 5


def test_input_order_does_not_change_the_brief(analysed, tmp_path):
    story, _out, _brief = analysed
    files = sorted(str(p) for p in story.iterdir())
    forward = run_storyline("analyze", *files, "--out", str(tmp_path / "f"), "--quiet")
    backward = run_storyline("analyze", *reversed(files), "--out", str(tmp_path / "b"), "--quiet")
    assert forward.returncode == backward.returncode == 0
    assert (tmp_path / "f" / "brief.json").read_bytes() == (
        tmp_path / "b" / "brief.json"
    ).read_bytes()


def test_stdin_is_one_article(analysed, tmp_path):
    story, _out, brief = analysed
    raw = (story / "001_4a80a5298d402f5f.txt").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "analyze", "-", "--out", str(tmp_path), "--quiet"],
        input=raw,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    piped = json.loads((tmp_path / "brief.json").read_text())
    (article,) = piped["articles"]
    expected = next(a for a in brief["articles"] if a["source_id"].startswith("001_"))
    assert article["source_id"] == "-"
    assert article["id"] == expected["id"]


def test_worker_processes_do_not_change_the_brief(analysed, tmp_path):
    story, out, _brief = analysed
    result = run_storyline("analyze", str(story), "--out", str(tmp_path), "--jobs", "2", "-q")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "brief.json").read_bytes() == (out / "brief.json").read_bytes()
