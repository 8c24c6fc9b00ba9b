"""What the web pages show, computed from a story's ``brief.json`` document.

The brief's own view functions (``brief.story_view``, ``brief.claims_view``) give the sources,
copying, key facts, disputes and timeline; this module adds what only the web app needs: links
into an article at a cited span, quotes grouped by speaker, the article text marked by origin,
and two small server-rendered SVG charts (the timeline and who copied whom). Every text is a
plain string or escaped ``Markup``: templates autoescape.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from storyline.brief.highlight import Highlight, highlight_paragraphs
from storyline.brief.story_view import StoryView

#: Distinct colours for passage origins (colour-blind safe Okabe–Ito, then greys).
ORIGIN_CLASSES = 8


def cite_link(article_id: str, start: int, end: int) -> str:
    """The article page with the span ``[start, end)`` marked as the cited passage."""
    return f"/articles/{article_id}?{urlencode({'start': start, 'end': end})}#cited"


@dataclass(frozen=True)
class Side:
    label: str
    outlet: str | None
    source: str
    before: str
    marked: str
    after: str
    link: str


@dataclass(frozen=True)
class Dispute:
    """One dispute: every value reported for one thing (two or more sides), with the reasons
    and notes of the pairwise contradictions behind it."""

    kind: str
    subject: str
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    in_copying: bool
    sides: tuple[Side, ...]


def disputes(brief: Mapping[str, Any], claims: Any) -> list[Dispute]:
    """The story's disputes (``claims_view``), one per ``dispute`` id, each side linked to
    its span in its article."""
    story_id = brief["stories"][0]["id"]
    raw = [c for c in brief.get("contradictions", []) if c["story_id"] == story_id]
    grouped: dict[str, list[tuple[Any, Mapping[str, Any]]]] = {}
    for view, data in zip(claims.disputes, raw, strict=True):
        grouped.setdefault(data.get("dispute") or data["id"], []).append((view, data))
    found = []
    for pairs in grouped.values():
        sides: dict[tuple[str, int, int], Side] = {}
        for view, data in pairs:
            for side, span in ((view.a, data["a"]), (view.b, data["b"])):
                key = (span["article_id"], span["start"], span["end"])
                sides.setdefault(
                    key,
                    Side(
                        side.article_label,
                        side.outlet,
                        side.source,
                        side.before,
                        side.marked,
                        side.after,
                        cite_link(*key),
                    ),
                )
        views = [view for view, _ in pairs]
        found.append(
            Dispute(
                kind=views[0].kind,
                subject=views[0].subject,
                reasons=tuple(dict.fromkeys(v.reason for v in views)),
                notes=tuple(dict.fromkeys(v.note for v in views if v.note)),
                in_copying=any(v.in_copying for v in views),
                sides=tuple(sides.values()),
            )
        )
    return found


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]
    articles: int
    link: str


def facts(claims: Any, texts: Mapping[str, str]) -> list[Fact]:
    found = []
    for fact in claims.facts:
        text = texts.get(fact.article_id, "")
        start = text.find(fact.text) if fact.text else -1
        link = (
            cite_link(fact.article_id, start, start + len(fact.text))
            if start >= 0
            else f"/articles/{fact.article_id}"
        )
        found.append(Fact(fact.text, fact.sources, fact.articles, link))
    return found


@dataclass(frozen=True)
class SpokenQuote:
    text: str
    article: str
    link: str


@dataclass(frozen=True)
class Speaker:
    name: str
    quotes: tuple[SpokenQuote, ...]


def quotes_by_speaker(brief: Mapping[str, Any]) -> list[Speaker]:
    names = {entity["id"]: entity["name"] for entity in brief.get("entities", [])}
    grouped: dict[str, list[SpokenQuote]] = {}
    for article in brief.get("articles", []):
        label = article.get("outlet") or article.get("title") or article["source_id"]
        for quote in article.get("quotes", []):
            speaker = quote.get("speaker") or {}
            name = (
                names.get(speaker.get("entity_id") or "")
                or speaker.get("description")
                or speaker.get("text")
                or "speaker unknown"
            )
            grouped.setdefault(name, []).append(
                SpokenQuote(
                    quote["text"], label, cite_link(article["id"], quote["start"], quote["end"])
                )
            )
    ranked = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0].lower()))
    return [Speaker(name, tuple(items)) for name, items in ranked]


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[tuple[str, str], ...]  # (label, link)


def summary(story: Mapping[str, Any], labels: Mapping[str, str]) -> list[SummarySentence]:
    """The cited summary, when the brief carries one: each sentence with links to the
    passages it comes from. Read defensively (a list of sentences, or ``{"sentences": …}``),
    each with ``article_id``/``start``/``end`` or a list of ``citations`` carrying them."""
    data = story.get("summary")
    if isinstance(data, Mapping):
        data = data.get("sentences")
    if not isinstance(data, list):
        return []
    found = []
    for item in data:
        if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
            continue
        spans = item.get("citations") if isinstance(item.get("citations"), list) else [item]
        links = []
        for span in spans:
            if isinstance(span, Mapping) and {"article_id", "start", "end"} <= span.keys():
                article_id = str(span["article_id"])
                link = cite_link(article_id, int(span["start"]), int(span["end"]))
                name = span.get("origin_name") or labels.get(article_id, article_id)
                links.append((str(name), link))
        found.append(SummarySentence(item["text"], tuple(links)))
    return found


# -- charts ------------------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    text = value[:10]
    text += "-01" * ((10 - len(text)) // 3)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def timeline_svg(rows: Sequence[Any], links: Sequence[str]) -> Markup:
    """Events on a date axis, one row each, every dot linking to its sentence."""
    dated = [(row, link, _day(row.date)) for row, link in zip(rows, links, strict=True)]
    dated = [(row, link, day) for row, link, day in dated if day is not None]
    if not dated:
        return Markup("")
    first = min(day for _, _, day in dated)
    last = max(day for _, _, day in dated)
    span = max((last - first).days, 1)
    width, left, right, top, step = 640, 90, 20, 28, 22
    height = top + step * len(dated) + 10
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="timeline of {len(dated)} events from {first} to {last}">',
        f'<line x1="{left}" y1="{top - 10}" x2="{width - right}" y2="{top - 10}" class="axis"/>',
        f'<text x="{left}" y="{top - 16}" class="tick">{first}</text>',
        f'<text x="{width - right}" y="{top - 16}" class="tick end">{last}</text>',
    ]
    for number, (row, link, day) in enumerate(dated):
        x = left + (width - left - right) * (day - first).days / span
        y = top + step * number
        parts.append(
            f'<a href="{escape(link)}"><title>{escape(row.date)}: {escape(row.text)}</title>'
            f'<text x="4" y="{y + 4}" class="label">{escape(row.date)}</text>'
            f'<line x1="{left}" y1="{y}" x2="{x:.1f}" y2="{y}" class="guide"/>'
            f'<circle cx="{x:.1f}" cy="{y}" r="6" class="event"/></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def copy_graph_svg(view: StoryView) -> Markup:
    """Articles on a circle; an arrow from each source to its copy, as thick as the share of
    the copy taken from it. Each node links to its article."""
    nodes = list(view.articles)
    if len(nodes) < 2:
        return Markup("")
    size, radius = 420, 150
    centre = size / 2
    place = {}
    for number, node in enumerate(nodes):
        angle = 2 * math.pi * number / len(nodes) - math.pi / 2
        place[node.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    parts = [
        f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="who copied whom among {len(nodes)} articles">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'class="arrowhead"/></marker></defs>',
    ]
    for row in view.rows:
        for share in row.copied_from:
            if share.source.id not in place or row.article.id not in place:
                continue
            (x1, y1), (x2, y2) = place[share.source.id], place[row.article.id]
            length = math.hypot(x2 - x1, y2 - y1) or 1
            # stop short of the node circles
            sx, sy = x1 + (x2 - x1) * 22 / length, y1 + (y2 - y1) * 22 / length
            ex, ey = x2 - (x2 - x1) * 24 / length, y2 - (y2 - y1) * 24 / length
            width = 1 + 6 * share.share
            parts.append(
                f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" class="edge" '
                f'stroke-width="{width:.1f}" marker-end="url(#arrow)"><title>'
                f"{escape(row.article.label)} took {round(share.share * 100)}% from "
                f"{escape(share.source.label)}</title></line>"
            )
    for number, node in enumerate(nodes):
        x, y = place[node.id]
        name = node.outlet or node.label
        short = name if len(name) <= 22 else name[:21] + "…"
        anchor = "middle"
        parts.append(
            f'<a href="/articles/{escape(node.id)}"><title>{escape(node.label)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="18" class="node"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" class="node-number" text-anchor="middle">'
            f"{number + 1}</text>"
            f'<text x="{x:.1f}" y="{y + (32 if y >= centre else -26):.1f}" class="node-label" '
            f'text-anchor="{anchor}">{escape(short)}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# -- the article page --------------------------------------------------------------------------


@dataclass(frozen=True)
class OriginKey:
    css_class: str
    name: str
    share: float


@dataclass(frozen=True)
class ArticlePage:
    paragraphs: list[Markup]
    origins: list[OriginKey]
    entities: list[tuple[str, str, int]]  # name, kind, mentions
    quotes: list[tuple[str, str]]  # speaker, text
    cited: str | None


def article_page(
    entry: Mapping[str, Any],
    story: Mapping[str, Any] | None,
    brief: Mapping[str, Any] | None,
    cited: tuple[int, int] | None,
) -> ArticlePage:
    """The article's text with the cited span, copied passages (by origin), quotes and
    entity mentions marked. A mark that would cross the cited span is left out."""
    text = entry.get("text") or ""
    article_id = entry["id"]
    names = {e["id"]: e["name"] for e in (brief or {}).get("entities", [])}
    labels = {
        a["id"]: a.get("outlet") or a.get("title") or a["source_id"]
        for a in (brief or {}).get("articles", [])
    }
    highlights: list[Highlight] = []
    origins: dict[str, int] = {}
    for item in (story or {}).get("passage_origins", []):
        if item["article_id"] != article_id:
            continue
        origins[item["origin"]] = origins.get(item["origin"], 0) + item["end"] - item["start"]
    total = sum(origins.values()) or 1
    classes = {}
    keys = []
    for number, (origin, chars) in enumerate(
        sorted(origins.items(), key=lambda item: (-item[1], item[0]))
    ):
        css = "own" if origin == article_id else f"origin o{number % ORIGIN_CLASSES}"
        classes[origin] = css
        if origin == article_id:
            name = "its own text"
        elif origin.startswith("agency:"):
            name = f"{origin.split(':', 1)[1]} wire"
        else:
            name = f"copied from {labels.get(origin, origin)}"
        keys.append(OriginKey(css, name, chars / total))
    for number, item in enumerate((story or {}).get("passage_origins", [])):
        if item["article_id"] == article_id and item["origin"] != article_id:
            key = next(k for k in keys if k.css_class == classes[item["origin"]])
            highlights.append(
                Highlight(
                    item["start"], item["end"], classes[item["origin"]], f"p{number}", key.name
                )
            )
    quotes = []
    for number, quote in enumerate(entry.get("quotes", [])):
        speaker = quote.get("speaker") or {}
        name = names.get(speaker.get("entity_id") or "") or speaker.get("text") or "unknown"
        highlights.append(Highlight(quote["start"], quote["end"], "quote", f"q{number}", name))
        quotes.append((name, quote["text"]))
    counts: dict[tuple[str, str], int] = {}
    for number, mention in enumerate(entry.get("mentions", [])):
        name = names.get(mention.get("entity_id") or "", mention["text"])
        counts[(name, mention["kind"])] = counts.get((name, mention["kind"]), 0) + 1
        highlights.append(Highlight(mention["start"], mention["end"], "entity", f"m{number}", name))
    cited_text = None
    if cited is not None and 0 <= cited[0] < cited[1] <= len(text):
        start, end = cited
        cited_text = text[start:end]
        highlights = [
            h
            for h in highlights
            if not (h.start < start < h.end < end or start < h.start < end < h.end)
        ]
        highlights.insert(0, Highlight(start, end, "cited", "cited", "the cited passage"))
    return ArticlePage(
        paragraphs=highlight_paragraphs(text, highlights),
        origins=keys,
        entities=sorted(
            ((name, kind, n) for (name, kind), n in counts.items()), key=lambda e: (-e[2], e[0])
        ),
        quotes=quotes,
        cited=cited_text,
    )


def snippet_markup(snippet: str, spans: Sequence[tuple[int, int]]) -> Markup:
    pieces, cursor = [], 0
    for start, end in spans:
        pieces.append(str(escape(snippet[cursor:start])))
        pieces.append(f"<mark>{escape(snippet[start:end])}</mark>")
        cursor = end
    pieces.append(str(escape(snippet[cursor:])))
    return Markup("".join(pieces))
