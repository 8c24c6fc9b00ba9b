"""Counts that disagree: the same thing counted for the same event or state, at times that
meet, with figures that cannot both hold.

Two articles count the same thing (same counted noun, or the same groups of a breakdown: "five
children and two women" / "two women and three children", or an amount or a share of the same
thing) for the same event (same predicate class, or the same outcome of a toll: "killed 23" /
"23 died"; or both states: "has 3,000 troops", "there are 5,000 troops"), at compatible times,
about the same entities — and ``values.counts_agree`` says the figures cannot both hold
("around 40" and "40" can). Plans, forecasts, conditionals, questions, negated and hedged
clauses are never compared: "expected to reduce to 3,000" says nothing of today's figure. A
change ("reduce to 3,000 from 5,200") is not compared either, but it is cited in the ``note``
when it may reconcile the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from storyline.claims.records import Contradiction
from storyline.claims.sides import (
    UNCOMPARABLE,
    article_name,
    by_position,
    contradiction_id,
    own_time,
    side,
)
from storyline.claims.values import counts_agree, day_precise, times_agree
from storyline.claims.views import FrameView, jaccard
from storyline.language.quantities import Quantity
from storyline.model import Article

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


def comparable_quantities(view: FrameView) -> list[Quantity]:
    frame = view.frame
    if frame.modality in UNCOMPARABLE or frame.negated or view.hedges:
        return []
    return [
        q
        for q in frame.quantities
        if q.value is not None and q.change is None and q.kind in ("count", "money", "percent")
    ]


def same_occasion(x: FrameView, y: FrameView, a: Quantity, b: Quantity) -> bool:
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
    tx, ty = own_time(x), own_time(y)
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


def count_disagreement(a: Quantity, b: Quantity) -> tuple[str, str, str] | None:
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
    measured = [(view, q) for view in views for q in comparable_quantities(view)]
    found: dict[tuple[str, str, str], Contradiction] = {}
    for (x, a), (y, b) in combinations(measured, 2):
        if x.article_id == y.article_id:
            continue
        if _event(a) != _event(b) or not same_occasion(x, y, a, b):
            continue
        disagreement = count_disagreement(a, b)
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
            f"{article_name(articles, side_a.article_id)} reports {side_a.text!r} where "
            f"{article_name(articles, side_b.article_id)} reports {side_b.text!r} "
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
    return sorted(found.values(), key=by_position)


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
                    f"{article_name(articles, view.article_id)} reports an announced change to "
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
