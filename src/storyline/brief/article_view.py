"""What the HTML brief shows of one article's language layer: marked text and listed items.

Each listed item links to its mark in the text (``#anchor``); the page's CSS highlights the mark
that is the URL's target, so clicking an item shows its span without any script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from storyline.brief.highlight import Highlight, highlight_paragraphs, nested


@dataclass(frozen=True)
class Item:
    anchor: str
    label: str  # what the item is: the quote's speaker, the number's value, …
    text: str  # the span as written
    detail: str = ""


@dataclass(frozen=True)
class ArticleView:
    paragraphs: list[Markup]
    quotes: list[Item]
    entities: list[Item]
    quantities: list[Item]
    times: list[Item]


def article_view(
    article: dict[str, Any], entity_names: dict[str, str], extra: Sequence[Highlight] = ()
) -> ArticleView:
    """``extra``: further spans to mark (cited passages, passages first written elsewhere); their
    ``rank`` decides which wins when spans cross."""
    prefix = f"a{article['id']}"
    highlights: list[Highlight] = list(extra)
    quotes = []
    for number, quote in enumerate(article.get("quotes", [])):
        anchor = f"{prefix}-q{number}"
        speaker = _speaker_label(quote.get("speaker"), entity_names)
        highlights.append(
            Highlight(quote["start"], quote["end"], f"quote {quote['kind']}", anchor, speaker)
        )
        detail = f"{quote['kind']}" + (f", cue “{quote['cue']}”" if quote.get("cue") else "")
        quotes.append(Item(anchor, speaker, quote["text"], detail))
    entities = []
    seen: set[str] = set()
    for number, mention in enumerate(article.get("mentions", [])):
        anchor = f"{prefix}-e{number}"
        name = entity_names.get(mention.get("entity_id") or "", mention["text"])
        title = f"{name} ({mention['kind']}" + (
            f", via {mention['via']})" if mention["via"] != "name" else ")"
        )
        highlights.append(
            Highlight(mention["start"], mention["end"], f"entity {mention['kind']}", anchor, title)
        )
        key = mention.get("entity_id") or mention["text"]
        if key not in seen:  # list each entity once, linked to its first mention
            seen.add(key)
            count = sum(1 for m in article["mentions"] if (m.get("entity_id") or m["text"]) == key)
            entities.append(Item(anchor, name, mention["text"], f"{mention['kind']}, {count}×"))
    quantities = []
    for number, quantity in enumerate(article.get("quantities", [])):
        anchor = f"{prefix}-n{number}"
        label = _quantity_label(quantity)
        highlights.append(Highlight(quantity["start"], quantity["end"], "quantity", anchor, label))
        quantities.append(Item(anchor, label, quantity["text"], quantity.get("counted") or ""))
    times = []
    for number, time in enumerate(article.get("times", [])):
        anchor = f"{prefix}-t{number}"
        value = time.get("value") or "unresolved"
        if not time.get("resolved"):
            value += " (not resolved: no date to anchor it)"
        highlights.append(Highlight(time["start"], time["end"], "time", anchor, value))
        times.append(Item(anchor, value, time["text"], time["type"]))
    # A span that crosses another is not marked (see highlight.nested): its item is listed
    # without a link rather than with one that leads nowhere.
    placed = {highlight.anchor for highlight in nested(highlights)}

    def linked(items: list[Item]) -> list[Item]:
        return [item if item.anchor in placed else replace(item, anchor="") for item in items]

    return ArticleView(
        paragraphs=highlight_paragraphs(article["text"], highlights),
        quotes=linked(quotes),
        entities=linked(entities),
        quantities=linked(quantities),
        times=linked(times),
    )


def _speaker_label(speaker: dict[str, Any] | None, entity_names: dict[str, str]) -> str:
    if speaker is None:
        return "speaker unknown"
    name = entity_names.get(speaker.get("entity_id") or "")
    if name:
        return name if speaker["via"] == "name" else f"{name} (as “{speaker['text']}”)"
    return speaker.get("description") or speaker["text"]


_COMPARATOR = {
    "about": "≈",
    "more than": ">",
    "at least": "≥",
    "fewer than": "<",
    "at most": "≤",
}


def _quantity_label(quantity: dict[str, Any]) -> str:
    value = quantity.get("value")
    if value is None and quantity.get("low") is not None:
        shown = f"{_number(quantity['low'])}–{_number(quantity.get('high'))}"
    else:
        shown = _number(value)
    sign = _COMPARATOR.get(quantity.get("approximation") or "", "")
    unit = f" {quantity['unit']}" if quantity.get("unit") else ""
    per = f" per {quantity['per']}" if quantity.get("per") else ""
    parts = quantity.get("parts") or []
    breakdown = (
        " (" + " + ".join(f"{_number(count)} {group}" for count, group in parts) + ")"
        if parts
        else ""
    )
    return f"{sign}{shown}{unit}{per}{breakdown}"


def _number(value: Any) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"
