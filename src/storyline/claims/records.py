"""The claims stage's records: claims with their support, contradictions, the timeline.

Every record points back into articles by ``(article_id, start, end)`` offsets into the clean
text, like every other stage's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ContradictionKind = Literal["count", "date", "agent", "place", "speaker"]


@dataclass(frozen=True)
class Statement:
    """One article's statement of a claim: the clause that states it and how it is put."""

    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str  # the clause
    origin: str  # the article or "agency:X" that first wrote it (from provenance)
    attribution: str  # "article", or "quote", "according-to"
    speaker: str | None  # who the article says is speaking, as written
    modality: str  # asserted, hedged, planned, future, conditional, question
    negated: bool
    hedges: tuple[str, ...]  # hedge words found in the clause ("reportedly", "could")
    time_inherited: bool = False


@dataclass(frozen=True)
class Claim:
    """One claim, as stated by one or more articles.

    ``sources`` are the distinct origins of the statements: five reprints of one wire story are
    one source. ``statement_by`` names the speaker when every statement quotes one speaker: one
    statement reported by several outlets (shared quoting), which ``sources`` still counts by
    outlet origin.
    """

    id: str
    predicate: str
    who: tuple[str, ...]  # the agent as written, one per distinct wording
    whom: tuple[str, ...]
    where: tuple[str, ...]
    entity_ids: tuple[str, ...]  # resolved entities in the claim's arguments
    date: str | None  # the most precise resolved date of its statements (TimeML value)
    date_granularity: str | None
    values: tuple[str, ...]  # the figures stated, as written
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]
    statement_by: str | None = None
    speech: bool = False  # every statement is a verb of speech ("said", "told"): who said what

    @property
    def independent_sources(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class ContradictionSide:
    article_id: str
    start: int  # the value's span ("five children and two women", "September 20")
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    origin: str
    value: str  # the typed value, normalised for display ("children 5", "2020-09-20")


@dataclass(frozen=True)
class Contradiction:
    """Two reports of one thing that cannot both be true, with a plain-language reason.

    ``in_copying``: one side copied the other's passage and changed the value on the way.
    ``note`` explains what may reconcile them (an announced change between the reference
    times), without withdrawing the flag.
    """

    id: str
    story_id: str
    kind: ContradictionKind
    subject: str  # what the two disagree about: "children killed", "date of: warn"
    a: ContradictionSide
    b: ContradictionSide
    reason: str
    in_copying: bool = False
    note: str | None = None
    # Contradictions about one subject that share a side are one dispute with several values
    # ("around 3,000" / "around 5,000" / "more than 5,000" troops): its id, the first one's.
    dispute: str = ""


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event of the story, merged across the articles that report it."""

    claim_id: str
    date: str  # TimeML value of the most precise report
    begin: str
    end: str
    granularity: str
    text: str  # the sentence of the statement whose date is used
    article_id: str
    start: int
    end_offset: int
    sources: tuple[str, ...]
    articles: tuple[str, ...]
    reported_dates: tuple[str, ...] = ()  # every date the statements give, when they differ


@dataclass(frozen=True)
class StoryClaims:
    story_id: str
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    timeline: tuple[TimelineEvent, ...]
    undated: tuple[str, ...]  # ids of claims with no resolved date (background)
