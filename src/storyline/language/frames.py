"""Predicate-argument frames: who did what to whom, where, when, how many, and who says so.

One frame per predicate of a sentence, read off spaCy's dependency parse (the parse the rest
of the language layer already made, so this costs no second pass):

- the **predicate**: a verb, or an eventive noun that carries an argument ("a warning from
  Pompeo to Salih on September 20"), normalised to its verb (``language.predicates``);
- **arguments**: agent (subject, passive "by", a noun's "from"/possessive), patient (object,
  passive subject), recipient ("to", dative) and place ("in", "at", "near" …), each with its
  span and head lemma; a participle or conjoined verb without a subject ("…, killing five")
  takes its governing verb's agent;
- the **times** and **quantities** the language layer found inside the predicate's own clause
  (each token belongs to its nearest predicate ancestor, so "said on Monday that X died" gives
  Monday to "said", not to "died"); a clause with no time of its own inherits its governing
  predicate's, flagged ``time_inherited``, so "On September 28, the military said a rocket
  killed …" dates the killing;
- how it is **meant**: negated; ``modality`` asserted, hedged ("could", "may"), planned ("is
  expected to reduce"), future ("will", "would"), conditional ("if", "unless") or a question;
- its **attribution**: the quote it sits in (with the speaker the quotes component found),
  "according to X", or the article itself.

Frames are stored with the other annotations; the claims stage (``storyline.claims``) turns
them into claims across articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from storyline.language.context import ArticleContext
from storyline.language.predicates import (
    EVENT_NOUNS,
    FUTURE_MODALS,
    HEDGING_MODALS,
    PLANNING,
    REPORTING,
    STATIVE,
    normal_predicate,
)
from storyline.language.quantities import Quantity
from storyline.language.quotes import Quote
from storyline.language.timex import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STAGE_VERSION = "frames-1"

Spanned = TypeVar("Spanned", TimeExpression, Quantity)
Role = Literal["agent", "patient", "recipient", "place"]
Modality = Literal["asserted", "hedged", "planned", "future", "conditional", "question"]
AttributionKind = Literal["article", "quote", "according-to"]

_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "parataxis", "csubj"}
)
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "outside", "inside", "into", "around"})
#: Common nouns that name a place when no named entity does: "in a house near …".
_PLACE_NOUNS = frozenset(
    {
        "airport",
        "base",
        "border",
        "building",
        "camp",
        "capital",
        "city",
        "compound",
        "consulate",
        "country",
        "district",
        "embassy",
        "home",
        "hospital",
        "house",
        "market",
        "mosque",
        "neighbourhood",
        "neighborhood",
        "port",
        "province",
        "region",
        "school",
        "square",
        "street",
        "town",
        "village",
        "zone",
        "station",
        "site",
        "scene",
        "area",
        "office",
        "headquarters",
        "prison",
        "plant",
        "factory",
        "hotel",
        "stadium",
        "bridge",
    }
)
#: Verbs that pass their object to someone: "to Y" on them is their own recipient.
_TRANSFER_VERBS = frozenset(
    {"give", "send", "deliver", "hand", "issue", "pass", "convey", "relay", "offer", "make"}
)
_NOUN_AGENT_PREPS = frozenset({"from", "by"})
_NOUN_PATIENT_PREPS = frozenset({"on", "against", "of"})
_CONDITION_MARKS = frozenset({"if", "unless", "should"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})


@dataclass(frozen=True)
class FrameArgument:
    role: Role
    text: str
    start: int
    end: int
    head: str  # the head word's lemma, lower case


@dataclass(frozen=True)
class Attribution:
    """Who a frame's content comes from. ``article``: the article states it in its own voice."""

    kind: AttributionKind
    source: str | None = None  # the speaker phrase, "according to" object
    start: int | None = None
    end: int | None = None
    quote_start: int | None = None  # the quote the frame sits in
    quote_end: int | None = None


