"""Ingestion: inputs → readers → extraction → ``Article`` records in the store.

One input at a time, each written in its own transaction, so a run that is killed loses at
most the article in flight; a re-run skips every input whose exact bytes were already
processed (keyed by ``source_id`` and the SHA-256 of the raw bytes) and finishes the job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.language_id import detect_language
from storyline.ingest.readers import DEFAULT_MAX_BYTES, read_inputs
from storyline.model import Article, Extraction, RawDocument, Rejection
from storyline.store import InputRecord, Store
from storyline.textnorm import content_id, word_count

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
) -> IngestReport:
    """Read, extract and store every input; bad inputs are recorded and skipped, never raised."""
    report = IngestReport()
    items: Iterable[RawDocument | Rejection] = read_inputs(inputs, max_bytes=max_bytes, stdin=stdin)
    if progress is not None:
        items = progress(items)
    for item in items:
        if isinstance(item, Rejection):
            record = _rejection_record(item, _fingerprint_of_reason(item))
            store.put_rejection(record)
            report.inputs.append(record)
            continue
        report.inputs.append(ingest_document(item, store, report))
    return report


def ingest_document(document: RawDocument, store: Store, report: IngestReport) -> InputRecord:
    fingerprint = document.raw_sha256 or hashlib.sha256(document.content.encode()).hexdigest()
    known = store.find_input(document.source_id, fingerprint)
    if known is not None:
        report.skipped_unchanged += 1
        return known
    try:
        article = build_article(document, extract(document))
    except InputError as error:
        record = _rejection_record(
            Rejection(document.source_id, document.origin, str(error)), fingerprint
        )
        store.put_rejection(record)
        return record
    except (RecursionError, MemoryError, ValueError, TypeError, AttributeError) as error:
        # A bug or a pathological document in one input must not end the run; the reason
        # names the exception so it can be reported and fixed.
        reason = f"unexpected error while extracting: {type(error).__name__}: {error}"
        record = _rejection_record(
            Rejection(document.source_id, document.origin, reason[:300]), fingerprint
        )
        store.put_rejection(record)
        return record
    record = InputRecord(
        source_id=document.source_id,
        origin=document.origin,
        raw_sha256=fingerprint,
        status="article",
        article_id=article.id,
    )
    if store.put_article(article, record):
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
