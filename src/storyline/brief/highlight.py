"""Article text as HTML with annotated spans marked, so a click on a list item shows its span.

Each span becomes a ``<mark id=… class=…>`` around its part of the text; the page's CSS
highlights the mark that is the URL's ``:target``, so "click shows the span" needs no script.
Spans must nest: one that crosses another already placed is left unmarked (it is still listed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css_class: str
    anchor: str  # the element id that links point to
    title: str = ""  # shown on hover
    rank: int = 2  # placed before spans of a higher rank when two cross (citations first)


def nested(highlights: Iterable[Highlight]) -> list[Highlight]:
    """The highlights that can be placed as properly nested elements, outer ones first.

    Lower ``rank`` is placed first: a span crossing one of a lower rank is left out."""
    placed: list[Highlight] = []
    # By rank, then outer spans first: earlier start, then longer.
    for highlight in sorted(highlights, key=lambda h: (h.rank, h.start, -h.end, h.anchor)):
        if highlight.end <= highlight.start:
            continue
        crosses = any(
            other.start < highlight.start < other.end < highlight.end
            or highlight.start < other.start < highlight.end < other.end
            for other in placed
        )
        if not crosses:
            placed.append(highlight)
    return sorted(placed, key=lambda h: (h.start, -h.end, h.rank, h.anchor))


def highlight_paragraphs(text: str, highlights: Iterable[Highlight]) -> list[Markup]:
    """The text's paragraphs (split on blank lines) as escaped HTML with marks inserted.

    A span that runs over a paragraph break is cut at the break and continued in the next
    paragraph, so each paragraph stays well-formed.
    """
    spans = nested(highlights)
    anchored: set[str] = set()  # an id may appear once on the page: on the span's first part
    paragraphs: list[Markup] = []
    position = 0
    for block in text.split("\n\n"):
        start, end = position, position + len(block)
        position = end + 2
        if not block.strip():
            continue
        inside = [
            Highlight(max(h.start, start), min(h.end, end), h.css_class, h.anchor, h.title, h.rank)
            for h in spans
            if h.start < end and h.end > start
        ]
        paragraphs.append(_render(text, start, end, inside, anchored))
    return paragraphs


def _render(text: str, start: int, end: int, spans: list[Highlight], anchored: set[str]) -> Markup:
    events: list[tuple[int, int, str]] = []
    for order, span in enumerate(spans):
        anchor = "" if span.anchor in anchored else f' id="{escape(span.anchor)}"'
        anchored.add(span.anchor)
        title = f' title="{escape(span.title)}"' if span.title else ""
        opening = f'<mark class="{escape(span.css_class)}"{anchor}{title}>'
        # At one offset: closings before openings; outer opens first, inner closes first.
        events.append((span.start, 1_000_000 + order, opening))
        events.append((span.end, -order, "</mark>"))
    events.sort(key=lambda event: (event[0], event[1]))
    pieces: list[str] = []
    cursor = start
    for offset, _order, tag in events:
        pieces.append(str(escape(text[cursor:offset])))
        pieces.append(tag)
        cursor = offset
    pieces.append(str(escape(text[cursor:end])))
    return Markup("".join(pieces).strip())
