"""Numbers scored on a hand-annotated gold file, storyline beside quantulum3.

The gold file is JSON Lines, one document per line::

    {"corpus_file": "iraq-embassy-2020/001_….txt",      # relative to ../shared/corpus
     "quantities": [{"anchor": "around 40 rocket attacks", "value": 40, "unit": null,
                     "counted": "rocket attacks", "approximation": "about"}, …]}
    {"id": "hand-01", "text": "<a short text written for the gold file>", "quantities": […]}

A corpus file is read and cleaned exactly as ``storyline analyze`` does, and each ``anchor`` is
looked up in that clean text (``"occurrence": n`` picks the n-th when it repeats). A gold
quantity with ``"value": null`` and ``"low"``/``"high"`` is a range.

Scores, per system:

- spans: a prediction matches a gold quantity when their character spans overlap; matching is
  one-to-one, largest overlap first. Precision, recall and F1 over those matches.
- value accuracy, over matched pairs: the value (or a range's bounds) equal up to float noise,
  and the unit equal (ISO currency, "percent", a measure code, or none). Values are compared
  after scaling, so "$3.6 billion" is 3.6e9 whoever wrote it.
- counted accuracy, over matched pairs whose gold names what is counted: the head nouns agree
  (the last word of each "and"-joined group, singular). quantulum3 has no notion of what a
  number counts, so it gets no counted score.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError
from storyline.evaluate.gold import find_anchor, gold_records, gold_text
from storyline.evaluate.scoring import ValueScore, score_of
from storyline.evaluate.scoring import match_overlapping as match
from storyline.model import to_dict

STORYLINE = "storyline"
QUANTULUM = "quantulum3"
SYSTEMS = (STORYLINE, QUANTULUM)
QUANTULUM_HINT = "pip install quantulum3 (the `eval` extra)"


@dataclass(frozen=True)
class GoldQuantity:
    start: int
    end: int
    anchor: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counted: str | None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    quantities: tuple[GoldQuantity, ...]


@dataclass(frozen=True)
class Predicted:
    """One system's quantity, reduced to what is scored."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counted: str | None


@dataclass(frozen=True)
class SystemScore(ValueScore):
    counted_gold: int  # matched pairs whose gold names what is counted
    counted_correct: int | None  # None: the system does not say what a number counts
    error: str | None = None  # why the system could not run

    @property
    def counted_accuracy(self) -> float | None:
        if self.counted_correct is None:
            return None
        return self.counted_correct / self.counted_gold if self.counted_gold else 0.0


@dataclass(frozen=True)
class NumbersReport:
    documents: int
    systems: tuple[SystemScore, ...]
    # storyline's misses, spurious finds and wrong values, for reading (not scored)
    errors: tuple[str, ...] = ()

    def score(self, system: str) -> SystemScore:
        return score_of(self.systems, system)

    def format_table(self) -> str:
        lines = [
            f"numbers: {self.documents} documents, {self.systems[0].gold} gold quantities",
            f"{'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'counted':>8}  found",
        ]
        for s in self.systems:
            if s.error:
                lines.append(f"{s.system:<12} not run: {s.error}")
                continue
            counted = "n/a" if s.counted_accuracy is None else f"{s.counted_accuracy:.3f}"
            lines.append(
                f"{s.system:<12} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                f"{s.value_accuracy:>6.3f} {counted:>8}  {s.matched}/{s.gold} ({s.predicted} out)"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        systems = []
        for s in self.systems:
            entry = to_dict(s)
            entry.update(
                precision=s.precision,
                recall=s.recall,
                f1=s.f1,
                value_accuracy=s.value_accuracy,
                counted_accuracy=s.counted_accuracy,
            )
            systems.append(entry)
        return {"documents": self.documents, "systems": systems, "errors": list(self.errors)}


# --------------------------------------------------------------------------- gold


def load_gold(gold_path: Path, shared_dir: Path | None = None) -> list[GoldDocument]:
    documents = []
    for number, where, record in gold_records(gold_path):
        doc_id, text = gold_text(record, where, shared_dir, default_id=f"line-{number}")
        quantities = tuple(_gold_quantity(text, item, where) for item in record["quantities"])
        documents.append(GoldDocument(doc_id, text, quantities))
    return documents


def _gold_quantity(text: str, item: dict[str, Any], where: str) -> GoldQuantity:
    anchor = item["anchor"]
    start = find_anchor(text, anchor, item.get("occurrence", 1))
    if start < 0:
        raise EvaluationError(f"{where}: anchor {anchor!r} not in the text")
    value = item.get("value")
    return GoldQuantity(
        start=start,
        end=start + len(anchor),
        anchor=anchor,
        value=None if value is None else float(value),
        low=item.get("low", value),
        high=item.get("high", value),
        unit=item.get("unit"),
        counted=item.get("counted"),
    )


# --------------------------------------------------------------------------- systems


def storyline_predictions(texts: list[str]) -> list[list[Predicted]]:
    from storyline.language.context import ArticleContext
    from storyline.language.nlp import parse
    from storyline.language.quantities import find_quantities
    from storyline.model import UNKNOWN_DATE

    out = []
    for index, doc in enumerate(parse(texts)):
        context = ArticleContext(article_id=str(index), published=UNKNOWN_DATE)
        found = find_quantities(doc, context)
        out.append(
            [Predicted(q.start, q.end, q.value, q.low, q.high, q.unit, q.counted) for q in found]
        )
    return out


# quantulum3's unit names for the units storyline writes as codes.
_QUANTULUM_UNITS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "percentage": "percent",
    "per cent": "percent",
    "kilometre": "km",
    "metre": "m",
    "centimetre": "cm",
    "millimetre": "mm",
    "mile": "mi",
    "kilogram": "kg",
    "gram": "g",
    "tonne": "t",
    "pound-mass": "lb",
    "litre": "l",
    "barrel": "bbl",
    "hectare": "ha",
    "acre": "acre",
}


