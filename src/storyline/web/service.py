"""What the server does with one submitted article, without re-analysing the corpus.

``StoryService`` keeps one ``StoryIndex`` for the process. At start it is rebuilt from the store:
every placed article's stored story features are restored into its stored story in arrival
order (``_ReplayIndex.restore``: the index's counts and postings come out as the original adds
left them, without scoring again); articles stored by other means (``storyline ingest``) are
placed then too (as one batch on a first start), their stories' briefs left to be built on
first read. One submission then costs what its own story costs, never what the corpus costs:

1. extraction of the one input into an ``Article`` (``ingest.pipeline.prepare``) and its
   storage (content id: the same text twice is one article);
2. the language layer of that article only (``language.annotate``, stored per article), and
   its story features (stored, for the replay at the next start);
3. ``StoryIndex.add_features``: joins, starts or merges stories, from an inverted index whose
   work per article is bounded (``StoryParams.max_postings``, ``max_candidates``);
4. for the one story it lands in: entities resolved across the story's articles only,
   near-duplicate links, alignment, edits and provenance (``analyse_story``), claims
   (``analyse_claims``) and the story's ``brief.json`` document (``build_brief``), stored with
   the story so that every read is a read.

Writes are serialised by one lock: the index and the store change one article at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.model import Article, RawDocument, Rejection
from storyline.store import InputRecord, SQLiteStore, Store, StoredAnnotation, StoryRecord
from storyline.stories import features as story_features
from storyline.stories.clustering import Story, StoryEvent, StoryIndex, StoryParams
from storyline.stories.features import StoryFeatures, features_from_annotation

log = logging.getLogger("storyline.web")

FEATURES_LAYER = "story-features"
_CHUNK = 2000


@dataclass(frozen=True)
class SubmitResult:
    """What one submission did. ``event`` is ``started``, ``joined`` or ``merged`` for an
    article placed now, ``existing`` for one that was already in a story."""

    article_id: str
    story_id: str
    created: bool
    event: str
    merged_ids: tuple[str, ...] = ()
    story_articles: int = 0
    timings: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class StartupReport:
    """How the index was rebuilt at start: replayed articles, articles placed for the first
    time, stories whose replay disagreed with the store (rewritten), and the time it took."""

    replayed: int
    placed: int
    stories: int
    mismatched: int
    seconds: float


class StoryService:
    """The server's writer and the store's readers; see the module docstring."""

    def __init__(self, store_path: str | Path, *, story_params: StoryParams | None = None) -> None:
        self.store_path = Path(store_path)
        self._lock = threading.Lock()
        self._params = story_params or StoryParams()
        self._index = _ReplayIndex(self._params)
        with self._lock:
            self.startup = self._rebuild()
        log.info(
            "story index rebuilt: %d articles replayed, %d placed, %d stories in %.2f s",
            self.startup.replayed,
            self.startup.placed,
            self.startup.stories,
            self.startup.seconds,
        )

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A connection of this thread's own (SQLite connections stay in their thread)."""
        store = SQLiteStore(self.store_path)
        try:
            yield store
        finally:
            store.close()

    # -- writes --------------------------------------------------------------------------------

    def submit(self, document: RawDocument) -> SubmitResult:
        """Store, analyse and place one input; raise ``InputError`` when it is no article."""
        from storyline.ingest.pipeline import prepare

        started = time.perf_counter()
        outcome = prepare(document)
        if isinstance(outcome, Rejection):
            raise InputError(outcome.reason)
        timings = {"extract": time.perf_counter() - started}
        fingerprint = document.raw_sha256 or hashlib.sha256(document.content.encode()).hexdigest()
        record = InputRecord(
            document.source_id, document.origin, fingerprint, "article", outcome.id
        )
        with self._lock, self.store() as store:
            created = store.put_article(outcome, record)
            known = store.story_of([outcome.id]).get(outcome.id)
            if known is not None:
                members = len(store.story_members(known))
                return SubmitResult(outcome.id, known, created, "existing", (), members, timings)
            article = store.get_article(outcome.id)
            assert article is not None
            event, members = self._place(store, article, timings)
        timings["total"] = time.perf_counter() - started
        return SubmitResult(
            article.id, event.story_id, created, event.kind, event.merged_ids, members, timings
        )

    def ensure_brief(self, story_id: str) -> str | None:
        """The story's brief as JSON, built now if it was left to be built (``None``: no story)."""
        with self.store() as store:
            found = store.get_story(story_id)
        if found is None or found.brief is not None:
            return found.brief if found else None
        with self._lock, self.store() as store:
            found = store.get_story(story_id)
            if found is None or found.brief is not None:
                return found.brief if found else None
            self._refresh(store, story_id, [], ())
            found = store.get_story(story_id)
            return found.brief if found else None

    def _place(
        self, store: Store, article: Article, timings: dict[str, float]
    ) -> tuple[StoryEvent, int]:
        from storyline.language.annotate import annotate_articles

        clock = time.perf_counter()
        annotation = annotate_articles([article], store)[article.id]
        timings["language"] = time.perf_counter() - clock
        clock = time.perf_counter()
        features = features_from_annotation(article, annotation)
        put_features(store, features)
        event = self._index.add_features(features, article.title or "")
        timings["place"] = time.perf_counter() - clock
        clock = time.perf_counter()
        members = self._refresh(store, event.story_id, [article.id], event.merged_ids)
        timings["story"] = time.perf_counter() - clock
        return event, members

    def _refresh(
        self, store: Store, story_id: str, new: Sequence[str], folded: Sequence[str]
    ) -> int:
        """Re-analyse one story (its own articles only) and store it with its brief."""
        members = store.story_members(story_id)
        for other in folded:
            members += store.story_members(other)
        members += [article_id for article_id in new if article_id not in members]
        _brief, record = story_brief(store, story_id, members)
        store.put_story(record, members, folded)
        return len(members)

    # -- start ---------------------------------------------------------------------------------

    def _rebuild(self) -> StartupReport:
        started = time.perf_counter()
        index = self._index
        with self.store() as store:
            memberships = list(store.iter_memberships())
            features = _load_features(store, [article_id for article_id, _ in memberships])
            for article_id, story_id in memberships:
                index.restore(features[article_id], story_id)
            stored_story = dict(memberships)
            # Restored as stored. Only a store whose memberships break the founder rule (edited
            # by hand) comes out otherwise: the index wins, and the stories it touches are
            # rewritten.
            touched = {
                index.story_of(article_id)
                for article_id, story_id in memberships
                if index.story_of(article_id) != story_id
            }
            mismatched = sum(
                1 for article_id, story in memberships if index.story_of(article_id) != story
            )
            # Articles stored by other means (`storyline ingest`), as a batch orders them.
            unplaced = store.unplaced_articles()
            placed = _load_features(store, unplaced)
            order = sorted(unplaced, key=lambda i: (placed[i].published or _NO_DATE, i))
            if memberships:  # each joins what is there, as a submission would
                for article_id in order:
                    touched.add(index.add_features(placed[article_id]).story_id)
            else:  # a first start: placed as a batch (fixed IDF, much faster), then restored
                batch = _batch_placements(self._params, [placed[i] for i in order])
                for article_id in order:
                    touched.add(index.restore(placed[article_id], batch[article_id]).story_id)
            # Memberships first, in the order the index saw them: the next start replays it.
            store.place_articles([(article_id, index.story_of(article_id)) for article_id in order])
            members: dict[str, list[str]] = {}
            for article_id in [*stored_story, *order]:  # arrival order: the founder first
                members.setdefault(index.story_of(article_id), []).append(article_id)
            touched &= members.keys()
            for story_id in sorted(touched):
                ids = members[story_id]
                dead = {stored_story[m] for m in ids if m in stored_story} - members.keys()
                record = _record(story_id, ids, list(store.iter_articles(ids)), None, None)
                store.put_story(record, ids, sorted(dead))
        return StartupReport(
            replayed=len(memberships),
            placed=len(unplaced),
            stories=len(members),
            mismatched=mismatched,
            seconds=time.perf_counter() - started,
        )


