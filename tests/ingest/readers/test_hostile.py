"""The hostile folder of storyline.testing.hostile, read: every verdict it promises holds."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from storyline.model import RawDocument, Rejection
from storyline.testing.hostile import write_hostile_inputs

HUGE = 2 * 1024 * 1024
CAP = 1024 * 1024


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    verdicts = write_hostile_inputs(folder, huge_bytes=HUGE)
    return folder, verdicts


def items_of(items, folder: Path, relative: str):
    base = f"{folder}/{relative}"
    return [
        item
        for item in items
        if item.origin == base or item.origin.startswith((f"{base}:", f"{base}#"))
    ]


def test_fifty_files_each_with_a_verdict(hostile):
    _folder, verdicts = hostile
    if hasattr(os, "mkfifo") and hasattr(os, "symlink"):
        assert len(verdicts) == 50
    assert all(v.split(":", 1)[0] in ("reject", "read", "skip") for v in verdicts.values())


def test_every_verdict_holds(hostile, read_all):
    folder, verdicts = hostile
    items = read_all(folder, max_bytes=CAP)
    claimed = 0
    for relative, verdict in verdicts.items():
        mine = items_of(items, folder, relative)
        claimed += len(mine)
        rejected = [item for item in mine if isinstance(item, Rejection)]
        read = [item for item in mine if isinstance(item, RawDocument)]
        kind, _, detail = verdict.partition(": ")
        if kind == "reject":
            assert rejected, f"{relative}: {verdict}, but nothing was rejected"
            assert any(detail in item.reason for item in rejected), (relative, rejected)
            assert all(item.source_id.startswith(relative) for item in rejected), rejected
        elif kind == "read":
            assert read and not rejected, (relative, mine)
        else:
            assert not mine, (relative, mine)
    assert claimed == len(items), "every item read belongs to one of the files"


def test_reasons_are_single_lines_without_tracebacks(hostile, read_all):
    folder, _verdicts = hostile
    for item in read_all(folder, max_bytes=CAP):
        if isinstance(item, Rejection):
            assert "\n" not in item.reason and "Traceback" not in item.reason
            assert 0 < len(item.reason) <= 300
            assert not item.reason.startswith("unexpected error"), item


def test_script_payloads_come_through_untouched_for_extraction_to_handle(hostile, read_all):
    folder, _verdicts = hostile
    [page] = items_of(read_all(folder, max_bytes=CAP), folder, "script-payloads.html")
    assert '<script>alert("script-tag")</script>' in page.content


def test_the_generator_is_deterministic(tmp_path):
    def digests(folder: Path) -> dict[str, str]:
        return {
            str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.is_symlink() and path.name != "named-pipe"
        }

    first = write_hostile_inputs(tmp_path / "one", huge_bytes=4096)
    second = write_hostile_inputs(tmp_path / "two", huge_bytes=4096)
    assert first == second
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