def quantulum_predictions(texts: list[str]) -> list[list[Predicted]]:
    """quantulum3's quantities, in its no-classifier mode.

    Its shipped classifier (``clf.joblib``) is a pickle of an older scikit-learn and fails to
    load with the scikit-learn in our environment ("No module named '_loss'"), and pointing
    ``classifier_path`` elsewhere hits a bug in its fallback. So, for the duration of this call
    only, its module flag ``USE_CLF`` is set as quantulum3 sets it itself when scikit-learn is
    absent: the rule-based unit disambiguation that a plain ``pip install quantulum3`` runs.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

    saved = classifier.USE_CLF
    classifier.USE_CLF = False
    try:
        out = []
        for text in texts:
            found = []
            for q in parser.parse(text):
                unit = q.unit
                # "dollar per month" is dollars with a rate: the rate is not scored.
                name = unit.name.split(" per ")[0]
                code = getattr(unit, "currency_code", None) or _QUANTULUM_UNITS.get(name)
                if code is None and unit.entity.name != "dimensionless":
                    code = name
                low, high = q.value, q.value
                if q.uncertainty:
                    low, high = q.value - q.uncertainty, q.value + q.uncertainty
                found.append(Predicted(q.span[0], q.span[1], q.value, low, high, code, None))
            out.append(found)
    finally:
        classifier.USE_CLF = saved
    return out


# --------------------------------------------------------------------------- scoring


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def value_correct(gold: GoldQuantity, predicted: Predicted) -> bool:
    if gold.unit != predicted.unit:
        return False
    if gold.value is not None:
        return _same(gold.value, predicted.value)
    return _same(gold.low, predicted.low) and _same(gold.high, predicted.high)


_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person"}
_IRREGULAR |= {"personnel": "personnel", "bases": "base", "police": "police"}


def counted_heads(counted: str) -> frozenset[str]:
    """ "US troops" → {"troop"}; "children and women" → {"child", "woman"}."""
    heads = set()
    for group in counted.lower().replace(",", " and ").split(" and "):
        words = group.split()
        if not words:
            continue
        word = words[-1]
        if word in _IRREGULAR:
            word = _IRREGULAR[word]
        elif word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        heads.add(word)
    return frozenset(heads)


def score_system(
    system: str, documents: list[GoldDocument], predictions: list[list[Predicted]]
) -> tuple[SystemScore, list[str]]:
    gold_total = sum(len(d.quantities) for d in documents)
    predicted_total = sum(len(p) for p in predictions)
    matched = value_ok = counted_gold = counted_ok = 0
    errors: list[str] = []
    for document, predicted in zip(documents, predictions, strict=True):
        pairs = match(document.quantities, predicted)
        matched += len(pairs)
        for gold, found in pairs:
            if value_correct(gold, found):
                value_ok += 1
            else:
                errors.append(
                    f"{document.id}: value {gold.anchor!r}: gold {gold.value} {gold.unit}, "
                    f"got {found.value} {found.unit} ({found.low}..{found.high})"
                )
            if gold.counted:
                counted_gold += 1
                if found.counted and counted_heads(gold.counted) == counted_heads(found.counted):
                    counted_ok += 1
                else:
                    errors.append(
                        f"{document.id}: counted {gold.anchor!r}: gold {gold.counted!r}, "
                        f"got {found.counted!r}"
                    )
        hit_gold = {id(g) for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}
        errors += [
            f"{document.id}: missed {g.anchor!r}"
            for g in document.quantities
            if id(g) not in hit_gold
        ]
        errors += [
            f"{document.id}: spurious {document.text[p.start : p.end]!r}"
            for p in predicted
            if id(p) not in hit_pred
        ]
    counts_counted = system == STORYLINE
    score = SystemScore(
        system=system,
        gold=gold_total,
        predicted=predicted_total,
        matched=matched,
        value_correct=value_ok,
        counted_gold=counted_gold,
        counted_correct=counted_ok if counts_counted else None,
    )
    return score, errors


def run_numbers_evaluation(gold_path: Path, shared_dir: Path | None = None) -> NumbersReport:
    """Score storyline and quantulum3 on the gold file (see the module docstring)."""
    documents = load_gold(Path(gold_path), shared_dir)
    texts = [d.text for d in documents]
    runners: dict[str, Callable[[list[str]], list[list[Predicted]]]] = {
        STORYLINE: storyline_predictions,
        QUANTULUM: quantulum_predictions,
    }
    scores = []
    storyline_errors: list[str] = []
    gold_total = sum(len(d.quantities) for d in documents)
    for system, runner in runners.items():
        try:
            predictions = runner(texts)
        except ImportError as error:
            if system == STORYLINE:
                raise
            reason = f"{error}; install with: {QUANTULUM_HINT}"
            scores.append(SystemScore(system, gold_total, 0, 0, 0, 0, None, error=reason))
            continue
        score, errors = score_system(system, documents, predictions)
        scores.append(score)
        if system == STORYLINE:
            storyline_errors = errors
    return NumbersReport(len(documents), tuple(scores), tuple(storyline_errors))
