"""Value edits made in copying (``stories.edits``): a number or a date the copier changed.

They are contradictions too, marked ``in_copying``, when they pass the count and date tests
(an updated lower bound, "at least 12" → "at least 20", does not); a contradiction found by
those tests that is such an edit is marked rather than listed twice. A changed name is left
alone: it is as often an alias ("ISIS" for "Islamic State") as a different person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.claims.count_disputes import comparable_quantities, count_disagreement, same_occasion
from storyline.claims.records import Contradiction, ContradictionKind, ContradictionSide
from storyline.claims.sides import article_name, contradiction_id, side
from storyline.claims.values import day_precise, times_agree
from storyline.claims.views import FrameView
from storyline.language.quantities import Quantity
from storyline.language.timex import TimeExpression
from storyline.model import Article
from storyline.stories.edits import Edit

#: An aligned sentence pair with this many changed values (a name and a date, say) is a report in
#: the same mould ("Two
#: died in a fire in Dunmore on Tuesday" / "Four died in a fire in Carrick on Thursday"), not
#: a copy with an edit.
MOULD_EDITS = 2

CopyEdit = tuple[str, str, Edit]  # (article a, article b, the edit)


def mark_copy_edits(found: list[Contradiction], edits: Sequence[CopyEdit]) -> list[Contradiction]:
    """The contradictions whose two spans are an edit's two spans, marked ``in_copying``."""
    out = []
    for contradiction in found:
        if any(_is_edit(contradiction, edit) for edit in edits) and not contradiction.in_copying:
            contradiction = replace(
                contradiction,
                in_copying=True,
                reason=contradiction.reason + " (the value was changed in copying)",
            )
        out.append(contradiction)
    return out


def edit_contradictions(
    story_id: str,
    edits: Sequence[CopyEdit],
    views: Sequence[FrameView],
    articles: Mapping[str, Article],
    found: Sequence[Contradiction],
) -> list[Contradiction]:
    """Value edits in copies that the checks above missed, held to the same rules: a number
    edit must change a comparable count of one thing on one occasion beyond its tolerance, a
    date edit must move a day-precise date to a day it cannot meet."""
    per_sentence: dict[tuple[str, str, int, int], int] = defaultdict(int)
    located = []
    for a_id, b_id, edit in edits:
        x, y = _view_at(views, a_id, edit.a_start), _view_at(views, b_id, edit.b_start)
        if x is None or y is None:
            continue
        per_sentence[(a_id, b_id, x.frame.sentence_start, y.frame.sentence_start)] += 1
        located.append((a_id, b_id, edit, x, y))
    out: list[Contradiction] = []
    for a_id, b_id, edit, x, y in located:
        if (
            per_sentence[(a_id, b_id, x.frame.sentence_start, y.frame.sentence_start)]
            >= MOULD_EDITS
        ):
            continue
        if any(_is_edit(c, (a_id, b_id, edit)) for c in (*found, *out)):
            continue
        contradiction = _edit_contradiction(story_id, edit, x, y, articles)
        if contradiction is not None:
            out.append(contradiction)
    return out


def _edit_contradiction(
    story_id: str, edit: Edit, x: FrameView, y: FrameView, articles: Mapping[str, Article]
) -> Contradiction | None:
    if edit.kind == "number":
        a = quantity_at(x, edit.a_start, edit.a_end)
        b = quantity_at(y, edit.b_start, edit.b_end)
        if a is None or b is None or not same_occasion(x, y, a, b):
            return None
        disagreement = count_disagreement(a, b)
        if disagreement is None:
            return None
        what, value_a, value_b = disagreement
        side_a = side(x, a.start, a.end, articles, value_a)
        side_b = side(y, b.start, b.end, articles, value_b)
        kind: ContradictionKind = "count"
    elif edit.kind == "date":
        ta = _time_at(x, edit.a_start, edit.a_end)
        tb = _time_at(y, edit.b_start, edit.b_end)
        if ta is None or tb is None or not (day_precise(ta) and day_precise(tb)):
            return None
        if times_agree(ta, tb) is not False or x.predicate_class != y.predicate_class:
            return None
        what = f"date of: {x.frame.predicate}"
        side_a = side(x, ta.start, ta.end, articles, ta.value or ta.text)
        side_b = side(y, tb.start, tb.end, articles, tb.value or tb.text)
        kind = "date"
    else:
        return None  # a changed name is often an alias ("ISIS" for "Islamic State")
    return Contradiction(
        id=contradiction_id(story_id, kind, side_a, side_b),
        story_id=story_id,
        kind=kind,
        subject=what,
        a=side_a,
        b=side_b,
        reason=(
            f"a passage of {article_name(articles, x.article_id)} copied in "
            f"{article_name(articles, y.article_id)} changes {side_a.text!r} to {side_b.text!r}"
        ),
        in_copying=True,
    )


def _is_edit(contradiction: Contradiction, edit: CopyEdit) -> bool:
    a_id, b_id, change = edit
    spans = ((a_id, change.a_start, change.a_end), (b_id, change.b_start, change.b_end))

    def covers(side: ContradictionSide) -> bool:
        return any(
            side.article_id == article_id and side.start < end and start < side.end
            for article_id, start, end in spans
        )

    return covers(contradiction.a) and covers(contradiction.b)


def _view_at(views: Sequence[FrameView], article_id: str, offset: int) -> FrameView | None:
    """The frame whose clause holds ``offset`` (the narrowest), else one in its sentence."""
    best: FrameView | None = None
    for view in views:
        frame = view.frame
        if view.article_id != article_id:
            continue
        if frame.start <= offset < frame.end and (
            best is None or frame.end - frame.start < best.frame.end - best.frame.start
        ):
            best = view
    return best


def quantity_at(view: FrameView, start: int, end: int) -> Quantity | None:
    return next(
        (q for q in comparable_quantities(view) if q.start < max(end, start + 1) and start < q.end),
        None,
    )


def _time_at(view: FrameView, start: int, end: int) -> TimeExpression | None:
    return next(
        (t for t in view.frame.times if t.start < max(end, start + 1) and start < t.end), None
    )
