"""Name spans from spaCy's NER, repaired: known names the model missed, names it split, titles,
determiners and possessives inside a span, last names left out, and kinds the syntax gives
away. See ``entities`` for the list of misses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language import aliases
from storyline.language.entity_mention import Kind
from storyline.language.entity_vocabulary import (
    HONORIFICS,
    INSTITUTION_WORDS,
    PLACE_NOUNS,
    ROLE_HEADS,
    title_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KINDS: dict[str, Kind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass
class NameSpan:
    """A name's tokens in the doc, as NER gave them and the repairs left them."""

    start: int  # token index
    end: int
    kind: Kind
    role_tokens: tuple[int, int] | None = None  # token range of a title before the name
    adjective: bool = False  # a NORP used as an adjective ("Iraqi government"): no mention


def ner_spans(doc: Doc) -> list[NameSpan]:
    spans = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None:
            continue
        if ent.label_ == "NORP" and not _norp_is_named(ent):
            # "Iraqi government": an adjective, not a mention of a group ("the Iraqis" is).
            spans.append(NameSpan(ent.start, ent.end, "group", adjective=True))
            continue
        spans.append(NameSpan(ent.start, ent.end, kind))
    return _add_known_names(doc, spans)


def _add_known_names(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Well-known names the model missed ("the Islamic State group" untagged), from the
    ``aliases.GAZETTEER``; only where no span is already."""
    taken = {i for span in spans if not span.adjective for i in range(span.start, span.end)}
    added = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        for form, kind in aliases.GAZETTEER.items():
            end = token.i + len(form)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == form:
                if not taken.intersection(range(token.i, end)):
                    added.append(NameSpan(token.i, end, kind))  # type: ignore[arg-type]
                    taken.update(range(token.i, end))
                break
        else:
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            kind = aliases.GUARDED_ACRONYMS.get(token.text)
            if kind and nxt is not None and nxt.lower_ in aliases.ACRONYM_BEFORE:
                added.append(NameSpan(token.i, token.i + 1, kind))  # type: ignore[arg-type]
    return sorted(spans + added, key=lambda span: span.start) if added else spans


def _norp_is_named(ent: Span) -> bool:
    root = ent.root
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.text == "-" and not ent[-1].whitespace_:
        return False  # "Iranian-backed"
    return root.pos_ in {"NOUN", "PROPN"} and root.dep_ not in {"amod", "compound"}


def repair(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    spans = _merge_adjacent(doc, spans)
    spans = _without_overlaps([span for span in spans if not span.adjective])
    out = []
    for span in spans:
        first = doc[span.start]
        if span.end - span.start > 1 and first.lower_ in ROLE_HEADS and first.text[:1].isupper():
            span.kind = "person"  # "PM Okafor" tagged as a place: a title starts a person
        _trim(doc, span)
        if span.start >= span.end or _is_institution_word(doc[span.start : span.end]):
            continue
        _extend_person(doc, span, spans)
        _fix_kind(doc, span)
        out.append(span)
    return out


def _without_overlaps(spans: list[NameSpan]) -> list[NameSpan]:
    """The longest of overlapping spans (a known name added where a repair also found it)."""
    kept: list[NameSpan] = []
    for span in sorted(spans, key=lambda sp: (sp.start, -sp.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _merge_adjacent(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Join names the model split: NORP + ORG/proper noun ("Islamic" + "State") becomes one
    organisation; two adjacent person spans become one person."""
    merged: list[NameSpan] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if prev is not None and prev.end == span.start and _spaced(doc, prev.end - 1):
            if prev.kind == "group" and span.kind == "organisation":
                merged[-1] = NameSpan(prev.start, span.end, "organisation")
                continue
            if prev.kind == span.kind == "person":
                merged[-1] = NameSpan(prev.start, span.end, "person")
                continue
        merged.append(span)
    for span in merged:
        if span.kind == "group" and span.end < len(doc) and _loose_proper(doc[span.end]):
            # "Islamic" NORP + untagged "State": the proper noun finishes an organisation name.
            span.end += 1
            span.kind = "organisation"
            span.adjective = False
        if span.kind == "organisation" and span.end < len(doc) and doc[span.end].lower_ == "group":
            span.end += 1  # "the Islamic State group": the generic tail belongs to the name
    return merged


def _loose_proper(token: Token) -> bool:
    return (
        token.ent_iob_ == "O"
        and token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.lower_ not in ROLE_HEADS
        # "Iraqi Foreign Minister": a modifier before a role noun starts a title, not a name
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ROLE_HEADS)
        and token.i > 0
        and _spaced(token.doc, token.i - 1)
    )


def _spaced(doc: Doc, i: int) -> bool:
    return doc[i].whitespace_ == " "


def _trim(doc: Doc, span: NameSpan) -> None:
    """Drop determiners, possessives, courtesy titles and titles inside the span; a title
    found at the front is kept as the span's role."""
    while span.start < span.end and doc[span.start].lower_ in {"the", "a", "an"}:
        span.start += 1
    while span.end > span.start and (
        doc[span.end - 1].tag_ == "POS"
        or doc[span.end - 1].text in {"’s", "'s", "’", "'"}
        or doc[span.end - 1].is_punct
    ):
        span.end -= 1
    if span.kind != "person":
        return
    title_start = span.start
    while span.end - span.start > 1 and title_word(doc[span.start]):
        span.start += 1
    if span.start > title_start and doc[title_start].lower_ not in HONORIFICS:
        span.role_tokens = (title_start, span.start)


def _is_institution_word(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in INSTITUTION_WORDS | ROLE_HEADS


def _extend_person(doc: Doc, span: NameSpan, spans: list[NameSpan]) -> None:
    """A capitalised word right after a person's name that no span claims ("Brendan" +
    "O'Leary") is the rest of the name."""
    if span.kind != "person":
        return
    taken = {i for other in spans for i in range(other.start, other.end)}
    for _ in range(2):
        if span.end >= len(doc) or span.end in taken or not _spaced(doc, span.end - 1):
            return
        token = doc[span.end]
        if not token.text[:1].isupper() or not any(ch.isalpha() for ch in token.text[1:]):
            return
        if token.is_sent_start or token.lower_ in ROLE_HEADS or token.is_stop:
            return
        span.end += 1


def _fix_kind(doc: Doc, span: NameSpan) -> None:
    norm = aliases.normalise(doc[span.start : span.end].text)
    if aliases.canonical_alias(norm) or norm in aliases.CAPITALS:
        return
    after = doc[span.end] if span.end < len(doc) else None
    root = doc[span.start : span.end].root
    if after is not None and after.lower_ in PLACE_NOUNS:
        span.kind = "place"  # "Nineveh province"
    elif (
        span.kind == "organisation"
        and span.end - span.start == 1
        and root.dep_ == "pobj"
        and root.head.lower_ in {"in", "near"}
    ):
        span.kind = "place"  # "troops in Erbil": a bare name after "in" is where, not who
    elif (
        after is not None
        and after.text == ","
        and span.end + 1 < len(doc)
        and doc[span.end + 1].lower_ in {"who", "whom"}
    ):
        span.kind = "person"  # ", who ..." follows people
