"""Extraction of a plain-text input: the cleaned article body plus its metadata.

Metadata given by the input itself (a JSON Lines record's ``title``, ``outlet``, ``byline``,
``published``, ``url``) wins over what the text says: the input's producer knew the page, the
text only shows what a scraper kept of it. What the input leaves out is taken from the text
(``storyline.ingest.text_metadata``).
"""

from __future__ import annotations

from collections import Counter

from storyline.errors import ExtractionError
from storyline.ingest.dates import parse_explicit_date
from storyline.ingest.furniture import CleanedText, clean_scraped_text
from storyline.ingest.text_metadata import find_text_metadata
from storyline.model import Extraction, PublicationDate, RawDocument


def extract_plain_text(doc: RawDocument) -> Extraction:
    """The article body and metadata of a plain-text document.

    Raises ``ExtractionError`` (one-line reason) when no article text is left.
    """
    if doc.kind != "text":
        raise ValueError(f"extract_plain_text reads kind 'text', got {doc.kind!r}")
    cleaned = clean_scraped_text(doc.content)
    if not cleaned.text.strip():
        raise ExtractionError(_empty_reason(cleaned))
    found = find_text_metadata(cleaned, url=doc.url)
    outlet, outlet_source = found.outlet, found.outlet_source
    if _given(doc.outlet):
        outlet, outlet_source = _given(doc.outlet), "input-metadata"
    return Extraction(
        text=cleaned.text,
        removed=cleaned.removed,
        title=_given(doc.title) or found.title,
        byline=_given(doc.byline) or found.byline,
        outlet=outlet,
        outlet_source=outlet_source,
        published=_input_date(doc.published) or found.published,
        url=_given(doc.url),
        wire_credit=found.wire_credit,
    )


def _given(value: str | None) -> str | None:
    """An input field as given, or None when it is missing or blank."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _input_date(value: str | None) -> PublicationDate | None:
    """The input's own publication date; None when absent or not an explicit date, so that
    the text's dateline is used instead."""
    given = _given(value)
    if given is None:
        return None
    parsed = parse_explicit_date(given)
    if parsed is None:
        return None
    return PublicationDate(value=parsed, source="input-metadata", evidence=given)


def _empty_reason(cleaned: CleanedText) -> str:
    if not cleaned.removed:
        return "no article text: the input is blank"
    reasons = Counter(removed.reason for removed in cleaned.removed)
    listed = ", ".join(f"{reason} x{count}" for reason, count in sorted(reasons.items()))
    return f"no article text left after removing site furniture ({listed})"