_NO_DATE = dt.date.max


class _ReplayIndex(StoryIndex):
    """``StoryIndex`` with ``restore``: add an article to the story it is known to belong to.

    A workaround: ``StoryIndex`` has no way to put an article into a known story, and
    replaying ``add_features`` re-scores every candidate (about 13 ms an article at 10k
    articles in one time window: minutes at 50k). ``restore`` runs ``add_features`` with the
    scoring replaced by the known answer, so the index's counts, postings and members are
    exactly what the original adds left. Restored in arrival order, a story's first member
    is its founder, so it starts the story under the stored id and the rest join it.
    Should ``StoryIndex`` stop calling ``_story_scores``, ``restore`` falls back to real
    scoring: the same answers (the replay is deterministic), only slower.
    """

    def __init__(self, params: StoryParams) -> None:
        super().__init__(params)
        self._forced: str | None = None
        self._restored: set[str] = set()  # stories restored so far (restores come first)

    def restore(self, features: StoryFeatures, story_id: str) -> StoryEvent:
        self._forced = story_id
        try:
            event = self.add_features(features)
        finally:
            self._forced = None
        self._restored.add(event.story_id)
        return event

    def _story_scores(self, member: Any, vector: Any, keys: Any) -> dict[str, float]:
        forced = self._forced
        if forced is None:
            return super()._story_scores(member, vector, keys)
        if forced in self._restored:
            return {forced: 1.0}
        return {}  # its founder: starts the story, named after it


