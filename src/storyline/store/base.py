"""The storage interface every backend implements.

Kept deliberately small (datasketch's storage layer is the model): the pipeline only needs to
know whether an input was seen, to write one article with its input atomically, to record
rejections and duplicate links, and to read articles back.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from storyline.model import Article, DuplicateLink

InputStatus = Literal["article", "rejected"]


@dataclass(frozen=True)
class InputRecord:
    """What became of one input: the article it produced, or why it was rejected.

    Keyed by ``(source_id, raw_sha256)``: the same input with the same bytes is not read again
    on a re-run; the same ``source_id`` with new bytes (an updated page) is a new input.
    """

    source_id: str
    origin: str
    raw_sha256: str
    status: InputStatus
    article_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class StoredAnnotation:
    """One stage's result for one article, as JSON, with what it was computed from."""

    article_id: str
    layer: str
    version: str
    depends_on: str
    data: str


@dataclass(frozen=True)
class StoryRecord:
    """One story as the web app lists it; ``brief`` is its ``brief.json`` document as JSON text,
    ``None`` while it has to be (re)built. ``activity`` orders the list: the arrival number of
    the story's latest article."""

    id: str
    label: str
    first_published: str | None
    last_published: str | None
    articles: int
    independent_sources: int | None
    activity: int
    brief: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """An article matching a full-text query; ``snippet`` marks the matched words with
    ``SNIPPET_OPEN`` and ``SNIPPET_CLOSE`` (control characters, never in clean text)."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    story_id: str | None


SNIPPET_OPEN = "\x02"
SNIPPET_CLOSE = "\x03"


class Store(ABC):
    """Abstract store. Every write method is atomic: it either happens whole or not at all."""

    @abstractmethod
    def find_input(self, source_id: str, raw_sha256: str) -> InputRecord | None:
        """The recorded outcome of this exact input, if it was processed before."""

    @abstractmethod
    def put_article(self, article: Article, record: InputRecord) -> bool:
        """Store an article and the input that produced it in one transaction.

        Idempotent: an article whose id is already stored is not duplicated. When two inputs
        carry the same text, the one with the smaller ``source_id`` provides the stored
        metadata, so the result does not depend on input order. Returns True when the article
        id was new to the store.
        """

    @abstractmethod
    def put_rejection(self, record: InputRecord) -> None:
        """Record an input that could not become an article, with its reason."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def iter_articles(self, article_ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles in id order; all of them, or just the ones asked for."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def inputs_for_articles(self, article_ids: Iterable[str]) -> list[InputRecord]:
        """Every input recorded for these articles, ordered by (article_id, source_id)."""

    @abstractmethod
    def rejections(self) -> list[InputRecord]:
        """Every rejected input, ordered by (origin, source_id)."""

    @abstractmethod
    def put_signature(self, article_id: str, signature: bytes, params: str) -> None:
        """Keep an article's MinHash signature, made with ``params``, for later runs."""

    @abstractmethod
    def get_signatures(self, article_ids: Iterable[str], params: str) -> dict[str, bytes]:
        """Stored signatures of these articles that were made with exactly ``params``."""

    @abstractmethod
    def replace_duplicate_links(
        self, article_ids: Iterable[str], links: Iterable[DuplicateLink]
    ) -> None:
        """Replace the near-duplicate links among these articles by ``links``, atomically."""

    @abstractmethod
    def duplicate_links(self, article_ids: Iterable[str]) -> list[DuplicateLink]:
        """Links whose both ends are among these articles, in a stable order."""

    @abstractmethod
    def put_annotation(self, annotation: StoredAnnotation) -> None:
        """Store (or replace) one layer's annotation of one article."""

    @abstractmethod
    def get_annotations(
        self, layer: str, article_ids: Iterable[str]
    ) -> dict[str, StoredAnnotation]:
        """The stored annotations of ``layer`` for these articles, by article id."""

    # -- stories and search (what `storyline serve` reads) ----------------------------------

    @abstractmethod
    def search_articles(
        self, words: Sequence[str], limit: int, offset: int = 0
    ) -> tuple[int, list[SearchHit]]:
        """Articles containing every word (full-text, case and accent insensitive), best match
        first: (how many match in all, the hits from ``offset``)."""

    @abstractmethod
    def put_story(
        self, story: StoryRecord, article_ids: Sequence[str], folded: Sequence[str] = ()
    ) -> None:
        """Record a story and its members at once: members new to stories get the next arrival
        numbers in the order given, members of ``folded`` stories move to it, and the folded
        stories' rows are removed. The story's ``activity`` is set by the store (its latest
        member's arrival number); the record's own is ignored."""

    @abstractmethod
    def place_articles(self, placements: Sequence[tuple[str, str]]) -> None:
        """Record (article id, story id) pairs at once, in the order given: an article new to
        stories gets the next arrival number (the order the story index saw it in, which its
        replay at the next start follows); one already placed only changes story."""

    @abstractmethod
    def story_members(self, story_id: str) -> list[str]:
        """The story's article ids in arrival order."""

    @abstractmethod
    def story_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each of these articles that is in one."""

    @abstractmethod
    def iter_memberships(self) -> Iterator[tuple[str, str]]:
        """(article id, story id) of every placed article, in arrival order."""

    @abstractmethod
    def unplaced_articles(self) -> list[str]:
        """Ids of stored articles that are in no story, in id order."""

    @abstractmethod
    def get_story(self, story_id: str) -> StoryRecord | None: ...

    @abstractmethod
    def list_stories(self, limit: int, offset: int = 0) -> tuple[int, list[StoryRecord]]:
        """(how many stories in all, the stories from ``offset``), newest activity first; the
        records carry no brief."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
