"""Time expressions scored against the gold file, storyline beside dateparser's ``search_dates``.

The gold file (``evaluation/gold/time.jsonl``) holds one JSON object per document: either a
reference-corpus file (``corpus_file``, relative to ``../shared/corpus``; its clean text is what
ingestion makes of it) or a hand-written ``text``, an optional ``published`` date (the anchor, as
JSON Lines input would give it) and ``times``: ``{"anchor": <the expression as written>, "type",
"value", "resolved"?}``, listed in text order (each anchor is looked for after the previous one).

Scores, per system:

- span precision / recall / F1: a prediction matches a gold expression when their character
  spans overlap (one-to-one, largest overlap first);
- value accuracy: the share of matched gold expressions whose TimeML value is exactly right;
- days right: the share of matched gold DATE/TIME expressions whose dates the prediction puts
  inside the gold value's dates ("August" → any day of 2020-08), a lenient measure that lets a
  day-only system be compared at all;
- guessed: predictions marked resolved (dateparser: all of them) for gold expressions that must
  stay unresolved because the document has no anchor.

dateparser runs with ``RELATIVE_BASE`` set to the published date (midnight), or to a fixed
2000-01-01 when the document has none (it would otherwise read the clock). Each returned
datetime becomes a day value (``YYYY-MM-DD``), since it carries no granularity; its offsets are
found by searching the returned substring after the previous one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError
from storyline.evaluate.gold import corpus_path, find_anchor, gold_records
from storyline.evaluate.scoring import ValueScore, match_overlapping, score_of
from storyline.language.context import ArticleContext
from storyline.language.timex_resolve import interval
from storyline.model import UNKNOWN_DATE, PublicationDate, RawDocument

STORYLINE = "storyline"
DATEPARSER = "dateparser-search_dates"
SYSTEMS = (STORYLINE, DATEPARSER)
_NO_ANCHOR_BASE = dt.datetime(2000, 1, 1)  # dateparser's base when the gold document has none


@dataclass(frozen=True)
class Timex:
    """A gold or predicted expression: span, type, value, and whether it claims to be resolved."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    resolved: bool = True
    dates: tuple[str, str] | None = None  # inclusive begin/end of a prediction, when it has them


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    published: PublicationDate
    times: tuple[Timex, ...]


@dataclass(frozen=True)
class SystemScore(ValueScore):
    dated: int  # matched gold DATE/TIME expressions with complete dates
    dates_correct: int
    guessed: int

    @property
    def dates_accuracy(self) -> float:
        return self.dates_correct / self.dated if self.dated else 0.0


@dataclass(frozen=True)
class TimeReport:
    documents: int
    scores: tuple[SystemScore, ...]
    errors: tuple[str, ...]  # storyline's wrong values and misses, for reading

    def score(self, system: str) -> SystemScore:
        return score_of(self.scores, system)

    def format_table(self) -> str:
        lines = [
            f"time expressions: {self.documents} documents, {self.scores[0].gold} gold expressions",
            f"{'system':<26}{'P':>7}{'R':>7}{'F1':>7}{'value':>8}{'days':>7}{'guessed':>9}",
        ]
        for s in self.scores:
            lines.append(
                f"{s.system:<26}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{s.value_accuracy:>8.3f}{s.dates_accuracy:>7.3f}{s.guessed:>9}"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "systems": {
                s.system: {
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "matched": s.matched,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "value_accuracy": round(s.value_accuracy, 4),
                    "dates_accuracy": round(s.dates_accuracy, 4),
                    "guessed": s.guessed,
                }
                for s in self.scores
            },
            "errors": list(self.errors),
        }


# --------------------------------------------------------------------------- gold


def load_gold(gold_path: Path, shared_dir: Path | None = None) -> list[GoldDocument]:
    return [
        _gold_document(record, shared_dir, where) for _, where, record in gold_records(gold_path)
    ]


def _gold_document(record: dict[str, Any], shared_dir: Path | None, where: str) -> GoldDocument:
    published = record.get("published")
    if "corpus_file" in record:
        from storyline.ingest.plain import extract_plain_text

        path = corpus_path(record, where, shared_dir)
        raw = RawDocument(
            source_id=record["corpus_file"],
            origin=str(path),
            kind="text",
            content=path.read_text(encoding="utf-8"),
            input_format="text",
            published=published,
        )
        extraction = extract_plain_text(raw)
        text, date = extraction.text, extraction.published
        doc_id = record.get("id", record["corpus_file"])
    elif "text" in record:
        text, doc_id = record["text"], record["id"]
        date = PublicationDate(published, "input-metadata") if published else UNKNOWN_DATE
    else:
        raise EvaluationError(f"{where}: a gold document needs 'corpus_file' or 'text'")
    return GoldDocument(doc_id, text, date, tuple(_gold_times(record["times"], text, where)))


