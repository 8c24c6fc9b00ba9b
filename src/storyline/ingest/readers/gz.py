"""gzip: detected by its magic bytes, unpacked as a stream so that size caps still hold.

The unpacked stream is read like any other: its first 64 KB to sniff the format, then whole,
line by line (JSON Lines) or record by record (WARC). A file cut short reads as if it ended at
the break, and the reader, once done, rejects it ("truncated gzip stream", or for a WARC
"truncated WARC"), keeping the lines or records that came before. Damage (``BadGzipFile``,
``zlib.error``) is handled the same way, as "corrupt gzip stream: …".

A ``.warc.gz`` is unpacked here too, rather than by warcio: warcio expects one gzip member per
record and fails on a whole WARC file gzipped in one piece; Python's gzip reads both.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
TRUNCATED = "truncated gzip stream"


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def strip_suffix(name: str) -> str:
    """``a.jsonl.gz`` → ``a.jsonl``, ``a.tgz`` → ``a.tar``: the name that hints the inner format."""
    lower = name.lower()
    if lower.endswith(".gz"):
        return name[:-3]
    if lower.endswith(".tgz"):
        return name[:-4] + ".tar"
    return name


class _GzipReader(io.RawIOBase):
    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=stream, mode="rb")
        self.fault: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.fault is not None:
            return 0
        # A fault is kept for the reader to report once it is done, and not raised: an exception
        # would lose the bytes that the buffered readers above hold from before the break. For
        # the same reason read1, one step of decompression: a plain read loops over steps, and
        # a break in a later step loses what the earlier ones had unpacked.
        try:
            data = self._gzip.read1(len(buffer))
        except EOFError:
            self.fault = TRUNCATED
            return 0
        except (gzip.BadGzipFile, zlib.error) as error:
            self.fault = f"corrupt gzip stream: {error}"
            return 0
        buffer[: len(data)] = data
        return len(data)


def open_gzip(stream: BinaryIO) -> tuple[BinaryIO, Callable[[], str | None]]:
    """The unpacked content of ``stream``, and a function telling why it ended early, if it did.

    A stream cut short or damaged reads as if it simply ended there; the function then gives
    the reason, and the format's reader rejects the rest after keeping what came before.
    """
    raw = _GzipReader(stream)
    return io.BufferedReader(raw), lambda: raw.fault  # type: ignore[return-value]
