"""The claims stage: per story, claims with their independent sources, contradictions, timeline.

Input: the articles, the language layer (frames, mentions, quotes and the corpus entity index)
and the stories stage (members, provenance, edits in copies). Everything here is computed
from those records, in a fixed order, so the same input gives the same output.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.claims.contradictions import find_contradictions
from storyline.claims.matching import common_entities, group_frames
from storyline.claims.records import (
    Claim,
    Contradiction,
    StoryClaims,
    TimelineEvent,
)
from storyline.claims.values import time_interval
from storyline.claims.views import FrameView, content_words, frame_views, jaccard
from storyline.language.frames import Role
from storyline.language.layer import LanguageResult
from storyline.language.linking import speaker_entity
from storyline.language.quotes import Quote
from storyline.language.timex import TimeExpression
from storyline.model import Article
from storyline.stories.story_analysis import StoryAnalysis

STAGE_VERSION = "claims-1"
SpokenQuote = tuple[FrameView | None, Quote, str | None, str]
#: Edit kinds that change a value (a hedge dropped changes how sure, not what).
_VALUE_EDITS = frozenset({"number", "date", "name"})
#: Two sentences on one date sharing this much wording tell one event.
RETOLD_WORDS = 0.35


def analyse_claims(
    articles: Sequence[Article], language: LanguageResult, stories: Sequence[StoryAnalysis]
) -> list[StoryClaims]:
    by_id = {article.id: article for article in articles}
    return [_story_claims(story, by_id, language) for story in stories]


def _story_claims(
    analysis: StoryAnalysis, articles: Mapping[str, Article], language: LanguageResult
) -> StoryClaims:
    story_id = analysis.story.id
    views: list[FrameView] = []
    for article_id in sorted(analysis.story.article_ids):
        annotation = language.annotations.get(article_id)
        if annotation is None or article_id not in articles:
            continue
        views.extend(
            frame_views(
                articles[article_id],
                annotation.frames,
                annotation.mentions,
                language.entities,
                analysis.provenance,
            )
        )
    groups = group_frames(views)
    claims = [_claim(group, articles) for group in groups]
    contradictions = _contradictions(story_id, views, groups, articles, language, analysis)
    timeline = _timeline(groups, claims, articles)
    dated = {event.claim_id for event in timeline}
    return StoryClaims(
        story_id=story_id,
        claims=tuple(claims),
        contradictions=tuple(contradictions),
        timeline=tuple(timeline),
        undated=tuple(c.id for c in claims if c.id not in dated and _is_substantive(c)),
    )


def _claim(group: Sequence[FrameView], articles: Mapping[str, Article]) -> Claim:
    first = group[0]
    key = "|".join(f"{v.article_id}:{v.frame.predicate_start}" for v in group)
    sources = sorted({view.origin for view in group})
    speakers = {v.frame.attribution.source for v in group if v.frame.attribution.kind == "quote"}
    all_quoted = all(v.frame.attribution.kind == "quote" for v in group)
    best_time = _best_time(group)
    return Claim(
        id="claim-" + hashlib.sha256(key.encode()).hexdigest()[:12],
        predicate=first.frame.predicate,
        who=_texts(group, "agent"),
        whom=_texts(group, "patient") + _texts(group, "recipient"),
        where=_texts(group, "place"),
        entity_ids=tuple(sorted(set().union(*(v.all_entities for v in group)))),
        date=best_time[1].value if best_time else None,
        date_granularity=best_time[1].granularity if best_time else None,
        values=tuple(sorted({q.text for v in group for q in v.frame.quantities})),
        statements=tuple(v.statement() for v in group),
        sources=tuple(sources),
        statement_by=next(iter(speakers)) if all_quoted and len(speakers) == 1 else None,
        speech=all(v.frame.reporting for v in group),
    )


def _texts(group: Sequence[FrameView], role: Role) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for view in group:
        argument = view.frame.argument(role)
        if argument is not None:
            seen.setdefault(argument.text.strip().lower(), argument.text.strip())
    return tuple(seen.values())


def _best_time(group: Sequence[FrameView]) -> tuple[FrameView, TimeExpression] | None:
    """(view, time) with the narrowest resolved interval; ties go to the earlier origin."""
    options = []
    for view in group:
        frame = view.frame
        if frame.negated or frame.modality in ("question", "conditional"):
            continue
        if frame.time_from_speech:
            continue  # the date the words were said, not of what they tell
        for time in frame.times:
            interval = time_interval(time)
            if interval is not None:
                width = (interval[1] - interval[0]).days
                options.append((width, view.origin, view.article_id, time.start, view, time))
    if not options:
        return None
    options.sort(key=lambda o: o[:4])
    return options[0][4], options[0][5]


def _dates_event(view: FrameView) -> bool:
    return not view.frame.time_from_speech


def _is_substantive(claim: Claim) -> bool:
    """Worth listing as background: says something about someone or something."""
    return bool(claim.entity_ids or claim.values) and claim.predicate not in ("be", "say")


def _contradictions(
    story_id: str,
    views: Sequence[FrameView],
    groups: Sequence[Sequence[FrameView]],
    articles: Mapping[str, Article],
    language: LanguageResult,
    analysis: StoryAnalysis,
) -> list[Contradiction]:
    edits = [(e.a_id, e.b_id, e.edit) for e in analysis.edits if e.edit.kind in _VALUE_EDITS]
    return find_contradictions(
        story_id,
        views,
        groups,
        _quotes(views, language, analysis),
        edits,
        articles,
        common_entities(views),
    )


def _quotes(
    views: Sequence[FrameView], language: LanguageResult, analysis: StoryAnalysis
) -> list[SpokenQuote]:
    """Direct quotes with a speaker resolved to a named person: what the speaker check reads."""
    out: list[SpokenQuote] = []
    by_article: dict[str, list[FrameView]] = {}
    for view in views:
        by_article.setdefault(view.article_id, []).append(view)
    for article_id in sorted(analysis.story.article_ids):
        annotation = language.annotations.get(article_id)
        if annotation is None:
            continue
        for quote in annotation.quotes:
            if quote.kind != "direct" or quote.speaker is None:
                continue
            entity_id = speaker_entity(quote, annotation.mentions, language.entities)
            entity = language.entities.get(entity_id) if entity_id else None
            if entity is None or entity.kind != "person":
                continue
            view = next(
                (v for v in by_article.get(article_id, []) if v.frame.start >= quote.start),
                None,
            )
            out.append((view, quote, entity_id, entity.name))
    return out


def _timeline(
    groups: Sequence[Sequence[FrameView]], claims: Sequence[Claim], articles: Mapping[str, Article]
) -> list[TimelineEvent]:
    """Dated events: claims with a resolved date of their own or from the clause that governs
    them ("a warning … on September 20" hangs its date on "followed"), but never one inherited
    from a reporting verb, which dates the telling; one event per sentence and date."""
    events = []
    seen: set[tuple[str, int, str]] = set()
    for group, claim in zip(groups, claims, strict=True):
        dated = [v for v in group if _dates_event(v)]
        best = _best_time(dated)
        if best is None:
            continue
        view, time = best
        frame = view.frame
        if frame.modality not in ("asserted", "hedged") or frame.negated:
            continue
        if not (claim.entity_ids or claim.values or frame.arguments):
            continue  # "it happened in August" with nothing named: no event to show
        key = (view.article_id, frame.sentence_start, time.value or "")
        if key in seen:
            continue
        seen.add(key)
        reported = sorted({t.value for v in dated for t in v.frame.times if time_interval(t)})
        events.append(
            TimelineEvent(
                claim_id=claim.id,
                date=time.value or "",
                begin=time.begin or "",
                end=time.end_value or "",
                granularity=time.granularity or "",
                text=articles[view.article_id]
                .text[frame.sentence_start : frame.sentence_end]
                .strip(),
                article_id=view.article_id,
                start=frame.sentence_start,
                end_offset=frame.sentence_end,
                sources=claim.sources,
                articles=tuple(sorted({v.article_id for v in group})),
                reported_dates=tuple(d for d in reported if d) if len(reported) > 1 else (),
            )
        )
    ordered = sorted(events, key=lambda e: (e.begin, e.end, e.article_id, e.start))
    return _merge_retold(ordered, articles)


def _merge_retold(
    events: list[TimelineEvent], articles: Mapping[str, Article]
) -> list[TimelineEvent]:
    """One event told in two sentences of two articles on one date ("the Pentagon said on
    Monday …" / "In a statement on September 28, the Pentagon said …") is one entry: the
    first keeps its text, and gains the other's sources and articles."""
    merged: list[TimelineEvent] = []
    words: list[frozenset[str]] = []
    for event in events:
        text_words = content_words(event.text)
        for index, kept in enumerate(merged):
            if (
                (kept.begin, kept.end) == (event.begin, event.end)
                and kept.article_id != event.article_id
                and jaccard(words[index], text_words) >= RETOLD_WORDS
            ):
                merged[index] = replace(
                    kept,
                    sources=tuple(sorted(set(kept.sources) | set(event.sources))),
                    articles=tuple(sorted(set(kept.articles) | set(event.articles))),
                )
                break
        else:
            merged.append(event)
            words.append(text_words)
    return merged