@dataclass(frozen=True)
class Frame:
    article_id: str
    start: int  # the clause: the predicate and everything that belongs to it
    end: int
    sentence_start: int
    sentence_end: int
    predicate: str
    predicate_start: int
    predicate_end: int
    arguments: tuple[FrameArgument, ...]
    times: tuple[TimeExpression, ...]
    quantities: tuple[Quantity, ...]
    attribution: Attribution
    negated: bool = False
    modality: Modality = "asserted"
    time_inherited: bool = False
    # The inherited time came down from a verb of speech ("said on Tuesday that …"): it dates
    # the telling, not the event.
    time_from_speech: bool = False
    stative: bool = False
    reporting: bool = False

    def argument(self, role: Role) -> FrameArgument | None:
        return next((a for a in self.arguments if a.role == role), None)


def find_frames(
    doc: Doc,
    context: ArticleContext,
    quotes: Sequence[Quote] = (),
    quantities: Sequence[Quantity] = (),
    times: Sequence[TimeExpression] = (),
) -> list[Frame]:
    """Every predicate's frame in ``doc``, in text order."""
    predicates = [token for token in doc if _is_predicate(token)]
    owner = _owners(doc, {token.i for token in predicates})
    own_times = _attach(doc, owner, times)
    own_quantities = _attach(doc, owner, quantities)
    frames: dict[int, Frame] = {}
    # Governors before their clauses, so an inherited agent or time is already known.
    for token in sorted(predicates, key=lambda t: _depth(t)):
        frames[token.i] = _frame(
            token, context, owner, quotes, own_times.get(token.i, []), own_quantities, frames
        )
    return [frames[i] for i in sorted(frames)]


def _is_predicate(token: Token) -> bool:
    if token.pos_ == "VERB" and token.dep_ in _CLAUSE_DEPS:
        return True
    if (
        token.pos_ == "AUX"
        and token.dep_ in _CLAUSE_DEPS
        and token.lemma_.lower() in STATIVE
        and (token.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "expl") for c in token.children))
    ):
        return True  # "there are 5,000 troops", "even if talks were on the table"
    if token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS:
        return any(
            child.dep_ in ("poss", "prep") and _noun_argument_prep(child)
            for child in token.children
        )
    return False


def _noun_argument_prep(child: Token) -> bool:
    if child.dep_ == "poss":
        return True
    return child.lower_ in _NOUN_AGENT_PREPS | _NOUN_PATIENT_PREPS | {"to"}


def _depth(token: Token) -> tuple[int, int]:
    depth, node = 0, token
    while node.head.i != node.i:
        node, depth = node.head, depth + 1
    return depth, token.i


def _owners(doc: Doc, predicate_ids: set[int]) -> dict[int, int]:
    """Each token's nearest predicate ancestor (itself for a predicate), inside its sentence."""
    owner: dict[int, int] = {}
    for token in doc:
        node = token
        while True:
            if node.i in predicate_ids:
                owner[token.i] = node.i
                break
            if node.head.i == node.i:
                break
            node = node.head
    return owner


def _attach(doc: Doc, owner: dict[int, int], items: Sequence[Spanned]) -> dict[int, list[Spanned]]:
    """Items (times, quantities) by the predicate owning the root token of their span."""
    attached: dict[int, list[Spanned]] = {}
    for item in items:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        predicate = owner.get(span.root.i)
        if predicate is not None:
            attached.setdefault(predicate, []).append(item)
    return attached