def _batch_placements(params: StoryParams, ordered: Sequence[StoryFeatures]) -> dict[str, str]:
    """Stories of articles placed as one batch in the given order, with the batch's document
    frequencies fixed (what ``cluster_stories`` does): article id → story id."""
    from collections import Counter

    frequencies: Counter[str] = Counter()
    for features in ordered:
        frequencies.update(features.counts.keys())
    index = StoryIndex(params, document_frequencies=frequencies, corpus_size=len(ordered))
    for features in ordered:
        index.add_features(features)
    return {features.article_id: index.story_of(features.article_id) for features in ordered}


def story_brief(
    store: Store, story_id: str, members: Sequence[str]
) -> tuple[dict[str, Any], StoryRecord]:
    """The brief of one story made of ``members`` (founder first), and its list record."""
    from storyline.analysis import link_near_duplicates
    from storyline.brief import build_brief
    from storyline.brief.story_view import story_view
    from storyline.brief.write import brief_json
    from storyline.claims.stage import analyse_claims
    from storyline.language.annotate import annotate_articles
    from storyline.language.entity_resolution import resolve_entities
    from storyline.language.layer import LanguageResult
    from storyline.stories.story_analysis import analyse_story

    articles = list(store.iter_articles(members))
    annotations = annotate_articles(articles, store)
    entities = resolve_entities({i: a.mentions for i, a in annotations.items()})
    language = LanguageResult(annotations=annotations, entities=entities)
    link_near_duplicates(articles, store)
    story = _story(story_id, members, articles)
    analysis = analyse_story(articles, annotations, story=story)
    claims = analyse_claims(articles, language, [analysis])
    ids = [article.id for article in articles]
    brief = build_brief(
        articles,
        store.inputs_for_articles(ids),
        store.duplicate_links(ids),
        language,
        [analysis],
        claims,
    )
    independent = len(story_view(brief["stories"][0], brief["articles"]).independent)
    return brief, _record(story_id, members, articles, independent, brief_json(brief))


def _story(story_id: str, members: Sequence[str], articles: Sequence[Article]) -> Story:
    by_id = {article.id: article for article in articles}
    founder = by_id[members[0]]
    dates = sorted(a.published.value for a in articles if a.published.value)
    return Story(
        id=story_id,
        article_ids=tuple(sorted(by_id)),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        label=founder.title or founder.source_id,
    )


def _record(
    story_id: str,
    members: Sequence[str],
    articles: Sequence[Article],
    independent: int | None,
    brief: str | None,
) -> StoryRecord:
    story = _story(story_id, members, articles)
    return StoryRecord(
        id=story.id,
        label=story.label,
        first_published=story.first_published,
        last_published=story.last_published,
        articles=len(story.article_ids),
        independent_sources=independent,
        activity=0,
        brief=brief,
    )


def put_features(store: Store, features: StoryFeatures) -> None:
    """Keep an article's story features: what the index restores from at the next start."""
    data = {
        "published": features.published.isoformat() if features.published else None,
        "counts": dict(features.counts),
    }
    store.put_annotation(
        StoredAnnotation(
            article_id=features.article_id,
            layer=FEATURES_LAYER,
            version=story_features.STAGE_VERSION,
            depends_on="",
            data=json.dumps(data, ensure_ascii=False, sort_keys=True),
        )
    )


def _load_features(store: Store, article_ids: Sequence[str]) -> dict[str, StoryFeatures]:
    """Stored story features of these articles; computed (and stored) for those without:
    from their stored language annotation when there is one, else from a NER pass."""
    from storyline.language.annotate import LAYER, STAGE_VERSION, LanguageAnnotation
    from storyline.records import from_dict
    from storyline.stories.features import extract_features

    found: dict[str, StoryFeatures] = {}
    for start in range(0, len(article_ids), _CHUNK):
        chunk = article_ids[start : start + _CHUNK]
        stored = store.get_annotations(FEATURES_LAYER, chunk)
        missing = []
        for article_id in chunk:
            item = stored.get(article_id)
            if item is None or item.version != story_features.STAGE_VERSION:
                missing.append(article_id)
                continue
            data = json.loads(item.data)
            published = data["published"]
            found[article_id] = StoryFeatures(
                article_id,
                dt.date.fromisoformat(published) if published else None,
                data["counts"],
            )
        if not missing:
            continue
        articles = list(store.iter_articles(missing))
        annotations = {
            article_id: from_dict(LanguageAnnotation, json.loads(item.data))
            for article_id, item in store.get_annotations(LAYER, missing).items()
            if item.version == STAGE_VERSION
        }
        for article_id, features in extract_features(articles, annotations).items():
            put_features(store, features)
            found[article_id] = features
    return found


__all__ = ["StartupReport", "StoryService", "SubmitResult", "put_features", "story_brief"]
