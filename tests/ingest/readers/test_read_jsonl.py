"""JSON Lines: one article per line; a bad line is rejected with its number, the rest go on."""

from __future__ import annotations

import hashlib
import io
import json

from storyline.model import RawDocument, Rejection


def write_lines(path, *lines: object) -> None:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_bytes(text.encode("utf-8"))


def test_record_fields_become_document_metadata(tmp_path, documents):
    record = {
        "id": "wire-001",
        "url": "https://news.example/pier",
        "title": "Pier closes",
        "text": "The north pier closes on Monday.",
        "published": "2020-09-28T11:15:00Z",
        "outlet": "Harbour News",
        "byline": "Ann Writer",
    }
    path = tmp_path / "batch.jsonl"
    write_lines(path, record)
    [document] = documents(path)
    assert document == RawDocument(
        source_id="wire-001",
        origin=f"{path}:1",
        kind="text",
        content="The north pier closes on Monday.",
        input_format="jsonl",
        url="https://news.example/pier",
        title="Pier closes",
        outlet="Harbour News",
        byline="Ann Writer",
        published="2020-09-28T11:15:00Z",
        raw_sha256=hashlib.sha256(json.dumps(record).encode()).hexdigest(),
    )


def test_ids_fall_back_to_file_and_line_number(tmp_path, documents):
    path = tmp_path / "batch.jsonl"
    write_lines(path, {"text": "First."}, "", {"id": 7, "text": "Third."}, {"id": " ", "text": "4"})
    assert [(d.source_id, d.origin) for d in documents(path)] == [
        ("batch.jsonl#L1", f"{path}:1"),
        ("7", f"{path}:3"),
        ("batch.jsonl#L4", f"{path}:4"),
    ]


def test_kind_follows_the_field_and_text_wins_over_html(tmp_path, documents):
    path = tmp_path / "mixed.jsonl"
    write_lines(
        path,
        {"id": "a", "html": "<p>Only markup.</p>"},
        {"id": "b", "text": "Clean body.", "html": "<p>Clean body.</p>"},
        {"id": "c", "text": "   ", "html": "<p>Empty text falls back.</p>"},
    )
    assert [(d.source_id, d.kind, d.content) for d in documents(path)] == [
        ("a", "html", "<p>Only markup.</p>"),
        ("b", "text", "Clean body."),
        ("c", "html", "<p>Empty text falls back.</p>"),
    ]


def test_author_list_and_numeric_date(tmp_path, documents):
    path = tmp_path / "a.jsonl"
    write_lines(path, {"text": "Body.", "author": ["Ann", " Bo "], "published": 1601291700})
    [document] = documents(path)
    assert document.byline == "Ann, Bo"
    assert document.published == "1601291700"


def test_bad_lines_are_rejected_by_number_and_the_others_read(tmp_path, read_all):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": "One."}),
        '{"id": "cut", "text": "unterminated',
        json.dumps({"id": "no-body", "title": "Title only"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "typed", "text": 42}),
        json.dumps({"id": "ok-6", "text": "Six."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [(type(i).__name__, i.source_id, i.origin) for i in items] == [
        ("RawDocument", "ok-1", f"{path}:1"),
        ("Rejection", "batch.jsonl#L2", f"{path}:2"),
        ("Rejection", "batch.jsonl#L3", f"{path}:3"),
        ("Rejection", "batch.jsonl#L4", f"{path}:4"),
        ("Rejection", "batch.jsonl#L5", f"{path}:5"),
        ("RawDocument", "ok-6", f"{path}:6"),
    ]
    reasons = [item.reason for item in items if isinstance(item, Rejection)]
    assert reasons == [
        "malformed JSON at column 23: Unterminated string",
        "no 'text' or 'html' field",
        "not a JSON object (found a list)",
        "field 'text' is a number, expected a string",
    ]


def test_invalid_utf8_in_one_line(tmp_path, read_all):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    first, second = read_all(path)
    assert isinstance(first, Rejection)
    assert first.reason == "invalid UTF-8 at byte 14 of the line"
    assert isinstance(second, RawDocument) and second.content == "fine"


def test_pathologically_nested_line_is_rejected(tmp_path, read_all):
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    [item] = read_all(path)
    assert isinstance(item, Rejection) and item.reason == "malformed JSON: nested too deeply"


def test_line_above_the_cap_is_skipped_without_losing_the_next(tmp_path, read_all):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "x" * 5000})
    write_lines(path, big, {"id": "after", "text": "Still read."})
    first, second = read_all(path, max_bytes=1000)
    assert isinstance(first, Rejection)
    assert first.reason == "line is 4.9 KB, above the 1000 bytes limit (--max-bytes)"
    assert isinstance(second, RawDocument) and second.source_id == "after"


def test_a_file_that_is_not_json_lines_gets_one_rejection(tmp_path, read_all):
    path = tmp_path / "notes.jsonl"
    path.write_text("A line of prose.\n" * 30, encoding="utf-8")
    [item] = read_all(path)
    assert isinstance(item, Rejection)
    assert item.source_id == "notes.jsonl"
    assert item.reason.startswith("not JSON Lines: none of the first 10 lines is an article")


def test_a_short_broken_file_lists_each_line(tmp_path, read_all):
    path = tmp_path / "two.jsonl"
    path.write_text("nope\nnope\n", encoding="utf-8")
    assert [item.origin for item in read_all(path)] == [f"{path}:1", f"{path}:2"]


def test_sniffed_by_content_whatever_the_name(tmp_path, documents):
    path = tmp_path / "export.txt"
    write_lines(path, {"id": "x", "text": "Body."})
    [document] = documents(path)
    assert (document.input_format, document.source_id) == ("jsonl", "x")


def test_byte_order_mark_and_crlf(tmp_path, documents):
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "One."}\r\n{"id": "b", "text": "Two."}\r\n')
    assert [d.source_id for d in documents(path)] == ["a", "b"]


def test_stdin_records_are_named_after_dash(documents):
    stream = io.BytesIO(b'{"text": "One."}\n{"id": "named", "text": "Two."}\n')
    assert [(d.source_id, d.origin) for d in documents("-", stdin=stream)] == [
        ("-#L1", "-:1"),
        ("named", "-:2"),
    ]
