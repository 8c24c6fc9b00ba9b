"""Passage alignment on hand-made articles, and on the reference story when it is there."""

from __future__ import annotations

import itertools

import pytest

from records import make_article
from storyline.stories.alignment import AlignParams, align_articles, split_sentences

ORIGINAL = (
    "A US withdrawal could lead to further pullouts by members of the US-led coalition "
    "fighting holdout jihadists, the minister said. "
    "Between October 2019 and July this year, around 40 rocket attacks have targeted the US "
    "embassy or bases housing US troops. "
    "The weather in the capital stayed hot and dry for most of the week, forecasters said."
)
REWRITE = (
    "Officials met on Tuesday to discuss the budget and the schools. "
    "A US withdrawal could lead to further pullouts by members of the US-led coalition "
    "fighting holdout extremists, the minister said. "
    "The high number of rocket attacks, around 40, have targeted the US embassy or bases "
    "housing US troops, between October 2019 and July this year."
)
UNRELATED = (
    "A wildfire in the hills north of the town forced two hundred families from their homes on "
    "Friday. Firefighters said strong winds pushed the flames across the valley overnight."
)


def test_light_rewrite_and_reordered_clause_are_one_passage_with_offsets_on_both_sides():
    a, b = make_article(ORIGINAL, "a.txt"), make_article(REWRITE, "b.txt")
    (passage,) = align_articles(a, b, None, None)
    assert passage.kind == "rewrite"
    assert 0.6 < passage.similarity < 1.0
    assert a.text[passage.a_start : passage.a_end].startswith("A US withdrawal")
    assert "July this year" in a.text[passage.a_start : passage.a_end]
    assert b.text[passage.b_start : passage.b_end].startswith("A US withdrawal")
    assert "Officials met" not in b.text[passage.b_start : passage.b_end]
    assert "weather" not in a.text[passage.a_start : passage.a_end]


def test_verbatim_copy_and_unrelated_text():
    a = make_article(ORIGINAL, "a.txt")
    b = make_article("Other news first. " + ORIGINAL, "b.txt")
    passages = align_articles(a, b, None, None)
    assert [p.kind for p in passages] == ["verbatim"]
    assert align_articles(a, make_article(UNRELATED, "c.txt"), None, None) == []


def test_one_sentence_aligned_to_two():
    a = make_article(
        "He referred to Libya's second city, where in 2012 four US personnel, including the "
        "ambassador, were killed when militants among a crowd of protesters stormed the consulate.",
        "a.txt",
    )
    b = make_article(
        "He referred to Libya's second largest city. Four US personnel, including the "
        "ambassador, were killed in 2012 when militants among a crowd of protesters stormed the "
        "consulate.",
        "b.txt",
    )
    (passage,) = align_articles(a, b, None, None)
    assert b.text[passage.b_start : passage.b_end].endswith("consulate")
    assert passage.b_start == 0


def test_shared_quote_is_not_copy():
    statement = (
        "“We never comment on the Secretary’s private diplomatic conversations with foreign "
        "leaders, and rockets at our Embassy are a danger not only to us but to the Government,”"
    )
    a = make_article(f"The department, asked about the plans, said: {statement[:-2]}.”", "a.txt")
    b = make_article(f"{statement} the department said in a statement on Monday.", "b.txt")
    (passage,) = align_articles(a, b, None, None)
    assert passage.kind == "shared-quote"


def test_splitter_keeps_abbreviations():
    text = "U.S. officials met Mr. Smith. They agreed.\nA new line"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "U.S. officials met Mr. Smith.",
        "They agreed.",
        "A new line",
    ]


def test_params_are_validated():
    with pytest.raises(ValueError, match="min_similarity"):
        AlignParams(min_similarity=2.0)


def test_reference_story_copies_and_shared_quotes(reference_articles):
    articles, language = reference_articles
    by = {a.source_id[:3]: a for a in articles}
    found = {}
    for x, y in itertools.combinations(sorted(by), 2):
        found[(x, y)] = align_articles(by[x], by[y], language.get(by[x].id), language.get(by[y].id))
    copies = [p for p in found[("000", "001")] if p.kind != "shared-quote"]
    assert len(copies) >= 5
    texts = [by["001"].text[p.b_start : p.b_end] for p in copies]
    assert any("holdout jihadists" in t for t in texts)  # the light rewrite
    assert any("Several political and diplomatic sources have told AFP" in t for t in texts)
    statement = [
        p
        for p in found[("000", "002")]
        if "We never comment" in by["000"].text[p.a_start : p.a_end]
    ]
    assert [p.kind for p in statement] == ["shared-quote"]
    for pair in (("002", "003"), ("002", "004"), ("003", "004")):
        assert [p for p in found[pair] if p.kind != "shared-quote"] == []


def test_alignment_without_language_layer_finds_the_same_copies(reference_articles):
    articles, language = reference_articles
    by = {a.source_id[:3]: a for a in articles}
    with_lang = align_articles(by["000"], by["001"], language[by["000"].id], language[by["001"].id])
    without = align_articles(by["000"], by["001"], None, None)
    assert len(without) == len(with_lang)
