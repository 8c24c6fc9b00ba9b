"""What every format reader is told about the input it reads, and the counts it keeps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.model import Rejection

_MB = 1024 * 1024


@dataclass
class ReadStats:
    """What the readers skipped on purpose, without a ``Rejection``, counted by kind.

    A crawl holds many images, scripts, requests and redirects for each article; listing each
    one as a rejection would bury the real problems, so they are only counted here.
    """

    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, what: str) -> None:
        self.skipped[what] += 1


@dataclass(frozen=True)
class Source:
    """One input being read: its ids for messages, its size if known, and the limits."""

    source_id: str
    origin: str
    name: str  # file name for extension hints ("" for stdin); ".gz" already removed if unpacked
    size: int | None  # bytes on disk; None for stdin and for decompressed streams
    max_bytes: int
    stats: ReadStats
    decompressed: bool = False  # reading the inside of a .gz
    #: Why the stream ended early, if it did (a cut-off or damaged .gz); asked once it is read.
    stream_fault: Callable[[], str | None] = field(default=lambda: None, compare=False)

    def reject(self, reason: str) -> Rejection:
        return Rejection(self.source_id, self.origin, reason)

    def too_large(self, size: int | None = None, what: str = "file") -> str:
        """The one-line reason for an input above ``max_bytes``."""
        limit = f"the {describe_size(self.max_bytes)} limit (--max-bytes)"
        if size is None:
            return f"{what} is above {limit}"
        return f"{what} is {describe_size(size)}, above {limit}"


def describe_size(size: int) -> str:
    """``25.3 MB``, ``12 KB``, ``900 bytes``: binary units, one decimal, no trailing ``.0``."""
    if size >= _MB:
        return f"{_trim(size / _MB)} MB"
    if size >= 1024:
        return f"{_trim(size / 1024)} KB"
    return f"{size} bytes"


def _trim(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
