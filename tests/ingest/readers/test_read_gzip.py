"""gzip of any format: found by its magic bytes, unpacked under the size cap."""

from __future__ import annotations

import gzip
import hashlib
import json
import random

from storyline.model import RawDocument, Rejection

TEXT = "The north pier closes on Monday, the harbour board said.\n"
PAGE = "<!DOCTYPE html><html><body><p>The north pier closes.</p></body></html>"


def test_gzipped_text_is_read_and_named_after_the_gz_file(tmp_path, documents):
    path = tmp_path / "pier.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()))
    [document] = documents(path)
    assert (document.source_id, document.kind, document.content) == ("pier.txt.gz", "text", TEXT)
    assert document.raw_sha256 == hashlib.sha256(TEXT.encode()).hexdigest()  # of what is inside


def test_gzip_is_found_by_magic_bytes_not_by_name(tmp_path, documents):
    path = tmp_path / "download.bin"
    path.write_bytes(gzip.compress(PAGE.encode()))
    assert documents(path)[0].kind == "html"


def test_gzipped_json_lines_are_streamed_record_by_record(tmp_path, documents):
    path = tmp_path / "batch.jsonl.gz"
    lines = [json.dumps({"id": f"r{n}", "text": f"Body {n}."}) for n in range(3)]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    docs = documents(path)
    assert [(d.source_id, d.origin) for d in docs] == [
        ("r0", f"{path}:1"),
        ("r1", f"{path}:2"),
        ("r2", f"{path}:3"),
    ]


def test_truncated_gzip(tmp_path, rejection):
    whole = gzip.compress(TEXT.encode() * 50)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(whole[: len(whole) // 2])
    assert rejection(path).reason == "truncated gzip stream"


def test_truncated_gzipped_json_lines_keep_the_lines_before_the_break(tmp_path, read_all):
    rng = random.Random(7)
    words = ["pier", "board", "ferry", "harbour", "closes", "repairs", "engineer", "safe"]
    lines = "".join(
        json.dumps({"id": f"r{n}", "text": " ".join(rng.choices(words, k=60))}) + "\n"
        for n in range(1000)
    )
    whole = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    items = read_all(path)
    assert all(isinstance(item, RawDocument) for item in items[:-1])
    assert [item.source_id for item in items[:3]] == ["r0", "r1", "r2"]
    assert len(items) > 500
    assert all(item.content.count(" ") == 59 for item in items[:-1])  # no half line
    assert items[-1] == Rejection("cut.jsonl.gz", str(path), "truncated gzip stream")


def test_corrupt_gzip(tmp_path, rejection):
    data = bytearray(gzip.compress(TEXT.encode() * 50))
    data[20:40] = b"\xff" * 20
    path = tmp_path / "bad.gz"
    path.write_bytes(bytes(data))
    assert rejection(path).reason.startswith("corrupt gzip stream: ")


def test_gzip_bomb_is_stopped_at_the_cap(tmp_path, rejection):
    block = gzip.compress(b"flood " * 100_000)  # 600 KB of text in about 1 KB
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(block * 50)  # 30 MB once unpacked
    reason = rejection(path, max_bytes=1024 * 1024).reason
    assert reason == "decompressed file is above the 1 MB limit (--max-bytes)"


def test_binary_inside_gzip(tmp_path, rejection):
    path = tmp_path / "image.gz"
    path.write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(100)))
    assert rejection(path).reason == "binary file (looks like PNG image)"


def test_empty_inside_gzip(tmp_path, rejection):
    path = tmp_path / "nothing.txt.gz"
    path.write_bytes(gzip.compress(b""))
    assert rejection(path).reason == "empty file (after gzip decompression)"


def test_gzip_inside_gzip_is_not_unpacked_twice(tmp_path, rejection):
    path = tmp_path / "double.gz"
    path.write_bytes(gzip.compress(gzip.compress(TEXT.encode())))
    assert rejection(path).reason == "binary file (looks like gzip archive)"


def test_small_truncated_json_lines_keep_the_lines_before_the_break(tmp_path, read_all):
    lines = "".join(json.dumps({"id": f"r{n}", "text": f"Body {n}."}) + "\n" for n in range(50))
    whole = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[:-12])  # inside the last deflate block: the last lines are lost
    items = read_all(path)
    assert items[0].source_id == "r0"
    assert items[-1] == Rejection("cut.jsonl.gz", str(path), "truncated gzip stream")
