"""Ingestion: inputs → readers → extraction → ``Article`` records in the store.

One input at a time, each written in its own transaction, so a run that is killed loses at
most the article in flight; a re-run skips every input whose exact bytes were already
processed (keyed by ``source_id`` and the SHA-256 of the raw bytes) and finishes the job.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.language_id import detect_language
from storyline.ingest.readers import DEFAULT_MAX_BYTES, read_inputs
from storyline.model import Article, Extraction, RawDocument, Rejection
from storyline.store import InputRecord, Store
from storyline.textnorm import content_id, one_line, word_count

STAGE_VERSION = "ingest-1"

Progress = Callable[[Iterable[RawDocument | Rejection]], Iterator[RawDocument | Rejection]]


@dataclass
class IngestReport:
    """What one run did: every input in the order read, and what became of it."""

    inputs: list[InputRecord] = field(default_factory=list)
    new_articles: int = 0
    skipped_unchanged: int = 0

    @property
    def article_ids(self) -> list[str]:
        return sorted({r.article_id for r in self.inputs if r.article_id is not None})

    @property
    def rejected(self) -> list[InputRecord]:
        return [record for record in self.inputs if record.status == "rejected"]


def extract(document: RawDocument) -> Extraction:
    """Dispatch a raw document to the extractor of its kind."""
    if document.kind == "html":
        from storyline.ingest.html import extract_html

        return extract_html(document)
    from storyline.ingest.plain import extract_plain_text

    return extract_plain_text(document)


def build_article(document: RawDocument, extraction: Extraction) -> Article:
    return Article(
        id=content_id(extraction.text),
        source_id=document.source_id,
        origin=document.origin,
        input_format=document.input_format,
        text=extraction.text,
        title=extraction.title,
        outlet=extraction.outlet,
        outlet_source=extraction.outlet_source,
        byline=extraction.byline,
        published=extraction.published,
        language=detect_language(extraction.text),
        word_count=word_count(extraction.text),
        url=extraction.url or document.url,
        wire_credit=extraction.wire_credit,
        removed=extraction.removed,
        stage_versions={"ingest": STAGE_VERSION},
    )


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    jobs: int | None = 1,
) -> IngestReport:
    """Read, extract and store every input; bad inputs are recorded and skipped, never raised.

    With ``jobs > 1`` extraction runs in that many worker processes while this process reads
    inputs and writes the store; results are stored in input order either way, so the store
    and the brief are the same whatever ``jobs`` is. ``jobs=None`` decides by itself: one
    process for a handful of inputs (starting workers costs more than it saves), all cores
    once there are more than ``SERIAL_HEAD`` documents to extract.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1 (or None for automatic), got {jobs}")
    report = IngestReport()
    items: Iterable[RawDocument | Rejection] = read_inputs(inputs, max_bytes=max_bytes, stdin=stdin)
    if progress is not None:
        items = progress(items)
    pending = _new_work(items, store, report)
    if jobs is None:
        outcomes = _prepare_automatically(pending)
    elif jobs == 1:
        outcomes = _prepare_serially(pending)
    else:
        outcomes = _prepare_in_pool(pending, jobs)
    for item, fingerprint, outcome in outcomes:
        report.inputs.append(_store_outcome(item, fingerprint, outcome, store, report))
    return report


# What one input comes to before it is stored: an article, or the rejection with its reason.
Outcome = Article | Rejection
_Work = tuple[RawDocument | Rejection, str, Outcome | None]


def _new_work(
    items: Iterable[RawDocument | Rejection], store: Store, report: IngestReport
) -> Iterator[_Work]:
    """Inputs still to process, with their fingerprints; inputs already stored are reported as
    they were and not read again."""
    for item in items:
        if isinstance(item, Rejection):
            yield item, _fingerprint_of_reason(item), item
            continue
        fingerprint = item.raw_sha256 or hashlib.sha256(item.content.encode()).hexdigest()
        known = store.find_input(item.source_id, fingerprint)
        if known is not None:
            report.skipped_unchanged += 1
            report.inputs.append(known)
            continue
        yield item, fingerprint, None


