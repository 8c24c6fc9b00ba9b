"""Headline stance scored on the Emergent data set, storyline beside a bag-of-words baseline.

Emergent (Ferreira & Vlachos 2016) pairs a claim with news headlines about it, each labelled
``for``, ``against`` or ``observing``. Its CSV files have the columns ``claimHeadline``,
``articleHeadline``, ``articleHeadlineStance`` and, optionally, ``claimId`` and ``articleId``.

Which file is scored:

- DATASET is a folder holding ``X-train.csv`` and ``X-test.csv``: the test file is scored, and
  the training file is used only to train the baseline (and to refit storyline's weights as a
  check); the two splits share no claim;
- DATASET is a folder holding one CSV, or a CSV file: that file is scored; the baseline is
  trained by 5-fold cross-validation grouped by claim (each headline is labelled by a model
  that never saw its claim).

Systems:

- ``storyline``: ``storyline.claims.stance.label_stance``, cue features with the shipped
  weights, which were fitted on Emergent's training split only (lbfgs logistic regression,
  C = 1.0, deterministic). With a training split at hand the weights are refit on it in the same
  run and the largest difference from the shipped ones is printed (it should be under 0.01,
  the rounding);
- ``bow-logreg``: the lexical baseline: binary unigram counts of the headline (scikit-learn's
  ``CountVectorizer``, lower-cased) and a logistic regression (C = 1.0, ``random_state=0``);
- ``majority``: every headline gets the most frequent stance of the training data.

Scores: accuracy, macro-F1 (the mean of the three per-stance F1; ``.f1`` of a score, held to
``--fail-under``), and per-stance precision, recall and F1, with the F1 of ``against`` (the
stance that flags a contradiction, the rarest) on its own line.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.claims.stance import (
    BIASES,
    FEATURES,
    STANCES,
    WEIGHTS,
    label_stance,
    stance_features,
)
from storyline.errors import EvaluationError
from storyline.evaluate.scoring import score_of

STORYLINE = "storyline"
BASELINE = "bow-logreg"
MAJORITY = "majority"
SEED = 0
FOLDS = 5  # cross-validation folds for the baseline when there is no training split
REQUIRED_COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance")
WEIGHT_TOLERANCE = 0.01  # refit vs shipped weights: rounding to two decimals, and a margin


@dataclass(frozen=True)
class StancePair:
    """One labelled headline: the claim, the headline, the gold stance, where it was read."""

    claim: str
    headline: str
    stance: str
    claim_id: str
    line: int


@dataclass(frozen=True)
class ClassScore:
    stance: str
    precision: float
    recall: float
    f1: float
    support: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(frozen=True)
class StanceScore:
    system: str
    accuracy: float
    macro_f1: float
    classes: tuple[ClassScore, ...]
    setting: str = ""

    @property
    def f1(self) -> float:
        """Macro-F1: what ``--fail-under`` holds to the floor."""
        return self.macro_f1

    def of(self, stance: str) -> ClassScore:
        for score in self.classes:
            if score.stance == stance:
                return score
        raise KeyError(f"no stance {stance!r}; valid: {', '.join(STANCES)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "against_f1": round(self.of("against").f1, 4),
            "classes": [score.to_dict() for score in self.classes],
            "setting": self.setting,
        }


@dataclass(frozen=True)
class StanceReport:
    scored_file: str
    train_file: str | None
    headlines: int
    claims: int
    train_headlines: int
    scores: tuple[StanceScore, ...]
    weight_difference: float | None  # largest |refit - shipped| weight, when refit
    seconds: float
    notes: tuple[str, ...] = ()

    def score(self, system: str) -> StanceScore:
        return score_of(self.scores, system)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scored_file": self.scored_file,
            "train_file": self.train_file,
            "headlines": self.headlines,
            "claims": self.claims,
            "train_headlines": self.train_headlines,
            "scores": [score.to_dict() for score in self.scores],
            "weight_difference": (
                None if self.weight_difference is None else round(self.weight_difference, 4)
            ),
            "seconds": round(self.seconds, 1),
            "notes": list(self.notes),
        }

    def format_table(self) -> str:
        trained = (
            f"trained on {self.train_headlines} headlines of other claims in {self.train_file}"
            if self.train_file
            else f"baseline by {FOLDS}-fold cross-validation grouped by claim"
        )
        lines = [
            f"stance: {self.headlines} headlines about {self.claims} claims in "
            f"{self.scored_file}; {trained} ({self.seconds:.1f}s)",
            f"{'system':<12} {'accuracy':>8} {'macro-F1':>8}  setting",
        ]
        for s in self.scores:
            lines.append(f"{s.system:<12} {s.accuracy:>8.3f} {s.macro_f1:>8.3f}  {s.setting}")
        lines.append(f"{'system':<12} {'stance':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>7}")
        for s in self.scores:
            for c in s.classes:
                lines.append(
                    f"{s.system:<12} {c.stance:<10} {c.precision:>6.3f} {c.recall:>6.3f} "
                    f"{c.f1:>6.3f} {c.support:>7}"
                )
        lines.append(
            "against F1: " + ", ".join(f"{s.system} {s.of('against').f1:.3f}" for s in self.scores)
        )
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


# --------------------------------------------------------------------------- data


def emergent_files(dataset: Path) -> tuple[Path | None, Path]:
    """(training file or None, file to score) for a DATASET folder or CSV file."""
    if dataset.is_file():
        return None, dataset
    if not dataset.is_dir():
        raise EvaluationError(f"{dataset}: no such file or folder")
    files = sorted(dataset.glob("*.csv"))
    tests = [path for path in files if path.stem.endswith("-test")]
    for test in tests:
        train = test.with_name(test.name[: -len("-test.csv")] + "-train.csv")
        if train.is_file():
            return train, test
    if len(files) == 1:
        return None, files[0]
    found = ", ".join(path.name for path in files) or "none"
    raise EvaluationError(
        f"{dataset}: expected X-train.csv with X-test.csv, or a single CSV file; found: {found}"
    )


def read_emergent(path: Path) -> list[StancePair]:
    """The labelled headlines of one Emergent CSV file; a malformed row is an
    ``EvaluationError`` naming the file and the line."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return _read_rows(path, handle)
    except UnicodeDecodeError as error:
        raise EvaluationError(f"{path}: not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise EvaluationError(f"{path}: cannot read: {error.strerror or error}") from error


def _read_rows(path: Path, handle: Any) -> list[StancePair]:
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise EvaluationError(f"{path}:1: not CSV: {error}") from error
    if header is None:
        raise EvaluationError(f"{path}: empty file")
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise EvaluationError(
            f"{path}:1: missing column {missing[0]!r}; "
            f"an Emergent file has {', '.join(REQUIRED_COLUMNS)}"
        )
    index = {name: header.index(name) for name in (*REQUIRED_COLUMNS, "claimId") if name in header}
    pairs = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise EvaluationError(f"{path}:{line}: not CSV: {error}") from error
        if row:
            pairs.append(_pair(path, line, header, row, index))
        line = reader.line_num + 1
    if not pairs:
        raise EvaluationError(f"{path}: no rows after the header")
    return pairs


def _pair(
    path: Path, line: int, header: list[str], row: list[str], index: dict[str, int]
) -> StancePair:
    if len(row) != len(header):
        raise EvaluationError(f"{path}:{line}: {len(row)} fields, the header has {len(header)}")
    claim = row[index["claimHeadline"]].strip()
    headline = row[index["articleHeadline"]].strip()
    stance = row[index["articleHeadlineStance"]].strip()
    for name, value in (("claimHeadline", claim), ("articleHeadline", headline)):
        if not value:
            raise EvaluationError(f"{path}:{line}: empty {name}")
    if stance not in STANCES:
        raise EvaluationError(
            f"{path}:{line}: stance {stance!r} is not one of {', '.join(STANCES)}"
        )
    claim_id = row[index["claimId"]].strip() if "claimId" in index else ""
    return StancePair(claim, headline, stance, claim_id or claim, line)


# --------------------------------------------------------------------------- systems


def storyline_predictions(pairs: Sequence[StancePair]) -> list[str]:
    return [label_stance(pair.claim, pair.headline).stance for pair in pairs]


def fit_stance_weights(
    pairs: Sequence[StancePair],
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Fit storyline's stance weights (biases, weights) on ``pairs``: a multinomial logistic
    regression over ``stance_features`` (lbfgs, C = 1.0, deterministic). Unrounded."""
    from sklearn.linear_model import LogisticRegression

    matrix = [list(stance_features(pair.claim, pair.headline).values) for pair in pairs]
    labels = [pair.stance for pair in pairs]
    if len(set(labels)) < len(STANCES):
        raise EvaluationError("fitting stance weights needs headlines of all three stances")
    model = LogisticRegression(C=1.0, max_iter=5000, random_state=SEED)
    model.fit(matrix, labels)
    biases = {str(c): float(b) for c, b in zip(model.classes_, model.intercept_, strict=True)}
    weights = {
        str(c): {name: float(w) for name, w in zip(FEATURES, row, strict=True)}
        for c, row in zip(model.classes_, model.coef_, strict=True)
    }
    return biases, weights


def weight_difference(biases: dict[str, float], weights: dict[str, dict[str, float]]) -> float:
    """The largest absolute difference between these and the shipped biases and weights."""
    gaps = [abs(biases[s] - BIASES[s]) for s in STANCES]
    gaps += [abs(weights[s][f] - WEIGHTS[s][f]) for s in STANCES for f in FEATURES]
    return max(gaps)


def _bow_model():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        CountVectorizer(binary=True, lowercase=True),
        LogisticRegression(C=1.0, max_iter=5000, random_state=SEED),
    )


def _bow_fit_predict(train: Sequence[StancePair], scored: Sequence[StancePair]) -> list[str]:
    labels = [pair.stance for pair in train]
    if len(set(labels)) < 2:
        return [labels[0]] * len(scored)
    model = _bow_model().fit([pair.headline for pair in train], labels)
    return [str(label) for label in model.predict([pair.headline for pair in scored])]


def baseline_predictions(
    train: Sequence[StancePair] | None, scored: Sequence[StancePair]
) -> list[str] | None:
    """Bag-of-words predictions: trained on ``train``, or by cross-validation grouped by claim
    when there is none (``None`` when the scored file has fewer than two claims)."""
    if train is not None:
        return _bow_fit_predict(train, scored)
    claims = sorted({pair.claim_id for pair in scored})
    if len(claims) < 2:
        return None
    folds = min(FOLDS, len(claims))
    fold_of = {claim: i % folds for i, claim in enumerate(claims)}
    predicted: list[str] = [""] * len(scored)
    for fold in range(folds):
        held = [i for i, pair in enumerate(scored) if fold_of[pair.claim_id] == fold]
        rest = [pair for pair in scored if fold_of[pair.claim_id] != fold]
        for i, label in zip(held, _bow_fit_predict(rest, [scored[i] for i in held]), strict=True):
            predicted[i] = label
    return predicted


def majority_stance(pairs: Sequence[StancePair]) -> str:
    counts = Counter(pair.stance for pair in pairs)
    return min(STANCES, key=lambda stance: (-counts[stance], STANCES.index(stance)))


# --------------------------------------------------------------------------- scoring


def score_predictions(
    system: str, gold: Sequence[str], predicted: Sequence[str], setting: str = ""
) -> StanceScore:
    """Accuracy, macro-F1 over the three stances, and per-stance P/R/F1."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    classes = []
    for stance in STANCES:
        true_positive = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == stance)
        predicted_n = sum(1 for p in predicted if p == stance)
        gold_n = sum(1 for g in gold if g == stance)
        precision = true_positive / predicted_n if predicted_n else 0.0
        recall = true_positive / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScore(stance, precision, recall, f1, gold_n))
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return StanceScore(
        system=system,
        accuracy=correct / len(gold) if gold else 0.0,
        macro_f1=sum(c.f1 for c in classes) / len(classes),
        classes=tuple(classes),
        setting=setting,
    )


