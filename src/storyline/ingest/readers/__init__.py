"""Readers: every input format turned into ``RawDocument`` records, bad input into ``Rejection``.

Public API::

    read_inputs(inputs, *, max_bytes=DEFAULT_MAX_BYTES, stdin=None, stats=None)
        -> Iterator[RawDocument | Rejection]

``inputs`` are file paths, folder paths (walked recursively in sorted order, hidden names
skipped) or ``-`` for stdin. The order of the results is the order of ``inputs``, then sorted
paths inside folders, then the order of records inside a container: the same inputs always
give the same sequence.

Formats are sniffed from content first and the file name second (``_sniff``): plain text,
HTML, JSON Lines, WARC, RSS/Atom feeds, and a gzip of any of them. Readers only read, decode,
split containers and carry the metadata the input states; the article body is found later,
by extraction, so HTML stays HTML.

``source_id``
    a file given directly: its base name (``a.html`` for ``../x/a.html``). The path as typed
    would change with the working directory, and re-runs that skip unchanged inputs key on
    ``source_id``; the base name stays the same. The full path is in ``origin``.
    a file found in a folder: its path relative to that folder, with ``/`` (``2020/a.html``).
    stdin: ``-``.
    a JSON Lines record: its ``id``, else ``<file source_id>#L<line>``.
    a WARC record: its ``WARC-Target-URI``, else its ``WARC-Record-ID``.
    a feed entry: its id, else its link, else ``<file source_id>#<entry number>``.

``origin`` points a person at the input: ``corpus/a.jsonl:3``, ``crawl.warc.gz#record 17``,
``feeds/world.xml#entry 2``, or the path as given.

Bad input never raises: each problem is a ``Rejection`` with a one-line reason (``empty file``,
``binary file (looks like PNG image)``, ``file is 25.3 MB, above the 20 MB limit
(--max-bytes)``, ``truncated gzip stream`` …) and reading goes on with the next input, or the
next record of a container. Records skipped on purpose (images in a crawl, request records)
are not rejections; they are counted in ``ReadStats`` when one is passed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from storyline.ingest.readers._dispatch import read_file, read_stdin
from storyline.ingest.readers._source import ReadStats, Source
from storyline.ingest.readers._walk import FileInput, StdinInput, expand
from storyline.model import RawDocument, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "ReadStats", "read_inputs"]

#: Largest input read into memory at once: a whole text, HTML or feed file, one JSON line, one
#: WARC record, or the decompressed inside of a ``.gz``. A saved news page, even with inline
#: images and megabytes of script, is a few MB; 20 MB is several times the largest seen, still
#: small enough to hold a few in memory at once, and anything larger is almost never one article
#: (a dump, a video, a mis-saved archive). JSON Lines and WARC files are streamed, so the cap
#: applies to each of their records, not to the whole file.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_inputs(
    inputs: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    stats: ReadStats | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Every document in ``inputs``, and a ``Rejection`` for every input that is not one."""
    if isinstance(inputs, str):
        raise TypeError("inputs must be a sequence of paths, not a single string")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    counts = stats if stats is not None else ReadStats()
    return _read(list(inputs), max_bytes, stdin, counts)


def _read(
    inputs: list[str], max_bytes: int, stdin: BinaryIO | None, stats: ReadStats
) -> Iterator[RawDocument | Rejection]:
    for item in expand(inputs):
        if isinstance(item, Rejection):
            yield item
        elif isinstance(item, StdinInput):
            source = Source(item.source_id, item.origin, "", None, max_bytes, stats)
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, source)
        elif isinstance(item, FileInput):
            name = os.path.basename(item.path)
            source = Source(item.source_id, item.origin, name, None, max_bytes, stats)
            yield from read_file(item.path, source)
