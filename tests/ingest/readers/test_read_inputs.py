"""Inputs: files, folders and stdin, read in a stable order under stable names."""

from __future__ import annotations

import io
import os

import pytest

from storyline.ingest.readers import ReadStats, read_inputs
from storyline.model import RawDocument, Rejection


def write(path, text="Some words of an article.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_walked_in_sorted_order_with_relative_names(tmp_path, documents):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "c.txt", "a.txt"]:
        write(corpus / name)
    docs = documents(corpus)
    assert [d.source_id for d in docs] == ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt", "c.txt"]
    assert docs[0].origin == f"{corpus}/a/b/c.txt"


def test_hidden_files_and_folders_are_skipped(tmp_path, documents):
    write(tmp_path / "corpus" / "kept.txt")
    write(tmp_path / "corpus" / ".DS_Store", "\x00\x01binary")
    write(tmp_path / "corpus" / ".git" / "HEAD", "ref: refs/heads/main\n")
    assert [d.source_id for d in documents(tmp_path / "corpus")] == ["kept.txt"]


def test_a_file_given_directly_is_named_by_its_base_name(tmp_path, documents, monkeypatch):
    write(tmp_path / "deep" / "er" / "pier.txt")
    monkeypatch.chdir(tmp_path)
    [document] = documents("deep/er/pier.txt")
    assert (document.source_id, document.origin) == ("pier.txt", "deep/er/pier.txt")


def test_results_follow_the_order_of_the_inputs(tmp_path, documents):
    first, second = write(tmp_path / "2.txt"), write(tmp_path / "1.txt")
    assert [d.source_id for d in documents(first, second)] == ["2.txt", "1.txt"]


def test_same_inputs_same_sequence(tmp_path, read_all):
    for name in ["x.txt", "y/empty.txt", "y/z.txt", "w.txt"]:
        write(tmp_path / name, "" if "empty" in name else "Words.\n")
    assert read_all(tmp_path) == read_all(tmp_path)


def test_missing_path_and_empty_folder(tmp_path, read_all):
    (tmp_path / "empty").mkdir()
    missing = tmp_path / "missing.txt"
    assert read_all(tmp_path / "empty", missing) == [
        Rejection(str(missing), str(missing), "no such file or folder")
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symbolic_link_loops_end(tmp_path, read_all):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt")
    os.symlink("..", corpus / "up")
    os.symlink(".", corpus / "here")
    os.symlink("loop.txt", corpus / "loop.txt")
    items = read_all(corpus)
    assert [(type(i).__name__, i.source_id, getattr(i, "reason", None)) for i in items] == [
        ("RawDocument", "a.txt", None),
        ("Rejection", "here", "symbolic link loop (points to an enclosing folder)"),
        ("Rejection", "loop.txt", "symbolic link loop"),
        # "up" is the parent: a new folder, walked once, in which "corpus" is the loop.
        ("Rejection", "up/corpus", "symbolic link loop (points to an enclosing folder)"),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_linked_folder_is_read_once(tmp_path, documents):
    write(tmp_path / "corpus" / "real" / "a.txt")
    os.symlink("real", tmp_path / "corpus" / "twin")
    assert [d.source_id for d in documents(tmp_path / "corpus")] == ["real/a.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_not_opened(tmp_path, rejection):
    os.mkfifo(tmp_path / "pipe")
    assert rejection(tmp_path).reason == "not a regular file (named pipe)"


def test_stdin_is_one_document_sniffed_by_content(documents):
    page = b"<!DOCTYPE html><html><body><p>From a pipe.</p></body></html>"
    [document] = documents("-", stdin=io.BytesIO(page))
    assert (document.source_id, document.origin, document.kind) == ("-", "-", "html")


def test_stdin_above_the_cap(rejection):
    reason = rejection("-", stdin=io.BytesIO(b"word " * 1000), max_bytes=1000).reason
    assert reason == "input is above the 1000 bytes limit (--max-bytes)"


def test_stats_count_what_was_skipped_on_purpose(tmp_path):
    write(tmp_path / "a.txt")
    stats = ReadStats()
    assert len(list(read_inputs([str(tmp_path)], stats=stats))) == 1
    assert stats.skipped == {}


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "20"])
def test_max_bytes_must_be_a_positive_integer(value):
    with pytest.raises(ValueError, match="max_bytes must be a positive number of bytes"):
        read_inputs(["-"], max_bytes=value)


def test_a_single_string_is_not_a_list_of_inputs():
    with pytest.raises(TypeError):
        read_inputs("corpus")


def test_reading_is_lazy(tmp_path):
    write(tmp_path / "a.txt")
    items = read_inputs([str(tmp_path)])
    (tmp_path / "a.txt").unlink()  # nothing has been read yet
    assert [type(item) for item in items] == []


def test_documents_are_raw_documents(tmp_path, documents):
    write(tmp_path / "a.txt")
    assert all(isinstance(d, RawDocument) for d in documents(tmp_path))
