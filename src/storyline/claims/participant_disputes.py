"""Who did it, and where: one act reported with a different named agent or a different place.

Two frames of two articles are one act when they have the same predicate class (not a verb
of speech, and not a general one such as "be" or "have"), their own dates fall on the same
day, and they share named participants that are not the story's setting (``matching``'s
common entities):

- **agent**: the same named patient or recipient ("… arrested Jon Vick on Monday"), with two
  different named agents that never appear together in either article's sentence (so "police
  and soldiers arrested him" is not a dispute between police and soldiers);
- **place**: the same named agent *and* patient ("Holt met Ruiz on March 3 in Varna" /
  "… in Tesk"), with place arguments naming different places, neither of which the other
  article mentions anywhere: an article that also names the other place may be placing the
  act in a region and its city ("in Baghdad" / "in Iraq"), which is no dispute.

Both are deliberately narrow: most reports of one event name different people and places for
good reasons, so these checks would rather miss a dispute than invent one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from storyline.claims.matching import GENERAL
from storyline.claims.records import Contradiction, ContradictionKind
from storyline.claims.sides import article_name, by_position, contradiction_id, event_day, side
from storyline.claims.values import times_agree
from storyline.claims.views import FrameView
from storyline.language.frames import Role
from storyline.model import Article

_EMPTY: frozenset[str] = frozenset()


def participant_contradictions(
    story_id: str,
    views: Sequence[FrameView],
    articles: Mapping[str, Article],
    common: frozenset[str],
) -> list[Contradiction]:
    named: dict[str, set[str]] = {}
    for view in views:
        named.setdefault(view.article_id, set()).update(view.sentence_entities)
    acts = [
        (view, day)
        for view in views
        if not view.frame.reporting
        and view.predicate_class not in GENERAL
        and (day := event_day(view)) is not None
    ]
    found: list[Contradiction] = []
    for (x, tx), (y, ty) in combinations(acts, 2):
        if x.article_id == y.article_id or x.predicate_class != y.predicate_class:
            continue
        if times_agree(tx, ty) is not True:
            continue
        targets = (_ids(x, "patient", "recipient") & _ids(y, "patient", "recipient")) - common
        if not targets:
            continue
        agents_x, agents_y = _ids(x, "agent"), _ids(y, "agent")
        if (
            agents_x
            and agents_y
            and not agents_x & agents_y
            and not agents_x & y.sentence_entities
            and not agents_y & x.sentence_entities
        ):
            found.append(_dispute(story_id, "agent", "who did it", x, y, articles))
            continue
        places_x, places_y = _ids(x, "place"), _ids(y, "place")
        if (
            (agents_x & agents_y) - common
            and places_x
            and places_y
            and not places_x & places_y
            and not places_x & named[y.article_id]
            and not places_y & named[x.article_id]
        ):
            found.append(_dispute(story_id, "place", "where it happened", x, y, articles))
    return sorted(found, key=by_position)


def _ids(view: FrameView, *roles: str) -> frozenset[str]:
    found: frozenset[str] = _EMPTY
    for role in roles:
        found |= view.entities.get(role, _EMPTY)
    return found


def _dispute(
    story_id: str,
    kind: ContradictionKind,
    subject: str,
    x: FrameView,
    y: FrameView,
    articles: Mapping[str, Article],
) -> Contradiction:
    role: Role = "agent" if kind == "agent" else "place"
    arg_x, arg_y = x.frame.argument(role), y.frame.argument(role)
    assert arg_x is not None and arg_y is not None  # both carry entities in that role
    side_a = side(x, arg_x.start, arg_x.end, articles, arg_x.text)
    side_b = side(y, arg_y.start, arg_y.end, articles, arg_y.text)
    return Contradiction(
        id=contradiction_id(story_id, kind, side_a, side_b),
        story_id=story_id,
        kind=kind,
        subject=f"{subject}: {x.frame.predicate}",
        a=side_a,
        b=side_b,
        reason=(
            f"{article_name(articles, x.article_id)} says {arg_x.text!r}, "
            f"{article_name(articles, y.article_id)} says {arg_y.text!r}, for the same act on "
            f"the same day: {x.text.strip()!r} / {y.text.strip()!r}"
        ),
    )
