"""The summary scorer: DUC SGML and JSON Lines reading, sentence splitting, ROUGE on a tiny case
worked by hand, the baselines, the report and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import EXIT_BELOW_FLOOR, EXIT_FAILED, main
from storyline.errors import EvaluationError
from storyline.evaluate.summary import (
    LEAD,
    LEXRANK,
    STORYLINE,
    Cluster,
    ClusterDocument,
    lead_summary,
    lexrank_summary,
    load_duc,
    read_sgml,
    rouge_recall,
    run_summary_evaluation,
    split_sentences,
    truncate,
)

SAMPLE = Path(__file__).resolve().parents[2] / "evaluation" / "summary-sample"

SGML = """<DOC>
<DOCNO> APW20230101.0042 </DOCNO>
<DATE_TIME> 01/01/2023 09:30:00 </DATE_TIME>
<BODY>
<HEADLINE> Not part of the text </HEADLINE>
<TEXT>
<P>
PORT ELLIS, Norland (NW) _ The ferry ``Marten'' ran aground on Sunday &amp; 40 people
were rescued, Mr. Olsen said. Nobody was hurt.
</P>
<P>
The U.S. coast guard helped &UR; the rescue.
</TEXT>
<TRAILER> NW-01-01-23 </TRAILER>
</BODY>
</DOC>
"""


def write_duc(root: Path, sgml: str = SGML, model: str | None = "A short reference.") -> Path:
    (root / "docs" / "d100t").mkdir(parents=True)
    (root / "models").mkdir()
    (root / "docs" / "d100t" / "APW20230101.0042").write_text(sgml, encoding="latin-1")
    if model is not None:
        (root / "models" / "D100.M.100.T.A").write_text(model)
    return root


def test_read_sgml_takes_the_text_only_and_decodes_it(tmp_path: Path) -> None:
    root = write_duc(tmp_path)
    document = read_sgml(root / "docs" / "d100t" / "APW20230101.0042")
    assert document.id == "APW20230101.0042"
    assert document.published == "2023-01-01T09:30"
    assert document.text == (
        "PORT ELLIS, Norland (NW) _ The ferry “Marten” ran aground on Sunday & 40 people were "
        "rescued, Mr. Olsen said. Nobody was hurt.\n\nThe U.S. coast guard helped the rescue."
    )
    sentences = [document.text[s:e] for s, e in document.sentences]
    assert sentences == [
        "PORT ELLIS, Norland (NW) _ The ferry “Marten” ran aground on Sunday & 40 people were "
        "rescued, Mr. Olsen said.",
        "Nobody was hurt.",
        "The U.S. coast guard helped the rescue.",
    ]
    # DUC's model names (D100.M.100.T.A) match the docs folder (d100t)
    (cluster,) = load_duc(root)
    assert cluster.id == "d100t"
    assert cluster.references == ("A short reference.",)


def test_the_sample_is_read_whole() -> None:
    clusters = load_duc(SAMPLE)
    assert [c.id for c in clusters] == ["d001t", "d002t", "d003t"]
    for cluster in clusters:
        assert len(cluster.documents) == 5
        assert len(cluster.references) == 2
        for document in cluster.documents:
            assert "<" not in document.text and "&" not in document.text.replace(" & ", "")
            assert len(document.sentences) >= 6
    # a document without <P> tags (tab-indented paragraphs) is split into paragraphs too
    courier = next(d for d in clusters[0].documents if d.id == "HC20230314.1300")
    assert courier.text.count("\n\n") >= 5


@pytest.mark.parametrize(
    ("sgml", "reason"),
    [
        ("<DOC><DOCNO> X </DOCNO><BODY>no text element</BODY></DOC>", "no <TEXT> element"),
        ("<DOC><TEXT>  <P> </P> </TEXT></DOC>", "<TEXT> holds no text"),
    ],
)
def test_a_bad_document_is_a_one_line_error_naming_the_file(
    tmp_path: Path, sgml: str, reason: str
) -> None:
    root = write_duc(tmp_path, sgml)
    with pytest.raises(EvaluationError) as caught:
        load_duc(root)
    message = str(caught.value)
    assert "APW20230101.0042" in message and reason in message and "\n" not in message


def test_missing_references_and_folders_are_errors(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="docs: missing"):
        load_duc(tmp_path)
    root = write_duc(tmp_path / "x", model=None)
    with pytest.raises(EvaluationError, match="d100t: no reference summaries"):
        load_duc(root)


def test_json_lines_form(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    lines = [
        {"id": "c2", "docs": ["First text. Second sentence here."], "references": ["Ref."]},
        {
            "id": "c1",
            "docs": [{"id": "x", "text": "One.\n\nTwo.", "date": "2020-01-01"}],
            "references": ["R1.", "R2."],
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    clusters = load_duc(path)
    assert [c.id for c in clusters] == ["c1", "c2"]
    assert clusters[0].documents[0].published == "2020-01-01"
    assert len(clusters[1].documents[0].sentences) == 2
    path.write_text('{"id": "c", "docs": []}\n')
    with pytest.raises(EvaluationError, match=r"clusters.jsonl:1: needs non-empty"):
        load_duc(path)


def test_split_sentences_keeps_abbreviations_and_initials() -> None:
    text = (
        "Mr. J. R. Smith met U.S. officials on Oct. 3 in Washington. They agreed. 'Why?' he asked."
    )
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. J. R. Smith met U.S. officials on Oct. 3 in Washington.",
        "They agreed.",
        "'Why?' he asked.",
    ]


def test_rouge_recall_on_a_case_worked_by_hand() -> None:
    # reference tokens: the cat was on the mat (6); summary: the cat sat on the mat
    # unigram matches: the x2, cat, on, mat = 5 -> 5/6; bigrams: the cat, on the, the mat
    # of the reference's 5 -> 3/5. A second reference with nothing in common halves both.
    r1, r2 = rouge_recall("the cat sat on the mat", ["the cat was on the mat"])
    assert r1 == pytest.approx(5 / 6)
    assert r2 == pytest.approx(3 / 5)
    r1, r2 = rouge_recall("the cat sat on the mat", ["the cat was on the mat", "dogs bark"])
    assert (r1, r2) == (pytest.approx(5 / 12), pytest.approx(3 / 10))
    # stemming on: "cats" matches "cat", "running" matches "runs"
    assert rouge_recall("cats running", ["cat runs"]) == (1.0, 1.0)


def test_baselines() -> None:
    def document(doc_id: str, text: str, published: str) -> ClusterDocument:
        return ClusterDocument(doc_id, text, split_sentences(text), published)

    cluster = Cluster(
        "c",
        (
            document("old", "Old news about the ferry. It sank.", "2023-01-01T00:00"),
            document("new", "New news about the ferry rescue. All were saved.", "2023-01-02T00:00"),
        ),
        ("ref",),
    )
    assert lead_summary(cluster, 100) == "New news about the ferry rescue. All were saved."
    assert lead_summary(cluster, 3) == "New news about"
    assert "ferry" in lexrank_summary(cluster, 100)
    assert truncate("a b  c\nd", 3) == "a b c"


def test_the_sample_report() -> None:
    report = run_summary_evaluation(SAMPLE)
    assert (report.clusters, report.documents, report.references) == (3, 15, 6)
    storyline, lexrank, lead = (report.score(name) for name in (STORYLINE, LEXRANK, LEAD))
    assert storyline.f1 == storyline.rouge2
    assert storyline.rouge2 > lexrank.rouge2 > lead.rouge2
    assert all(score.words == 100 for score in (storyline, lexrank, lead))
    table = report.format_table()
    assert "storyline" in table and "lexrank" in table and "lead" in table
    assert set(report.to_dict()["per_cluster_rouge2_recall"]) == {"d001t", "d002t", "d003t"}
    with pytest.raises(KeyError, match="valid: storyline, lexrank, lead"):
        report.score("oracle")


def test_the_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "summary", str(SAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    scores = {s["system"]: s for s in json.loads(result.output)["scores"]}
    assert set(scores) == {"storyline", "lexrank", "lead"}
    failed = CliRunner().invoke(main, ["evaluate", "summary", str(SAMPLE), "--fail-under", "0.99"])
    assert failed.exit_code == EXIT_BELOW_FLOOR
    broken = CliRunner().invoke(main, ["evaluate", "summary", str(tmp_path)])
    assert broken.exit_code == EXIT_FAILED
    assert "docs: missing" in broken.output