def _frame(
    token: Token,
    context: ArticleContext,
    owner: dict[int, int],
    quotes: Sequence[Quote],
    times: list[TimeExpression],
    quantities: dict[int, list[Quantity]],
    done: dict[int, Frame],
) -> Frame:
    is_noun = token.pos_ == "NOUN"
    predicate = normal_predicate(token.lemma_, is_noun=is_noun)
    governor = _governor(token, done)
    arguments = _arguments(token, is_noun)
    if is_noun and not any(a.role == "recipient" for a in arguments):
        arguments += _recipient_on_verb(token)
    arguments += _place_inside(arguments, token)
    if governor is not None and not any(a.role == "agent" for a in arguments):
        # Object control ("led Washington to close") gives an xcomp its governor's object;
        # otherwise a participle, conjunct or xcomp shares its governor's subject.
        inherited = governor.argument("agent")
        if token.dep_ == "xcomp" and governor.argument("patient") is not None:
            inherited = governor.argument("patient")
        if inherited is not None and token.dep_ in ("advcl", "conj", "xcomp", "acl"):
            arguments = (inherited, *arguments)
    own_tokens = [t for t in token.sent if owner.get(t.i) == token.i]
    start, end = _clause_span(token, own_tokens, arguments)
    time_inherited = time_from_speech = False
    frame_times = tuple(sorted(times, key=lambda t: t.start))
    if not frame_times and governor is not None and governor.times:
        frame_times, time_inherited = governor.times, True
        time_from_speech = governor.reporting or governor.time_from_speech
    negated = any(
        child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")
        for child in token.children
    )
    return Frame(
        article_id=context.article_id,
        start=start,
        end=end,
        sentence_start=token.sent.start_char,
        sentence_end=token.sent.end_char,
        predicate=predicate,
        predicate_start=token.idx,
        predicate_end=token.idx + len(token.text),
        arguments=arguments,
        times=frame_times,
        quantities=tuple(sorted(quantities.get(token.i, []), key=lambda q: q.start)),
        attribution=_attribution(token, quotes, governor),
        negated=negated,
        modality=_modality(token, governor),
        time_inherited=time_inherited,
        time_from_speech=time_from_speech,
        stative=predicate in STATIVE,
        reporting=predicate in REPORTING and any(child.dep_ == "ccomp" for child in token.children),
    )


def _clause_span(
    token: Token, own_tokens: list[Token], arguments: tuple[FrameArgument, ...]
) -> tuple[int, int]:
    """The contiguous stretch around the predicate made of its own tokens and its arguments.

    A nested clause ("even if talks were on the table, the US still has …") belongs to its own
    frame, so the stretch stops there rather than spanning it: otherwise its "if" would read
    as this clause's condition.
    """
    sentence = token.sent
    covered = {t.i for t in own_tokens}
    for argument in arguments:
        covered.update(t.i for t in sentence if argument.start <= t.idx < argument.end)
    first = last = token.i
    while first - 1 >= sentence.start and (
        first - 1 in covered or (sentence.doc[first - 1].is_punct and first - 2 in covered)
    ):
        first -= 1
    while last + 1 < sentence.end and (
        last + 1 in covered or (sentence.doc[last + 1].is_punct and last + 2 in covered)
    ):
        last += 1
    doc = sentence.doc
    while first < last and doc[first].is_punct:
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _governor(token: Token, done: dict[int, Frame]) -> Frame | None:
    """The frame of the predicate that governs ``token``'s clause, if any."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.i in done:
            return done[node.i]
    return None


def _arguments(token: Token, is_noun: bool) -> tuple[FrameArgument, ...]:
    found: list[FrameArgument] = []
    for child in token.children:
        dep, word = child.dep_, child.lower_
        if is_noun:
            if dep == "poss" or (dep == "prep" and word in _NOUN_AGENT_PREPS):
                _add(found, "agent", _object_of(child) if dep == "prep" else child)
            elif dep == "prep" and word == "to":
                _add(found, "recipient", _object_of(child))
            elif dep == "prep" and word in _NOUN_PATIENT_PREPS:
                _add(found, "patient", _object_of(child))
            continue
        if dep in ("nsubj", "csubj"):
            _add(found, "agent", child)
        elif dep == "agent":
            _add(found, "agent", _object_of(child))
        elif dep in ("dobj", "nsubjpass", "attr", "oprd"):
            _add(found, "patient", child)
        elif dep == "dative" or (dep == "prep" and word == "to" and token.lemma_ in REPORTING):
            _add(found, "recipient", _object_of(child) if dep == "prep" else child)
        elif dep == "prep" and word in _PLACE_PREPS:
            place = _object_of(child)
            if place is not None and _is_place(place):
                _add(found, "place", place)
    return tuple(found)


def _is_place(head: Token) -> bool:
    """A named place in the phrase, or a place noun at its head; never a date or a number."""
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    if head.lemma_.lower() in _PLACE_NOUNS:
        return True
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree)


def _place_inside(arguments: tuple[FrameArgument, ...], token: Token) -> tuple[FrameArgument, ...]:
    """A named place the parser hung on an argument rather than on the verb: "met Prime
    Minister Dost in Varna" gives the meeting a place."""
    if any(a.role == "place" for a in arguments):
        return ()
    found: list[FrameArgument] = []
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
            continue
        for prep in child.children:
            place = (
                _object_of(prep) if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS else None
            )
            if place is not None and place.ent_type_ in ("GPE", "LOC", "FAC"):
                _add(found, "place", place)
                return tuple(found)
    return ()


