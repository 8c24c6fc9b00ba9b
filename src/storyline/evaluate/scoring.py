"""Span scoring that the gold-file evaluations share: precision, recall and F1 over matched
spans, and one-to-one matching of overlapping spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Named(Protocol):
    @property
    def system(self) -> str: ...


S = TypeVar("S", bound=Named)
G = TypeVar("G", bound=Spanned)
P = TypeVar("P", bound=Spanned)


class SpanCounts:
    """Precision, recall and F1 of a score dataclass with ``gold``, ``predicted`` and
    ``matched`` counts (a mixin: it adds no fields)."""

    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ValueScore(SpanCounts):
    """One system's span counts and how many matched spans have the right value; a task's
    score adds its own counts after these fields."""

    system: str
    gold: int
    predicted: int
    matched: int
    value_correct: int

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.matched if self.matched else 0.0


def _overlap(a: Spanned, b: Spanned) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_overlapping(gold: Sequence[G], predicted: Sequence[P]) -> list[tuple[G, P]]:
    """One-to-one pairs of overlapping spans, largest overlap first (ties: text order)."""
    candidates = sorted(
        (-_overlap(g, p), g.start, p.start, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if _overlap(g, p) > 0
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def score_of(scores: Sequence[S], system: str) -> S:
    """The score of one system in a report; the error lists the systems there are."""
    for score in scores:
        if score.system == system:
            return score
    valid = ", ".join(score.system for score in scores)
    raise KeyError(f"no score for {system!r}; valid: {valid}")
