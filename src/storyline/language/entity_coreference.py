"""Role nouns and pronouns resolved to a person named earlier in the same article, when it is
safe: who is who among the article's people, which words lie inside quotes, and which sentence
a word is in."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from storyline.language import aliases
from storyline.language.entity_mention import EntityMention, Kind
from storyline.language.entity_vocabulary import (
    CONNECTORS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    canonical_role,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.language.entity_spans import NameSpan

PRONOUN_WINDOW = 2  # sentences before the pronoun's own that may hold its antecedent
ROLE_WINDOW = 3  # sentences within which a bare role ("the minister") may be resolved


# --- people within the article ------------------------------------------------------------------


class LocalPeople:
    """Who is who among the people named in one article: a short name ("Hussein") belongs to
    the nearest full name before it whose last word it matches."""

    def __init__(self, doc: Doc, names: list[EntityMention]) -> None:
        self.doc = doc
        self.full: dict[str, EntityMention] = {}  # last-name key → latest full name mention
        self.person_of: dict[tuple[int, int], tuple[str, ...]] = {}  # head span → full tokens
        self.roles: dict[tuple[str, ...], list[EntityMention]] = {}
        self.surnames: dict[str, tuple[str, ...]] = {}
        self.resolved_roles: set[int] = set()  # start of the head noun of each resolved role
        for mention in sorted(names, key=lambda m: m.start):
            if mention.kind == "person":
                self._add(mention)

    def _add(self, mention: EntityMention) -> None:
        tokens = aliases.name_tokens(mention.name)
        if not tokens:
            return
        if len(tokens) == 1:
            tokens = self.surnames.get(_surname_key(tokens[-1]), tokens)
        else:
            self.surnames[_surname_key(tokens[-1])] = tokens
        self.person_of[(mention.head_start, mention.head_end)] = tokens
        self.roles.setdefault(tokens, []).append(mention)

    def fix_kinds(self, names: list[EntityMention]) -> list[EntityMention]:
        """A one-word place or organisation that matches a person's last name in this article
        ("Kadhemi" tagged as a place after "Mustafa al-Kadhimi") is that person."""
        out = []
        for mention in names:
            tokens = aliases.name_tokens(mention.name)
            if (
                mention.kind != "person"
                and len(tokens) == 1
                and aliases.canonical_alias(aliases.normalise(mention.name)) is None
                and aliases.normalise(mention.name) not in aliases.CAPITALS
                and _surname_key(tokens[0]) in self.surnames
            ):
                full = self.surnames[_surname_key(tokens[0])]
                mention = _replace_kind(mention, "person")
                self.person_of[(mention.head_start, mention.head_end)] = full
                self.roles.setdefault(full, []).append(mention)
            out.append(mention)
        return out

    def add_reference(self, mention: EntityMention) -> None:
        self.resolved_roles.add(mention.end - len(mention.text.split()[-1]))
        person = self.person_of.get((mention.head_start, mention.head_end))
        if person is not None:
            self.roles[person].append(mention)

    def people_before(self, char: int) -> list[tuple[tuple[str, ...], EntityMention]]:
        """(person, latest name mention) for people named before ``char``, latest first."""
        latest: dict[tuple[str, ...], EntityMention] = {}
        for person, mentions in self.roles.items():
            before = [m for m in mentions if m.end <= char]
            if before:
                latest[person] = max(before, key=lambda m: m.start)
        return sorted(latest.items(), key=lambda item: -item[1].start)

    def role_words(self, person: tuple[str, ...]) -> list[tuple[set[str], str | None]]:
        return [(set(m.role.split()), m.affiliation) for m in self.roles.get(person, []) if m.role]


def _surname_key(word: str) -> str:
    return aliases.skeleton(word)


def _replace_kind(mention: EntityMention, kind: Kind) -> EntityMention:
    from dataclasses import replace

    return replace(mention, kind=kind)


# --- role nouns and pronouns ----------------------------------------------------------------


def role_mentions(
    doc: Doc, article_id: str, people: LocalPeople, spans: list[NameSpan], sentences: Sentences
) -> list[EntityMention]:
    """ "the minister", "the Iraqi foreign minister": a definite role noun resolved to the one
    person named before it whose role agrees (same head; its modifiers among theirs; same
    affiliation when both say). A bare head needs a person named within ``ROLE_WINDOW``
    sentences; a more specific role may reach back through the article."""
    in_name = {i for span in spans for i in range(span.start, span.end)}
    out = []
    for token in doc:
        low = token.lower_
        if low not in ROLE_HEADS or token.i in in_name or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in CONNECTORS or nxt.ent_type_ == "PERSON"):
            continue  # "the spokesperson for X", or a title before a name
        words, affiliation, first = _role_phrase(doc, token)
        if first is None:
            continue
        antecedent = _role_antecedent(people, sentences, token, words, affiliation)
        if antecedent is None:
            continue
        start, end = doc[first].idx, token.idx + len(token.text)
        out.append(
            EntityMention(
                article_id=article_id,
                start=start,
                end=end,
                text=doc[first : token.i + 1].text,
                kind="person",
                via="role",
                role=canonical_role(" ".join(words)),
                head_start=antecedent.head_start,
                head_end=antecedent.head_end,
                affiliation=affiliation,
            )
        )
    return out


def _role_phrase(doc: Doc, head: Token) -> tuple[list[str], str | None, int | None]:
    """Words of a definite role phrase ending at ``head``, its affiliation, and its first token
    (None when the phrase is not definite: "a minister" is someone new)."""
    words = [head.lower_]
    affiliation = None
    i = head.i - 1
    while i >= 0:
        low = doc[i].lower_
        if low in ROLE_MODIFIERS or (low in ROLE_HEADS and low != "head"):
            words.insert(0, low)
        elif low in aliases.DEMONYMS and affiliation is None:
            affiliation = aliases.DEMONYMS[low]
        else:
            break
        i -= 1
    if i < 0 or doc[i].lower_ != "the":
        return words, affiliation, None
    return words, affiliation, i


def _role_antecedent(
    people: LocalPeople,
    sentences: Sentences,
    token: Token,
    words: list[str],
    affiliation: str | None,
) -> EntityMention | None:
    role = canonical_role(" ".join(words)).split()
    head = "prime minister" if role[-2:] == ["prime", "minister"] else role[-1]
    modifiers = set(role) - {head, *head.split()}
    matches = []
    for person, mention in people.people_before(token.idx):
        for their_words, their_affiliation in people.role_words(person):
            their_role = " ".join(sorted(their_words))
            their_head = "prime minister" if {"prime", "minister"} <= their_words else None
            if their_head is None:
                their_head = role[-1] if role[-1] in their_words else None
            if their_head != head or not modifiers <= their_words:
                continue
            if affiliation and their_affiliation and affiliation != their_affiliation:
                continue
            matches.append((person, mention, their_role))
            break
    if len({person for person, _, _ in matches}) != 1:
        return None
    _, mention, _ = matches[0]
    specific = bool(modifiers) or affiliation is not None
    near = sentences.index(token.idx) - sentences.index(mention.start) <= ROLE_WINDOW
    return mention if (near or specific) else None


def pronoun_mentions(
    doc: Doc, article_id: str, people: LocalPeople, quotes: QuoteMask, sentences: Sentences
) -> list[EntityMention]:
    out = []
    for token in doc:
        if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or quotes.inside(token.idx):
            continue
        antecedent = _resolve_pronoun(doc, people, quotes, sentences, token)
        if antecedent is None:
            continue
        out.append(
            EntityMention(
                article_id=article_id,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                kind="person",
                via="pronoun",
                role=None,
                head_start=antecedent.head_start,
                head_end=antecedent.head_end,
            )
        )
    return out


def _resolve_pronoun(
    doc: Doc, people: LocalPeople, quotes: QuoteMask, sentences: Sentences, pronoun: Token
) -> EntityMention | None:
    """The person a pronoun outside quotes refers to, when it is safe: going back from the
    pronoun's sentence at most ``PRONOUN_WINDOW`` sentences, the first sentence naming people
    must name exactly one, or exactly one as a subject; an unnamed person as subject ("the
    spokesperson for X said ...") blocks, since the pronoun may refer to them."""
    index = sentences.index(pronoun.idx)
    is_object = pronoun.dep_ in {"dobj", "dative", "pobj", "iobj"}
    if is_object and _unnamed_person_before(pronoun, sentences.sents[index], quotes):
        return None  # "met the ambassador to notify him": him may be the ambassador
    local_subject = _local_subject(pronoun) if is_object else None
    for k in range(index, max(-1, index - PRONOUN_WINDOW - 1), -1):
        sent = sentences.sents[k]
        limit = pronoun.idx if k == index else sent.end_char
        if _unnamed_person_subject(sent, limit, quotes, people.resolved_roles):
            return None
        named = [
            (person, mention)
            for person, mention in people.people_before(limit)
            if mention.start >= sent.start_char
            and not quotes.inside(_own(mention)[0])
            # "him" is never the subject of its own clause (that would be "himself")
            and not (local_subject and _own(mention)[0] <= local_subject < _own(mention)[1])
        ]
        named = [(p, m) for p, m in named if not _is_modifier(doc, m)]
        if not named:
            continue
        distinct = {person for person, _ in named}
        if len(distinct) == 1:
            return named[0][1]
        subjects = [(p, m) for p, m in named if _is_subject(doc, m)]
        if len({p for p, _ in subjects}) == 1:
            return subjects[0][1]
        return None
    return None


def _local_subject(pronoun: Token) -> int | None:
    """Character offset of the subject of the clause an object pronoun sits in, following
    infinitives up to the verb that controls them ("X met Y to notify him": X)."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].idx
        if verb.dep_ not in {"xcomp", "advcl", "conj"} or verb.head is verb:
            return None
        verb = verb.head
    return None


def _unnamed_person_before(pronoun: Token, sent: Span, quotes: QuoteMask) -> bool:
    return any(
        t.tag_ == "NN" and t.lemma_.lower() in PERSON_NOUNS and not quotes.inside(t.idx)
        for t in sent
        if t.i < pronoun.i
    )


def _own(mention: EntityMention) -> tuple[int, int]:
    """The characters of the words that refer: the name itself, or the role phrase."""
    if mention.via == "name":
        return mention.head_start, mention.head_end
    return mention.start, mention.end


def _tokens_of(doc: Doc, mention: EntityMention) -> Span | None:
    return doc.char_span(*_own(mention), alignment_mode="expand")


def _is_modifier(doc: Doc, mention: EntityMention) -> bool:
    """ "the Trump administration": the name modifies a noun and is no antecedent."""
    span = _tokens_of(doc, mention)
    return span is not None and span.root.dep_ in {"compound", "amod"}


def _is_subject(doc: Doc, mention: EntityMention) -> bool:
    span = _tokens_of(doc, mention)
    return span is not None and any(t.dep_ in {"nsubj", "nsubjpass"} for t in span)


def _unnamed_person_subject(sent: Span, limit: int, quotes: QuoteMask, resolved: set[int]) -> bool:
    for token in sent:
        if token.idx >= limit:
            break
        if (
            token.idx not in resolved
            and token.dep_ in {"nsubj", "nsubjpass"}
            and token.tag_ == "NN"  # singular: "diplomats" cannot be "he"
            and token.lemma_.lower() in PERSON_NOUNS
            and not quotes.inside(token.idx)
        ):
            return True
    return False


# --- sentences and quotes ----------------------------------------------------------------------


class Sentences:
    """The article's sentences, listed once, with the sentence index of a character."""

    def __init__(self, doc: Doc) -> None:
        self.sents = list(doc.sents)
        self.starts = [sent.start_char for sent in self.sents]
        self.token_starts = [sent.start for sent in self.sents]

    def index(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def sent_of_token(self, i: int) -> Span:
        # ``Token.sent`` walks the document on every call; this is a bisection.
        return self.sents[bisect.bisect_right(self.token_starts, i) - 1]


class QuoteMask:
    """Which characters lie inside quotation marks, paragraph by paragraph (a pronoun inside a
    quote refers to someone the speaker talks about, not to the speaker)."""

    def __init__(self, text: str) -> None:
        self.bounds: list[int] = []
        depth = 0
        straight_open = False
        opened = 0
        for i, ch in enumerate(text):
            if ch == "\n":
                if depth or straight_open:
                    self.bounds += [opened, i]
                depth, straight_open = 0, False
            elif ch == "“":
                if depth == 0 and not straight_open:
                    opened = i
                depth += 1
            elif ch == "”" and depth:
                depth -= 1
                if depth == 0 and not straight_open:
                    self.bounds += [opened, i + 1]
            elif ch == '"':
                if straight_open:
                    straight_open = False
                    if depth == 0:
                        self.bounds += [opened, i + 1]
                else:
                    straight_open = True
                    if depth == 0:
                        opened = i
        if depth or straight_open:
            self.bounds += [opened, len(text)]

    def inside(self, char: int) -> bool:
        return bisect.bisect_right(self.bounds, char) % 2 == 1
