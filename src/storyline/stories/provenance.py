"""Who copied whom, how much of each article is its own, and the origin of every passage.

``trace_provenance(articles, alignments, language)`` takes the passages that
``stories.alignment`` found and returns a ``Provenance``:

- ``directions``: for each pair of articles sharing copied text (``verbatim``/``rewrite``;
  shared quotations are not copying), which one is the source, how sure, and why
  (``provenance_evidence``: publication times, wire agencies, dropped credits, the alignment's
  shape). With no evidence at all the pair is ordered by id with confidence 0, and says so;
- ``articles``: per article, the share of its text taken from each source, the share found in
  no other article (its own), whether it is a patchwork, and its wire agency;
- ``origins``: every sentence of every article with the article or agency that first wrote it
  as far as the corpus shows: a copied sentence inherits its source's origin (followed back
  through chains of copies), a sentence of an agency's story is ``agency:<name>``, and so is a
  sentence that credits an agency as its reporter ("sources have told AFP"); everything else is
  its own article's;
- ``groups``: articles that are (at least ``WHOLE`` of their text) reprints of one origin,
  under that origin's name.

``Provenance.independent_sources(spans)`` counts the distinct origins of the passages stating a
fact: five reprints of one wire story are one source; a patchwork adds only what it wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.stories.alignment import AlignedPassage, segment
from storyline.stories.provenance_evidence import (
    Vote,
    agency_votes,
    credit_votes,
    credited_agencies,
    date_votes,
    shape_votes,
    wire_agency,
)

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation
    from storyline.model import Article

STAGE_VERSION = "provenance-1"
COPY_KINDS = frozenset({"verbatim", "rewrite"})
#: Share of an article's text from one origin for it to count as a reprint of that origin.
WHOLE = 0.8
#: A patchwork has both copied text and text of its own, each at least this share.
PATCH_SHARE = 0.1


@dataclass(frozen=True)
class CopyDirection:
    source_id: str
    copy_id: str
    confidence: float  # 0 when nothing in the corpus tells the direction
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class CopiedPassage:
    """A passage of ``copy_id`` taken from ``source_id``, oriented by the pair's direction."""

    copy_id: str
    copy_start: int
    copy_end: int
    source_id: str
    source_start: int
    source_end: int
    similarity: float
    kind: str


@dataclass(frozen=True)
class ArticleProvenance:
    article_id: str
    own_share: float  # share of the text found in no other article (shared quotes count as own)
    copied_from: tuple[tuple[str, float], ...]  # (source article id, share of this text)
    is_patchwork: bool
    wire_agency: str | None
    wire_evidence: str | None = None


@dataclass(frozen=True)
class PassageOrigin:
    article_id: str
    start: int
    end: int
    origin: str  # an article id, or "agency:AFP"


@dataclass(frozen=True)
class SourceGroup:
    origin: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Provenance:
    directions: tuple[CopyDirection, ...]
    copies: tuple[CopiedPassage, ...]
    articles: tuple[ArticleProvenance, ...]
    origins: tuple[PassageOrigin, ...]
    groups: tuple[SourceGroup, ...]

    def origin_of(self, article_id: str, start: int, end: int) -> str:
        """The origin of the sentences overlapping ``start:end`` most; the article itself when
        nothing is known about it."""
        best, best_overlap = article_id, 0
        for item in self.origins:
            if item.article_id != article_id:
                continue
            overlap = min(end, item.end) - max(start, item.start)
            if overlap > best_overlap:
                best, best_overlap = item.origin, overlap
        return best

    def independent_sources(self, passages: Iterable[tuple[str, int, int]]) -> set[str]:
        """Distinct origins of the passages ``(article_id, start, end)`` that state a fact."""
        return {self.origin_of(*passage) for passage in passages}


def independent_sources(
    provenance: Provenance, passages: Iterable[tuple[str, int, int]]
) -> set[str]:
    return provenance.independent_sources(passages)