def _gold_times(items: list[dict[str, Any]], text: str, where: str) -> list[Timex]:
    times, position = [], 0
    for item in items:
        start = find_anchor(text, item["anchor"], start=position)
        if start < 0:
            raise EvaluationError(
                f"{where}: anchor {item['anchor']!r} not found after offset {position}"
            )
        end = start + len(item["anchor"])
        times.append(
            Timex(
                start, end, item["anchor"], item["type"], item["value"], item.get("resolved", True)
            )
        )
        position = end
    return times


# --------------------------------------------------------------------------- systems


def storyline_times(documents: list[GoldDocument]) -> list[list[Timex]]:
    from storyline.language.nlp import parse
    from storyline.language.timex import find_times

    found = []
    for document, doc in zip(documents, parse(d.text for d in documents), strict=True):
        context = ArticleContext(article_id=document.id, published=document.published)
        found.append(
            [
                Timex(
                    t.start,
                    t.end,
                    t.text,
                    t.type,
                    t.value,
                    t.resolved,
                    (t.begin, t.end_value) if t.begin and t.end_value else None,
                )
                for t in find_times(doc, context)
            ]
        )
    return found


def dateparser_times(documents: list[GoldDocument]) -> list[list[Timex]]:
    from dateparser.search import search_dates

    found = []
    for document in documents:
        base = _NO_ANCHOR_BASE
        if document.published.value:
            base = dt.datetime.fromisoformat(document.published.value[:10])
        results = (
            search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        )
        times, position = [], 0
        for substring, moment in results:
            start = document.text.find(substring, position)
            if start < 0:
                continue
            day = moment.date().isoformat()
            times.append(
                Timex(start, start + len(substring), substring, "DATE", day, True, (day, day))
            )
            position = start + len(substring)
        found.append(times)
    return found


# --------------------------------------------------------------------------- scoring


def _gold_dates(value: str | None) -> tuple[dt.date, dt.date] | None:
    if value is None or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    first, _, last = value.partition("/")
    left, right = interval(first), interval(last or first)
    return (left[0], right[1]) if left and right else None


def score_system(
    system: str, documents: list[GoldDocument], predictions: list[list[Timex]]
) -> tuple[SystemScore, list[str]]:
    gold_total = predicted_total = matched = value_correct = dated = dates_correct = guessed = 0
    errors = []
    for document, predicted in zip(documents, predictions, strict=True):
        pairs = match_overlapping(document.times, predicted)
        gold_total += len(document.times)
        predicted_total += len(predicted)
        matched += len(pairs)
        for gold, prediction in pairs:
            value_correct += gold.value == prediction.value
            if gold.value != prediction.value:
                errors.append(
                    f"{document.id}: {gold.text!r} gold {gold.value} got {prediction.value}"
                )
            if not gold.resolved and prediction.resolved:
                guessed += 1
            span = _gold_dates(gold.value)
            if span is not None:
                dated += 1
                if prediction.dates is not None:
                    begin, end = (dt.date.fromisoformat(day) for day in prediction.dates)
                    dates_correct += span[0] <= begin and end <= span[1]
        paired = {id(gold) for gold, _ in pairs}
        errors.extend(
            f"{document.id}: missed {g.text!r}" for g in document.times if id(g) not in paired
        )
        matched_predictions = {id(p) for _, p in pairs}
        errors.extend(
            f"{document.id}: extra {p.text!r} {p.value}"
            for p in predicted
            if id(p) not in matched_predictions
        )
    score = SystemScore(
        system, gold_total, predicted_total, matched, value_correct, dated, dates_correct, guessed
    )
    return score, errors


def run_time_evaluation(gold_path: Path, shared_dir: Path | None = None) -> TimeReport:
    """Score storyline and dateparser on the gold file (see the module docstring)."""
    documents = load_gold(gold_path, shared_dir)
    ours, errors = score_system(STORYLINE, documents, storyline_times(documents))
    baseline, _ = score_system(DATEPARSER, documents, dateparser_times(documents))
    return TimeReport(len(documents), (ours, baseline), tuple(errors))
