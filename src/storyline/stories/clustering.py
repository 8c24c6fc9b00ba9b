"""Articles grouped into stories, in one batch or one article at a time.

A story is the set of articles that report one real-world event. ``StoryIndex.add`` decides for
one new article: it **joins** the story it belongs to, **starts** a new one, or **merges** two
or more stories that it shows to be one. ``cluster_stories`` is the same index fed the articles
in a fixed order (publication date, then id), so a batch result never depends on input order and
equals what a stream delivered in that order would give.

How one article is placed (the cost does not grow with the corpus):

1. Candidates come from an inverted index over each article's most distinctive features
   (``StoryParams.index_keys`` of them: names, dates, numbers, rare words), bucketed by
   publication week so that only articles within the time window are looked at. A key whose
   posting list in the window is longer than ``max_postings`` is too common to be distinctive
   and is skipped, which bounds the work per article.
2. Each candidate is scored by the cosine of the two articles' TF-IDF vectors, where names,
   dates and numbers weigh more than words (``StoryParams.boosts``), and the score is damped
   when the two articles are about different years (two earthquakes of one kind, years apart).
3. A story's score is its members' summed similarity divided by its size: average linkage,
   with members that are no candidate counted as 0. Averaging, unlike the best single link,
   keeps one article that mentions two events from chaining them into one story.
4. The best story at or above ``threshold`` is joined; other stories also at or above
   ``merge_threshold`` are merged into it.

Document frequencies are counted as articles arrive. ``cluster_stories`` counts them over the
whole batch first (``prior``), so its IDF is the batch's; a stream's early articles see a
smaller corpus, which is why a stream and a batch agree nearly, not always exactly.

Story ids survive growth: a story is named after its founding member (the first added; in a
batch, the earliest published, then smallest id), and a merge keeps the older story's id, so a
web app can follow a story while articles keep arriving.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Literal

from storyline.model import Article
from storyline.stories.features import StoryFeatures, extract_features, sublinear

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation

STAGE_VERSION = "stories-1"

EventKind = Literal["joined", "started", "merged"]


@dataclass(frozen=True)
class StoryParams:
    """Parameters of story clustering, all explicit so a run can be replayed.

    Tuned on ECB+ topics 1–20 (all 413 documents clustered together, B-cubed F1), one
    constant at a time over a grid, keeping round values on a plateau rather than the peak:

    - ``threshold`` 0.14: the mean cosine a new article needs with a story's members (tried
      0.10–0.30: F1 .892 at 0.10, .922 at 0.12, .915 at 0.14, .903 at 0.16, .880 at 0.22;
      0.14 keeps precision and recall balanced, .923/.908);
    - ``merge_threshold`` 0.30: fusing two stories needs stronger evidence than joining one;
      lower values (0.12–0.25) cost up to 8 points of precision for little recall;
    - ``boosts``: names ×3, dates ×3, numbers and years ×2 against words ×1 (tried ×1–×4):
      names and dates are what differ between two events of one kind;
    - ``year_penalty`` 0.5: the similarity is halved when the years the two articles mention
      most differ (0.3 and 1.0 were both worse by 1–2 points);
    - ``min_corpus`` 200: IDF is computed as if the corpus had at least this many articles, so
      a small corpus's shared words are not all weighed near 0. Tuned on four groups of three
      ECB+ topics clustered alone (~60 documents): B-cubed F1 rose from .91/.86/.94/.66 at 50
      to .96/.93/.99/.77 at 200, and all 413 together stayed at .915 (500 drops it to .889);
    - ``window_days`` 7: articles published more than a week apart are not one story (not
      tuned: ECB+ carries no publication dates). Undated articles are never excluded;
    - ``index_keys`` 40 and ``max_postings`` 1000 bound the postings read per article (20 or 80
      keys changed F1 by under half a point);
    - ``max_candidates`` MAXC: at most this many candidates are scored per article, those sharing
      the most weight of its index keys (see the module docstring). TUNING
      ``None`` scores every candidate.
    """

    threshold: float = 0.14
    merge_threshold: float = 0.30
    boosts: Mapping[str, float] = field(
        default_factory=lambda: {"e": 3.0, "t": 3.0, "n": 2.0, "y": 2.0, "w": 1.0}
    )
    year_penalty: float = 0.5
    window_days: int = 7
    min_corpus: int = 200
    index_keys: int = 40
    max_postings: int = 1000
    max_candidates: int | None = 100

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be within (0, 1], got {self.threshold}")
        if not self.threshold <= self.merge_threshold <= 1.0:
            raise ValueError(
                f"merge_threshold must be within [threshold, 1], got {self.merge_threshold}"
            )
        if not 0.0 <= self.year_penalty <= 1.0:
            raise ValueError(f"year_penalty must be within [0, 1], got {self.year_penalty}")
        for name in ("window_days", "min_corpus", "index_keys", "max_postings"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.max_candidates is not None and self.max_candidates < 1:
            raise ValueError(f"max_candidates must be >= 1 or None, got {self.max_candidates}")
        unknown = sorted(set(self.boosts) - {"e", "t", "n", "y", "w"})
        if unknown:
            raise ValueError(f"unknown feature kinds in boosts: {unknown}; valid: e, t, n, y, w")


@dataclass(frozen=True)
class Story:
    """Articles reporting one event. ``id`` is ``story-`` + 12 hex of the SHA-256 of the
    founding member's id, so it stays the same while the story grows."""

    id: str
    article_ids: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    label: str