def trace_provenance(
    articles: Sequence[Article],
    alignments: Sequence[AlignedPassage],
    language: Mapping[str, LanguageAnnotation] | None = None,
) -> Provenance:
    by_id = {article.id: article for article in sorted(articles, key=lambda a: a.id)}
    copied = [p for p in alignments if p.kind in COPY_KINDS and p.a_id in by_id and p.b_id in by_id]
    pairs: dict[tuple[str, str], list[AlignedPassage]] = {}
    for p in sorted(copied, key=lambda p: (p.a_id, p.b_id, p.a_start, p.b_start)):
        pairs.setdefault(tuple(sorted((p.a_id, p.b_id))), []).append(p)  # type: ignore[arg-type]
    agencies: dict[str, str | None] = {}
    agency_evidence: dict[str, str | None] = {}
    for article_id, article in by_id.items():
        agencies[article_id], agency_evidence[article_id] = wire_agency(article)
    stitched = _stitched(pairs)

    directions: list[CopyDirection] = []
    copies: list[CopiedPassage] = []
    for (x_id, y_id), passages in sorted(pairs.items()):
        x, y = by_id[x_id], by_id[y_id]
        direction = _direction(x, y, passages, agencies, stitched)
        directions.append(direction)
        copies.extend(_oriented(passages, direction))
    copies.sort(key=lambda c: (c.copy_id, c.copy_start, c.source_id, c.source_start))
    # Now that the copies are known, an article's own agency is judged on its own text only.
    for article_id, article in by_id.items():
        taken = [(c.copy_start, c.copy_end) for c in copies if c.copy_id == article_id]
        if taken and agencies[article_id] and not article.wire_credit:
            agencies[article_id], agency_evidence[article_id] = wire_agency(article, taken)

    language = language or {}
    units = {
        article_id: [(u.start, u.end) for u in segment(article, language.get(article_id)).units]
        for article_id, article in by_id.items()
    }
    tracer = _OriginTracer(by_id, copies, agencies, units)
    origins = [
        PassageOrigin(article_id, start, end, tracer.origin(article_id, start, end))
        for article_id in by_id
        for start, end in units[article_id]
    ]
    records = [
        _article_record(by_id[article_id], copied, copies, agencies, agency_evidence)
        for article_id in by_id
    ]
    return Provenance(
        directions=tuple(directions),
        copies=tuple(copies),
        articles=tuple(records),
        origins=tuple(origins),
        groups=tuple(_groups(by_id, origins)),
    )


def _stitched(pairs: Mapping[tuple[str, str], list[AlignedPassage]]) -> dict[str, bool]:
    """Articles that share copied text with two articles that share none with each other."""
    partners: dict[str, set[str]] = {}
    for x, y in pairs:
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)
    found: dict[str, bool] = {}
    for article_id, others in partners.items():
        ordered = sorted(others)
        found[article_id] = any(
            z2 not in partners.get(z1, set())
            for k, z1 in enumerate(ordered)
            for z2 in ordered[k + 1 :]
        )
    return found


def _direction(
    x: Article,
    y: Article,
    passages: list[AlignedPassage],
    agencies: dict[str, str | None],
    stitched: dict[str, bool],
) -> CopyDirection:
    covered = {x.id: _covered(x, passages), y.id: _covered(y, passages)}
    votes: list[Vote] = [
        *date_votes(x, y),
        *agency_votes(x, y, agencies),
        *credit_votes(x, y, passages),
        *shape_votes(
            x, y, covered, {x.id: stitched.get(x.id, False), y.id: stitched.get(y.id, False)}
        ),
    ]
    score = sum(v.weight for v in votes if v.source == x.id) - sum(
        v.weight for v in votes if v.source == y.id
    )
    evidence = tuple(v.reason for v in votes)
    if score == 0:
        # Nothing decides: order by id so that results are stable, and say so.
        note = "no evidence tells the direction; ordered by article id"
        return CopyDirection(x.id, y.id, 0.0, (*evidence, note))
    source, copy = (x, y) if score > 0 else (y, x)
    confidence = round(min(0.95, abs(score) / (abs(score) + 1.0)), 3)
    return CopyDirection(source.id, copy.id, confidence, evidence)


def _covered(article: Article, passages: list[AlignedPassage]) -> float:
    spans = [
        (p.a_start, p.a_end) if p.a_id == article.id else (p.b_start, p.b_end) for p in passages
    ]
    return _span_chars(spans) / max(1, len(article.text))


