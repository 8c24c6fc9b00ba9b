"""The same claim in different words in different articles is one claim.

Frames are compared only inside one story and only within one predicate class ("warn" with
"caution", "fire" with "launch"), so the work is bounded by the frames of a class, not all
pairs. Two frames state the same claim when the slots say so:

- the arguments name the same resolved entities (Pompeo as agent, Salih as recipient): two
  shared roles suffice, or one with some shared wording (``WORDS_WITH_ONE_ENTITY``);
- or they count the same thing by the same figure ("six rockets" / "as many as six rockets"),
  in sentences that share a named entity or some wording (``WORDS_WITH_COUNT``);
- or the clauses share most of their content words (``WORDS_ALONE``), or some of them
  (``WORDS_IN_COPY``) when provenance traced both sentences to one origin: a passage and its
  copy, however the copier rephrased it.

Times do not prevent a match: "warned Salih on September 20" and "warned Salih on September
21" are one warning reported with two dates — which is the contradiction to flag, not two
claims. Each accepted pair joins the two frames' groups unless another pair across them is
incompatible (two different named agents), in a fixed order so the result is deterministic.

Thresholds were set on the reference story and checked against the hand-made contradiction
gold file (``evaluation/gold/contradictions.jsonl``): a wrong match costs more than a missed
one, because it can make a false contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from storyline.claims.values import counts_agree, times_agree
from storyline.claims.views import FrameView, jaccard

WORDS_WITH_ONE_ENTITY = 0.2
WORDS_WITH_COUNT = 0.1
WORDS_ALONE = 0.5
WORDS_IN_COPY = 0.25
#: Clauses with fewer content words never match on wording alone.
MIN_WORDS = 3
#: An entity in a fifth of a story's sentences is its setting, not a clue to one claim: in
#: the reference story "US" and "Iraq" are, "Pompeo" and "Salih" are not.
COMMON_SHARE = 0.2
COMMON_MIN_SENTENCES = 12
#: Predicates too general to say what a claim is about ("be", "have", "say", "make"): their
#: frames match on shared entities in two roles or a near-copy only.
#: Words that mark a further occurrence: a frame with one matches only frames with one.
REPEATS = frozenset({"another", "again", "second", "fresh", "new"})
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "whom", "which", "that", "this"}
)
GENERAL = frozenset({"be", "have", "say", "make", "do", "get", "take", "go", "come", "give"})


def same_claim(x: FrameView, y: FrameView, common: frozenset[str] = frozenset()) -> bool:
    """``common``: entities named in so much of the story ("US", "Iraq" in a story about the
    two) that sharing them says nothing about which claim a clause states."""
    if not compatible(x, y):
        return False
    shared_roles = sum(
        1
        for role, ids in x.entities.items()
        if ids and role in y.entities and (ids & y.entities[role]) - common
    )
    if shared_roles >= 2:
        return True  # the same participants: one act, even if reported with two dates
    if _dated_apart(x, y):
        return False
    words = jaccard(x.words, y.words) if _wordy(x) and _wordy(y) else 0.0
    if words >= WORDS_ALONE:
        return True
    if x.origin == y.origin and words >= WORDS_IN_COPY:
        return True  # one passage and its copy (provenance traced both to one origin)
    if x.predicate_class in GENERAL:
        return False
    if shared_roles == 1 and words >= WORDS_WITH_ONE_ENTITY:
        return True
    if not same_count(x, y):
        return False
    # The same figure of the same thing for the same act: the sentences need only share a
    # named entity or a little wording ("Arbil"/"Erbil" airport, "rockets", "region").
    return bool((x.sentence_entities & y.sentence_entities) - common) or (
        jaccard(x.sentence_words, y.sentence_words) >= WORDS_WITH_COUNT
    )


def compatible(x: FrameView, y: FrameView) -> bool:
    """Nothing in the slots rules out one claim: same predicate class, both affirmed or both
    negated, different articles, and no two different named agents."""
    if x.predicate_class != y.predicate_class or x.article_id == y.article_id:
        return False
    if x.frame.negated != y.frame.negated:
        return False
    if _repeats(x) != _repeats(y):
        return False  # "another 40 attacks" is not the first forty
    agents_x = x.entities.get("agent", frozenset())
    agents_y = y.entities.get("agent", frozenset())
    if agents_x and agents_y and not agents_x & agents_y:
        return False
    if x.predicate_class not in GENERAL and not x.frame.reporting:
        return True
    # Who speaks is what a statement is about: two different nouns as speakers ("the
    # minister" / "Leaf"), neither a pronoun nor resolved to a shared entity, are two speakers.
    # (For other acts two nouns may describe one actor: "the Popular Mobilisation Forces",
    # "Shia militias".)
    heads = {x.heads.get("agent"), y.heads.get("agent")}
    return len(heads) < 2 or None in heads or bool(heads & _PRONOUNS) or bool(agents_x & agents_y)


def _wordy(view: FrameView) -> bool:
    """Enough content words for shared wording to mean anything ("he said" has one)."""
    return len(view.words) >= MIN_WORDS


def _repeats(view: FrameView) -> bool:
    """The clause or one of its arguments marks a further occurrence ("another 40 attacks")."""
    if view.words & REPEATS:
        return True
    return any(
        word in REPEATS
        for argument in view.frame.arguments
        for word in argument.text.lower().split()
    )


def _dated_apart(x: FrameView, y: FrameView) -> bool:
    """Both carry their own times, and these cannot meet."""
    if x.frame.time_inherited or y.frame.time_inherited:
        return False
    return any(
        times_agree(a, b) is False for a in x.frame.times for b in y.frame.times
    ) and not any(times_agree(a, b) for a in x.frame.times for b in y.frame.times)


def same_count(x: FrameView, y: FrameView) -> bool:
    """Both count the same kind of thing with figures that agree."""
    for a in x.frame.quantities:
        for b in y.frame.quantities:
            if a.counted_head and a.counted_head == b.counted_head and counts_agree(a, b):
                return True
    return False


def group_frames(views: Sequence[FrameView]) -> list[list[FrameView]]:
    """Frames grouped into claims; each group sorted by (article, offset), groups by their
    first frame.

    Two groups join only when one pair of their frames states the same claim, no pair of
    frames from different articles is incompatible, and at least half of those pairs state the
    same claim too: a chain of loose matches cannot pull unrelated statements into one claim.
    """
    common = common_entities(views)
    members: dict[int, list[int]] = {i: [i] for i in range(len(views))}
    group_of = list(range(len(views)))
    by_class: dict[str, list[int]] = defaultdict(list)
    for index, view in enumerate(views):
        by_class[view.predicate_class].append(index)
    for indexes in by_class.values():
        for i, j in combinations(indexes, 2):
            gi, gj = group_of[i], group_of[j]
            if gi == gj or not same_claim(views[i], views[j], common):
                continue
            if not _agree_enough(views, members[gi], members[gj], common):
                continue
            keep, gone = min(gi, gj), max(gi, gj)
            for index in members.pop(gone):
                group_of[index] = keep
                members[keep].append(index)
    ordered = [sorted((views[i] for i in group), key=_position) for group in members.values()]
    return sorted(ordered, key=lambda g: _position(g[0]))


def common_entities(views: Sequence[FrameView]) -> frozenset[str]:
    """Entities named in at least ``COMMON_SHARE`` of the story's sentences, in a story of at
    least ``COMMON_MIN_SENTENCES`` sentences."""
    sentences: dict[tuple[str, int], frozenset[str]] = {}
    for view in views:
        sentences[(view.article_id, view.frame.sentence_start)] = view.sentence_entities
    if len(sentences) < COMMON_MIN_SENTENCES:
        return frozenset()  # a short story has no setting to discount: every name counts
    counts: dict[str, int] = defaultdict(int)
    for entities in sentences.values():
        for entity in entities:
            counts[entity] += 1
    return frozenset(e for e, n in counts.items() if n >= COMMON_SHARE * len(sentences))


def _agree_enough(
    views: Sequence[FrameView], left: list[int], right: list[int], common: frozenset[str]
) -> bool:
    """Every cross-article pair is compatible and at least half of them state the same claim."""
    pairs = [(a, b) for a in left for b in right if views[a].article_id != views[b].article_id]
    if not all(compatible(views[a], views[b]) for a, b in pairs):
        return False
    agreeing = sum(1 for a, b in pairs if same_claim(views[a], views[b], common))
    return 2 * agreeing >= len(pairs)


def _position(view: FrameView) -> tuple[str, int]:
    return view.article_id, view.frame.predicate_start
