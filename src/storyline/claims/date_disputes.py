"""Dates that disagree: one claim (``matching``) whose statements date the same act by the
same participants to days that do not meet ("September 20" / "September 21"). "Monday"
resolved to September 28 meets "September 28"; "in September" meets both; a clause marked as a
further occurrence ("warned again on …") is left out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from storyline.claims.records import Contradiction
from storyline.claims.sides import article_name, by_position, contradiction_id, event_day, side
from storyline.claims.values import times_agree
from storyline.claims.views import FrameView
from storyline.model import Article

#: Words that announce a second, separate occurrence ("warned again on …").
_REPEATS = frozenset({"again", "second", "another", "also", "latest", "new", "fresh", "earlier"})


def date_contradictions(
    story_id: str, claims: Sequence[Sequence[FrameView]], articles: Mapping[str, Article]
) -> list[Contradiction]:
    found: list[Contradiction] = []
    for group in claims:
        dated = [
            (view, time)
            for view in group
            if (time := event_day(view)) is not None and not (view.words & _REPEATS)
        ]
        for (x, tx), (y, ty) in combinations(dated, 2):
            if x.article_id == y.article_id or times_agree(tx, ty) is not False:
                continue
            if not _same_participants(x, y):
                continue
            side_a = side(x, tx.start, tx.end, articles, tx.value or tx.text)
            side_b = side(y, ty.start, ty.end, articles, ty.value or ty.text)
            what = f"date of: {x.frame.predicate}"
            found.append(
                Contradiction(
                    id=contradiction_id(story_id, "date", side_a, side_b),
                    story_id=story_id,
                    kind="date",
                    subject=what,
                    a=side_a,
                    b=side_b,
                    reason=(
                        f"{article_name(articles, x.article_id)} dates it {tx.text!r} "
                        f"({tx.value}), {article_name(articles, y.article_id)} {ty.text!r} "
                        f"({ty.value}): {x.text.strip()!r} / {y.text.strip()!r}"
                    ),
                )
            )
    return sorted(found, key=by_position)


def _same_participants(x: FrameView, y: FrameView) -> bool:
    """The agent and one other participant resolve to the same entities on both sides."""
    agents = x.entities.get("agent", frozenset()) & y.entities.get("agent", frozenset())
    if not agents:
        return False
    for role in ("patient", "recipient"):
        for other in ("patient", "recipient"):
            if x.entities.get(role, frozenset()) & y.entities.get(other, frozenset()):
                return True
    return False
