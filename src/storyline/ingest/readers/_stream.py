"""Byte streams: reading a head for sniffing without losing it, and reading under a cap."""

from __future__ import annotations

import io
from typing import BinaryIO

#: How much of an input is looked at to decide its format. Enough for an HTML head with its
#: meta charset, a feed's root element, or the first JSON line of an ordinary article.
HEAD_BYTES = 64 * 1024


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes; loops because pipes and decompressors return short reads."""
    parts: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        parts.append(chunk)
        wanted -= len(chunk)
    return b"".join(parts)


def read_bounded(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """All of the stream, or ``None`` as soon as it proves longer than ``max_bytes``.

    Never holds more than ``max_bytes + 1`` bytes, which is what makes a gzip bomb or an endless
    pipe harmless.
    """
    data = read_up_to(stream, max_bytes + 1)
    return None if len(data) > max_bytes else data


class _Prefixed(io.RawIOBase):
    """``prefix`` followed by the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._offset = 0
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._offset < len(self._prefix):
            count = min(len(buffer), len(self._prefix) - self._offset)
            buffer[:count] = self._prefix[self._offset : self._offset + count]
            self._offset += count
            return count
        chunk = self._stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def prefixed(prefix: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream (with ``readline``) that replays the sniffed head before the rest."""
    return io.BufferedReader(_Prefixed(prefix, stream), buffer_size=HEAD_BYTES)  # type: ignore[return-value]
