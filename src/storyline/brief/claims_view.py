"""What the briefs show of a story's claims: where the reports disagree (two spans side by
side), the timeline, and the facts with the most independent sources.

``claims_view(story, contradictions, articles)`` reads one ``brief.json`` story entry, the
brief's top-level ``contradictions`` and its ``articles``; both renderers use the result.
Texts stay plain strings: the HTML template escapes them, the Markdown renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Key facts shown per story: the claims with the most independent sources first.
MAX_FACTS = 12
#: Characters of context shown around a disputed value when its sentence is long.
CONTEXT = 220


@dataclass(frozen=True)
class DisputeSide:
    article_id: str
    article_label: str
    outlet: str | None
    source: str  # the origin's name: "AFP wire", "its own", an article title
    before: str
    marked: str  # the disputed value as written
    after: str
    value: str


@dataclass(frozen=True)
class DisputeView:
    kind: str
    subject: str
    a: DisputeSide
    b: DisputeSide
    reason: str
    note: str | None
    in_copying: bool


@dataclass(frozen=True)
class DisputeGroup:
    """One dispute as a reader sees it: every value reported for one thing, each in its
    sentence (a side), with the reasons of the pairwise contradictions behind it."""

    id: str
    kind: str
    subject: str
    sides: tuple[DisputeSide, ...]
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    in_copying: bool


@dataclass(frozen=True)
class TimelineRow:
    date: str
    granularity: str
    text: str
    sources: tuple[str, ...]
    article_id: str
    reported_dates: tuple[str, ...]


@dataclass(frozen=True)
class FactRow:
    text: str
    article_id: str
    sources: tuple[str, ...]
    articles: int
    statement_by: str | None
    date: str | None


@dataclass(frozen=True)
class ClaimsView:
    disputes: tuple[DisputeView, ...]  # pairwise, as in brief.json
    groups: tuple[DisputeGroup, ...]  # the same, one entry per dispute
    timeline: tuple[TimelineRow, ...]
    facts: tuple[FactRow, ...]


def claims_view(
    story: Mapping[str, Any],
    contradictions: Sequence[Mapping[str, Any]],
    articles: Sequence[Mapping[str, Any]],
) -> ClaimsView:
    known = {article["id"]: article for article in articles}

    def label(article_id: str) -> str:
        article = known.get(article_id, {})
        return article.get("title") or article.get("source_id") or article_id

    def origin_name(origin: str, article_id: str | None = None) -> str:
        if origin.startswith("agency:"):
            return f"{origin.split(':', 1)[1]} wire"
        if origin == article_id:
            return "its own"
        article = known.get(origin, {})
        return article.get("outlet") or label(origin)

    def side(data: Mapping[str, Any]) -> DisputeSide:
        text = known.get(data["article_id"], {}).get("text") or ""
        start, end = data["start"], data["end"]
        sentence_start = max(data["sentence_start"], start - CONTEXT)
        sentence_end = min(data["sentence_end"], end + CONTEXT)
        return DisputeSide(
            article_id=data["article_id"],
            article_label=label(data["article_id"]),
            outlet=known.get(data["article_id"], {}).get("outlet"),
            source=origin_name(data["origin"], data["article_id"]),
            before=text[sentence_start:start].lstrip(),
            marked=text[start:end],
            after=text[end:sentence_end].rstrip(),
            value=data["value"],
        )

    disputes = tuple(
        DisputeView(
            kind=c["kind"],
            subject=c["subject"],
            a=side(c["a"]),
            b=side(c["b"]),
            reason=c["reason"],
            note=c.get("note"),
            in_copying=bool(c.get("in_copying")),
        )
        for c in contradictions
        if c["story_id"] == story["id"]
    )
    timeline = tuple(
        TimelineRow(
            date=event["date"],
            granularity=event["granularity"],
            text=event["text"],
            sources=tuple(origin_name(o) for o in event["sources"]),
            article_id=event["article_id"],
            reported_dates=tuple(event.get("reported_dates", [])),
        )
        for event in story.get("timeline", [])
    )
    ranked = sorted(
        (
            c
            for c in story.get("claims", [])
            if (c["values"] or len(c["statements"]) > 1) and not c.get("speech")
        ),
        key=lambda c: (-c["independent_sources"], -len(c["statements"]), c["id"]),
    )
    facts: list[FactRow] = []
    shown: set[str] = set()
    for claim in ranked:
        text = _sentence(known, claim["statements"][0])
        if text in shown:
            continue  # two claims of one sentence: the better-supported one is shown
        shown.add(text)
        facts.append(
            FactRow(
                text=text,
                article_id=claim["statements"][0]["article_id"],
                sources=tuple(origin_name(o) for o in claim["sources"]),
                articles=len({s["article_id"] for s in claim["statements"]}),
                statement_by=claim.get("statement_by"),
                date=claim.get("date"),
            )
        )
        if len(facts) == MAX_FACTS:
            break
    return ClaimsView(
        disputes=disputes,
        groups=_groups(disputes, [c for c in contradictions if c["story_id"] == story["id"]]),
        timeline=timeline,
        facts=tuple(facts),
    )


def _groups(
    disputes: Sequence[DisputeView], raw: Sequence[Mapping[str, Any]]
) -> tuple[DisputeGroup, ...]:
    """Pairwise disputes gathered by their ``dispute`` id (each its own without one)."""
    gathered: dict[str, list[DisputeView]] = {}
    for view, data in zip(disputes, raw, strict=True):
        gathered.setdefault(data.get("dispute") or data["id"], []).append(view)
    groups = []
    for dispute_id, views in gathered.items():
        sides: dict[tuple[str, str], DisputeSide] = {}
        for view in views:
            for one in (view.a, view.b):
                sides.setdefault((one.article_id, one.before + one.marked), one)
        groups.append(
            DisputeGroup(
                id=dispute_id,
                kind=views[0].kind,
                subject=views[0].subject,
                sides=tuple(sides.values()),
                reasons=tuple(dict.fromkeys(v.reason for v in views)),
                notes=tuple(dict.fromkeys(v.note for v in views if v.note)),
                in_copying=any(v.in_copying for v in views),
            )
        )
    return tuple(groups)


def _sentence(known: Mapping[str, Mapping[str, Any]], statement: Mapping[str, Any]) -> str:
    text = known.get(statement["article_id"], {}).get("text") or ""
    return text[statement["sentence_start"] : statement["sentence_end"]].strip()
