"""Quotes with their speakers: direct, partial, indirect and mixed reported speech.

``find_quotes(doc, context)`` is the public entry point. It works on the ``Doc`` the pipeline
already parsed (tagger, parser, NER): no extra model pass, and each step is a linear scan.

    quote marks ──▶ quoted stretches (quotes_direct.find_marked)
                ──▶ attribution: parse, then the text after / before, a colon, the sentence
    ccomp of a reporting verb, "according to" ──▶ reported clauses (quotes_indirect)
    speaker phrase ──▶ name | organisation | unnamed | role | pronoun (speakers.describe)
                   ──▶ antecedent of a pronoun or role noun (speakers.resolve)

A direct quote with no attribution of its own continues the previous quote's speaker in the
same or the previous paragraph ("…," he said. "…"); a few quoted words with no reporting verb
anywhere in their sentence are scare quotes ("the so-called “Green Zone”") and are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from storyline.language.quotes_direct import (
    Marked,
    attribute,
    find_marked,
    quote_kind,
    top_level,
)
from storyline.language.quotes_indirect import find_reported
from storyline.language.speakers import (
    Speaker,
    describe,
    doc_text,
    is_strong_cue,
    resolve,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.language.context import ArticleContext

__all__ = ["STAGE_VERSION", "Quote", "QuoteKind", "Speaker", "find_quotes"]

STAGE_VERSION = "quotes-1"
QuoteKind = Literal["direct", "partial", "indirect", "mixed"]
#: An opening "X said that …" inside the marks must start within this many tokens of the
#: content for the marks to count as a stray pair around the writer's own report.
SELF_ATTRIBUTION_WINDOW = 12


@dataclass(frozen=True)
class Quote:
    """One quote: ``start``/``end`` span the quoted words without the marks (direct and
    partial) or the reported clause (indirect, mixed), in the article's clean text."""

    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: Speaker | None


@dataclass
class _Found:
    start: int
    end: int
    kind: QuoteKind
    cue: Token | None
    head: Token | None


def find_quotes(doc: Doc, context: ArticleContext) -> list[Quote]:
    """The quotes in ``doc`` (an article's clean text, parsed), sorted by position."""
    quotes, blocked = _marked_quotes(doc)
    found: list[_Found] = []
    direct: list[tuple[int, int]] = []
    for quote in quotes:
        attribution = attribute(doc, quote, blocked)
        cue = attribution.cue if attribution else None
        kind = quote_kind(doc, quote, cue)
        if kind == "partial" and attribution is None:
            continue  # scare quotes: nobody is reported as saying them
        head = attribution.head if attribution else None
        if kind == "direct":
            direct.append((quote.mark_start, quote.mark_end))
        found.append(_Found(quote.start, quote.end, kind, cue, head))  # type: ignore[arg-type]
    for reported in find_reported(doc, blocked, direct):
        kind = "mixed" if reported.mixed else "indirect"
        found.append(_Found(reported.start, reported.end, kind, reported.cue, reported.head))
    found.sort(key=lambda f: (f.start, -f.end))
    return _with_speakers(doc, context, found, blocked)


def _marked_quotes(doc: Doc) -> tuple[list[Marked], list[tuple[int, int]]]:
    """Top-level quotes, less the stray pairs of marks around a whole report that carries its
    own attribution inside ("“A senior official said that … ”"); the quotes nested in such a
    pair become top level."""
    marked = find_marked(doc_text(doc))
    quotes = top_level(marked)
    blocked = [(q.mark_start, q.mark_end) for q in quotes]
    stray = {q for q in quotes if attribute(doc, q, blocked) is None and _self_attributed(doc, q)}
    if stray:
        quotes = top_level([m for m in marked if m not in stray])
        blocked = [(q.mark_start, q.mark_end) for q in quotes]
    return quotes, blocked


def _self_attributed(doc: Doc, quote: Marked) -> bool:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span[:SELF_ATTRIBUTION_WINDOW]:
        if is_strong_cue(token) and any(c.dep_ == "ccomp" for c in token.children):
            head = subject_of(token)
            # "We never comment …" is the speaker talking; "A senior official said …" is the
            # writer reporting, with marks around it by mistake.
            if head is not None and span.start <= head.i < span.end and head.pos_ != "PRON":
                return True
    return False


def _with_speakers(
    doc: Doc, context: ArticleContext, found: list[_Found], blocked: list[tuple[int, int]]
) -> list[Quote]:
    text = doc_text(doc)
    earlier: list[Speaker] = []
    out: list[Quote] = []
    previous: tuple[_Found, Speaker | None] | None = None
    for item in found:
        speaker: Speaker | None = None
        cue = item.cue
        if item.head is not None:
            speaker = describe(doc, item.head, blocked)
            speaker = resolve(doc, speaker, item.head, earlier, blocked)
            earlier.append(speaker)
        elif previous is not None and _continues(text, previous[0], item):
            # A quote with no attribution of its own goes on with the previous speaker.
            speaker, cue = previous[1], previous[0].cue
        out.append(
            Quote(
                article_id=context.article_id,
                start=item.start,
                end=item.end,
                text=text[item.start : item.end],
                kind=item.kind,
                cue=cue.text if cue is not None else None,
                cue_start=cue.idx if cue is not None else None,
                cue_end=cue.idx + len(cue) if cue is not None else None,
                speaker=speaker,
            )
        )
        if speaker is not None:
            previous = (item, speaker)
    return out


def _continues(text: str, previous: _Found, item: _Found) -> bool:
    """``item`` is in the same paragraph as ``previous``, or opens the next paragraph."""
    between = text[previous.end : item.start]
    breaks = between.count("\n\n") + (between.count("\n") if "\n\n" not in between else 0)
    if breaks == 0:
        return True
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    return breaks <= 2 and not text[paragraph_start : item.start].strip(" \"“'‘")
