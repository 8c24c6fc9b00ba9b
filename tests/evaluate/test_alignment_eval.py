"""The gold set by construction and its scores."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.evaluate.alignment import build_constructed_set, run_alignment_evaluation

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
_RNG = random.Random(5)
_WORDS = [
    "".join(_RNG.choice("bcdfghklmnprstvz") + _RNG.choice("aeiou") for _ in range(3))
    for _ in range(400)
]


def _text() -> str:
    # Sentences of made-up words: texts that share no phrases unless a case copies them.
    sentences = []
    for k in range(14):
        words = _RNG.sample(_WORDS, 12)
        sentences.append(
            f"{words[0].capitalize()} {' '.join(words[1:6])} {k * 7 + 12} {' '.join(words[6:])}."
        )
    return " ".join(sentences)


TEXTS = [_text() for _ in range(8)]


def test_constructed_cases_record_true_spans_and_are_reproducible():
    cases = build_constructed_set(7, TEXTS, cases=10)
    assert cases == build_constructed_set(7, TEXTS, cases=10)
    for case in cases:
        by_id = {a.id: a for a in case.articles}
        for copy in case.copies:
            assert 0 <= copy.copy_start < copy.copy_end <= len(by_id[copy.copy_id].text)
            assert copy.source_end <= len(by_id[copy.source_id].text)
        for edit in case.edits:
            assert by_id[edit.copy_id].text[edit.start : edit.end] == edit.copy_value


def test_scores_on_hand_made_texts():
    report = run_alignment_evaluation(seed=3, cases=build_constructed_set(3, TEXTS, cases=10))
    assert report.score("storyline").f1 > 0.8
    assert "span F1" in report.format_table()
    assert report.to_dict()["storyline"]["span"]["f1"] == round(report.score("storyline").f1, 4)
    with pytest.raises(KeyError, match="storyline"):
        report.score("other")


@pytest.mark.slow
def test_quality_floor_on_real_texts():
    if not (SHARED / "data" / "aeb" / "ground-truth.json").is_file():
        pytest.skip("../shared/data/aeb not found")
    score = run_alignment_evaluation(seed=1).score("storyline")
    # Seed 1 gives span F1 0.97, direction 0.90, edit recall 0.81: floors leave some room.
    assert score.f1 >= 0.93
    assert score.direction_accuracy("all") >= 0.8
    assert score.edit_recall >= 0.6
