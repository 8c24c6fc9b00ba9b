"""The cited summary and who-said-what of a story, on the reference story through the real
pipeline and on a one-article story."""

from __future__ import annotations

import re

from storyline.brief.render_html import render_html
from storyline.brief.render_markdown import render_markdown
from storyline.brief.schema import validate_brief
from storyline.brief.summary_text import count_words


def _story(brief):
    (story,) = brief["stories"]
    return story


def test_reference_summary_is_within_budget_and_every_sentence_is_cited(reference_brief):
    brief, _out, _ids = reference_brief
    validate_brief(brief)
    summary = _story(brief)["summary"]
    assert summary["budget"] == 120
    assert 0 < summary["words"] <= 120
    assert sum(count_words(s["text"]) for s in summary["sentences"]) == summary["words"]
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for sentence in summary["sentences"]:
        assert sentence["citations"], sentence["text"]
        origins = [c["origin"] for c in sentence["citations"]]
        assert len(origins) == len(set(origins)), "one citation per independent origin"
        for citation in sentence["citations"]:
            cited = texts[citation["article_id"]][citation["start"] : citation["end"]]
            assert citation["text"] == cited.strip()


def test_reference_summary_tells_the_story(reference_brief):
    brief, _out, _ids = reference_brief
    text = " ".join(s["text"] for s in _story(brief)["summary"]["sentences"]).lower()
    assert "embassy" in text  # the US threat to close it
    assert "rocket" in text  # the attacks behind it
    assert re.search(r"iraqi|kadhimi|hussein|baghdad", text)  # Iraq's response


def test_afp_material_is_cited_once_not_once_per_copy(reference_brief):
    brief, _out, ids = reference_brief
    cited_afp = 0
    for sentence in _story(brief)["summary"]["sentences"]:
        by_origin = [c["origin"] for c in sentence["citations"]]
        assert by_origin.count("agency:AFP") <= 1
        for citation in sentence["citations"]:
            if citation["origin"] == "agency:AFP":
                cited_afp += 1
                # cited in AFP's own story, never in 000's copy of it
                assert citation["article_id"] == ids["001"]
                assert citation["origin_name"] == "AFP"
        # 000 copies a third of 001: its copied passages are cited as AFP, not as 000 or 001
        assert ids["001"] not in by_origin
    del cited_afp  # the summary need not quote AFP; every AFP passage is checked below


def test_a_copied_afp_passage_is_cited_once_in_afps_own_story(reference_stages):
    """Whatever the summary picks: each sentence of 000 copied from 001 (the AFP story) and
    the AFP sentence it copies get exactly one citation for AFP, in 001, not one per copy."""
    from storyline.brief.story_summary import _Support

    articles, story = reference_stages["articles"], reference_stages["story"]
    annotations = reference_stages["language"].annotations
    support = _Support(
        {a.id: a for a in articles.values()}, annotations, story, reference_stages["claims"]
    )
    copies = [c for c in story.provenance.copies if c.copy_id == articles["000"].id]
    assert len(copies) >= 3
    checked = 0
    for copy in copies:
        for article_id, start, end in (
            (copy.copy_id, copy.copy_start, copy.copy_end),
            (copy.source_id, copy.source_start, copy.source_end),
        ):
            origins = [c.origin for c in support.citations(article_id, start, end)]
            if "agency:AFP" not in origins:
                continue
            checked += 1
            assert origins.count("agency:AFP") == 1
            assert articles["000"].id not in origins and articles["001"].id not in origins
            (afp,) = [
                c for c in support.citations(article_id, start, end) if c.origin == "agency:AFP"
            ]
            assert afp.article_id == articles["001"].id
    assert checked >= 4


def test_quotes_grouped_by_speaker(reference_brief):
    brief, _out, ids = reference_brief
    speakers = {g["speaker"]: g for g in _story(brief)["quotes_by_speaker"]}
    for name in (
        "Fuad Hussein",
        "US State Department",
        "Barbara A. Leaf",
        "Mustafa al-Kadhimi",
        "Kata’ib Hezbollah",
    ):
        assert name in speakers, sorted(speakers)
        assert speakers[name]["named"]
    # the State Department's statement, carried by Reuters (002) and 000, is listed once
    (statement,) = [
        q for q in speakers["US State Department"]["quotes"] if "never comment" in q["text"]
    ]
    assert {c["article_id"] for c in statement["carried_by"]} == {ids["000"], ids["002"]}
    assert statement["articles"] == 2
    # Hussein's words, in AFP's story and in 000's copy, are one quotation each
    hussein = speakers["Fuad Hussein"]["quotes"]
    rethink = [q for q in hussein if "rethink its decision" in q["text"]]
    assert len(rethink) == 1 and rethink[0]["articles"] == 2


def test_single_source_claims_have_one_origin(reference_brief):
    brief, _out, _ids = reference_brief
    story = _story(brief)
    listed = story["single_source"]
    assert listed
    claims = {c["id"]: c for c in story["claims"]}
    for item in listed:
        if item["claim_id"] in claims:
            assert claims[item["claim_id"]]["independent_sources"] == 1


def test_renderers_show_the_sections_in_order(reference_brief):
    brief, out, _ids = reference_brief
    markdown = (out / "brief.md").read_text()
    order = [
        "Summary (",
        "Key facts and their independent sources:",
        "Where the reports disagree:",
        "Who said what:",
        "Timeline:",
        "Sources:",
        "What only one source reports:",
    ]
    positions = [markdown.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "[^1]" in markdown and "[^1]: " in markdown
    page = (out / "brief.html").read_text()
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'class="cite" href="#([^"]+)"', page)
    assert links and all(link in ids for link in links)
    assert render_html(brief) == page
    assert render_markdown(brief) == markdown


def test_one_article_story_gets_a_summary_citing_itself(tmp_path):
    from storyline.analysis import analyze
    from storyline.store import open_store

    text = (
        "The city council of Norland approved a new budget of 40 million euros on Tuesday "
        "after a long debate about school funding.\n\n"
        "Mayor Anna Berg said the budget would pay for two new schools and repairs to the "
        "central library, which closed in March.\n\n"
        "Opposition councillors voted against the plan, arguing that the city should first "
        "reduce its debt before spending more on buildings."
    )
    source = tmp_path / "one.txt"
    source.write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "storyline.db")
    try:
        result = analyze([str(source)], tmp_path / "out", store, words=40)
    finally:
        store.close()
    brief = result.brief
    validate_brief(brief)
    (story,) = brief["stories"]
    (article,) = brief["articles"]
    summary = story["summary"]
    assert summary["sentences"] and summary["words"] <= 40
    for sentence in summary["sentences"]:
        assert [c["article_id"] for c in sentence["citations"]] == [article["id"]]
        assert [c["origin"] for c in sentence["citations"]] == [article["id"]]
    assert "[^1]" in (tmp_path / "out" / "brief.md").read_text()
