"""What the gold-file evaluations (quotes, numbers, time) share: the JSON Lines reader, where
``../shared`` is, a corpus file's clean text, and anchor phrases turned into offsets.

A gold record names its text either as ``corpus_file`` (relative to ``../shared/corpus``, read
and cleaned as ``storyline analyze`` does, so that offsets are into the clean text) or inline as
``text`` with an ``id``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError


def find_shared_dir(start: Path | None = None) -> Path:
    """``../shared`` next to the repository root (the folder holding ``pyproject.toml``)."""
    here = (start or Path(__file__)).resolve()
    for folder in [here, *here.parents]:
        if (folder / "pyproject.toml").is_file() and (folder.parent / "shared").is_dir():
            return folder.parent / "shared"
    raise EvaluationError("../shared not found next to the repository; pass shared_dir")


def clean_corpus_text(path: Path) -> str:
    """The clean text of one corpus file, as ``storyline analyze`` makes it."""
    from storyline.ingest.pipeline import extract
    from storyline.ingest.readers import read_inputs
    from storyline.model import Rejection

    for item in read_inputs([str(path)]):
        if isinstance(item, Rejection):
            raise EvaluationError(f"cannot read gold corpus file: {item.message()}")
        return extract(item).text
    raise EvaluationError(f"no document in gold corpus file {path}")


def gold_records(gold_path: Path) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """``(line number, "file:line", record)`` for each non-blank line of a JSON Lines file."""
    try:
        text = gold_path.read_text(encoding="utf-8")
    except OSError as error:
        raise EvaluationError(f"cannot read the gold file {gold_path}: {error}") from error
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold_path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{where}: not JSON ({error})") from error
        yield number, where, record


def corpus_path(record: dict[str, Any], where: str, shared_dir: Path | None = None) -> Path:
    """The file a record's ``corpus_file`` names, under ``shared_dir`` (default ../shared)."""
    shared = shared_dir if shared_dir is not None else find_shared_dir()
    path = shared / "corpus" / record["corpus_file"]
    if not path.is_file():
        raise EvaluationError(f"{where}: corpus file not found: {path} (pass --shared)")
    return path


def gold_text(
    record: dict[str, Any],
    where: str,
    shared_dir: Path | None = None,
    default_id: str | None = None,
) -> tuple[str, str]:
    """``(id, text)`` of a record: a corpus file's clean text, its id the ``corpus_file``; or
    the record's ``text`` and ``id`` (``default_id`` when it has none; required without one)."""
    if "corpus_file" in record:
        return record["corpus_file"], clean_corpus_text(corpus_path(record, where, shared_dir))
    if "text" in record and ("id" in record or default_id is not None):
        return record.get("id", default_id), record["text"]
    needs = "'text'" if default_id is not None else "'id' and 'text'"
    raise EvaluationError(f"{where}: needs 'corpus_file' or {needs}")


def find_anchor(text: str, anchor: str, occurrence: int = 1, start: int = 0) -> int:
    """Where the ``occurrence``-th ``anchor`` begins in ``text`` at or after ``start``; -1 when
    there are fewer."""
    found = start - 1
    for _ in range(occurrence):
        found = text.find(anchor, found + 1)
        if found < 0:
            return -1
    return found
