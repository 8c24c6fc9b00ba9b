"""Reading one input: open, sniff, hand to the format's reader, and contain every failure.

This is the per-input boundary of the rule "bad input never stops the run": whatever goes
wrong inside one input becomes a ``Rejection`` for it, and the caller goes on with the next.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.readers import gz
from storyline.ingest.readers._sniff import binary_reason, sniff_format
from storyline.ingest.readers._source import Source
from storyline.ingest.readers._stream import HEAD_BYTES, prefixed, read_bounded, read_up_to
from storyline.model import RawDocument, Rejection

Item = RawDocument | Rejection

WARC_MAGIC = b"WARC/"
_NOT_WARC = "not a WARC file (it does not start with 'WARC/')"

#: Longest reason kept from an unexpected exception: enough to name it, short enough for a line.
_MAX_MESSAGE = 200


def read_file(path: str, source: Source) -> Iterator[Item]:
    yield from guarded(_read_file(path, source), source)


def read_stdin(stream: BinaryIO, source: Source) -> Iterator[Item]:
    yield from guarded(read_stream(stream, source), source)


def _read_file(path: str, source: Source) -> Iterator[Item]:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size  # of the file opened, not of a stale stat
        yield from read_stream(handle, dataclasses.replace(source, size=size))


def guarded(items: Iterator[Item], source: Source) -> Iterator[Item]:
    """``items``, and in place of any exception a final ``Rejection`` naming it in one line."""
    try:
        yield from items
    except InputError as error:
        yield source.reject(str(error))
    except OSError as error:
        reason = (error.strerror or str(error) or type(error).__name__).lower()
        yield source.reject(f"cannot read file: {reason}")
    except Exception as error:
        message = " ".join(str(error).split())[:_MAX_MESSAGE]
        yield source.reject(f"unexpected error reading input: {type(error).__name__}: {message}")


def read_stream(stream: BinaryIO, source: Source) -> Iterator[Item]:
    """Sniff the format of ``stream`` and read it with that format's reader."""
    head = read_up_to(stream, HEAD_BYTES)
    if not head:
        fault = source.stream_fault()
        if fault is not None:
            yield source.reject(fault)
        elif source.decompressed:
            yield source.reject("empty file (after gzip decompression)")
        else:
            yield source.reject("empty file")
        return
    whole = prefixed(head, stream)
    if gz.is_gzip(head) and not source.decompressed:
        yield from _read_gzip(whole, source)
        return
    if head.startswith(WARC_MAGIC):
        yield from _read_warc(whole, source)  # before the binary check: payloads may be binary
        return
    binary = binary_reason(head)
    if binary is not None:
        yield source.reject(binary)
        return
    kind = sniff_format(head, source.name)
    if kind == "warc":  # named .warc, but does not start like one
        yield source.reject(_NOT_WARC)
        return
    if kind == "jsonl":
        from storyline.ingest.readers.jsonl import read_jsonl

        yield from read_jsonl(whole, source)
        return
    # The whole-document formats: the cap applies to the file, checked before reading it all.
    if source.size is not None and source.size > source.max_bytes:
        yield source.reject(source.too_large(source.size))
        return
    data = read_bounded(whole, source.max_bytes)
    if data is None:
        what = "decompressed file" if source.decompressed else "input"
        yield source.reject(source.too_large(what=what))
        return
    fault = source.stream_fault()
    if fault is not None:
        yield source.reject(fault)
        return
    binary = binary_reason(data)  # the head looked like text; a NUL may come later
    if binary is not None:
        yield source.reject(binary)
        return
    yield from _read_document(kind, data, source)


def _read_document(kind: str, data: bytes, source: Source) -> Iterator[Item]:
    if kind == "feed":
        from storyline.ingest.readers.feed import read_feed

        yield from read_feed(data, source)
    elif kind == "html":
        from storyline.ingest.readers.html import read_html

        yield from read_html(data, source)
    else:
        from storyline.ingest.readers.text import read_text

        yield from read_text(data, source)


def _read_warc(stream: BinaryIO, source: Source) -> Iterator[Item]:
    from storyline.ingest.readers.warc import read_warc

    yield from read_warc(stream, source)


def _read_gzip(whole: BinaryIO, source: Source) -> Iterator[Item]:
    inner_name = gz.strip_suffix(source.name)
    unpacked, fault = gz.open_gzip(whole)
    inner = dataclasses.replace(
        source, name=inner_name, size=None, decompressed=True, stream_fault=fault
    )
    yield from read_stream(unpacked, inner)
