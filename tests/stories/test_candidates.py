"""Candidate pairs for alignment: every pair in a small story, LSH collisions in a large one."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from records import make_article
from storyline.stories.candidates import CandidatePair, CandidateParams, candidate_pairs
from storyline.stories.duplicates import DuplicateParams, jaccard, shingles, signature

LSH_ONLY = CandidateParams(exhaustive_up_to=0)
WIRE = (
    "The city council voted on Tuesday to close the old ferry terminal after engineers found "
    "cracks in the main pier. Repairs would cost more than the terminal earns in ten years, the "
    "council's finance officer told reporters. Commuters will use a temporary landing at the "
    "northern dock until a new terminal opens, which the mayor expects to happen within three "
    "years. Local shop owners near the terminal said they feared losing most of their trade."
)
OTHERS = (
    "A wildfire in the hills north of the town forced two hundred families from their homes on "
    "Friday. Firefighters said strong winds pushed the flames across the valley overnight.",
    "The central bank left interest rates unchanged on Thursday, saying inflation had eased for "
    "a third month while wages kept rising faster than prices in most of the country.",
    "Scientists counted more nesting turtles on the southern beaches this summer than in any "
    "year since records began, and credited the ban on night-time lighting near the shore.",
    "The national team lost its opening match of the tournament after conceding twice in the "
    "last ten minutes, and its coach said the players had simply run out of energy.",
)
REFERENCE_STORY = (
    Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "iraq-embassy-2020"
)


def reprints():
    """The wire story, three reprints with an added line each, and four unrelated reports."""
    copies = [
        make_article(WIRE, "wire.txt"),
        make_article(WIRE + " Follow our live coverage.", "copy-1.txt"),
        make_article("Ferry news. " + WIRE, "copy-2.txt"),
        make_article(WIRE + " Additional reporting by our staff.", "copy-3.txt"),
    ]
    others = [make_article(text, f"other-{k}.txt") for k, text in enumerate(OTHERS)]
    return copies, others


def test_a_small_story_gives_every_pair_without_hashing():
    copies, others = reprints()
    members = [*copies[:2], *others[:2]]
    pairs = candidate_pairs(members)
    ids = sorted(article.id for article in members)
    assert pairs == [CandidatePair(a, b, None) for a, b in combinations(ids, 2)]


def test_lsh_pairs_the_reprints_and_leaves_unrelated_reports_alone():
    copies, others = reprints()
    pairs = candidate_pairs([*copies, *others], LSH_ONLY)
    copy_ids = {article.id for article in copies}
    assert {(p.a_id, p.b_id) for p in pairs} == {
        tuple(sorted(pair)) for pair in combinations(copy_ids, 2)
    }
    for pair in pairs:
        assert pair.a_id < pair.b_id
        assert pair.estimate is not None and pair.estimate > 0.7


def test_the_estimate_is_close_to_the_exact_shingle_jaccard():
    copies, _ = reprints()
    (pair,) = candidate_pairs(copies[:2], LSH_ONLY)
    exact = jaccard(shingles(copies[0].text, 5), shingles(copies[1].text, 5))
    assert pair.estimate == pytest.approx(exact, abs=0.1)


def test_result_does_not_depend_on_input_order():
    copies, others = reprints()
    articles = [*copies, *others]
    expected = candidate_pairs(articles, LSH_ONLY)
    assert candidate_pairs(list(reversed(articles)), LSH_ONLY) == expected
    assert candidate_pairs(articles + articles[:3], LSH_ONLY) == expected  # repeats count once


def test_given_signatures_are_used_instead_of_hashing():
    copies, others = reprints()
    params = DuplicateParams()
    # A signature of an unrelated text stands in for the second reprint: it drops out.
    stand_in = "Snow closed the mountain pass for a second day and the road crews went home."
    given = {copies[1].id: signature(stand_in, params)}
    pairs = candidate_pairs([*copies, *others], LSH_ONLY, given)
    assert all(copies[1].id not in (p.a_id, p.b_id) for p in pairs)
    assert len(pairs) == 3  # the other three copies, pairwise


def test_articles_without_a_word_are_never_paired():
    copies, _ = reprints()
    empty = make_article(" … ", "empty.txt")
    assert all(empty.id not in (p.a_id, p.b_id) for p in candidate_pairs([*copies, empty]))
    assert candidate_pairs([empty, copies[0]]) == []


@pytest.mark.parametrize(
    "values",
    [
        {"bands": 0},
        {"rows": 0},
        {"bands": 65, "rows": 2},
        {"exhaustive_up_to": -1},
        {"num_perm": 8},
        {"max_partners": 0},
    ],
)
def test_invalid_parameters_are_refused(values):
    with pytest.raises(ValueError):
        CandidateParams(**values)


def test_reference_patchwork_pair_is_a_candidate_by_lsh_alone():
    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    articles = [
        make_article(p.read_text(encoding="utf-8"), p.name)
        for p in sorted(REFERENCE_STORY.glob("*.txt"))
    ]
    name = {article.id: article.source_id[:3] for article in articles}
    pairs = {frozenset((name[p.a_id], name[p.b_id])) for p in candidate_pairs(articles, LSH_ONLY)}
    assert frozenset(("000", "001")) in pairs  # 000 copies about a third of 001 (Jaccard 0.16)
    assert frozenset(("003", "004")) not in pairs  # independent reports


def test_max_partners_bounds_the_pairs_of_each_article():
    copies, _ = reprints()
    more = [
        make_article(WIRE + f" Update number {k} of the day.", f"copy-{k}.txt")
        for k in range(4, 12)
    ]
    articles = [*copies, *more]
    unbounded = candidate_pairs(articles, CandidateParams(exhaustive_up_to=0, max_partners=None))
    assert len(unbounded) == 12 * 11 // 2  # every reprint collides with every other
    bounded = candidate_pairs(articles, CandidateParams(exhaustive_up_to=0, max_partners=2))
    assert set(bounded) <= set(unbounded)
    assert len(bounded) <= 2 * len(articles)
    for article in articles:  # each article keeps its two best partners, whatever else it gets
        mine = sorted(
            (p for p in unbounded if article.id in (p.a_id, p.b_id)),
            key=lambda p: (-(p.estimate or 0.0), p.b_id if p.a_id == article.id else p.a_id),
        )
        assert set(mine[:2]) <= set(bounded)