def prepare(document: RawDocument) -> Outcome:
    """Extract one document into an article, or say why it cannot be one. Never raises."""
    try:
        return build_article(document, extract(document))
    except InputError as error:
        return Rejection(document.source_id, document.origin, str(error))
    except Exception as error:
        # The per-input boundary: a bug or a pathological document in one input must not end
        # the run. The reason names the exception so that it can be reported and fixed.
        reason = f"unexpected error while extracting: {type(error).__name__}: {error}"
        return Rejection(document.source_id, document.origin, one_line(reason))


def _prepare_serially(pending: Iterable[_Work]) -> Iterator[_Work]:
    for item, fingerprint, outcome in pending:
        if outcome is None:
            assert isinstance(item, RawDocument)
            outcome = prepare(item)
        yield item, fingerprint, outcome


# Up to this many documents are extracted in this process before workers are started: starting
# two workers costs about 0.3 s here (each imports trafilatura), 10 to 15 documents' worth.
SERIAL_HEAD = 16


def _prepare_automatically(pending: Iterable[_Work]) -> Iterator[_Work]:
    remaining = iter(pending)
    head = list(islice(remaining, SERIAL_HEAD + 1))
    cores = os.cpu_count() or 1
    if len(head) <= SERIAL_HEAD or cores == 1:
        yield from _prepare_serially(chain(head, remaining))
        return
    yield from _prepare_in_pool(chain(head, remaining), cores)


def _prepare_in_pool(pending: Iterable[_Work], jobs: int) -> Iterator[_Work]:
    """Like ``_prepare_serially`` but in worker processes, keeping input order.

    At most ``jobs * _WINDOW_PER_JOB`` documents are in flight, so memory stays bounded on a
    crawl of any size (``Executor.map`` would read every input up front).
    """
    window: deque[tuple[RawDocument | Rejection, str, Future[Outcome] | Outcome]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for item, fingerprint, outcome in pending:
            if outcome is None:
                assert isinstance(item, RawDocument)
                window.append((item, fingerprint, pool.submit(prepare, item)))
            else:
                window.append((item, fingerprint, outcome))
            while len(window) > jobs * _WINDOW_PER_JOB:
                yield _settled(window.popleft())
        while window:
            yield _settled(window.popleft())


_WINDOW_PER_JOB = 8


def _settled(entry: tuple[RawDocument | Rejection, str, Future[Outcome] | Outcome]) -> _Work:
    item, fingerprint, outcome = entry
    if isinstance(outcome, Future):
        try:
            outcome = outcome.result()
        except Exception as error:  # a worker died (e.g. killed for memory): reject, go on
            reason = f"extraction worker failed: {type(error).__name__}: {error}"
            outcome = Rejection(item.source_id, item.origin, one_line(reason))
    return item, fingerprint, outcome


def _store_outcome(
    item: RawDocument | Rejection,
    fingerprint: str,
    outcome: Outcome,
    store: Store,
    report: IngestReport,
) -> InputRecord:
    if isinstance(outcome, Rejection):
        record = _rejection_record(outcome, fingerprint)
        store.put_rejection(record)
        return record
    record = InputRecord(
        source_id=item.source_id,
        origin=item.origin,
        raw_sha256=fingerprint,
        status="article",
        article_id=outcome.id,
    )
    if store.put_article(outcome, record):
        report.new_articles += 1
    return record


def _rejection_record(rejection: Rejection, fingerprint: str) -> InputRecord:
    return InputRecord(
        source_id=rejection.source_id,
        origin=rejection.origin,
        raw_sha256=fingerprint,
        status="rejected",
        reason=rejection.reason,
    )


def _fingerprint_of_reason(rejection: Rejection) -> str:
    # A reader rejection has no trustworthy bytes to hash (the file may be unreadable); key it
    # by its reason so that re-runs overwrite rather than pile up the same rejection.
    return "rejected:" + hashlib.sha256(rejection.reason.encode()).hexdigest()