def _span_chars(spans: Iterable[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def _oriented(passages: list[AlignedPassage], direction: CopyDirection) -> list[CopiedPassage]:
    out = []
    for p in passages:
        if p.a_id == direction.source_id:
            out.append(
                CopiedPassage(
                    p.b_id, p.b_start, p.b_end, p.a_id, p.a_start, p.a_end, p.similarity, p.kind
                )
            )
        else:
            out.append(
                CopiedPassage(
                    p.a_id, p.a_start, p.a_end, p.b_id, p.b_start, p.b_end, p.similarity, p.kind
                )
            )
    return out


def _article_record(
    article: Article,
    copied: list[AlignedPassage],
    copies: list[CopiedPassage],
    agencies: dict[str, str | None],
    agency_evidence: dict[str, str | None],
) -> ArticleProvenance:
    length = max(1, len(article.text))
    shared = [
        (p.a_start, p.a_end) if p.a_id == article.id else (p.b_start, p.b_end)
        for p in copied
        if article.id in (p.a_id, p.b_id)
    ]
    own = 1.0 - _span_chars(shared) / length
    # Each character copied is credited to one source: the most similar passage covering it.
    owner: dict[int, tuple[float, str]] = {}
    for c in sorted(
        (c for c in copies if c.copy_id == article.id), key=lambda c: (-c.similarity, c.source_id)
    ):
        for k in range(c.copy_start, c.copy_end):
            owner.setdefault(k, (c.similarity, c.source_id))
    counts: dict[str, int] = {}
    for _, source in owner.values():
        counts[source] = counts.get(source, 0) + 1
    copied_from = tuple(
        (source, round(n / length, 4))
        for source, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    )
    taken = sum(share for _, share in copied_from)
    is_patchwork = (taken >= PATCH_SHARE and own >= PATCH_SHARE and len(copied_from) >= 1) and (
        len(copied_from) >= 2 or taken < WHOLE
    )
    return ArticleProvenance(
        article_id=article.id,
        own_share=round(own, 4),
        copied_from=copied_from,
        is_patchwork=is_patchwork,
        wire_agency=agencies.get(article.id),
        wire_evidence=agency_evidence.get(article.id),
    )


class _OriginTracer:
    """Follows a copied stretch back to its source, through chains of copies."""

    def __init__(
        self,
        by_id: Mapping[str, Article],
        copies: list[CopiedPassage],
        agencies: Mapping[str, str | None],
        units: Mapping[str, list[tuple[int, int]]],
    ) -> None:
        self._by_id = by_id
        self._agencies = agencies
        self._units = units
        self._copies: dict[str, list[CopiedPassage]] = {}
        for c in copies:
            self._copies.setdefault(c.copy_id, []).append(c)

    def origin(
        self, article_id: str, start: int, end: int, seen: frozenset[str] = frozenset()
    ) -> str:
        best: CopiedPassage | None = None
        best_overlap = 0
        for c in self._copies.get(article_id, ()):
            overlap = min(end, c.copy_end) - max(start, c.copy_start)
            if c.source_id not in seen and overlap > best_overlap:
                best, best_overlap = c, overlap
        if best is not None and best_overlap * 2 >= (end - start):
            # Map the stretch proportionally into the source's passage and ask there.
            scale = (best.source_end - best.source_start) / max(1, best.copy_end - best.copy_start)
            mid = (max(start, best.copy_start) + min(end, best.copy_end)) // 2
            at = best.source_start + int((mid - best.copy_start) * scale)
            return self.origin(best.source_id, at, at + 1, seen | {article_id})
        agency = self._agencies.get(article_id)
        if agency:
            return f"agency:{agency}"
        text = self._by_id[article_id].text
        for unit_start, unit_end in self._units[article_id]:
            if unit_start <= start < unit_end or (start <= unit_start < end):
                credits = credited_agencies(text[unit_start:unit_end])
                if credits:
                    return f"agency:{credits[0]}"  # "sources have told AFP": AFP wrote it
        return article_id


def _groups(by_id: Mapping[str, Article], origins: list[PassageOrigin]) -> list[SourceGroup]:
    shares: dict[str, dict[str, int]] = {}
    for item in origins:
        counts = shares.setdefault(item.article_id, {})
        counts[item.origin] = counts.get(item.origin, 0) + item.end - item.start
    members: dict[str, list[str]] = {}
    for article_id in by_id:
        counts = shares.get(article_id)
        if not counts:
            continue
        total = sum(counts.values())
        origin, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if n >= WHOLE * total:
            members.setdefault(origin, []).append(article_id)
    return [SourceGroup(origin, tuple(sorted(ids))) for origin, ids in sorted(members.items())]