def run_stance_evaluation(dataset: Path) -> StanceReport:
    """Score storyline's stance labels, the bag-of-words baseline and the majority stance on
    an Emergent DATASET (see the module docstring for which file is scored)."""
    import sklearn.linear_model  # noqa: F401  (loads the BLAS libraries before they are limited)
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    # One BLAS thread: the fits are small, and on a shared machine OpenBLAS threads that wait
    # for each other made them three times slower.
    with threadpool_limits(limits=1):
        return _run(dataset)


def _run(dataset: Path) -> StanceReport:
    started = time.perf_counter()
    train_file, scored_file = emergent_files(dataset)
    train = read_emergent(train_file) if train_file else None
    scored = read_emergent(scored_file)
    gold = [pair.stance for pair in scored]
    where = "the train split" if train is not None else "the scored file"

    scores = [
        score_predictions(
            STORYLINE,
            gold,
            storyline_predictions(scored),
            "cue features; shipped weights, fitted on Emergent's train split only",
        )
    ]
    baseline = baseline_predictions(train, scored)
    notes = []
    if baseline is not None:
        how = (
            "trained on the train split"
            if train is not None
            else f"{FOLDS}-fold cross-validation grouped by claim"
        )
        scores.append(
            score_predictions(
                BASELINE,
                gold,
                baseline,
                f"headline unigrams, logistic regression, {how} (seed {SEED})",
            )
        )
    else:
        notes.append(f"{BASELINE} skipped: the scored file has fewer than two claims")
    majority = majority_stance(train if train is not None else scored)
    scores.append(
        score_predictions(
            MAJORITY,
            gold,
            [majority] * len(gold),
            f"always {majority!r}, the most frequent in {where}",
        )
    )

    difference = None
    if train is not None:
        difference = weight_difference(*fit_stance_weights(train))
        verdict = "match" if difference <= WEIGHT_TOLERANCE else "DIFFER from"
        notes.append(
            f"storyline's weights refit on the train split in this run {verdict} the shipped "
            f"ones (largest difference {difference:.4f})"
        )
        notes.append("the scored file was used for scoring only: no system was trained on it")
    else:
        notes.append(
            "storyline's shipped weights were fitted on Emergent's train split: rows of that "
            "split in the scored file are not unseen"
        )
    return StanceReport(
        scored_file=scored_file.name,
        train_file=train_file.name if train_file else None,
        headlines=len(scored),
        claims=len({pair.claim_id for pair in scored}),
        train_headlines=len(train) if train is not None else 0,
        scores=tuple(scores),
        weight_difference=difference,
        seconds=time.perf_counter() - started,
        notes=tuple(notes),
    )
