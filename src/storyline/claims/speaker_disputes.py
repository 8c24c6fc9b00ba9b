"""The same quotation put in two different named people's mouths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from storyline.claims.records import Contradiction, ContradictionSide
from storyline.claims.sides import article_name, by_position, contradiction_id
from storyline.claims.views import FrameView
from storyline.language.quotes import Quote
from storyline.model import Article

QUOTE_SIMILARITY = 92  # rapidfuzz ratio for "the same quotation"
QUOTE_MIN_WORDS = 6


def speaker_contradictions(
    story_id: str,
    quotes: Sequence[tuple[FrameView | None, Quote, str | None, str]],
    articles: Mapping[str, Article],
) -> list[Contradiction]:
    """``quotes``: (a view for origin, the ``Quote``, its speaker's entity id, entity name)."""
    found: list[Contradiction] = []
    for (vx, qx, ex, nx), (vy, qy, ey, ny) in combinations(quotes, 2):
        if qx.article_id == qy.article_id or not ex or not ey or ex == ey:
            continue
        if len(qx.text.split()) < QUOTE_MIN_WORDS:
            continue
        if fuzz.ratio(qx.text.lower(), qy.text.lower()) < QUOTE_SIMILARITY:
            continue
        sides = []
        for view, quote, name in ((vx, qx, nx), (vy, qy, ny)):
            speaker = quote.speaker
            sides.append(
                ContradictionSide(
                    article_id=quote.article_id,
                    start=speaker.start,
                    end=speaker.end,
                    text=speaker.text,
                    sentence_start=quote.start,
                    sentence_end=quote.end,
                    origin=view.origin if view is not None else quote.article_id,
                    value=name,
                )
            )
        found.append(
            Contradiction(
                id=contradiction_id(story_id, "speaker", sides[0], sides[1]),
                story_id=story_id,
                kind="speaker",
                subject="who said it",
                a=sides[0],
                b=sides[1],
                reason=(
                    f"the same words are quoted from {nx} in "
                    f"{article_name(articles, sides[0].article_id)} and from {ny} in "
                    f"{article_name(articles, sides[1].article_id)}"
                ),
            )
        )
    return sorted(found, key=by_position)
