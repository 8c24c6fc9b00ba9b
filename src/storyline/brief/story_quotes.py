"""Who said what in a story: the quotes of its articles grouped by speaker, each quotation once.

``quotes_by_speaker(articles, language, analysis)`` groups the language layer's quotes by the
speaker's resolved entity (unnamed sources, "a Western diplomat", by their wording). Inside a
speaker, the same quotation carried by several articles is one ``SpeakerQuote`` listing every
article that carries it (``carried_by``) and its distinct origins: the words are the same
quotation when their word sequences are equal or one holds the other (a partial quote of the
same words). A partial quote inside a longer quote of the same article is not listed again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.language.layer import LanguageResult
from storyline.language.linking import speaker_entity
from storyline.language.quotes import Quote
from storyline.model import Article
from storyline.stories.story_analysis import StoryAnalysis

_WORD = re.compile(r"\w+")
#: A quotation shorter than this (in words) is only grouped with another when both are equal.
MIN_CONTAINED = 4


@dataclass(frozen=True)
class QuoteCopy:
    article_id: str
    start: int
    end: int
    origin: str  # who first wrote the passage carrying it (provenance): article id or agency


@dataclass(frozen=True)
class SpeakerQuote:
    text: str  # as the first-published carrier words it
    kind: str  # direct, partial, indirect, mixed (of that carrier)
    carried_by: tuple[QuoteCopy, ...]  # sorted by article id
    origins: tuple[str, ...]  # distinct origins of the carriers

    @property
    def articles(self) -> int:
        return len(self.carried_by)


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str  # the entity's name, or the source as written when unnamed
    entity_id: str | None
    named: bool
    quotes: tuple[SpeakerQuote, ...]


def quotes_by_speaker(
    articles: Sequence[Article], language: LanguageResult | None, analysis: StoryAnalysis
) -> tuple[SpeakerQuotes, ...]:
    if language is None:
        return ()
    members = set(analysis.story.article_ids)
    names = {entity.id: entity.name for entity in language.entities.entities}
    groups: dict[tuple[str, str], list[Quote]] = {}
    labels: dict[tuple[str, str], tuple[str, str | None]] = {}
    for article in sorted(articles, key=lambda a: a.id):
        annotation = language.annotations.get(article.id)
        if article.id not in members or annotation is None:
            continue
        quotes = [q for q in annotation.quotes if q.speaker is not None]
        for quote in quotes:
            entity = speaker_entity(quote, annotation.mentions, language.entities)
            speaker = quote.speaker
            assert speaker is not None
            wording = " ".join((speaker.description or speaker.text).split())
            if entity is not None and entity in names:
                key, label = ("entity", entity), (names[entity], entity)
            elif speaker.via == "name":
                key, label = ("name", speaker.text.lower()), (speaker.text, None)
            else:
                key, label = ("unnamed", wording.lower()), (wording, None)
            if _inside_other(quote, quotes):
                continue
            groups.setdefault(key, []).append(quote)
            labels.setdefault(key, label)
    _merge_bare_names(groups, labels)
    published = {a.id: (a.published.value is None, a.published.value or "", a.id) for a in articles}
    provenance = analysis.provenance
    result = []
    for key, quotes in groups.items():
        merged = _merge(quotes)
        items = []
        for same in merged:
            first = min(same, key=lambda q: (published.get(q.article_id, (True, "", "")), q.start))
            one_each = {q.article_id: q for q in sorted(same, key=lambda q: -q.start)}
            carried = tuple(
                sorted(
                    (
                        QuoteCopy(
                            q.article_id,
                            q.start,
                            q.end,
                            provenance.origin_of(q.article_id, q.start, q.end),
                        )
                        for q in one_each.values()
                    ),
                    key=lambda c: (c.article_id, c.start),
                )
            )
            items.append(
                SpeakerQuote(
                    text=first.text,
                    kind=first.kind,
                    carried_by=carried,
                    origins=tuple(sorted({c.origin for c in carried})),
                )
            )
        items.sort(
            key=lambda item: (
                -len(item.origins),
                -item.articles,
                item.carried_by[0].article_id,
                item.carried_by[0].start,
            )
        )
        name, entity_id = labels[key]
        result.append(
            SpeakerQuotes(
                speaker=name, entity_id=entity_id, named=key[0] != "unnamed", quotes=tuple(items)
            )
        )
    result.sort(key=lambda g: (not g.named, -len(g.quotes), g.speaker.lower()))
    return tuple(result)


def _merge_bare_names(
    groups: dict[tuple[str, str], list[Quote]],
    labels: dict[tuple[str, str], tuple[str, str | None]],
) -> None:
    """A named speaker the layer left without an entity ("Pompeo") joins the one entity of the
    story whose name ends with that name ("Mike Pompeo")."""
    for key in [k for k in groups if k[0] == "name"]:
        matches = [
            k
            for k in groups
            if k[0] == "entity" and labels[k][0].lower().split()[-1:] == key[1].split()
        ]
        if len(matches) == 1:
            groups[matches[0]].extend(groups.pop(key))
            labels.pop(key)


def _inside_other(quote: Quote, quotes: Sequence[Quote]) -> bool:
    """A partial quote within a longer quote of the same article (the mixed quote around it)."""
    return any(
        other is not quote
        and other.start <= quote.start
        and quote.end <= other.end
        and (other.end - other.start) > (quote.end - quote.start)
        for other in quotes
    )


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _merge(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotations of one speaker grouped when their words are the same (or one holds the other)."""
    merged: list[list[Quote]] = []
    keys: list[list[str]] = []
    for quote in sorted(quotes, key=lambda q: (-(q.end - q.start), q.article_id, q.start)):
        words = _words(quote.text)
        for group, group_keys in zip(merged, keys, strict=True):
            if any(_same(words, other) for other in group_keys):
                group.append(quote)
                group_keys.append(words)
                break
        else:
            merged.append([quote])
            keys.append([words])
    return merged


def _same(a: str, b: str) -> bool:
    if a == b:
        return bool(a)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= MIN_CONTAINED and f" {short} " in f" {long} "
