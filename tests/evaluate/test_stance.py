"""The stance scorer: scores by hand, the Emergent layout, malformed rows as one-line errors, the
command, and (when ../shared has it) the real test split above the pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import EXIT_BELOW_FLOOR, EXIT_FAILED, main
from storyline.errors import EvaluationError
from storyline.evaluate.stance import (
    BASELINE,
    MAJORITY,
    STORYLINE,
    WEIGHT_TOLERANCE,
    emergent_files,
    read_emergent,
    run_stance_evaluation,
    score_predictions,
)

EMERGENT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "emergent"
STANCE_F1_FLOOR = 0.76  # the Makefile's STANCE_F1_FLOOR
HEADER = ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"

# Hand-written claims and headlines, a few of each stance per claim.
ROWS = {
    "c1": (
        "The harbour mayor was arrested for bribery",
        [
            ("Harbour mayor arrested in bribery probe", "for"),
            ("Police arrest harbour mayor over bribes", "for"),
            ("Harbour mayor reportedly arrested", "observing"),
            ("Was the harbour mayor arrested?", "observing"),
            ("Mayor arrest story is a hoax", "against"),
            ("Harbour mayor was not arrested, police say", "against"),
        ],
    ),
    "c2": (
        "The city will close the north bridge in June",
        [
            ("City to close north bridge in June", "for"),
            ("North bridge closes in June, city confirms", "for"),
            ("City could close north bridge, sources say", "observing"),
            ("North bridge may shut in June", "observing"),
            ("City denies plan to close north bridge", "against"),
            ("No, the north bridge is not closing", "against"),
        ],
    ),
    "c3": (
        "A glacier guide saw a yeti",
        [
            ("Glacier guide sees yeti on ridge", "for"),
            ("Guide photographs yeti near glacier", "for"),
            ("Glacier guide claims he saw a yeti", "observing"),
            ("Yeti sighting by glacier guide unconfirmed", "observing"),
            ("Glacier yeti photo is fake", "against"),
            ("Guide did not see a yeti, park says", "against"),
        ],
    ),
}


def write_csv(path: Path, claims: list[str], extra: str = "") -> Path:
    lines = [HEADER]
    n = 0
    for claim_id in claims:
        claim, headlines = ROWS[claim_id]
        for headline, stance in headlines:
            lines.append(f'{n},{claim},"{headline}",{stance},a{n},{claim_id}\n')
            n += 1
    path.write_text("".join(lines) + extra, encoding="utf-8")
    return path


def test_scores_by_hand() -> None:
    gold = ["for", "for", "against", "observing"]
    predicted = ["for", "against", "against", "for"]
    score = score_predictions("x", gold, predicted)
    assert score.accuracy == pytest.approx(2 / 4)
    # for: P 1/2 R 1/2 F1 1/2; against: P 1/2 R 1 F1 2/3; observing: 0
    assert score.of("for").f1 == pytest.approx(0.5)
    assert score.of("against").precision == pytest.approx(0.5)
    assert score.of("against").f1 == pytest.approx(2 / 3)
    assert score.of("observing").f1 == 0.0
    assert score.f1 == score.macro_f1 == pytest.approx((0.5 + 2 / 3) / 3)


def test_a_folder_with_train_and_test_scores_the_test_file(tmp_path: Path) -> None:
    write_csv(tmp_path / "set-train.csv", ["c1", "c2"])
    write_csv(tmp_path / "set-test.csv", ["c3"])
    write_csv(tmp_path / "set.csv", ["c1", "c2", "c3"])
    assert emergent_files(tmp_path) == (tmp_path / "set-train.csv", tmp_path / "set-test.csv")
    assert emergent_files(tmp_path / "set.csv") == (None, tmp_path / "set.csv")


def test_a_folder_with_one_csv_scores_it_and_others_are_refused(tmp_path: Path) -> None:
    write_csv(tmp_path / "only.csv", ["c1"])
    assert emergent_files(tmp_path) == (None, tmp_path / "only.csv")
    write_csv(tmp_path / "other.csv", ["c2"])
    with pytest.raises(EvaluationError, match=r"found: only\.csv, other\.csv"):
        emergent_files(tmp_path)


def test_reads_rows_with_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        HEADER + '0,Claim one,"A headline\nover two lines",for,a,c\n1,Claim one,Next,against,b,c\n',
        encoding="utf-8",
    )
    first, second = read_emergent(path)
    assert first.headline == "A headline\nover two lines" and first.line == 2
    assert second.stance == "against" and second.line == 4 and second.claim_id == "c"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("0,Claim,Headline,maybe,a,c\n", r"x\.csv:2: stance 'maybe' is not one of for, against"),
        ("0,Claim,Headline,for,a\n", r"x\.csv:2: 5 fields, the header has 6"),
        ("0,Claim,,for,a,c\n", r"x\.csv:2: empty articleHeadline"),
        ("", r"x\.csv: no rows after the header"),
    ],
)
def test_malformed_rows_name_the_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message):
        read_emergent(path)


def test_the_claim_id_column_is_optional(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "claimHeadline,articleHeadline,articleHeadlineStance\nA claim,A headline,for\n",
        encoding="utf-8",
    )
    (pair,) = read_emergent(path)
    assert pair.claim_id == "A claim"  # grouped by the claim's text instead


def test_missing_column_and_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("claimHeadline,articleHeadline\nA,B\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"x\.csv:1: missing column 'articleHeadlineStance'"):
        read_emergent(path)
    path.write_bytes(HEADER.encode() + b"0,Caf\xe9,Headline,for,a,c\n")
    with pytest.raises(EvaluationError, match=r"x\.csv: not UTF-8"):
        read_emergent(path)


def test_run_on_a_hand_made_split(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    write_csv(tmp_path / "set-train.csv", ["c1", "c2"])
    write_csv(tmp_path / "set-test.csv", ["c3"])
    report = run_stance_evaluation(tmp_path)
    assert report.headlines == 6 and report.claims == 1 and report.train_headlines == 12
    assert [s.system for s in report.scores] == [STORYLINE, BASELINE, MAJORITY]
    # the shipped weights label every one of these hand-made headlines right
    assert report.score(STORYLINE).accuracy == 1.0
    assert report.score(STORYLINE).f1 == report.score(STORYLINE).macro_f1
    table = report.format_table()
    assert "against F1: storyline 1.000" in table
    assert "storyline    against     1.000  1.000  1.000       2" in table
    data = json.loads(json.dumps(report.to_dict()))
    assert data["train_file"] == "set-train.csv" and data["scores"][0]["against_f1"] == 1.0
    assert report.weight_difference is not None  # refit on the (tiny) train split, reported


def test_run_on_a_single_file_cross_validates_the_baseline(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    report = run_stance_evaluation(write_csv(tmp_path / "all.csv", ["c1", "c2", "c3"]))
    assert report.train_file is None and report.weight_difference is None
    assert "cross-validation grouped by claim" in report.score(BASELINE).setting
    assert any("not unseen" in note for note in report.notes)


def test_command_prints_a_one_line_error_for_a_malformed_row(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER + "0,Claim,Headline,maybe,a,c\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "stance", str(path)])
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.strip().splitlines() == [
        f"error: {path}:2: stance 'maybe' is not one of for, against, observing"
    ]
    assert "Traceback" not in result.output


def test_command_json_and_floor(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    write_csv(tmp_path / "set-train.csv", ["c1", "c2"])
    write_csv(tmp_path / "set-test.csv", ["c3"])
    result = CliRunner().invoke(main, ["evaluate", "stance", str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["scores"][0]["macro_f1"] == 1.0
    # the majority row cannot pass, but the floor holds storyline's macro-F1 only
    passed = CliRunner().invoke(main, ["evaluate", "stance", str(tmp_path), "--fail-under", "1"])
    assert passed.exit_code == 0
    # every gold stance "against": macro-F1 is at most 1/3, as "for" and "observing" score 0
    (tmp_path / "set-test.csv").write_text(
        HEADER + "0,A claim,Nothing shared here at all,against,a,c\n"
        "1,A claim,Another headline,against,b,c\n",
        encoding="utf-8",
    )
    failed = CliRunner().invoke(main, ["evaluate", "stance", str(tmp_path), "--fail-under", "0.5"])
    assert failed.exit_code == EXIT_BELOW_FLOOR
    assert "below the floor 0.5000" in failed.stderr


@pytest.mark.slow
def test_the_emergent_test_split_is_above_the_floor() -> None:
    if not EMERGENT.is_dir():
        pytest.skip(f"Emergent not found under {EMERGENT}")
    pytest.importorskip("sklearn")
    report = run_stance_evaluation(EMERGENT)
    assert report.scored_file.endswith("-test.csv") and report.train_file is not None
    ours = report.score(STORYLINE)
    assert ours.f1 >= STANCE_F1_FLOOR
    assert ours.f1 > report.score(BASELINE).f1
    assert ours.of("against").precision >= 0.8
    # the shipped weights are what the train split gives today
    assert report.weight_difference is not None and report.weight_difference <= WEIGHT_TOLERANCE
