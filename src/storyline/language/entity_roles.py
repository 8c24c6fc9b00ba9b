"""What the words around a name say about it: the title in front of a person's name, the role
in an appositive after it, the country or body a title names, and whether a capital stands for
its government."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyline.language import aliases
from storyline.language.entity_vocabulary import (
    CONNECTORS,
    GOVERNMENT_PREPOSITIONS,
    HONORIFICS,
    PLACE_VERBS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    STANCE_ADJECTIVES,
    canonical_role,
    title_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.language.entity_spans import NameSpan


def title_before(
    doc: Doc, span: NameSpan, sent_start: int
) -> tuple[int, str | None, str | None] | None:
    """The title in front of a person's name: (first token, role, affiliation).

    Walks left over role words, "of/for/to" links and proper nouns ("US Secretary of State
    Mike Pompeo"); a link is crossed only while no role noun stands right of it, so that
    "spokesman for Prime Minister X" gives X the role "prime minister", not "spokesman".
    """
    first = span.role_tokens[0] if span.role_tokens else span.start
    i = first - 1
    has_head = span.role_tokens is not None and any(
        doc[k].lower_ in ROLE_HEADS for k in range(*span.role_tokens)
    )
    while i >= sent_start:
        token = doc[i]
        low = token.lower_.rstrip(".")
        link = low in CONNECTORS and i < first - 1
        link_the = low == "the" and i > sent_start and doc[i - 1].lower_ in CONNECTORS
        if low in ROLE_HEADS:
            has_head = True
        elif low in ROLE_MODIFIERS or ((link or link_the) and not has_head):
            pass
        elif token.pos_ == "PROPN" or token.ent_type_ in {"GPE", "NORP", "ORG", "LOC"}:
            if not token.text[:1].isupper():
                break
        else:
            break
        i -= 1
    run = list(range(i + 1, span.start))
    # Proper nouns before the first role word are the affiliation, not the role.
    first_role = next((k for k in run if title_word(doc[k])), None)
    if first_role is None or not any(doc[k].lower_.rstrip(".") in ROLE_HEADS for k in run):
        return None
    affiliated = [doc[k] for k in run if k < first_role]
    words = []
    linked = False  # after "of/for/to", proper nouns belong to the role ("ambassador to Iraq")
    for k in run[run.index(first_role) :]:
        low = doc[k].lower_.rstrip(".")
        linked = linked or low in CONNECTORS
        if not linked and not title_word(doc[k]):
            affiliated.append(doc[k])  # "senior Iranian commander": Iranian is the affiliation
        else:
            words.append(low)
    affiliation = _affiliation(affiliated)
    if words and words[0] in HONORIFICS and len(words) == 1:
        return None
    role = canonical_role(" ".join(w for w in words if w not in HONORIFICS and w != "the"))
    return run[0], role or None, affiliation


def appositive_role(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """The role in an appositive: "X, an Iraqi Member of Parliament, said" → "member of
    parliament" (Iraq); "X, a spokesman for ...," → "spokesman"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None, None
    i = end + 1
    if doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    affiliation_tokens = []
    words: list[str] = []
    while i < len(doc) and not doc[i].is_punct:
        low = doc[i].lower_
        if low in ROLE_HEADS or low in ROLE_MODIFIERS:
            words.append(low)
        elif not words and (doc[i].lower_ in aliases.DEMONYMS or doc[i].ent_type_ == "GPE"):
            affiliation_tokens.append(doc[i])
        else:
            break
        i += 1
    if not words or words[-1] not in ROLE_HEADS:
        return None, None
    # "Member of Parliament", "Professor of Politics": one proper noun completes the title
    single = i + 2 >= len(doc) or not doc[i + 2].is_title
    if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].is_title and single:
        words += ["of", doc[i + 1].lower_]
    return canonical_role(" ".join(words)), _affiliation(affiliation_tokens)


def _affiliation(tokens: Iterable[Token]) -> str | None:
    for token in tokens:
        norm = aliases.normalise(token.text)
        if norm in aliases.DEMONYMS:
            return aliases.DEMONYMS[norm]
        if norm in aliases.COUNTRY_ALIASES:
            return aliases.COUNTRY_ALIASES[norm]
        if token.ent_type_ in {"GPE", "ORG", "NORP"}:
            return token.text  # not in the tables: the name as written ("Kenyan")
    return None


def government_of(name: Span) -> str | None:
    """The country a capital stands for when the syntax makes it an actor: subject of an
    action or stance, agent ("a threat by Washington"), possessor ("Washington's plan"), or
    the object a verb pushes to act ("lead Washington to close")."""
    capital = aliases.CAPITALS.get(aliases.normalise(name.text))
    if capital is None:
        return None
    root = name.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "Washington and its allies": the first conjunct decides
    dep, head = root.dep_, root.head
    if dep in {"nsubj", "nsubjpass"}:
        if head.lemma_ == "be":
            stance = any(c.dep_ == "acomp" and c.lemma_ in STANCE_ADJECTIVES for c in head.children)
            return capital if stance else None
        return None if head.lemma_ in PLACE_VERBS else capital
    if dep == "poss":
        return capital
    if dep == "pobj" and head.lower_ in GOVERNMENT_PREPOSITIONS:
        if head.lower_ in {"from", "for"} and head.head.pos_ != "NOUN":
            return None  # "flew from Washington"
        return capital
    if dep == "dobj" and any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and any(a.lower_ == "to" for a in c.children)
        for c in head.children
    ):
        return capital
    return None
