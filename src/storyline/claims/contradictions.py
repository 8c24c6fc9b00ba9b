"""Where reports of one story disagree on a typed value, with both spans and a reason.

Three checks, each built for precision (a false alarm costs a reader more than a miss):

- **counts** (``count_contradictions``): two articles count the same thing (same counted noun,
  or the same groups of a breakdown: "five children and two women" / "two women and three
  children") for the same event (same predicate class, or both states: "has 3,000 troops",
  "there are 5,000 troops"), at compatible times, about the same entities — and their
  figures cannot both hold (``values.counts_agree``: "around 40" and "40" can). Plans,
  forecasts, conditionals, questions, negated and hedged clauses are never compared: "expected
  to reduce to 3,000" says nothing of today's figure. A change ("reduce to 3,000 from 5,200")
  is not compared either, but it is cited in the ``note`` when it may reconcile the two;
- **dates** (``date_contradictions``): one claim (``matching``) whose statements date the
  same event to days that do not meet ("September 20" / "September 21"; "Monday" resolved to
  September 28 meets "September 28"; "in September" meets both);
- **speakers** (``speaker_contradictions``): the same quotation put in two different named
  people's mouths.

Value edits found inside copied passages (``stories.edits``: a number or a date changed by
the copier) are contradictions too, marked ``in_copying``, when they pass the same tests (an
updated lower bound, "at least 12" → "at least 20", does not); a contradiction found above
that is such an edit is marked rather than listed twice.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import combinations

from rapidfuzz import fuzz

from storyline.claims.records import Contradiction, ContradictionKind, ContradictionSide
from storyline.claims.values import counts_agree, day_precise, times_agree
from storyline.claims.views import FrameView, jaccard
from storyline.language.quantities import Quantity
from storyline.language.timex import TimeExpression
from storyline.model import Article
from storyline.stories.edits import Edit

#: Clauses under these modalities state no present fact to compare.
_UNCOMPARABLE = frozenset({"planned", "future", "conditional", "question", "hedged"})
#: Words that announce a second, separate occurrence ("warned again on …").
_REPEATS = frozenset({"again", "second", "another", "also", "latest", "new", "fresh", "earlier"})
#: Counted nouns that name the same people or things in news copy.
_SAME_COUNTED = {
    "soldier": "troop",
    "force": "troop",
    "personnel": "troop",
    "serviceman": "troop",
    "servicemen": "troop",
    "people": "person",
    "individual": "person",
    "fatality": "death",
    "casualty": "casualty",
    "house": "home",
    "dwelling": "home",
    "building": "home",
}
#: Heads too general to identify what an amount is of.
_WEAK_HEADS = frozenset({"it", "they", "this", "that", "which", "who", "figure", "number", "total"})
#: Events of a count that mean the same outcome.
_SAME_EVENT = {"dead": "killed", "died": "killed", "injured": "wounded", "hurt": "wounded"}
#: Clauses must share this much wording (besides the figures) when they share no entity.
WORDS_WITHOUT_ENTITY = 0.25
QUOTE_SIMILARITY = 92  # rapidfuzz ratio for "the same quotation"
QUOTE_MIN_WORDS = 6


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


# -- counts -----------------------------------------------------------------------------------


def _counted(quantity: Quantity) -> str | None:
    """What a figure counts: its counted noun, or for an amount or a share without one, its
    kind ("an aid package of $2 billion", "turnout was 61 percent")."""
    head = quantity.counted_head
    if head:
        return _SAME_COUNTED.get(head, head)
    if quantity.kind == "money":
        return f"amount ({quantity.unit})" if quantity.unit else "amount"
    if quantity.kind == "percent":
        return "percentage"
    return None


def _event(quantity: Quantity) -> str | None:
    return _SAME_EVENT.get(quantity.event, quantity.event) if quantity.event else None


def _comparable_quantities(view: FrameView) -> list[Quantity]:
    frame = view.frame
    if frame.modality in _UNCOMPARABLE or frame.negated or view.hedges:
        return []
    return [
        q
        for q in frame.quantities
        if q.value is not None and q.change is None and q.kind in ("count", "money", "percent")
    ]


def _own_time(view: FrameView) -> TimeExpression | None:
    """The time of the frame's event; a date inherited through a quotation or a reporting
    verb ("officials said on Tuesday that …") dates the telling, so it is not one."""
    frame = view.frame
    if frame.time_from_speech:
        return None
    for time in frame.times:
        if time.type in ("DATE", "TIME") and time.begin is not None:
            return time
    return None


def _same_occasion(x: FrameView, y: FrameView, a: Quantity, b: Quantity) -> bool:
    """Same event or same state, at times that meet, about the same things.

    The event is the predicate class ("fired"/"launched"), or for a toll the outcome the count
    carries ("killed 23" / "23 died"); an amount or a share may sit in an event on one side
    and a state on the other ("approved a $4 million contract" / "the contract was $6
    million") when both name the same thing.
    """
    by_event = _event(a) is not None and _event(a) == _event(b)
    amounts = a.counted_head is None and b.counted_head is None
    if amounts:
        if not _same_thing(x, y):
            return False
    elif x.frame.stative != y.frame.stative or (
        not x.frame.stative and not by_event and x.predicate_class != y.predicate_class
    ):
        return False
    tx, ty = _own_time(x), _own_time(y)
    shared_names = bool(x.sentence_entities & y.sentence_entities)
    if tx is not None and ty is not None:
        if times_agree(tx, ty) is not True:
            return False
        if day_precise(tx) and day_precise(ty) and not x.frame.stative:
            return True  # one act on one day: the same event
    elif (
        (tx is None) != (ty is None)
        and not x.frame.stative
        and not (shared_names and (_parts(a).keys() & _parts(b).keys() or by_event))
    ):
        # One dated event, one undated: two events, unless the sentences name the same place
        # or people and count the same groups.
        return False
    agents_x, agents_y = x.entities.get("agent", frozenset()), y.entities.get("agent", frozenset())
    if agents_x and agents_y and not agents_x & agents_y:
        return False
    if shared_names:
        return True
    return jaccard(x.sentence_words, y.sentence_words) >= WORDS_WITHOUT_ENTITY


def _same_thing(x: FrameView, y: FrameView) -> bool:
    """The two clauses name one thing by the same noun ("contract", "turnout")."""
    nouns_x = {head for head in x.heads.values()} | x.words
    nouns_y = {head for head in y.heads.values()} | y.words
    shared = set(x.heads.values()) & nouns_y | set(y.heads.values()) & nouns_x
    return bool(shared - _WEAK_HEADS)


def _parts(quantity: Quantity) -> dict[str, float]:
    return {_singular(label): value for value, label in quantity.parts}


def _singular(label: str) -> str:
    word = label.lower().split()[-1] if label.strip() else label
    irregular = {"children": "child", "women": "woman", "men": "man", "people": "person"}
    if word in irregular:
        return irregular[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _count_disagreement(a: Quantity, b: Quantity) -> tuple[str, str, str] | None:
    """(what, value a, value b) when the two counts of one thing disagree."""
    parts_a, parts_b = _parts(a), _parts(b)
    shared = sorted(set(parts_a) & set(parts_b))
    if shared:
        differing = [label for label in shared if parts_a[label] != parts_b[label]]
        if not differing:
            return None
        show_a = ", ".join(f"{_plural(label)} {parts_a[label]:g}" for label in differing)
        show_b = ", ".join(f"{_plural(label)} {parts_b[label]:g}" for label in differing)
        return " and ".join(_plural(label) for label in differing), show_a, show_b
    counted_a, counted_b = _counted(a), _counted(b)
    if counted_a is None or counted_a != counted_b or a.unit != b.unit:
        return None
    if counts_agree(a, b) is not False:
        return None
    if a.counted_head is None:
        return counted_a, a.text, b.text
    return _plural(counted_a), _show(a), _show(b)


def _plural(noun: str) -> str:
    irregular = {"child": "children", "woman": "women", "man": "men", "person": "people"}
    if noun in irregular:
        return irregular[noun]
    return noun if noun.endswith("s") else noun + "s"


def _show(quantity: Quantity) -> str:
    value = f"{quantity.value:,.0f}" if quantity.value is not None else quantity.text
    prefix = {"≈": "about ", ">": "more than ", "≥": "at least ", "<": "fewer than "}.get(
        quantity.comparator, "at most " if quantity.comparator == "≤" else ""
    )
    return prefix + value


def count_contradictions(
    story_id: str,
    views: Sequence[FrameView],
    articles: Mapping[str, Article],
    changes: Sequence[tuple[FrameView, Quantity]] = (),
) -> list[Contradiction]:
    measured = [(view, q) for view in views for q in _comparable_quantities(view)]
    found: dict[tuple[str, str, str], Contradiction] = {}
    for (x, a), (y, b) in combinations(measured, 2):
        if x.article_id == y.article_id:
            continue
        if _event(a) != _event(b) or not _same_occasion(x, y, a, b):
            continue
        disagreement = _count_disagreement(a, b)
        if disagreement is None:
            continue
        what, value_a, value_b = disagreement
        if _event(a):
            what = f"{what} {_event(a)}"
        first, second = sorted(
            ((x, a, value_a), (y, b, value_b)), key=lambda item: (item[0].article_id, item[1].start)
        )
        side_a = side(first[0], first[1].start, first[1].end, articles, first[2])
        side_b = side(second[0], second[1].start, second[1].end, articles, second[2])
        key = (side_a.article_id, side_b.article_id, what)
        if key in found:
            continue
        reason = (
            f"{_name(articles, side_a.article_id)} reports {side_a.text!r} where "
            f"{_name(articles, side_b.article_id)} reports {side_b.text!r} "
            f"for the same {'state' if x.frame.stative else 'event'}: "
            f"{what}: {first[2]} vs {second[2]}"
        )
        found[key] = Contradiction(
            id=contradiction_id(story_id, "count", side_a, side_b),
            story_id=story_id,
            kind="count",
            subject=what,
            a=side_a,
            b=side_b,
            reason=reason,
            note=_change_note(first[1], second[1], changes, articles),
        )
    return sorted(found.values(), key=_order)


def _change_note(
    a: Quantity,
    b: Quantity,
    changes: Sequence[tuple[FrameView, Quantity]],
    articles: Mapping[str, Article],
) -> str | None:
    """An announced change of the counted thing to one side's figure: the two may refer to
    times before and after it."""
    for view, change_quantity in changes:
        change = change_quantity.change
        if change is None or change.to_value is None or _counted(change_quantity) != _counted(a):
            continue
        for target in (a, b):
            if target.value is not None and counts_agree(target, change_quantity):
                clause = articles[view.article_id].text[view.frame.start : view.frame.end]
                return (
                    f"{_name(articles, view.article_id)} reports an announced change to "
                    f"{change.to_value:,.0f} ({clause.strip()!r}); the two figures may refer "
                    "to times before and after it"
                )
    return None


def changes_in(views: Iterable[FrameView]) -> list[tuple[FrameView, Quantity]]:
    return [
        (view, q)
        for view in views
        for q in view.frame.quantities
        if q.change is not None and q.change.role == "to"
    ]


# -- dates ------------------------------------------------------------------------------------


def date_contradictions(
    story_id: str, claims: Sequence[Sequence[FrameView]], articles: Mapping[str, Article]
) -> list[Contradiction]:
    found: list[Contradiction] = []
    for group in claims:
        dated = [
            (view, time)
            for view in group
            if (time := _event_day(view)) is not None and not (view.words & _REPEATS)
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
                        f"{_name(articles, x.article_id)} dates it {tx.text!r} "
                        f"({tx.value}), {_name(articles, y.article_id)} {ty.text!r} "
                        f"({ty.value}): {x.text.strip()!r} / {y.text.strip()!r}"
                    ),
                )
            )
    return sorted(found, key=_order)


def _event_day(view: FrameView) -> TimeExpression | None:
    """The day-precise date of a frame's event. A date inherited from a verb of speech is
    when it was said, not when it happened, so it does not count."""
    frame = view.frame
    if frame.modality in _UNCOMPARABLE or frame.negated:
        return None
    for time in frame.times:
        if time.type in ("DATE", "TIME") and day_precise(time):
            return None if frame.time_from_speech else time
    return None


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


# -- speakers ---------------------------------------------------------------------------------


def speaker_contradictions(
    story_id: str,
    quotes: Sequence[tuple[FrameView | None, object, str | None, str]],
    articles: Mapping[str, Article],
) -> list[Contradiction]:
    """``quotes``: (a view for origin, the ``Quote``, its speaker's entity id, entity name)."""
    found: list[Contradiction] = []
    for (vx, qx, ex, nx), (vy, qy, ey, ny) in combinations(quotes, 2):
        if qx.article_id == qy.article_id or not ex or not ey or ex == ey:  # type: ignore[attr-defined]
            continue
        if len(qx.text.split()) < QUOTE_MIN_WORDS:  # type: ignore[attr-defined]
            continue
        if fuzz.ratio(qx.text.lower(), qy.text.lower()) < QUOTE_SIMILARITY:  # type: ignore[attr-defined]
            continue
        sides = []
        for view, quote, name in ((vx, qx, nx), (vy, qy, ny)):
            speaker = quote.speaker  # type: ignore[attr-defined]
            sides.append(
                ContradictionSide(
                    article_id=quote.article_id,  # type: ignore[attr-defined]
                    start=speaker.start,
                    end=speaker.end,
                    text=speaker.text,
                    sentence_start=quote.start,  # type: ignore[attr-defined]
                    sentence_end=quote.end,  # type: ignore[attr-defined]
                    origin=view.origin if view is not None else quote.article_id,  # type: ignore[attr-defined]
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
                    f"{_name(articles, sides[0].article_id)} and from {ny} in "
                    f"{_name(articles, sides[1].article_id)}"
                ),
            )
        )
    return sorted(found, key=_order)


# -- edits made in copying --------------------------------------------------------------------

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
        a = _quantity_at(x, edit.a_start, edit.a_end)
        b = _quantity_at(y, edit.b_start, edit.b_end)
        if a is None or b is None or not _same_occasion(x, y, a, b):
            return None
        disagreement = _count_disagreement(a, b)
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
            f"a passage of {_name(articles, x.article_id)} copied in "
            f"{_name(articles, y.article_id)} changes {side_a.text!r} to {side_b.text!r}"
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


def _quantity_at(view: FrameView, start: int, end: int) -> Quantity | None:
    return next(
        (
            q
            for q in _comparable_quantities(view)
            if q.start < max(end, start + 1) and start < q.end
        ),
        None,
    )


def _time_at(view: FrameView, start: int, end: int) -> TimeExpression | None:
    return next(
        (t for t in view.frame.times if t.start < max(end, start + 1) and start < t.end), None
    )


# -- shared -----------------------------------------------------------------------------------


def _name(articles: Mapping[str, Article], article_id: str) -> str:
    """How a reason names an article: its outlet, else its title, else its input's name."""
    article = articles[article_id]
    if article.outlet:
        return article.outlet
    return f"“{article.title}”" if article.title else article.source_id or article_id


def _order(contradiction: Contradiction) -> tuple[str, int, str, int]:
    return (
        contradiction.a.article_id,
        contradiction.a.start,
        contradiction.b.article_id,
        contradiction.b.start,
    )
