"""Typed records that cross stage boundaries.

Every stage is a plain function from records to new records; the store persists them.
Records are frozen dataclasses so that a stage cannot change what an earlier stage produced.

The flow in this module's terms::

    reader ──▶ RawDocument | Rejection
    extract ──▶ Extraction            (clean text, removed boilerplate, metadata found)
    ingest  ──▶ Article               (content id, resolved metadata, language, word count)
    dedup   ──▶ DuplicateLink         (exact or near twin)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from storyline.records import from_dict, to_dict

InputKind = Literal["text", "html"]

#: Where a publication date came from, strongest evidence first.
DateSource = Literal[
    # given by the input itself: JSON Lines `published`, a feed entry's date. (A WARC-Date is
    # when the page was crawled, not published, so it is not used.)
    "input-metadata",
    "html-metadata",  # the page's own markup (meta tags, JSON-LD, <time>), found by htmldate
    "dateline",  # an explicit dateline in the text ("Mon 28 Sep 2020 | 11:15 AM")
    "url",  # a date in the article's URL path (/2020/09/28/)
    "unknown",  # nothing trustworthy: never guessed from an event date inside the story
]


@dataclass(frozen=True)
class RawDocument:
    """One article-sized input as a reader found it, before extraction.

    ``source_id`` is the input's own id: the JSON Lines ``id``, a feed entry's id or link, a
    WARC record's target URI, or the file's path relative to the folder given on the command line.
    ``origin`` names the file (or ``-`` for stdin) and, for containers, the position inside it,
    so that error messages point at the exact input.
    """

    source_id: str
    origin: str
    kind: InputKind
    content: str
    input_format: str  # "text", "html", "jsonl", "warc", "feed"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # as the input gives it; parsed later
    raw_sha256: str | None = (
        None  # fingerprint of the raw bytes, to skip unchanged inputs on re-runs
    )


@dataclass(frozen=True)
class Rejection:
    """An input that could not be turned into an article, with a one-line reason."""

    source_id: str
    origin: str
    reason: str

    def message(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class RemovedText:
    """A piece of the raw input that cleaning removed as site furniture, and why."""

    text: str
    reason: str  # short label: "repeated title", "caption", "share prompt", "read-more link", …
    line: int | None = None  # 1-based line in the raw text, when the input was plain text


@dataclass(frozen=True)
class PublicationDate:
    """A publication date with where it came from.

    ``value`` is ISO 8601: a date (``2020-09-28``) or a date-time with offset when the source
    gives the time (``2020-09-28T11:15:00``). ``evidence`` is the text the value was read from.
    """

    value: str | None
    source: DateSource = "unknown"
    evidence: str | None = None


UNKNOWN_DATE = PublicationDate(value=None, source="unknown", evidence=None)


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one raw document: the article body and its metadata."""

    text: str
    removed: tuple[RemovedText, ...] = ()
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # "input-metadata", "html-metadata", "text", "url"
    published: PublicationDate = UNKNOWN_DATE
    url: str | None = None
    # The news agency the text credits ("Source: …, Reuters", "(AFP) -"): evidence for
    # provenance, not the outlet that published this copy.
    wire_credit: str | None = None


@dataclass(frozen=True)
class Article:
    """An ingested article. ``id`` is derived from the normalised clean text (see ``ids``)."""

    id: str
    source_id: str
    origin: str
    input_format: str
    text: str
    title: str | None
    outlet: str | None
    outlet_source: str | None
    byline: str | None
    published: PublicationDate
    language: str | None
    word_count: int
    url: str | None = None
    wire_credit: str | None = None
    removed: tuple[RemovedText, ...] = ()
    stage_versions: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class DuplicateLink:
    """``article_id`` duplicates ``twin_id`` (``twin_id`` is the one kept as the canonical).

    ``kind`` is ``exact`` when the normalised texts are identical (both inputs map to one stored
    article) and ``near`` when MinHash LSH found them similar and the exact Jaccard similarity of
    their shingles reached the threshold.
    """

    article_id: str
    twin_id: str
    kind: Literal["exact", "near"]
    similarity: float


def article_from_dict(data: dict[str, Any]) -> Article:
    return from_dict(Article, data)
