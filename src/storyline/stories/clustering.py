"""Articles grouped into stories, in one batch or one article at a time.

A story is the set of articles that report one real-world event. ``StoryIndex.add`` decides for
one new article: it **joins** the story it belongs to, **starts** a new one, or **merges** two
or more stories that it shows to be one. ``cluster_stories`` is the same index fed the articles
in a fixed order (publication date, then id), so a batch result never depends on input order and
equals what a stream delivered in that order would give.

How one article is placed (the work per article is bounded: the postings read by
``index_keys`` × ``max_postings``, the articles scored by ``max_candidates``):

1. Candidates come from an inverted index over each article's most distinctive features
   (``StoryParams.index_keys`` of them: names, dates, numbers, rare words), bucketed by
   publication week so that only articles within the time window (``window_days`` either
   side) are looked at. A key whose posting list in the window is longer than
   ``max_postings`` is too common to be distinctive and is skipped.
2. When more than ``max_candidates`` articles remain, only that many are scored: those whose
   shared index keys weigh the most in the new article's vector (ties: smaller id). A crawl
   ten times as dense per week gives each article about ten times as many candidates; without
   the cap the cost of a batch grows with the square of its articles.
3. Each candidate is scored by the cosine of the two articles' TF-IDF vectors, where names,
   dates and numbers weigh more than words (``StoryParams.boosts``), and the score is damped
   when the two articles are about different years (two earthquakes of one kind, years apart).
4. A story's score is its members' summed similarity divided by its size: average linkage,
   with members that are not scored counted as 0. Averaging, unlike the best single link,
   keeps one article that mentions two events from chaining them into one story.
5. The best story at or above ``threshold`` is joined; other stories also at or above
   ``merge_threshold`` are merged into it.

Document frequencies are counted as articles arrive. ``cluster_stories`` counts them over the
whole batch first, so its IDF is the batch's; a stream's early articles see a smaller corpus,
which is why a stream and a batch agree nearly, not always exactly.

The index keeps each article as two small arrays (feature columns, damped counts: 2.6 KiB per
article on the benchmark's corpus, where a dict of weights takes 10) and scores the candidates
of a new article with a few numpy operations; logarithms are ``math.log``, whose results do not
depend on the processor as numpy's vectorised ones may.
In benchmarks/stories_scale.py, clustering took 3.9, 13.9 and 59.5 CPU seconds for 9,731,
29,139 and 96,934 articles; the same cap in pure Python (dicts of weights) took 9.8, 58 and 264
seconds, measured apart, for the same stories.

Story ids survive growth: a story is named after its founding member (the first added; in a
batch, the earliest published, then smallest id), and a merge keeps the older story's id, so a
web app can follow a story while articles keep arriving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from storyline.model import Article
from storyline.stories.features import StoryFeatures, extract_features, sublinear

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation

STAGE_VERSION = "stories-1"

_UNDATED = -(2**40)  # the day of an undated article in the arrays

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
    - ``max_candidates`` 100: at most this many candidates are scored per article, those
      sharing the most weight of its index keys (``None``: every candidate). ECB+ gives each
      document 30 candidates on average (at most 103), and its stories are the same for any cap
      from 30 up (20: F1 .913; 10: .898). On benchmarks/stories_scale.py's corpus, where a week
      holds ever more articles, the mean number of candidates without a cap was 76 at 10k
      articles and 214 at 30k (at most 585): a cap of 100 kept B-cubed F1 against the
      constructed events at .736 → .737 (10k) and .635 → .638 (30k), 200 at .736 and .635,
      50 moved 61 of 2,123 stories at 10k. 100 is a round value with a wide margin over
      ECB+'s 30 that scores 97 candidates per article at 30k where 200 scores 174.
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
    published: dt.date | None
    bucket: int | None
    title: str
    arrival: int  # how many articles came before: indexes the arrays, decides which story is older


class _Growing:
    """A numpy array that grows by doubling; ``view()`` is its filled part."""

    def __init__(self, dtype: type, fill: float = 0) -> None:
        self._data = np.full(1024, fill, dtype=dtype)
        self._fill = fill
        self.size = 0

    def view(self) -> np.ndarray:
        return self._data[: self.size]

    def append(self, value: float) -> None:
        if self.size == len(self._data):
            grown = np.full(2 * len(self._data), self._fill, dtype=self._data.dtype)
            grown[: self.size] = self._data
            self._data = grown
        self._data[self.size] = value
        self.size += 1

    def add_at(self, positions: np.ndarray, value: float) -> None:
        self._data[positions] += value


class StoryIndex:
    """Stories built one article at a time. See the module docstring for the rule.

    Each article is kept as two small arrays: the columns of its features and their damped,
    boosted counts (``sublinear(count) × boost``); the IDF is applied when it is scored, so a
    stream's changing document frequencies need no stored vector rebuilt.
    """

    def __init__(
        self,
        params: StoryParams | None = None,
        document_frequencies: Mapping[str, int] | None = None,
        corpus_size: int = 0,
    ) -> None:
        """``document_frequencies`` and ``corpus_size`` fix the IDF (a batch counts them
        first); without them the index counts them as articles arrive."""
        self.params = params or StoryParams()
        self._given_df = document_frequencies
        self._size = corpus_size
        self._members: dict[str, _Member] = {}
        self._story_of: dict[str, str] = {}  # article id -> story id
        self._stories: dict[str, list[str]] = {}  # story id -> member ids, in arrival order
        # Features as columns: key -> column, and per column its document frequency.
        self._columns: dict[str, int] = {}
        self._names: list[str] = []  # column -> key
        self._df = _Growing(np.float64)  # column -> document frequency, counted (a stream)
        self._idf_of = _Growing(np.float64)  # column -> IDF, when the frequencies were given
        # Per article, by arrival: id, columns, weights before IDF, day (ordinal), main year.
        self._ids: list[str] = []
        self._cols: list[np.ndarray] = []
        self._tf: list[np.ndarray] = []
        self._days = _Growing(np.int64, _UNDATED)
        self._years = _Growing(np.int64, 0)
        # key -> week bucket (None: undated) -> arrivals of the articles indexed under it
        self._postings: dict[str, dict[int | None, array[int]]] = {}
        self._scratch = np.zeros(0)  # the new article's weights by column, while it is scored

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
        arrival = len(self._ids)
        member = _Member(features.published, self._bucket(features), title, arrival)
        self._store(features)
        scores: dict[str, float] = {}
        keys: dict[str, float] = {}
        if len(self._cols[arrival]):  # an article without a feature starts its own story
            weights = self._weights([arrival])[1]
            keys = self._index_keys(arrival, weights)
            scores = self._story_scores(member, weights, keys)
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
            by_bucket = self._postings.setdefault(key, {})
            by_bucket.setdefault(member.bucket, array("i")).append(arrival)
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
        """Cosine of the two weighted vectors under the index's current IDF, damped when their
        main years differ (what scoring computes, one pair at a time)."""
        va, vb = self._vector(a), self._vector(b)
        score = math.fsum(va[key] * vb[key] for key in va.keys() & vb.keys())
        year_a, year_b = _main_year(a), _main_year(b)
        if year_a is not None and year_b is not None and year_a != year_b:
            score *= self.params.year_penalty
        return score

    # --- features and weights -----------------------------------------------------------------

    def _store(self, features: StoryFeatures) -> None:
        """Columns, damped counts, day and main year of a new article; its document
        frequencies counted unless they were given."""
        keys = list(features.counts)
        known = self._columns
        cols = [known.get(key, -1) for key in keys]
        for k, key in enumerate(keys):
            if cols[k] < 0:
                cols[k] = known[key] = len(self._names)
                self._names.append(key)
                if self._given_df is None:
                    self._df.append(0)
                else:  # the IDF is fixed: compute it once
                    self._idf_of.append(self._idf_value(self._given_df.get(key, 0)))
        boosts = self.params.boosts
        tf = np.array(
            [sublinear(count) * boosts.get(key[0], 1.0) for key, count in features.counts.items()],
            dtype=np.float64,
        )
        if self._given_df is None:
            self._size += 1
            self._df.add_at(np.array(cols, dtype=np.int64), 1)
        self._ids.append(features.article_id)
        self._cols.append(np.array(cols, dtype=np.int32))
        self._tf.append(tf)
        published = features.published
        self._days.append(published.toordinal() if published is not None else _UNDATED)
        self._years.append(_main_year(features) or 0)

    def _idf_value(self, frequency: float) -> float:
        return math.log((max(self._size, self.params.min_corpus) + 1) / (frequency + 1))

    def _idf(self, columns: np.ndarray) -> np.ndarray:
        # math.log, not numpy's: numpy's SIMD logarithms may differ in the last bit from one
        # processor to another, and a batch must give the same stories on every machine.
        if self._given_df is not None:
            return self._idf_of.view()[columns]
        frequencies, where = np.unique(self._df.view()[columns], return_inverse=True)
        values = np.array([self._idf_value(f) for f in frequencies.tolist()], dtype=np.float64)
        return values[where]

    def _weights(self, arrivals: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The articles' unit-length TF-IDF weights, one after the other: (columns, weights,
        where each article starts). Each article must have at least one feature."""
        cols = np.concatenate([self._cols[k] for k in arrivals])
        raw = np.concatenate([self._tf[k] for k in arrivals]) * self._idf(cols)
        lengths = np.array([len(self._cols[k]) for k in arrivals])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        norms = np.sqrt(np.add.reduceat(raw * raw, starts))
        norms[norms == 0] = 1.0
        return cols, raw / np.repeat(norms, lengths), starts

    def _vector(self, features: StoryFeatures) -> dict[str, float]:
        """One article's weights as a dict, for ``similarity``."""
        boosts = self.params.boosts
        corpus = max(self._size, self.params.min_corpus)
        df = self._df.view()

        def idf(key: str) -> float:
            column = self._columns.get(key)
            if self._given_df is not None:
                frequency = self._given_df.get(key, 0)
            else:
                frequency = int(df[column]) if column is not None else 0
            return math.log((corpus + 1) / (frequency + 1))

        vector = {
            key: sublinear(count) * idf(key) * boosts.get(key[0], 1.0)
            for key, count in features.counts.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {key: value / norm for key, value in vector.items() if value > 0}

    def _index_keys(self, arrival: int, weights: np.ndarray) -> dict[str, float]:
        """The article's ``index_keys`` heaviest features (ties: smaller key), with weights."""
        names = self._names
        pairs = zip(self._cols[arrival].tolist(), weights.tolist(), strict=True)
        ranked = sorted((-weight, names[col]) for col, weight in pairs if weight > 0)
        return {key: -negative for negative, key in ranked[: self.params.index_keys]}

    def _bucket(self, features: StoryFeatures) -> int | None:
        if features.published is None:
            return None
        return features.published.toordinal() // self.params.window_days

    # --- scoring ------------------------------------------------------------------------------

    def _candidates(self, member: _Member, keys: Mapping[str, float]) -> list[int]:
        """Arrivals of the articles within the time window that share an index key with
        ``member``: all of them when there are at most ``max_candidates``, else the
        ``max_candidates`` with the largest summed weight (in ``member``'s vector) of the keys
        they share, then smaller id. Sorted by id."""
        found: list[np.ndarray] = []
        weights: list[float] = []
        bucket = member.bucket
        for key, weight in keys.items():
            by_bucket = self._postings.get(key)
            if not by_bucket:
                continue
            if bucket is None:
                lists = list(by_bucket.values())
            else:
                wanted = (None, bucket - 1, bucket, bucket + 1)
                lists = [by_bucket[b] for b in wanted if b in by_bucket]
            if sum(map(len, lists)) > self.params.max_postings:
                continue  # too common to be distinctive
            for posting in lists:
                found.append(np.frombuffer(posting, dtype=np.int32))
                weights.append(weight)
        if not found:
            return []
        arrivals = np.concatenate(found).astype(np.int64)
        shared = np.repeat(np.array(weights), [len(f) for f in found])
        del found  # views into the posting lists, which cannot grow while one is open
        unique, inverse = np.unique(arrivals, return_inverse=True)
        totals = np.bincount(inverse, weights=shared)
        day = self._days.view()[member.arrival]
        if day != _UNDATED:
            days = self._days.view()[unique]
            near = (days == _UNDATED) | (np.abs(days - day) <= self.params.window_days)
            unique, totals = unique[near], totals[near]
        limit = self.params.max_candidates
        ids = self._ids
        if limit is not None and len(unique) > limit:
            order = np.argsort(-totals, kind="stable")
            cut = totals[order[limit - 1]]
            above = unique[totals > cut].tolist()
            tied = sorted(unique[totals == cut].tolist(), key=ids.__getitem__)
            unique = np.array(above + tied[: limit - len(above)], dtype=np.int64)
        return sorted(unique.tolist(), key=ids.__getitem__)

    def _story_scores(
        self, member: _Member, weights: np.ndarray, keys: Mapping[str, float]
    ) -> dict[str, float]:
        candidates = self._candidates(member, keys)
        if not candidates:
            return {}
        # The dot products: the new article's weights spread over a scratch row indexed by
        # column, read at every candidate's columns, summed per candidate.
        own_cols = self._cols[member.arrival]
        if len(self._scratch) < len(self._names):
            self._scratch = np.zeros(2 * len(self._names))
        self._scratch[own_cols] = weights
        cols, others, starts = self._weights(candidates)
        sims = np.add.reduceat(self._scratch[cols] * others, starts)
        self._scratch[own_cols] = 0.0
        year = self._years.view()[member.arrival]
        if year:
            years = self._years.view()[candidates]
            sims[(years != 0) & (years != year)] *= self.params.year_penalty
        sums: dict[str, float] = {}
        for arrival, score in zip(candidates, sims.tolist(), strict=True):
            story = self._story_of[self._ids[arrival]]
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
        dates = sorted(m.published.isoformat() for m in members if m.published)
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
