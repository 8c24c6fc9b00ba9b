"""Alignment, direction and edits scored on a gold set built by construction.

``build_constructed_set`` (``alignment_cases``) makes derivatives of real texts with known
copied spans, directions and changed numbers; ``run_alignment_evaluation`` aligns every pair of
articles in each case, traces provenance, finds edits, and scores:

- **spans**: character-level precision/recall/F1 of the copied text, both sides of every pair
  (a character counts once per pair: predicted if inside an aligned passage of that pair, gold
  if inside a constructed copy); micro-averaged over all cases, unrelated pairs included, so
  aligning unrelated text costs precision;
- **direction**: share of the true (source, copy) pairs whose predicted direction names the
  right source with confidence above 0, overall and for dated and undated cases;
- **edits**: a gold number change is found when a predicted edit of the same kind overlaps its
  span in the copy; precision counts every predicted edit in the case.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.evaluate.alignment_cases import (
    ConstructedCase,
    GoldCopy,
    GoldEdit,
    build_constructed_set,
)
from storyline.stories.alignment import AlignedPassage, align_articles
from storyline.stories.edits import find_edits
from storyline.stories.provenance import trace_provenance

__all__ = [
    "AlignmentReport",
    "AlignmentScore",
    "ConstructedCase",
    "GoldCopy",
    "GoldEdit",
    "build_constructed_set",
    "default_sources",
    "run_alignment_evaluation",
]

STORYLINE = "storyline"


@dataclass
class AlignmentScore:
    span_true: int = 0
    span_predicted: int = 0
    span_gold: int = 0
    directions: dict[str, list[int]] = field(
        default_factory=lambda: {"all": [0, 0], "dated": [0, 0], "undated": [0, 0]}
    )
    edits_found: int = 0
    edits_gold: int = 0
    edits_right: int = 0
    edits_predicted: int = 0

    @property
    def precision(self) -> float:
        return self.span_true / self.span_predicted if self.span_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.span_true / self.span_gold if self.span_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def direction_accuracy(self, subset: str = "all") -> float:
        right, total = self.directions[subset]
        return right / total if total else 0.0

    @property
    def edit_recall(self) -> float:
        return self.edits_found / self.edits_gold if self.edits_gold else 0.0

    @property
    def edit_precision(self) -> float:
        return self.edits_right / self.edits_predicted if self.edits_predicted else 0.0


@dataclass
class AlignmentReport:
    seed: int
    cases: int
    kinds: dict[str, int]
    scores: dict[str, AlignmentScore]

    def score(self, system: str) -> AlignmentScore:
        if system not in self.scores:
            raise KeyError(f"no scores for {system!r}; have {sorted(self.scores)}")
        return self.scores[system]

    def format_table(self) -> str:
        s = self.score(STORYLINE)
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
        rows = [
            f"alignment gold by construction: {self.cases} cases (seed {self.seed}: {kinds})",
            f"{'measure':<28}{'value':>8}",
            f"{'span precision':<28}{s.precision:>8.3f}",
            f"{'span recall':<28}{s.recall:>8.3f}",
            f"{'span F1':<28}{s.f1:>8.3f}",
        ]
        for subset in ("all", "dated", "undated"):
            right, total = s.directions[subset]
            label = f"direction accuracy ({subset})"
            rows.append(f"{label:<28}{s.direction_accuracy(subset):>8.3f}  ({right}/{total})")
        rows.append(f"{'edit recall':<28}{s.edit_recall:>8.3f}  ({s.edits_found}/{s.edits_gold})")
        rows.append(
            f"{'edit precision':<28}{s.edit_precision:>8.3f}  ({s.edits_right}/{s.edits_predicted})"
        )
        return "\n".join(rows)

    def to_dict(self) -> dict[str, Any]:
        s = self.score(STORYLINE)
        return {
            "seed": self.seed,
            "cases": self.cases,
            "kinds": dict(sorted(self.kinds.items())),
            STORYLINE: {
                "span": {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                },
                "direction": {
                    subset: {
                        "accuracy": round(s.direction_accuracy(subset), 4),
                        "right": s.directions[subset][0],
                        "total": s.directions[subset][1],
                    }
                    for subset in ("all", "dated", "undated")
                },
                "edits": {
                    "recall": round(s.edit_recall, 4),
                    "precision": round(s.edit_precision, 4),
                    "gold": s.edits_gold,
                    "predicted": s.edits_predicted,
                },
            },
        }


def default_sources(shared_dir: Path | None = None) -> list[str]:
    """The AEB ground-truth bodies and the reference story's clean texts, read in place."""
    import json

    from storyline.evaluate.gold import clean_corpus_text, find_shared_dir

    shared = shared_dir or find_shared_dir()
    truth = json.loads((shared / "data" / "aeb" / "ground-truth.json").read_text("utf-8"))
    texts = [truth[key]["articleBody"] for key in sorted(truth)]
    story = shared / "corpus" / "iraq-embassy-2020"
    if story.is_dir():
        texts += [clean_corpus_text(path) for path in sorted(story.glob("*.txt"))]
    return texts


