"""The language layer as a user sees it: in brief.json and brief.html of the reference story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.brief.schema import validate_brief


def analyse(inputs: list[str], out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "analyze", *inputs, "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    brief = json.loads((out / "brief.json").read_text())
    validate_brief(brief)
    return brief


@pytest.fixture(scope="module")
def story(request) -> Path:
    folder = Path(request.config.rootpath).parent / "shared" / "corpus" / "iraq-embassy-2020"
    if not folder.is_dir():
        pytest.skip("reference story not available")
    return folder


@pytest.fixture(scope="module")
def brief(story, tmp_path_factory):
    out = tmp_path_factory.mktemp("language")
    return {"document": analyse([str(story)], out), "out": out}


def article(document: dict, prefix: str) -> dict:
    return next(a for a in document["articles"] if a["source_id"].startswith(prefix))


def test_kadhimi_spellings_are_one_entity(brief):
    document = brief["document"]
    ids = {
        mention["entity_id"]
        for a in document["articles"]
        for mention in a["mentions"]
        if "kadh" in mention["text"].lower() and mention["kind"] == "person"
    }
    assert len(ids) == 1
    (entity,) = [e for e in document["entities"] if e["id"] in ids]
    assert {"Kadhemi", "al-Kadhimi", "Al-Kadhimi"} <= set(entity["variants"])
    assert "prime minister" in entity["roles"]


def test_casualty_figures_are_counts_by_group_in_both_outlets(brief):
    def groups(prefix: str) -> list[dict[str, float]]:
        return [
            {group: count for count, group in q["parts"]}
            for q in article(brief["document"], prefix)["quantities"]
            if q["parts"]
        ]

    assert {"children": 5, "women": 2} in groups("001_")
    assert {"women": 2, "children": 3} in groups("002_")


def test_quotes_carry_resolved_speakers(brief):
    entities = {e["id"]: e["name"] for e in brief["document"]["entities"]}
    leaf = [
        q for q in article(brief["document"], "002_")["quotes"] if "epic proportions" in q["text"]
    ]
    assert leaf and entities[leaf[0]["speaker"]["entity_id"]] == "Barbara A. Leaf"
    by_role = [
        q
        for q in article(brief["document"], "000_")["quotes"]
        if q["kind"] == "direct" and q["speaker"]["via"] == "role"
    ]
    assert by_role and entities[by_role[0]["speaker"]["entity_id"]] == "Fuad Hussein"
    text = article(brief["document"], "002_")["text"]
    for quote in article(brief["document"], "002_")["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]  # offsets are true


def test_html_marks_each_quote_and_links_to_it(brief):
    page = (brief["out"] / "brief.html").read_text()
    first = article(brief["document"], "001_")
    anchor = f"a{first['id']}-q0"
    assert f'id="{anchor}"' in page
    assert f'href="#{anchor}"' in page
    assert "Who said what" in page


def write_jsonl(story: Path, path: Path, published: str | None) -> None:
    record = {
        "id": "001-with-date",
        "text": (story / "001_4a80a5298d402f5f.txt").read_text(encoding="utf-8"),
    }
    if published:
        record["published"] = published
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def times_of(document: dict) -> dict[str, dict]:
    (only,) = document["articles"]
    return {t["text"]: t for t in only["times"]}


def test_relative_times_resolve_against_a_given_publication_date(story, tmp_path):
    write_jsonl(story, tmp_path / "dated.jsonl", "2020-09-30")
    times = times_of(analyse([str(tmp_path / "dated.jsonl")], tmp_path / "out"))
    evening = next(t for text, t in times.items() if "Monday evening" in text)
    assert evening["value"].startswith("2020-09-28") and evening["resolved"]
    assert evening["anchor"] == "publication"
    week = times["last week"]
    assert (week["value"], week["begin"], week["end_value"]) == (
        "2020-W39",
        "2020-09-21",
        "2020-09-27",
    )


def test_relative_times_stay_unresolved_without_a_date(story, tmp_path):
    write_jsonl(story, tmp_path / "undated.jsonl", None)
    times = times_of(analyse([str(tmp_path / "undated.jsonl")], tmp_path / "out"))
    evening = next(t for text, t in times.items() if "Monday evening" in text)
    assert not evening["resolved"] and evening["begin"] is None
    assert not times["last week"]["resolved"]


def test_every_link_in_the_page_leads_to_an_element(brief):
    import re

    page = (brief["out"] / "brief.html").read_text()
    targets = set(re.findall(r'id="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links and links <= targets, sorted(links - targets)[:5]
