"""Time expressions as resolved values, in the style of TimeML's TIMEX3.

``find_times(doc, context)`` returns every time expression of one parsed article with its
offsets, TIMEX3 type (DATE, TIME, DURATION, SET), value ("2020-09-28", "2020-W39", "P2M",
"2020-09-28TEV", "PRESENT_REF", "XXXX-09-28"), granularity, the inclusive date range it covers,
and what a relative expression was resolved against: the publication date (``anchor =
"publication"``), or, when that is unknown, a full date the article's first sentence states
(``"text"``). Without either, relative expressions stay unresolved (``resolved=False`` and an
underspecified or missing value); nothing is guessed from the clock.

Why not just call dateparser's ``search_dates`` (it is the baseline in ``evaluate.time``): it
returns one datetime per match, so it cannot say "August" is a month (it picks a day in it),
has no ISO weeks, durations, sets or ranges, resolves "Monday" without looking at the verb's
tense, and always fills a missing anchor from the clock, which is a guess. It is also slow
enough per call that it would break the layer's speed budget.

The work is candidate finding (``timex_find``) and a grammar over each candidate's words
(``timex_resolve``); the only use of the parse is reading the governing verb's tense, so there is
no extra model pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from storyline.language.context import ArticleContext
from storyline.language.timex_find import find_candidates
from storyline.language.timex_resolve import Orientation, Resolution, TimexType, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

AnchorKind = Literal["publication", "text"]

# Auxiliaries that put the verb they govern in the future (incl. "would" of reported speech:
# "said it would withdraw on Monday" points forward from the speech).
_FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "wo", "would", "going", "should", "may", "might", "must"}
)
# Modifiers of a noun that orient a date attached to it ("the upcoming election in November").
_FUTURE_CUES = frozenset(
    {"upcoming", "coming", "next", "forthcoming", "future", "planned", "scheduled"}
)
_PAST_CUES = frozenset({"last", "previous", "past", "recent", "former", "earlier"})
# How far up the dependency tree to look for the governing verb: a preposition and a noun or
# two ("the assassination of Soleimani in January"); further up the verb rarely governs the date.
_MAX_HOPS = 6
# How much of the text counts as its lead, where a stated full date stands in for a dateline.
_LEAD_CHARS = 300


STAGE_VERSION = "timex-1"


@dataclass(frozen=True)
class TimeExpression:
    """One time expression. ``start``/``end`` are character offsets into the clean text;
    ``begin``/``end_value`` are the inclusive ISO dates of the stretch it names (when known)."""

    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    granularity: str | None
    begin: str | None
    end_value: str | None
    anchor: AnchorKind | None
    resolved: bool
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, …


def find_times(doc: Doc, context: ArticleContext) -> list[TimeExpression]:
    """Every time expression of ``doc`` (the article's clean text), in text order."""
    # both walk every token on each call, so they are read once
    parsed, text = doc.has_annotation("DEP"), doc.text
    anchor, anchor_kind = _anchor(doc, text, context)
    found: list[TimeExpression] = []
    for candidate in find_candidates(doc, text):
        whole = _resolved(
            doc, text, candidate.start, candidate.end, anchor, candidate.before, parsed
        )
        if whole is not None:
            found.append(_expression(context.article_id, *whole, anchor_kind))
            continue
        for start, end in candidate.parts:
            part = _resolved(doc, text, start, end, anchor, "", parsed)
            if part is not None:
                found.append(_expression(context.article_id, *part, anchor_kind))
    return found


def _resolved(
    doc: Doc, text: str, start: int, end: int, anchor: dt.date | None, before: str, parsed: bool
) -> tuple[int, int, str, Resolution] | None:
    """The span and its reading, or None (spaCy's DATE also covers things that are no time)."""
    words = text[start:end]
    orientation = _orientation(doc, start, end) if parsed else "neutral"
    try:
        resolution = resolve(words, anchor, orientation, before)
    except (ValueError, OverflowError):
        # Out of the calendar's range ("3000 years ago", "999999 days ago"): keep no value
        # rather than stop the article.
        resolution = None
    return None if resolution is None else (start, end, words, resolution)


def _expression(
    article_id: str,
    start: int,
    end: int,
    text: str,
    found: Resolution,
    anchor_kind: AnchorKind | None,
) -> TimeExpression:
    used_anchor = anchor_kind if found.relative and found.resolved else None
    return TimeExpression(
        article_id=article_id,
        start=start,
        end=end,
        text=text,
        type=found.type,
        value=found.value,
        granularity=found.granularity,
        begin=found.begin.isoformat() if found.begin else None,
        end_value=found.end.isoformat() if found.end else None,
        anchor=used_anchor,
        resolved=found.resolved,
        mod=found.mod,
    )


def _anchor(
    doc: Doc, text: str, context: ArticleContext
) -> tuple[dt.date | None, AnchorKind | None]:
    """The publication date; else a full date stated in the lead; else nothing."""
    value = context.published.value
    if value:
        try:
            return dt.date.fromisoformat(value[:10]), "publication"
        except ValueError:
            pass
    lead_end = _LEAD_CHARS
    if doc.has_annotation("SENT_START"):
        lead_end = min(lead_end, next(iter(doc.sents)).end_char) if len(doc) else 0
    for candidate in find_candidates(doc, text):
        if candidate.start >= lead_end:
            break
        stated = resolve(text[candidate.start : candidate.end], None)
        if stated is not None and stated.resolved and stated.granularity == "day" and stated.begin:
            return stated.begin, "text"
    return None, None


def _orientation(doc: Doc, start: int, end: int) -> Orientation:
    """Past, present or future, from the verb that governs the expression (or a noun cue)."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "neutral"
    token: Token = span.root
    for _ in range(_MAX_HOPS):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ in ("NOUN", "PROPN"):
            cues = {child.lower_ for child in head.children if child.dep_ in ("amod", "compound")}
            if cues & _FUTURE_CUES:
                return "future"
            if cues & _PAST_CUES:
                return "past"
            # the expression dates a thing, not the verb's event ("in the run-up to the
            # November 3 election, Trump has increased …"): the tense says nothing about it
            return "neutral"
        if head.pos_ in ("VERB", "AUX"):
            return _tense(head)
        token = head
    return "neutral"


def _tense(verb: Token) -> Orientation:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxes}
    if words & _FUTURE_AUX or ("to" in words and verb.tag_ == "VB"):
        return "future"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(child.lemma_ in ("have", "be") for child in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
    return "neutral"
