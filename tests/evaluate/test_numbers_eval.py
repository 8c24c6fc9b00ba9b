"""The numbers scorer on hand-made records, the gold loader, and a run on the gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import EvaluationError
from storyline.evaluate.numbers import (
    QUANTULUM,
    STORYLINE,
    GoldQuantity,
    Predicted,
    counted_heads,
    load_gold,
    match,
    run_numbers_evaluation,
    value_correct,
)

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "evaluation" / "gold" / "numbers.jsonl"


def gold(start: int, end: int, value: float | None = 1.0, unit: str | None = None) -> GoldQuantity:
    return GoldQuantity(start, end, "x", value, value, value, unit, None)


def predicted(
    start: int, end: int, value: float | None = 1.0, unit: str | None = None
) -> Predicted:
    return Predicted(start, end, value, value, value, unit, None)


def test_match_is_one_to_one_by_largest_overlap() -> None:
    g = [gold(0, 10), gold(12, 20)]
    p = [predicted(5, 15), predicted(0, 9), predicted(30, 40)]
    pairs = match(g, p)
    assert [(a.start, b.start) for a, b in pairs] == [(0, 0), (12, 5)]


def test_value_needs_value_and_unit() -> None:
    assert value_correct(gold(0, 1, 3.6e9, "USD"), predicted(0, 1, 3.6e9, "USD"))
    assert not value_correct(gold(0, 1, 3.6e9, "USD"), predicted(0, 1, 3.6, "USD"))
    assert not value_correct(gold(0, 1, 40, "percent"), predicted(0, 1, 40, None))
    ranged = GoldQuantity(0, 1, "x", None, 10, 20, None, None)
    assert value_correct(ranged, Predicted(0, 1, None, 10, 20, None, None))


def test_counted_heads() -> None:
    assert counted_heads("US troops") == counted_heads("troops") == {"troop"}
    assert counted_heads("children and women") == {"child", "woman"}
    assert counted_heads("military bases") == {"base"}


def test_load_gold_finds_anchors_and_occurrences(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "t1",
        "text": "Two boats sank; two boats were saved.",
        "quantities": [{"anchor": "two boats", "value": 2, "unit": None, "counted": "boats"}],
    }
    second = dict(record, quantities=[dict(record["quantities"][0], occurrence=1)])
    path.write_text(json.dumps(record) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    first_doc, second_doc = load_gold(path)
    assert first_doc.quantities[0].start == 16 == second_doc.quantities[0].start


def test_load_gold_rejects_missing_anchor(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "No numbers.", "quantities": [{"anchor": "five"}]}) + "\n")
    with pytest.raises(EvaluationError, match="'five' not in the text"):
        load_gold(path)


def test_run_on_a_hand_made_gold(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "t1",
        "text": "Officials said 14 fishermen and a pilot were rescued after the ferry sank.",
        "quantities": [
            {
                "anchor": "14 fishermen and a pilot",
                "value": 15,
                "unit": None,
                "counted": "fishermen and pilot",
            }
        ],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = run_numbers_evaluation(path)
    score = report.score(STORYLINE)
    assert (score.gold, score.matched, score.value_correct) == (1, 1, 1)
    assert "storyline" in report.format_table()
    assert report.to_dict()["systems"][0]["f1"] == 1.0


def test_floors_on_the_gold_file() -> None:
    """The quality floor: the gold file includes the reference story, so it needs ../shared."""
    if not (REPO.parent / "shared" / "corpus" / "iraq-embassy-2020").is_dir():
        pytest.skip("../shared not found")
    report = run_numbers_evaluation(GOLD)
    ours = report.score(STORYLINE)
    assert ours.gold >= 70
    assert ours.f1 >= 0.9 and ours.value_accuracy >= 0.9 and (ours.counted_accuracy or 0) >= 0.9
    baseline = report.score(QUANTULUM)
    if baseline.error is None:
        assert ours.f1 > baseline.f1
