"""JSON Lines: one article per line, read as a stream so a file of any length fits in memory.

Each line is an object with ``text`` or ``html`` (when both are given, ``text`` wins: someone
already extracted the body) and optional ``id``, ``url``, ``title``, ``published``, ``outlet``,
``byline`` or ``author``. A bad line is rejected with its line number and the rest go on; the
``max_bytes`` cap applies to each line, not to the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from storyline.errors import UnreadableInput
from storyline.ingest.readers._source import Source
from storyline.model import InputKind, RawDocument, Rejection

#: Lines that fail before any line succeeds, after which the file is taken for something that
#: is not JSON Lines at all (a pretty-printed JSON document, a misnamed text file): one
#: rejection per line of such a file would bury every other message.
MAX_LEADING_FAILURES = 10

_CHUNK = 64 * 1024


def read_jsonl(stream: BinaryIO, source: Source) -> Iterator[RawDocument | Rejection]:
    # Rejections before the first good line are held back: if the file turns out not to be
    # JSON Lines at all, one rejection for the file says so instead of one per line.
    held: list[Rejection] | None = []
    for number, line, size in _lines(stream, source.max_bytes, source.stream_fault):
        fallback_id = f"{source.source_id}#L{number}"
        origin = f"{source.origin}:{number}"
        if line is None:
            item: RawDocument | Rejection = Rejection(
                fallback_id, origin, source.too_large(size, what="line")
            )
        else:
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            try:
                item = _document(line, fallback_id, origin)
            except UnreadableInput as error:
                item = Rejection(fallback_id, origin, str(error))
        if held is None:
            yield item
        elif isinstance(item, Rejection):
            held.append(item)
            if len(held) >= MAX_LEADING_FAILURES:
                first = held[0]
                yield source.reject(
                    f"not JSON Lines: none of the first {len(held)} lines is an article "
                    f"(line 1: {first.reason})"
                )
                return
        else:
            yield from held
            held = None
            yield item
    yield from held or ()
    fault = source.stream_fault()
    if fault is not None:
        yield source.reject(fault)


def _lines(
    stream: BinaryIO, max_bytes: int, fault: Callable[[], str | None]
) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes without the line break, size); bytes are ``None`` for a line above
    ``max_bytes``, which is skipped without being held in memory."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line or (not line.endswith(b"\n") and fault() is not None):
            return  # the end, or half a line before the break in a damaged .gz
        number += 1
        size = len(line)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
                size += len(line)
            yield number, None, size
            continue
        yield number, line.rstrip(b"\r\n"), size


def _document(line: bytes, fallback_id: str, origin: str) -> RawDocument:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableInput(f"invalid UTF-8 at byte {error.start + 1} of the line") from None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" starting at")  # "Unterminated string starting at"
        raise UnreadableInput(f"malformed JSON at column {error.colno}: {message}") from None
    except RecursionError:
        raise UnreadableInput("malformed JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise UnreadableInput(f"not a JSON object (found {_json_type(record)})")
    kind, content = _body(record)
    record_id = record.get("id")
    has_id = isinstance(record_id, (str, int)) and not isinstance(record_id, bool)
    source_id = str(record_id).strip() if has_id else ""
    return RawDocument(
        source_id=source_id or fallback_id,
        origin=origin,
        kind=kind,
        content=content,
        input_format="jsonl",
        url=_meta(record.get("url")),
        title=_meta(record.get("title")),
        outlet=_meta(record.get("outlet")),
        byline=_meta(record.get("byline")) or _meta(record.get("author")),
        published=_meta(record.get("published")),
        raw_sha256=hashlib.sha256(line).hexdigest(),
    )


def _body(record: dict[str, Any]) -> tuple[InputKind, str]:
    if "text" not in record and "html" not in record:
        raise UnreadableInput("no 'text' or 'html' field")
    for field in ("text", "html"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise UnreadableInput(f"field '{field}' is {_json_type(value)}, expected a string")
    for field in ("text", "html"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return ("text" if field == "text" else "html"), value
    raise UnreadableInput("the 'text' and 'html' fields are empty")


def _meta(value: Any) -> str | None:
    """A metadata field as a string: numbers (epoch dates) as written, lists of names joined."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        names = [item.strip() for item in value if isinstance(item, str) and item.strip()]
        return ", ".join(names) or None
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"
