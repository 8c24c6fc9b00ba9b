"""Choosing sentences: maximum weighted concept coverage under a word budget.

The problem (Gillick & Favre 2009): binary ``s_j`` per candidate sentence, ``c_i`` per concept,

    maximise   Σ_i w_i c_i + Σ_j b_j s_j
    subject to Σ_j len_j s_j ≤ budget
               s_j ≤ c_i           for every concept i in sentence j   (a chosen sentence covers)
               c_i ≤ Σ_{j∋i} s_j   for every concept i                 (covered only if chosen)
               s_j ≤ s_k           when sentence j needs sentence k before it (a pronoun's referent)

solved exactly by HiGHS through ``scipy.optimize.milp``; a concept counts once however many
chosen sentences hold it, so repeating one sentence's content buys nothing. ``b_j`` carries the
small per-sentence terms (position prior, the penalty on copies, a tie-break). When the solver
is missing, times out without a solution, or ``solver="greedy"``, the budgeted greedy of Lin &
Bilmes (2010) runs instead: the best gain per word, then the better of that and the best single
sentence.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One sentence the selector may choose."""

    key: int  # index into the caller's candidate list
    words: int
    concepts: frozenset[int]  # indices into the concept weights
    bonus: float  # b_j
    requires: int | None = None  # key of the candidate that must be chosen with it


def select(
    candidates: Sequence[Candidate],
    weights: Mapping[int, float],
    budget: int,
    *,
    solver: str = "ilp",
    time_limit: float = 2.0,
) -> tuple[list[int], str]:
    """Keys of the chosen candidates and which solver chose them."""
    usable = [c for c in candidates if c.words <= budget]
    if not usable:
        return [], "empty"
    if solver == "ilp":
        chosen = _ilp(usable, weights, budget, time_limit)
        if chosen is not None:
            return chosen, "ilp"
    return greedy(usable, weights, budget), "greedy"


def _ilp(
    candidates: Sequence[Candidate], weights: Mapping[int, float], budget: int, time_limit: float
) -> list[int] | None:
    try:
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_matrix
    except ImportError:  # pragma: no cover - scipy comes with the base install
        return None
    concepts = sorted({i for c in candidates for i in c.concepts})
    column = {concept: len(candidates) + k for k, concept in enumerate(concepts)}
    position = {c.key: j for j, c in enumerate(candidates)}
    n = len(candidates) + len(concepts)
    objective = np.zeros(n)
    for j, c in enumerate(candidates):
        objective[j] = -c.bonus
    for concept, col in column.items():
        objective[col] = -weights[concept]

    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    upper: list[float] = []

    def add_row(entries: list[tuple[int, float]], bound: float) -> None:
        row = len(upper)
        for col, value in entries:
            rows.append(row)
            cols.append(col)
            values.append(value)
        upper.append(bound)

    add_row([(j, float(c.words)) for j, c in enumerate(candidates)], float(budget))
    holders: dict[int, list[int]] = {concept: [] for concept in concepts}
    for j, c in enumerate(candidates):
        for concept in c.concepts:
            add_row([(j, 1.0), (column[concept], -1.0)], 0.0)
            holders[concept].append(j)
    for concept, col in column.items():
        add_row([(col, 1.0)] + [(j, -1.0) for j in holders[concept]], 0.0)
    for j, c in enumerate(candidates):
        if c.requires is not None:
            if c.requires not in position:
                add_row([(j, 1.0)], 0.0)  # its referent cannot be chosen: neither can it
            else:
                add_row([(j, 1.0), (position[c.requires], -1.0)], 0.0)
    matrix = coo_matrix((values, (rows, cols)), shape=(len(upper), n)).tocsr()
    with _quiet_stdout():
        result = milp(
            objective,
            constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
            integrality=np.ones(n),
            bounds=Bounds(0, 1),
            options={"time_limit": time_limit, "mip_rel_gap": 0.0, "disp": False},
        )
    if result.x is None:
        return None
    return [c.key for j, c in enumerate(candidates) if result.x[j] > 0.5]


_STDOUT_LOCK = threading.Lock()


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 while HiGHS runs: scipy's HiGHS (1.17) sometimes prints a
    debug line ("HighsMipSolverData::transformNewIntegerFeasibleSolution …") to the C stdout
    even with ``disp=False``, which would corrupt ``--json`` output. Solves are serialised so
    that two threads never swap the descriptor under each other."""
    fd = 1  # HiGHS writes to the C library's stdout, whatever sys.stdout is
    with _STDOUT_LOCK:
        sys.stdout.flush()
        try:
            saved = os.dup(fd)
        except OSError:
            yield
            return
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), fd)
                try:
                    yield
                finally:
                    os.dup2(saved, fd)
        finally:
            os.close(saved)


def greedy(candidates: Sequence[Candidate], weights: Mapping[int, float], budget: int) -> list[int]:
    """Lin & Bilmes's budgeted greedy (gain per word, scale 1) with the singleton check."""
    by_key = {c.key: c for c in candidates}
    chosen: list[int] = []
    covered: set[int] = set()
    used = 0
    remaining = {c.key for c in candidates}

    def gain(c: Candidate) -> float:
        return sum(weights[i] for i in c.concepts - covered) + c.bonus

    while remaining:
        best, best_ratio = None, 0.0
        for key in sorted(remaining):
            c = by_key[key]
            if used + c.words > budget or (c.requires is not None and c.requires not in chosen):
                continue
            ratio = gain(c) / max(c.words, 1)
            if ratio > best_ratio:
                best, best_ratio = c, ratio
        if best is None:
            break
        chosen.append(best.key)
        covered |= best.concepts
        used += best.words
        remaining.discard(best.key)

    def total(keys: Sequence[int]) -> float:
        cover = set().union(*(by_key[k].concepts for k in keys)) if keys else set()
        return sum(weights[i] for i in cover) + sum(by_key[k].bonus for k in keys)

    singles = [c for c in candidates if c.requires is None]
    if singles:
        single = max(singles, key=lambda c: (total([c.key]), -c.key))
        if total([single.key]) > total(chosen):
            return [single.key]
    return chosen
