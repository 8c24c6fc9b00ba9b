"""Entity mentions in one article: names (with the titles that give people their roles), and
the role nouns and pronouns that can safely be resolved to a person named earlier.

spaCy's NER is the source; ``entity_spans`` and ``entity_roles`` repair its common, general
misses:
- titles glued into or left outside a name ("PM al-Kadhimi", "Ayatollah Ali al-Sistani"),
- possessives and leading determiners inside the span ("Kadhimi's", "the White House"),
- names split in two ("Islamic" NORP + "State" ORG, "Feisal Amin" + "Rasoul al-Istrabadi"),
- a last name token the model left out ("Brendan" + "O'Leary"),
- kinds given away by the syntax (", who ..." is a person; "X province" is a place),
- capitals standing for their government ("a threat by Washington").

``entity_coreference`` resolves the role nouns and pronouns. Cross-article identity is
``entity_resolution``'s job; here every mention only knows its own article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.context import ArticleContext
from storyline.language.entity_coreference import (
    LocalPeople,
    QuoteMask,
    Sentences,
    pronoun_mentions,
    role_mentions,
)
from storyline.language.entity_mention import EntityMention, Kind, Via
from storyline.language.entity_roles import appositive_role, government_of, title_before
from storyline.language.entity_spans import NameSpan, ner_spans, repair

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EntityMention", "Kind", "Via", "find_mentions"]


STAGE_VERSION = "entities-1"


def find_mentions(doc: Doc, context: ArticleContext) -> list[EntityMention]:
    """Entity mentions of ``doc`` with character offsets into ``doc.text``, in text order."""
    spans = repair(doc, ner_spans(doc))
    quotes = QuoteMask(doc.text)
    sentences = Sentences(doc)
    names = [_name_mention(doc, span, context.article_id, sentences) for span in spans]
    names = _drop_inside_titles([mention for mention in names if mention is not None])
    people = LocalPeople(doc, names)
    names = people.fix_kinds(names)
    resolved = role_mentions(doc, context.article_id, people, spans, sentences)
    for mention in resolved:
        people.add_reference(mention)  # "The minister said ... she added": she is the minister
    resolved += pronoun_mentions(doc, context.article_id, people, quotes, sentences)
    return sorted(names + resolved, key=lambda m: (m.start, m.end, m.via))


# --- name mentions ------------------------------------------------------------------------------


def _drop_inside_titles(names: list[EntityMention]) -> list[EntityMention]:
    """Names inside a person's title ("State" in "Secretary of State", "US" in "US Ambassador")
    are part of the title; the affiliation is kept on the person."""
    titles = [
        (m.start, m.head_start) for m in names if m.kind == "person" and m.start < m.head_start
    ]
    return [
        m
        for m in names
        if m.kind == "person" or not any(s <= m.start and m.end <= e for s, e in titles)
    ]


def _name_mention(
    doc: Doc, span: NameSpan, article_id: str, sentences: Sentences
) -> EntityMention | None:
    name = doc[span.start : span.end]
    role: str | None = None
    affiliation: str | None = None
    start_token = span.start
    if span.kind == "person":
        title = title_before(doc, span, sentences.sent_of_token(span.start).start)
        if title is not None:
            start_token, role, affiliation = title
        if role is None:
            role, affiliation = appositive_role(doc, span.end)
    stands_for = government_of(name) if span.kind == "place" else None
    start = doc[start_token].idx
    return EntityMention(
        article_id=article_id,
        start=start,
        end=name.end_char,
        text=doc[start_token : span.end].text,  # (doc.text is rebuilt on every access)
        kind=span.kind,
        via="name",
        role=role,
        head_start=name.start_char,
        head_end=name.end_char,
        affiliation=affiliation,
        stands_for=stands_for,
    )
