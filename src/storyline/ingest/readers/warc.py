"""WARC crawls: each HTML or plain-text response (or resource) record becomes a document.

Requests, metadata, warcinfo and revisit records, redirects, error pages and non-text payloads
(images, scripts, style sheets) are what a crawl is mostly made of; they are skipped without a
rejection and counted in ``ReadStats``. A record above ``max_bytes`` is rejected on its own; the
file as a whole has no cap, since warcio streams it record by record.

warcio does not notice a file cut short: it hands out the last record with fewer bytes than its
``Content-Length``, or a record without a type, or stops without a word. Each of these is
checked, and ends the file with one rejection after the records before the break were read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any, BinaryIO, Literal

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from storyline.errors import InputError, UnreadableInput
from storyline.ingest.readers._decode import decode_text
from storyline.ingest.readers._sniff import binary_reason, sniff_format
from storyline.ingest.readers._source import Source
from storyline.ingest.readers._stream import HEAD_BYTES, read_bounded
from storyline.ingest.readers.gz import TRUNCATED
from storyline.ingest.readers.html import declared_charset
from storyline.ingest.readers.text import check_content
from storyline.model import InputKind, RawDocument, Rejection

_CONTENT_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_DRAIN_CHUNK = 64 * 1024


class _Iterator(WARCIterator):  # type: ignore[misc]
    """warcio's WARC iterator, made to notice a file cut inside a record's header block.

    WARC only: with ARC allowed, warcio reads any line of junk as an ARC header and "finds"
    records in a text file.
    """

    # warcio prints a warning to stderr for a record not followed by a blank line; the damage
    # it signals surfaces as a rejection instead, so the warning is emptied.
    INC_RECORD = ""
    cut_short = False

    def close(self) -> None:
        # Called once the stream is used up. warcio stops quietly when the file ends inside a
        # header block; then more bytes were read than the last whole record accounts for.
        self.cut_short = self.fh.tell() > self.offset
        super().close()


class _Truncated(Exception):
    pass


def read_warc(stream: BinaryIO, source: Source) -> Iterator[RawDocument | Rejection]:
    iterator = _Iterator(stream)
    records = iter(iterator)
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except InputError:
            raise  # damaged gzip: the per-input boundary reports it
        except Exception as error:
            # warcio's parser fails in many ways on damaged bytes (ArchiveLoadFailed, but also
            # AttributeError on a header block cut in half); all of them end this file here.
            yield _damaged(stream, source, number, error)
            return
        number += 1
        try:
            item = _read_record(record, number, source)
        except _Truncated:
            yield _truncated(source, number)
            return
        if item is not None:
            yield item
    fault = source.stream_fault()
    if iterator.cut_short or fault == TRUNCATED:
        yield _truncated(source, number + 1)
    elif fault is not None:
        yield source.reject(fault)


def _truncated(source: Source, number: int) -> Rejection:
    return Rejection(
        source.source_id,
        f"{source.origin}#record {number}",
        f"truncated WARC: the file ends inside record {number}; records before it were read",
    )


def _damaged(stream: BinaryIO, source: Source, number: int, error: Exception) -> Rejection:
    if not stream.read(1):  # the parser failed on the last bytes there are: a cut-off file
        return _truncated(source, number + 1)
    message = " ".join(str(error).split())[:200]
    if not isinstance(error, ArchiveLoadFailed):
        message = f"{type(error).__name__}: {message}"
    where = f"after record {number}" if number else "at the start"
    return source.reject(f"cannot read WARC {where}: {message}")


def _read_record(record: Any, number: int, source: Source) -> RawDocument | Rejection | None:
    # A header block cut short still comes out of warcio as a record, one without a type or
    # without the Content-Length that every WARC record must have.
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not record.rec_type or not length.isdigit():
        raise _Truncated
    if record.rec_type not in _CONTENT_RECORDS:
        return _skip(record, source, f"WARC {record.rec_type} records")
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    source_id = uri or headers.get_header("WARC-Record-ID") or f"{source.source_id}#{number}"
    origin = f"{source.origin}#record {number}"
    kind = _payload_kind(record)
    if kind is None:
        return _skip(record, source, "WARC non-text payloads")
    if record.http_headers is not None and not record.http_headers.get_statuscode().startswith("2"):
        return _skip(record, source, "WARC responses with a non-2xx status")
    if record.length is not None and record.length > source.max_bytes:
        _drain(record)
        return Rejection(source_id, origin, source.too_large(record.length, what="record"))
    try:
        payload = read_bounded(record.content_stream(), source.max_bytes)
    except (OSError, EOFError, ValueError) as error:  # a damaged compressed payload
        _drain(record)
        return Rejection(source_id, origin, f"cannot decompress payload: {error}")
    _drain(record)
    if payload is None:
        return Rejection(source_id, origin, source.too_large(what="decompressed payload"))
    if not payload.strip():
        return _skip(record, source, "WARC empty payloads")
    if kind == "sniff":
        sniffed = sniff_format(payload[:HEAD_BYTES], uri or "")
        if binary_reason(payload[:HEAD_BYTES]) is not None or sniffed not in ("html", "text"):
            return _skip(record, source, "WARC non-text payloads")
        kind = "html" if sniffed == "html" else "text"
    return _document(payload, kind, record, source_id, origin)


def _document(
    payload: bytes, kind: InputKind, record: Any, source_id: str, origin: str
) -> RawDocument | Rejection:
    binary = binary_reason(payload[:HEAD_BYTES])
    if binary is not None:
        return Rejection(source_id, origin, f"{binary} labelled as {kind}")
    declared = _http_charset(record)
    if kind == "html":
        declared = declared or declared_charset(payload)
    try:
        content = decode_text(payload, declared=declared)
        check_content(content, kind)
    except UnreadableInput as error:
        return Rejection(source_id, origin, str(error))
    uri = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(
        source_id=source_id,
        origin=origin,
        kind=kind,
        content=content,
        input_format="warc",
        url=uri if uri and uri.startswith(("http://", "https://")) else None,
        # WARC-Date is when the page was crawled, not published: leaving ``published`` empty
        # lets extraction find the real date in the page instead of trusting the crawl time.
        raw_sha256=hashlib.sha256(payload).hexdigest(),
    )


def _payload_kind(record: Any) -> InputKind | Literal["sniff"] | None:
    """html or text from the Content-Type; "sniff" when there is none; None to skip."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    content_type = headers.get_header("Content-Type")
    if not content_type:
        return "sniff"
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in _HTML_TYPES:
        return "html"
    if mime in _TEXT_TYPES:
        return "text"
    return None


def _http_charset(record: Any) -> str | None:
    if record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _skip(record: Any, source: Source, what: str) -> None:
    _drain(record)
    source.stats.skip(what)
    return None


def _drain(record: Any) -> None:
    """Read what is left of the record, and raise ``_Truncated`` if the file ended inside it."""
    raw = record.raw_stream
    try:
        while raw.read(_DRAIN_CHUNK):
            pass
    except (OSError, EOFError) as error:  # gzip member cut off or damaged
        raise _Truncated from error
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise _Truncated
