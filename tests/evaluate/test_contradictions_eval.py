"""The contradiction evaluation: the gold file through the real pipeline, and bad gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import EvaluationError
from storyline.evaluate.contradictions import read_gold, run_contradiction_evaluation

GOLD = Path(__file__).resolve().parents[2] / "evaluation" / "gold" / "contradictions.jsonl"


def _case(**overrides):
    case = {
        "id": "mine",
        "articles": [
            {"id": "a", "published": "2022-01-05", "text": "Head\n\nNine boats sank on Monday."},
            {"id": "b", "published": "2022-01-05", "text": "Head\n\nFour boats sank on Monday."},
        ],
        "contradictions": [{"kind": "count", "a": ["a", "Nine boats"], "b": ["b", "Four boats"]}],
        "not_contradictions": [],
    }
    case.update(overrides)
    return case


def test_gold_file_scores_above_the_floor_and_beats_the_naive_baseline():
    report = run_contradiction_evaluation(GOLD)
    mine, naive = report.score("storyline"), report.score("naive-numbers")
    assert report.cases >= 16
    assert mine.precision >= 0.9 and mine.recall >= 0.8
    assert mine.look_alikes_flagged == 0  # no tricky non-contradiction raised
    assert naive.look_alikes_flagged > mine.look_alikes_flagged
    assert mine.f1 > naive.f1
    assert "naive-numbers" in report.format_table()
    assert {flag["case"] for flag in report.flags} >= {"casualty-breakdown", "meeting-date"}


def test_a_small_case_of_my_own_is_flagged(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_case()) + "\n", encoding="utf-8")
    report = run_contradiction_evaluation(gold)
    assert report.score("storyline").found == 1
    (flag,) = report.flags
    assert {flag["a"], flag["b"]} == {"Nine boats", "Four boats"}


def test_a_phrase_missing_from_its_article_names_the_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    bad = _case(contradictions=[{"kind": "count", "a": ["a", "Ten boats"], "b": ["b", "Four"]}])
    gold.write_text("\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:2: .*Ten boats"):
        read_gold(gold)


def test_malformed_json_and_missing_files_are_evaluation_errors(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:1"):
        read_gold(gold)
    with pytest.raises(EvaluationError, match="not found"):
        read_gold(tmp_path / "missing.jsonl")