def _recipient_on_verb(noun: Token) -> tuple[FrameArgument, ...]:
    """ "followed a warning from X to Y": the parser hangs "to Y" on the verb. Unless that verb
    itself hands something over ("gave a warning to Y"), Y is the warning's recipient."""
    head = noun.head
    if noun.dep_ != "dobj" or head.lemma_.lower() in _TRANSFER_VERBS:
        return ()
    found: list[FrameArgument] = []
    for child in head.children:
        if child.dep_ in ("dative", "prep") and child.lower_ == "to":
            _add(found, "recipient", _object_of(child))
            break
    return tuple(found)


def _object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _add(found: list[FrameArgument], role: Role, head: Token | None) -> None:
    if head is None or head.lower_ in ("it", "that", "which", "this", "what"):
        return
    if any(a.role == role for a in found):
        return
    # The phrase is the head's subtree, cut at a clause inside it (a relative clause belongs
    # to its own frame, not to this argument).
    tokens = [head]
    for t in head.subtree:
        if t.i == head.i:
            continue
        node = t
        while node.i != head.i and node.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            node = node.head
        if node.i == head.i:
            tokens.append(t)
    tokens.sort(key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = head.doc.text[start:end]
    found.append(FrameArgument(role, text, start, end, head.lemma_.lower()))


def _modality(token: Token, governor: Frame | None) -> Modality:
    if token.sent.text.rstrip().endswith("?"):
        return "question"
    children = list(token.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children):
        return "conditional"
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in PLANNING:
        return "planned"
    # "is likely to result": the adjective hangs on the copula next to the clause.
    if (
        token.dep_ == "xcomp"
        and head.pos_ == "AUX"
        and any(c.lemma_.lower() in PLANNING for c in head.children if c.dep_ == "acomp")
    ):
        return "planned"
    if auxiliaries & HEDGING_MODALS:
        return "hedged"
    if auxiliaries & FUTURE_MODALS or "going" in auxiliaries:
        return "future"
    if (
        governor is not None
        and governor.modality in ("planned", "conditional", "future")
        and token.dep_ in ("xcomp", "conj")
    ):
        return governor.modality
    return "asserted"


def _attribution(token: Token, quotes: Sequence[Quote], governor: Frame | None) -> Attribution:
    position = token.idx
    for quote in quotes:
        if quote.start <= position < quote.end:
            speaker = quote.speaker
            return Attribution(
                kind="quote",
                source=speaker.text if speaker is not None else None,
                start=speaker.start if speaker is not None else None,
                end=speaker.end if speaker is not None else None,
                quote_start=quote.start,
                quote_end=quote.end,
            )
    for node in (token, *token.ancestors):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                source = next((t for t in child.subtree if t.dep_ == "pobj"), None)
                if source is not None:
                    span = source.doc[source.left_edge.i : source.right_edge.i + 1]
                    return Attribution("according-to", span.text, span.start_char, span.end_char)
    if governor is not None and governor.attribution.kind != "article":
        return governor.attribution
    return Attribution("article")
