"""Bad input never stops a run: each problem is one Rejection with a one-line reason."""

from __future__ import annotations

import codecs
import os
import random

import pytest

import storyline.ingest.readers._dispatch as dispatch
import storyline.ingest.readers.jsonl as jsonl
import storyline.ingest.readers.text as text
from storyline.model import RawDocument, Rejection

WORDS = b"The north pier closes on Monday, the harbour board said.\n"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\r\n" * 20, "whitespace only"),
        ("bom.txt", codecs.BOM_UTF8, "no text (only a byte-order mark)"),
        (
            "dots.txt",
            b"... !!! ??? --- ***\n",
            "no letters or digits (only punctuation or symbols)",
        ),
        (
            "photo.html",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (looks like PNG image)",
        ),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (looks like JPEG image)"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00", "binary file (looks like GIF image)"),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (looks like PDF document)"),
        ("bundle.txt", b"PK\x03\x04\x14\x00\x00\x00", "binary file (looks like zip archive)"),
        ("nul.txt", WORDS + b"\x00" + WORDS, "binary file (contains NUL bytes)"),
        ("late-nul.txt", WORDS * 2000 + b"\x00", "binary file (contains NUL bytes)"),
        ("controls.txt", bytes(range(1, 9)) * 30 + WORDS, "binary file (mostly control bytes)"),
        ("noise.bin", random.Random(1).randbytes(2048), "binary file (contains NUL bytes)"),
    ],
)
def test_reason_names_the_problem(tmp_path, rejection, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    item = rejection(path)
    assert (item.source_id, item.origin, item.reason) == (name, str(path), reason)


def test_too_large_is_refused_from_its_size_before_reading_it(tmp_path, rejection, monkeypatch):
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.write(WORDS * 2000)  # text where the format is sniffed
        handle.truncate(int(25.3 * 1024 * 1024))  # the rest is a hole: no time, no disk

    def never(*_args, **_kwargs):
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(dispatch, "read_bounded", never)
    assert rejection(path).reason == "file is 25.3 MB, above the 20 MB limit (--max-bytes)"


def test_the_cap_is_a_parameter(tmp_path, rejection):
    path = tmp_path / "a.txt"
    path.write_bytes(WORDS * 100)
    assert rejection(path, max_bytes=2048).reason == (
        "file is 5.6 KB, above the 2 KB limit (--max-bytes)"
    )


def test_broken_symbolic_link_given_directly(tmp_path, rejection):
    link = tmp_path / "gone.txt"
    os.symlink("nowhere.txt", link)
    item = rejection(link)
    assert item.reason == "broken symbolic link (target nowhere.txt does not exist)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path, rejection):
    path = tmp_path / "secret.txt"
    path.write_bytes(WORDS)
    path.chmod(0)
    try:
        assert rejection(path).reason == "cannot read file: permission denied"
    finally:
        path.chmod(0o644)


def test_unreadable_file_when_running_as_root(tmp_path, rejection, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_bytes(WORDS)

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(dispatch, "open", denied, raising=False)
    assert rejection(path).reason == "cannot read file: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders whatever their mode")
def test_unlistable_folder(tmp_path, read_all):
    locked = tmp_path / "corpus" / "locked"
    locked.mkdir(parents=True)
    locked.chmod(0)
    try:
        [item] = read_all(tmp_path / "corpus")
        assert isinstance(item, Rejection)
        assert (item.source_id, item.reason) == ("locked", "cannot list folder: permission denied")
    finally:
        locked.chmod(0o755)


def test_unexpected_error_is_reported_in_one_line_and_the_run_goes_on(
    tmp_path, read_all, monkeypatch
):
    (tmp_path / "a.txt").write_bytes(WORDS)
    (tmp_path / "b.html").write_bytes(b"<!DOCTYPE html><html><body><p>Fine.</p></body></html>")

    def broken(*_args, **_kwargs):
        raise RuntimeError("reader bug\non two lines")

    monkeypatch.setattr(text, "read_text", broken)
    first, second = read_all(tmp_path)
    assert first == Rejection(
        "a.txt",
        str(tmp_path / "a.txt"),
        "unexpected error reading input: RuntimeError: reader bug on two lines",
    )
    assert isinstance(second, RawDocument) and second.source_id == "b.html"


def test_unexpected_error_inside_a_container_keeps_what_came_before(
    tmp_path, read_all, monkeypatch
):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"}\n{"text": "three"}\n', encoding="utf-8")
    real = jsonl._document
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise MemoryError("no room")
        return real(*args, **kwargs)

    monkeypatch.setattr(jsonl, "_document", flaky)
    first, second = read_all(path)
    assert isinstance(first, RawDocument) and first.content == "one"
    assert second == Rejection(
        "batch.jsonl", str(path), "unexpected error reading input: MemoryError: no room"
    )


def test_good_files_around_bad_ones_are_all_read(tmp_path, read_all):
    for index in range(6):
        (tmp_path / f"{index}-good.txt").write_bytes(WORDS)
        (tmp_path / f"{index}-bad.txt").write_bytes(b"")
    items = read_all(tmp_path)
    assert [type(item).__name__ for item in items] == ["Rejection", "RawDocument"] * 6