def run_alignment_evaluation(
    seed: int = 1,
    cases: Sequence[ConstructedCase] | None = None,
    shared_dir: Path | None = None,
    n_cases: int = 60,
) -> AlignmentReport:
    if cases is None:
        cases = build_constructed_set(seed, default_sources(shared_dir), n_cases)
    score = AlignmentScore()
    kinds: dict[str, int] = {}
    for case in cases:
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
        _score_case(case, score)
    return AlignmentReport(seed=seed, cases=len(cases), kinds=kinds, scores={STORYLINE: score})


def _score_case(case: ConstructedCase, score: AlignmentScore) -> None:
    by_id = {a.id: a for a in case.articles}
    passages: list[AlignedPassage] = []
    for a, b in itertools.combinations(sorted(case.articles, key=lambda x: x.id), 2):
        found = align_articles(a, b)
        passages.extend(found)
        predicted = _chars(
            [((p.a_id, p.a_start, p.a_end), (p.b_id, p.b_start, p.b_end)) for p in found]
        )
        gold = _chars(
            [
                ((g.copy_id, g.copy_start, g.copy_end), (g.source_id, g.source_start, g.source_end))
                for g in case.copies
                if {g.copy_id, g.source_id} == {a.id, b.id}
            ]
        )
        score.span_true += len(predicted & gold)
        score.span_predicted += len(predicted)
        score.span_gold += len(gold)
    provenance = trace_provenance(case.articles, passages)
    predicted_direction = {frozenset((d.source_id, d.copy_id)): d for d in provenance.directions}
    for source_id, copy_id, dated in case.directions:
        d = predicted_direction.get(frozenset((source_id, copy_id)))
        right = int(d is not None and d.source_id == source_id and d.confidence > 0)
        for subset in ("all", "dated" if dated else "undated"):
            score.directions[subset][0] += right
            score.directions[subset][1] += 1
    edits = [
        (p.a_id, e.a_start, e.a_end, p.b_id, e.b_start, e.b_end, e.kind)
        for p in passages
        for e in find_edits(p, by_id[p.a_id], by_id[p.b_id])
    ]
    score.edits_gold += len(case.edits)
    score.edits_predicted += len(edits)
    score.edits_found += sum(any(_hits(g, e) for e in edits) for g in case.edits)
    score.edits_right += sum(any(_hits(g, e) for g in case.edits) for e in edits)


def _chars(pairs: list[tuple[tuple[str, int, int], tuple[str, int, int]]]) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for sides in pairs:
        for article_id, start, end in sides:
            found.update((article_id, k) for k in range(start, end))
    return found


def _hits(gold: GoldEdit, edit: tuple[str, int, int, str, int, int, str]) -> bool:
    a_id, a_start, a_end, b_id, b_start, b_end, kind = edit
    if kind != gold.kind:
        return False
    for article_id, start, end in ((a_id, a_start, a_end), (b_id, b_start, b_end)):
        if article_id == gold.copy_id and start < gold.end and gold.start < end:
            return True
    return False
