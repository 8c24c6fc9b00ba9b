"""What every contradiction check shares: ids, the two sides, how an article is named, the
clauses that state nothing comparable, and the date of a frame's event."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from storyline.claims.records import Contradiction, ContradictionSide
from storyline.claims.values import day_precise
from storyline.claims.views import FrameView
from storyline.language.timex import TimeExpression
from storyline.model import Article

#: Clauses under these modalities state no present fact to compare.
UNCOMPARABLE = frozenset({"planned", "future", "conditional", "question", "hedged"})


def contradiction_id(story_id: str, kind: str, a: ContradictionSide, b: ContradictionSide) -> str:
    key = f"{story_id}|{kind}|{a.article_id}:{a.start}|{b.article_id}:{b.start}"
    return "contradiction-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def side(
    view: FrameView, start: int, end: int, articles: Mapping[str, Article], value: str
) -> ContradictionSide:
    frame = view.frame
    return ContradictionSide(
        article_id=frame.article_id,
        start=start,
        end=end,
        text=articles[frame.article_id].text[start:end],
        sentence_start=frame.sentence_start,
        sentence_end=frame.sentence_end,
        origin=view.origin,
        value=value,
    )


def article_name(articles: Mapping[str, Article], article_id: str) -> str:
    """How a reason names an article: its outlet, else its title, else its input's name."""
    article = articles[article_id]
    if article.outlet:
        return article.outlet
    return f"“{article.title}”" if article.title else article.source_id or article_id


def by_position(contradiction: Contradiction) -> tuple[str, int, str, int]:
    return (
        contradiction.a.article_id,
        contradiction.a.start,
        contradiction.b.article_id,
        contradiction.b.start,
    )


def own_time(view: FrameView) -> TimeExpression | None:
    """The time of the frame's event; a date inherited through a verb of speech ("officials
    said on Tuesday that …") dates the telling, so it is not one."""
    frame = view.frame
    if frame.time_from_speech:
        return None
    for time in frame.times:
        if time.type in ("DATE", "TIME") and time.begin is not None:
            return time
    return None


def event_day(view: FrameView) -> TimeExpression | None:
    """The day-precise date of a frame's event, when it states a fact (not a plan, a hedge, a
    question or a negation). A date inherited from a verb of speech is when it was said, not
    when it happened, so it does not count."""
    frame = view.frame
    if frame.modality in UNCOMPARABLE or frame.negated or frame.time_from_speech:
        return None
    for time in frame.times:
        if time.type in ("DATE", "TIME") and day_precise(time):
            return time
    return None