@dataclass(frozen=True)
class StoryEvent:
    """What adding one article did: ``merged_ids`` are the stories folded into ``story_id``."""

    kind: EventKind
    story_id: str
    merged_ids: tuple[str, ...] = ()


def story_id_for(founder_id: str) -> str:
    return "story-" + hashlib.sha256(founder_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Member:
    features: StoryFeatures
    day: int | None  # publication date as an ordinal
    bucket: int | None
    year: int | None  # the year it mentions most: see ``_main_year``
    title: str
    arrival: int  # how many articles came before: decides which story is older


class StoryIndex:
    """Stories built one article at a time. See the module docstring for the rule."""

    def __init__(
        self,
        params: StoryParams | None = None,
        document_frequencies: Mapping[str, int] | None = None,
        corpus_size: int = 0,
    ) -> None:
        """``document_frequencies`` and ``corpus_size`` fix the IDF (a batch counts them
        first); without them the index counts them as articles arrive. A fixed mapping is
        read, not copied: it must not change while the index is in use."""
        self.params = params or StoryParams()
        self._frozen_df = document_frequencies is not None
        self._df: Mapping[str, int] = (
            document_frequencies if document_frequencies is not None else Counter()
        )
        self._size = corpus_size
        self._members: dict[str, _Member] = {}
        self._story_of: dict[str, str] = {}  # article id -> story id
        self._stories: dict[str, list[str]] = {}  # story id -> member ids, in arrival order
        # key -> week bucket (None: undated) -> article ids
        self._postings: dict[str, dict[int | None, list[str]]] = {}
        # With fixed document frequencies (a batch) an article's weighted vector never changes:
        # compute it once. Rebuilding both vectors on every comparison was 90% of clustering
        # time at 10k articles (benchmarks/stories_scale.py). Only the vectors a later article
        # can still meet are kept: those of the newest dated bucket, the one before it and
        # undated articles (``_evict``); a vector dropped and needed again (articles added out
        # of date order) is computed again, to the same floats.
        self._vectors: dict[str, dict[str, float]] = {}
        self._cached_in: dict[int | None, list[str]] = {}  # bucket -> ids with a cached vector
        self._newest_bucket: int | None = None

    # --- public API ---------------------------------------------------------------------------

    def add(self, article: Article, annotation: LanguageAnnotation | None = None) -> StoryEvent:
        """Place one article; adding an article already present returns its story unchanged."""
        if article.id in self._story_of:
            return StoryEvent("joined", self._story_of[article.id])
        language = {article.id: annotation} if annotation is not None else None
        features = extract_features([article], language)[article.id]
        return self.add_features(features, article.title or "")

    def add_features(self, features: StoryFeatures, title: str = "") -> StoryEvent:
        """Place one article given its precomputed features."""
        article_id = features.article_id
        if article_id in self._story_of:
            return StoryEvent("joined", self._story_of[article_id])
        self._count(features)
        published = features.published
        member = _Member(
            features,
            published.toordinal() if published is not None else None,
            self._bucket(features),
            _main_year(features),
            title,
            arrival=len(self._members),
        )
        vector = self._vector_of(features, member.bucket)
        keys = self._index_keys(vector)
        scores = self._story_scores(member, vector, keys)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        event: StoryEvent
        if not ranked or ranked[0][1] < self.params.threshold:
            story = story_id_for(article_id)
            self._stories[story] = [article_id]
            event = StoryEvent("started", story)
        else:
            story = ranked[0][0]
            others = [s for s, score in ranked[1:] if score >= self.params.merge_threshold]
            self._stories[story].append(article_id)
            event = StoryEvent("joined", story)
            if others:
                kept = self._merge([story, *others])
                folded = tuple(sorted({story, *others} - {kept}))
                story, event = kept, StoryEvent("merged", kept, folded)
        self._story_of[article_id] = story
        self._members[article_id] = member
        for key in keys:
            self._postings.setdefault(key, {}).setdefault(member.bucket, []).append(article_id)
        return event

    def stories(self) -> list[Story]:
        """Every story, sorted by id."""
        return sorted(
            (self._story(story_id, ids) for story_id, ids in self._stories.items()),
            key=lambda story: story.id,
        )

    def story_of(self, article_id: str) -> str:
        return self._story_of[article_id]

    def similarity(self, a: StoryFeatures, b: StoryFeatures) -> float:
        """Cosine of the two weighted vectors, damped when their main years differ."""
        return self._similarity(self._vector(a), _main_year(a), self._vector(b), _main_year(b))

    # --- scoring ------------------------------------------------------------------------------

    def _count(self, features: StoryFeatures) -> None:
        if not self._frozen_df:
            assert isinstance(self._df, Counter)
            self._size += 1
            self._df.update(features.counts.keys())

    def _corpus_size(self) -> int:
        return max(self._size, self.params.min_corpus)

    def _idf(self, key: str) -> float:
        return math.log((self._corpus_size() + 1) / (self._df.get(key, 0) + 1))

    def _vector(self, features: StoryFeatures) -> dict[str, float]:
        boosts = self.params.boosts
        vector = {
            key: sublinear(count) * self._idf(key) * boosts.get(key[0], 1.0)
            for key, count in features.counts.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {key: value / norm for key, value in vector.items() if value > 0}

    def _vector_of(self, features: StoryFeatures, bucket: int | None) -> dict[str, float]:
        if not self._frozen_df:  # frequencies still change as articles arrive
            return self._vector(features)
        vector = self._vectors.get(features.article_id)
        if vector is not None:
            return vector
        vector = self._vector(features)
        newest = self._newest_bucket
        if bucket is None or newest is None or bucket >= newest - 1:
            self._vectors[features.article_id] = vector
            self._cached_in.setdefault(bucket, []).append(features.article_id)
        if bucket is not None and (newest is None or bucket > newest):
            self._newest_bucket = bucket
            self._evict(bucket - 1)
        return vector

    def _evict(self, oldest: int) -> None:
        """Drop the cached vectors of dated buckets before ``oldest``: an article of a later
        bucket never looks at them."""
        for bucket in [b for b in self._cached_in if b is not None and b < oldest]:
            for article_id in self._cached_in.pop(bucket):
                self._vectors.pop(article_id, None)

    def _similarity(
        self, va: dict[str, float], year_a: int | None, vb: dict[str, float], year_b: int | None
    ) -> float:
        # Only shared keys add to a dot product; fsum makes the sum exact, so it does not
        # depend on the order a set of keys comes in.
        score = math.fsum(va[key] * vb[key] for key in va.keys() & vb.keys())
        if year_a is not None and year_b is not None and year_a != year_b:
            score *= self.params.year_penalty
        return score

    def _index_keys(self, vector: Mapping[str, float]) -> dict[str, float]:
        """The article's ``index_keys`` heaviest features, with their weights."""
        ranked = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
        return dict(ranked[: self.params.index_keys])

    def _bucket(self, features: StoryFeatures) -> int | None:
        if features.published is None:
            return None
        return features.published.toordinal() // self.params.window_days

    def _candidates(self, member: _Member, keys: Mapping[str, float]) -> list[str]:
        """Articles within the time window that share an index key with ``member``: all of
        them when there are at most ``max_candidates``, else the ``max_candidates`` with the
        largest summed weight (in ``member``'s vector) of the keys they share, then smaller id.
        """
        postings: list[tuple[float, list[str]]] = []
        sure: set[str] = set()  # undated or of the same week: within the window
        unsure: set[str] = set()  # of the week before or after: the dates decide
        for key, weight in keys.items():
            by_bucket = self._postings.get(key)
            if not by_bucket:
                continue
            bucket = member.bucket
            if bucket is None:
                near, far = list(by_bucket.values()), []
            else:
                near = [by_bucket[b] for b in (None, bucket) if b in by_bucket]
                far = [by_bucket[b] for b in (bucket - 1, bucket + 1) if b in by_bucket]
            if sum(map(len, near)) + sum(map(len, far)) > self.params.max_postings:
                continue  # too common to be distinctive
            for posting in near:
                sure.update(posting)
                postings.append((weight, posting))
            for posting in far:
                unsure.update(posting)
                postings.append((weight, posting))
        day, window = member.day, self.params.window_days
        for other in unsure - sure:
            other_day = self._members[other].day
            if day is None or other_day is None or abs(day - other_day) <= window:
                sure.add(other)
        limit = self.params.max_candidates
        if limit is None or len(sure) <= limit:
            return sorted(sure)
        shared = dict.fromkeys(sorted(sure), 0.0)
        for weight, posting in postings:
            for other in posting:
                if other in shared:
                    shared[other] += weight
        # nlargest is sorted(..., reverse=True)[:limit]: stable, so equal weights keep id order.
        best = heapq.nlargest(limit, shared.items(), key=itemgetter(1))
        return sorted(other for other, _ in best)

    def _story_scores(
        self, member: _Member, vector: dict[str, float], keys: Mapping[str, float]
    ) -> dict[str, float]:
        sums: dict[str, float] = {}
        for other_id in self._candidates(member, keys):
            other = self._members[other_id]
            other_vector = self._vector_of(other.features, other.bucket)
            score = self._similarity(vector, member.year, other_vector, other.year)
            story = self._story_of[other_id]
            sums[story] = sums.get(story, 0.0) + score
        return {story: total / len(self._stories[story]) for story, total in sums.items()}

    # --- stories ------------------------------------------------------------------------------

    def _merge(self, story_ids: Sequence[str]) -> str:
        """Fold the stories into the oldest (its founder arrived first); return its id."""
        keep = min(story_ids, key=lambda story: (self._founder(story).arrival, story))
        for story in story_ids:
            if story == keep:
                continue
            for article_id in self._stories.pop(story):
                self._stories[keep].append(article_id)
                self._story_of[article_id] = keep
        return keep

    def _founder(self, story_id: str) -> _Member:
        return self._members[self._stories[story_id][0]]

    def _story(self, story_id: str, ids: list[str]) -> Story:
        members = [self._members[i] for i in ids]
        dates = sorted(m.features.published.isoformat() for m in members if m.features.published)
        founder = self._members[ids[0]]
        return Story(
            id=story_id,
            article_ids=tuple(sorted(ids)),
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            label=founder.title,
        )


def _main_year(features: StoryFeatures) -> int | None:
    """The year the article mentions most (ties: the later year), or None."""
    years = [(count, key) for key, count in features.counts.items() if key.startswith("y:")]
    return int(max(years)[1][2:]) if years else None


def cluster_stories(
    articles: Sequence[Article],
    language: Mapping[str, LanguageAnnotation] | None = None,
    params: StoryParams | None = None,
    features: Mapping[str, StoryFeatures] | None = None,
) -> list[Story]:
    """Stories of ``articles``, independent of their order (see the module docstring)."""
    unique = {article.id: article for article in articles}
    found = dict(features or {})
    missing = [a for a in unique.values() if a.id not in found]
    found.update(extract_features(missing, language))
    frequencies: Counter[str] = Counter()
    for article_id in unique:
        frequencies.update(found[article_id].counts.keys())
    index = StoryIndex(params, document_frequencies=frequencies, corpus_size=len(unique))
    for article in sorted(unique.values(), key=_batch_order):
        index.add_features(found[article.id], article.title or "")
    return index.stories()


def _batch_order(article: Article) -> tuple[str, str]:
    # Undated articles come last: a dated report founds the story when there is one.
    return (article.published.value or "9999", article.id)
