"""Plain text files: one file, one document, decoded and checked for content."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from storyline.errors import UnreadableInput
from storyline.ingest.readers._decode import decode_text
from storyline.ingest.readers._source import Source
from storyline.model import InputKind, RawDocument, Rejection

_WORD_CHAR = re.compile(r"\w")


def check_content(text: str, kind: InputKind) -> None:
    """Refuse a decoded document with nothing to read in it."""
    if not text:
        raise UnreadableInput("no text (only a byte-order mark)")
    if not text.strip():
        raise UnreadableInput("whitespace only")
    if kind == "text" and not _WORD_CHAR.search(text):
        raise UnreadableInput("no letters or digits (only punctuation or symbols)")


def read_text(data: bytes, source: Source) -> Iterator[RawDocument | Rejection]:
    text = decode_text(data)
    check_content(text, "text")
    yield RawDocument(
        source_id=source.source_id,
        origin=source.origin,
        kind="text",
        content=text,
        input_format="text",
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )
