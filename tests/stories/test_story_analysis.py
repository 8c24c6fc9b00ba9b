"""The stories stage: candidate pairs only, each article segmented once, same passages as
aligning the pairs one by one."""

from __future__ import annotations

from itertools import combinations

import pytest

from records import make_article
from storyline.model import PublicationDate
from storyline.stories import story_analysis
from storyline.stories.alignment import align_articles
from storyline.stories.candidates import candidate_pairs
from storyline.stories.clustering import Story
from storyline.stories.story_analysis import analyse_stories

WIRE = (
    "The city council voted on Tuesday to close the old ferry terminal after engineers found "
    "cracks in the main pier. Repairs would cost more than the terminal earns in ten years, the "
    "council's finance officer told reporters. Commuters will use a temporary landing at the "
    "northern dock until a new terminal opens, which the mayor expects to happen within three "
    "years. Local shop owners near the terminal said they feared losing 3,000 customers a week."
)
# Independent reports of the same vote: one story, but nothing copied between them.
OWN = (
    "Ferry users reacted with anger on Wednesday. A nurse who crosses the harbour twice a day "
    "said the detour would add an hour to her commute and called the decision short-sighted.",
    "Engineers first spotted the damage in March, according to documents seen by this paper. "
    "They recommended closing the pier to heavy vehicles, a warning the council did not act on.",
    "The harbour master said the temporary landing can take only the two smaller boats, so the "
    "evening crossings will run every forty minutes instead of every twenty until spring.",
    "Opposition councillors walked out before the vote. Their leader said the terminal had been "
    "neglected for a decade and demanded an inquiry into how the maintenance budget was spent.",
)


def big_story():
    """A wire report, eleven reprints (one with a changed number) and four own reports:
    sixteen articles, more than ``CandidateParams.exhaustive_up_to``."""
    day = PublicationDate("2021-03-02", "dateline")
    wire = make_article(WIRE, "wire.txt", published=day)
    reprints = [
        make_article(f"Harbour news, update {k}. " + WIRE, f"reprint-{k:02d}.txt", published=day)
        for k in range(10)
    ]
    changed = make_article(WIRE.replace("3,000", "5,000"), "changed.txt", published=day)
    own = [make_article(text, f"own-{k}.txt", published=day) for k, text in enumerate(OWN)]
    return [wire, *reprints, changed, *own]


@pytest.fixture
def one_story(monkeypatch):
    """Clustering replaced by one story of every article: this tests what happens inside it."""

    def cluster(articles, language=None, params=None):
        ids = tuple(sorted(a.id for a in articles))
        return [Story("story-test", ids, None, None, "test")]

    monkeypatch.setattr(story_analysis, "cluster_stories", cluster)


def test_a_large_story_aligns_only_its_candidate_pairs_on_segments_made_once(
    one_story, monkeypatch
):
    articles = big_story()
    aligned: list[tuple[str, str]] = []
    segmented: list[str] = []
    real_align, real_segment = story_analysis.align_segmented, story_analysis.segment

    def align(sa, sb, params):
        aligned.append((sa.article_id, sb.article_id))
        return real_align(sa, sb, params)

    def segment(article, lang=None):
        segmented.append(article.id)
        return real_segment(article, lang)

    monkeypatch.setattr(story_analysis, "align_segmented", align)
    monkeypatch.setattr(story_analysis, "segment", segment)
    (result,) = analyse_stories(articles)

    expected = [(p.a_id, p.b_id) for p in candidate_pairs(articles)]
    assert aligned == expected
    # 120 pairs in all; only the twelve copies of the wire report pair up (66 pairs at most).
    assert 11 <= len(aligned) <= 12 * 11 // 2
    own_ids = {a.id for a in articles if a.source_id.startswith("own-")}
    assert not any(a in own_ids or b in own_ids for a, b in aligned)
    paired = {a for pair in aligned for a in pair}
    assert sorted(segmented) == sorted(paired)  # once per article that is aligned at all

    # The same passages as aligning each candidate pair on its own.
    by_id = {a.id: a for a in articles}
    one_by_one = [
        passage for a, b in expected for passage in align_articles(by_id[a], by_id[b], None, None)
    ]
    assert list(result.alignments) == one_by_one
    changed = next(a for a in articles if a.source_id == "changed.txt")
    numbers = {
        (e.edit.a_text, e.edit.b_text)
        for e in result.edits
        if changed.id in (e.a_id, e.b_id) and e.edit.kind == "number"
    }
    assert numbers <= {("3,000", "5,000"), ("5,000", "3,000")}
    assert numbers


def test_a_small_story_aligns_every_pair(one_story):
    articles = big_story()[:3] + big_story()[-2:]
    (result,) = analyse_stories(articles)
    by_id = {a.id: a for a in articles}
    every_pair = [
        passage
        for a, b in combinations(sorted(by_id), 2)
        for passage in align_articles(by_id[a], by_id[b], None, None)
    ]
    assert list(result.alignments) == every_pair
    assert {(p.a_id, p.b_id) for p in result.alignments} >= {
        tuple(sorted((x.id, y.id))) for x, y in combinations(articles[:3], 2)
    }
