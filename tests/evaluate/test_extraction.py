"""The AEB scorer on hand-computed examples, the dataset loader, and the evaluation run."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from storyline.errors import EvaluationError
from storyline.evaluate.extraction import (
    STORYLINE,
    SYSTEMS,
    TRAFILATURA_DEFAULT,
    PageScore,
    aggregate,
    bootstrap_std,
    load_dataset,
    run_extraction_evaluation,
    score_page,
    shingles,
    tokens,
)

AEB = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "aeb"

# --------------------------------------------------------------------------- scorer


def test_tokens_are_word_runs_with_case_kept() -> None:
    assert tokens("Hello, World! it's 3.5%") == ["Hello", "World", "it", "s", "3", "5"]
    assert tokens(None) == []


def test_shingles_are_counted_word_4_grams() -> None:
    assert shingles("a b c d e a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "e"): 1,
        ("c", "d", "e", "a"): 1,
        ("d", "e", "a", "b"): 1,
        ("e", "a", "b", "c"): 1,
    }


def test_a_text_shorter_than_a_shingle_is_one_short_shingle() -> None:
    assert shingles("just two") == {("just", "two"): 1}
    assert shingles("... !") == {}


def test_identical_texts_score_one() -> None:
    score = score_page("one two three four five", "one two three four five")
    assert (score.tp, score.fp, score.fn) == (1.0, 0.0, 0.0)
    assert (score.precision, score.recall, score.exact) == (1.0, 1.0, True)


def test_one_changed_last_word_shares_one_of_two_shingles() -> None:
    # true: (one two three four) (two three four five)
    # pred: (one two three four) (two three four six)  -> tp 1, fp 1, fn 1, each 1/3
    score = score_page("one two three four five", "one two three four six")
    assert score.tp == pytest.approx(1 / 3)
    assert score.fp == pytest.approx(1 / 3)
    assert score.fn == pytest.approx(1 / 3)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.exact is False


def test_a_truncated_prediction_has_full_precision_and_partial_recall() -> None:
    # true has 3 shingles, the prediction 1 of them: tp 1, fp 0, fn 2
    score = score_page("w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(1 / 3)


def test_extra_text_costs_precision_only() -> None:
    # pred adds "w5 w6": 3 shingles, 1 true -> precision 1/3, recall 1
    score = score_page("w1 w2 w3 w4", "w1 w2 w3 w4 w5 w6")
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == 1.0


def test_case_and_punctuation_count_as_the_benchmark_counts_them() -> None:
    assert score_page("Hello, world", "hello world").precision == 0.0  # case is kept
    assert score_page("Hello, world!", "Hello world").precision == 1.0  # punctuation is not


def test_empty_prediction_costs_recall_but_is_left_out_of_precision() -> None:
    perfect = score_page("a b c d e", "a b c d e")
    empty = score_page("a b c d e", "")
    assert (empty.tp, empty.fp, empty.fn) == (0.0, 0.0, 1.0)
    metrics = aggregate([perfect, empty])
    assert metrics["precision"] == 1.0  # only the page with output counts
    assert metrics["recall"] == 0.5
    assert metrics["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # harmonic mean of the means
    assert metrics["accuracy"] == 0.5


def test_f1_is_the_harmonic_mean_of_mean_precision_and_mean_recall() -> None:
    pages = [PageScore(0.5, 0.5, 0.0, False), PageScore(0.5, 0.0, 0.5, False)]
    # precisions 0.5 and 1.0, recalls 1.0 and 0.5: both means 0.75, so F1 0.75
    assert aggregate(pages) == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "accuracy": 0.0}


def test_bootstrap_is_repeatable_and_zero_for_identical_pages() -> None:
    pages = [score_page("a b c d e f", "a b c d"), score_page("a b c d e", "a b c d e")] * 5
    assert bootstrap_std(pages) == bootstrap_std(pages)
    same = [score_page("a b c d e", "a b c d e")] * 10
    assert bootstrap_std(same) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0}


# --------------------------------------------------------------------------- dataset

ARTICLE_TEXT = (
    "The night ferry ran late for the third time this week after a rope fouled its propeller "
    "near the outer buoy, and divers needed an hour to cut it free.",
    "Passengers were offered hot drinks on the quay, and the operator promised a refund of half "
    "the fare to everyone who had booked a cabin for the crossing.",
)


def page_html(number: int) -> str:
    paragraphs = "".join(f"<p>{text} (page {number})</p>" for text in ARTICLE_TEXT)
    return (
        f"<!DOCTYPE html><html><head><title>Ferry delayed, part {number}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/tides'>Tide tables</a>"
        f"</nav><article>{paragraphs}</article><footer>Contact the desk</footer></body></html>"
    )


def write_dataset(root: Path, pages: int) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for number in range(pages):
        page_id = f"page{number:02d}"
        with gzip.open(root / "html" / f"{page_id}.html.gz", "wt", encoding="utf-8") as handle:
            handle.write(page_html(number))
        body = "\n\n".join(f"{text} (page {number})" for text in ARTICLE_TEXT)
        truth[page_id] = {"articleBody": body, "url": f"https://ferry.example/{number}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_dataset_pages_are_loaded_in_id_order(tmp_path: Path) -> None:
    pages = load_dataset(write_dataset(tmp_path / "aeb", 3))
    assert [page.page_id for page in pages] == ["page00", "page01", "page02"]
    assert pages[1].url == "https://ferry.example/1"


def test_missing_folder_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not a directory"):
        load_dataset(tmp_path / "nowhere")


def test_missing_ground_truth_is_an_evaluation_error(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    with pytest.raises(EvaluationError, match=r"ground-truth\.json: missing"):
        load_dataset(tmp_path)


def test_malformed_ground_truth_is_an_evaluation_error(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "aeb", 1)
    (root / "ground-truth.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not readable JSON"):
        load_dataset(root)
    (root / "ground-truth.json").write_text('{"page00": {"url": "x"}}', encoding="utf-8")
    with pytest.raises(EvaluationError, match="page 'page00' has no string 'articleBody'"):
        load_dataset(root)


def test_a_page_missing_its_html_is_an_evaluation_error(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "aeb", 2)
    (root / "html" / "page01.html.gz").unlink()
    with pytest.raises(EvaluationError, match=r"page01\.html\.gz: missing page"):
        load_dataset(root)


# --------------------------------------------------------------------------- run


def test_report_scores_both_systems_on_a_small_dataset(tmp_path: Path) -> None:
    report = run_extraction_evaluation(write_dataset(tmp_path / "aeb", 3), workers=1)
    assert [entry.system for entry in report.systems] == list(SYSTEMS)
    ours = report.score(STORYLINE)
    assert (ours.pages, ours.empty) == (3, 0)
    assert (ours.precision, ours.recall, ours.f1, ours.accuracy) == (1.0, 1.0, 1.0, 1.0)
    table = report.format_table()
    assert STORYLINE in table and TRAFILATURA_DEFAULT in table and "1.000 ± 0.000" in table
    as_dict = report.to_dict()
    assert as_dict["systems"][0]["system"] == STORYLINE
    assert set(as_dict["systems"][0]) >= {"precision", "recall", "f1", "f1_std", "pages"}


def test_report_does_not_depend_on_the_number_of_workers(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "aeb", 5)
    assert run_extraction_evaluation(root, workers=1) == run_extraction_evaluation(root, workers=2)


@pytest.mark.skipif(not AEB.is_dir(), reason=f"AEB dataset not found at {AEB}")
def test_storyline_beats_trafilatura_default_on_the_first_aeb_pages() -> None:
    started = time.perf_counter()
    report = run_extraction_evaluation(AEB, limit=20)
    assert time.perf_counter() - started < 20
    ours, baseline = report.score(STORYLINE), report.score(TRAFILATURA_DEFAULT)
    assert ours.pages == 20
    # measured: storyline 0.990, trafilatura default 0.967 on these 20 pages
    assert ours.f1 >= 0.98
    assert ours.f1 > baseline.f1
