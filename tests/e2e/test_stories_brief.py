"""Stories and provenance as a user sees them: `storyline analyze` on the reference story.

What issue 4 says the reference story must show: one story; ``000_…`` a patchwork taking about
a third of its text from ``001_…`` (AFP); the 3,000 → 5,000 troop edit; the State Department
statement in ``000_…`` and ``002_…`` as shared quoting; a fact ``000_…`` copied from ``001_…``
counted as one source; ``002_…``, ``003_…`` and ``004_…`` independent of each other.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from storyline.brief.schema import validate_brief
from storyline.records import from_dict
from storyline.stories.provenance import Provenance, independent_sources

STATEMENT = "We never comment on the Secretary"


@pytest.fixture(scope="module")
def run(tmp_path_factory, request) -> dict:
    story = Path(request.config.rootpath).parent / "shared" / "corpus" / "iraq-embassy-2020"
    if not story.is_dir():
        pytest.skip("reference story not available")
    out = tmp_path_factory.mktemp("stories")
    result = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "analyze", str(story), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    brief = json.loads((out / "brief.json").read_text())
    validate_brief(brief)
    ids = {a["source_id"][:3]: a["id"] for a in brief["articles"]}
    return {
        "brief": brief,
        "out": out,
        "ids": ids,
        "texts": {a["id"]: a["text"] for a in brief["articles"]},
        "titles": {a["id"]: a["title"] or a["source_id"] for a in brief["articles"]},
    }


@pytest.fixture(scope="module")
def story(run) -> dict:
    (only,) = run["brief"]["stories"]
    return only


def page_text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def sentence_with(run: dict, prefix: str, *words: str) -> tuple[str, int, int]:
    article = next(a for a in run["brief"]["articles"] if a["source_id"].startswith(prefix))
    for sentence in article["sentences"]:
        text = article["text"][sentence["start"] : sentence["end"]]
        if all(word in text for word in words):
            return article["id"], sentence["start"], sentence["end"]
    raise AssertionError(f"no sentence of {prefix} has {words}")


def test_one_story_with_all_five_articles(run, story):
    assert sorted(story["article_ids"]) == sorted(run["ids"].values())
    assert len(story["article_ids"]) == 5


def test_000_is_a_patchwork_of_001_with_its_own_share(run, story):
    ids, texts = run["ids"], run["texts"]
    record = next(s for s in story["sources"] if s["article_id"] == ids["000"])
    assert record["is_patchwork"] is True
    shares = dict(record["copied_from"])
    assert 0.2 <= shares[ids["001"]] <= 0.45
    assert 0.3 <= record["own_share"] < 1.0
    passages = [
        c
        for c in story["copied_passages"]
        if (c["source_id"], c["copy_id"]) == (ids["001"], ids["000"])
    ]
    assert len(passages) >= 3
    copied = sum(c["copy_end"] - c["copy_start"] for c in passages)
    assert copied / len(texts[ids["000"]]) == pytest.approx(shares[ids["001"]], abs=0.05)

    page = (run["out"] / "brief.html").read_text()
    table = page.split('<table class="sources">', 1)[1]
    row = next(r for r in table.split("<tr>") if f'href="#article-{ids["000"]}"' in r)
    assert f'<td class="share">{round(record["own_share"] * 100)}%</td>' in row
    assert f"{round(shares[ids['001']] * 100)}%" in row
    assert 'class="flag">patchwork<' in row
    pair = f"pair-{ids['001']}-{ids['000']}"
    for number in range(len(passages)):  # each copied passage listed and marked on both sides
        assert f'href="#{pair}-r-c{number}"' in page
        assert re.search(rf'<mark class="copy (verbatim|rewrite)" id="{pair}-l-c{number}"', page)
    markdown = (run["out"] / "brief.md").read_text()
    assert "(patchwork)" in markdown


def test_troop_edit_3000_to_5000_with_both_spans(run, story):
    ids, texts = run["ids"], run["texts"]
    (edit,) = [e for e in story["edits"] if {e["a_text"], e["b_text"]} == {"3,000", "5,000"}]
    side = {edit["a_id"]: "a", edit["b_id"]: "b"}
    source, copy = side[ids["001"]], side[ids["000"]]
    assert edit[f"{source}_text"] == "3,000" and edit[f"{copy}_text"] == "5,000"
    for key, article_id in ((source, ids["001"]), (copy, ids["000"])):
        start, end = edit[f"{key}_start"], edit[f"{key}_end"]
        assert texts[article_id][start:end] == edit[f"{key}_text"]
        assert "troops" in texts[article_id][end : end + 40]

    page = (run["out"] / "brief.html").read_text()
    titles = run["titles"]
    sentence = f"“{titles[ids['001']]}” says 3,000 where “{titles[ids['000']]}” says 5,000"
    assert sentence in page_text(page)
    pair = f"pair-{ids['001']}-{ids['000']}"
    assert f'<a href="#{pair}-e0-l">3,000</a>' in page
    assert f'<a href="#{pair}-e0-r">5,000</a>' in page
    assert re.search(rf'id="{pair}-e0-l"[^>]*>3,000</mark>', page)
    assert re.search(rf'id="{pair}-e0-r"[^>]*>5,000</mark>', page)
    assert "says 3,000 where" in (run["out"] / "brief.md").read_text()


def test_state_department_statement_is_shared_quoting_not_copying(run, story):
    ids, texts = run["ids"], run["texts"]
    pair = {ids["000"], ids["002"]}
    quoted = []
    for passage in story["alignments"]:
        if {passage["a_id"], passage["b_id"]} != pair:
            continue
        a = texts[passage["a_id"]][passage["a_start"] : passage["a_end"]]
        b = texts[passage["b_id"]][passage["b_start"] : passage["b_end"]]
        if STATEMENT in a and STATEMENT in b:
            quoted.append(passage)
    assert [p["kind"] for p in quoted] == ["shared-quote"]
    (quote,) = quoted
    in_000 = (
        (quote["a_start"], quote["a_end"])
        if quote["a_id"] == ids["000"]
        else (quote["b_start"], quote["b_end"])
    )
    for copy in story["copied_passages"]:  # no copied passage covers the statement
        if copy["copy_id"] == ids["000"]:
            assert copy["copy_end"] <= in_000[0] or copy["copy_start"] >= in_000[1]

    page = (run["out"] / "brief.html").read_text()
    marked = re.search(
        rf'<mark class="shared-quote" id="pair-{ids["002"]}-{ids["000"]}-r-q\d+"[^>]*>(.*?)</mark>',
        page,
        re.S,
    )
    assert marked and STATEMENT in html.unescape(marked.group(1))


def test_a_fact_000_copied_from_001_is_one_source(run, story):
    provenance = from_dict(
        Provenance,
        {
            "directions": story["directions"],
            "copies": story["copied_passages"],
            "articles": story["sources"],
            "origins": story["passage_origins"],
            "groups": story["source_groups"],
        },
    )
    wire = sentence_with(run, "001", "around 40 rocket attacks")
    copy = sentence_with(run, "000", "rocket attacks", "around 40")
    assert wire[0] != copy[0]
    assert len(independent_sources(provenance, [wire, copy])) == 1


def test_002_003_004_are_independent_of_each_other(run, story):
    ids = run["ids"]
    for x, y in combinations(("002", "003", "004"), 2):
        pair = {ids[x], ids[y]}
        assert not [d for d in story["directions"] if {d["source_id"], d["copy_id"]} == pair]
        assert not [c for c in story["copied_passages"] if {c["source_id"], c["copy_id"]} == pair]
    groups = {g["origin"]: g["article_ids"] for g in story["source_groups"]}
    for prefix in ("002", "003", "004"):
        holding = [origin for origin, members in groups.items() if ids[prefix] in members]
        assert len(holding) == 1
        assert len(groups[holding[0]]) == 1  # no other article reprints it


@pytest.mark.browser
def test_side_by_side_anchor_shows_the_copied_passage(browser, run, request):
    ids = run["ids"]
    pair = f"pair-{ids['001']}-{ids['000']}"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((run["out"] / "brief.html").as_uri() + f"#{pair}")
    page.wait_for_timeout(200)
    marks = page.locator(f"#{pair} .columns mark.copy")
    assert marks.count() >= 6  # both columns
    in_view = page.evaluate(
        # Visible: what the browser draws at the mark's first line is the mark (or inside it),
        # not clipped away by its scroll box or off screen.
        """(selector) => [...document.querySelectorAll(selector)].filter(m => {
               const r = m.getClientRects()[0];
               if (!r || r.bottom <= 0 || r.top >= window.innerHeight) return false;
               const hit = document.elementFromPoint(r.left + 2, (r.top + r.bottom) / 2);
               return hit !== null && m.contains(hit);
           }).map(m => [m.className, getComputedStyle(m).backgroundColor])""",
        f"#{pair} .columns mark.copy",
    )
    assert in_view, "no copied passage visible at the side-by-side anchor"
    for class_name, background in in_view:
        assert class_name.split()[1] in {"verbatim", "rewrite"}
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    artifacts = Path(request.config.rootpath) / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "story-side-by-side.png"))
    # On a phone the two columns stack: the copy's column sits below the source's.
    page.set_viewport_size({"width": 390, "height": 844})
    columns = page.locator(f"#{pair} .column")
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert first and second and second["y"] >= first["y"] + first["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
