"""Reported speech without quote marks: "X said (that) …", "X told AFP …", "according to X, …".

Found by dependency structure only: a clausal complement (``ccomp``) of a reporting verb, or
the sentence around an "according to" phrase. No extra model pass; one scan of the tokens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.quotes_direct import according_to
from storyline.language.speakers import is_cue, sentence_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A reported clause shorter than this many words is too small to be a statement
#: ("he said so", "as she said it").
MIN_CLAUSE_TOKENS = 3
#: A clause at least this much inside quote marks is the direct quote itself, attributed by
#: the direct-quote pass.
QUOTED_SHARE = 0.5


@dataclass(frozen=True)
class Reported:
    """One reported clause: its char span, the cue and the speaker's head token."""

    start: int
    end: int
    cue: Token
    head: Token
    mixed: bool  # the clause quotes some words verbatim


def find_reported(
    doc: Doc, quoted: Sequence[tuple[int, int]], direct: Sequence[tuple[int, int]]
) -> Iterator[Reported]:
    """Reported clauses in ``doc``. ``quoted`` are the char ranges of all quotes (marks
    included): a cue inside one is part of what was quoted. ``direct`` are the direct ones:
    a clause that is mostly one of them belongs to the direct-quote pass."""
    for token in doc:
        if _inside(token.idx, quoted):
            continue
        if token.lower_ == "according":
            found = _according(doc, token, quoted, direct)
        elif is_cue(token):
            found = _complement(doc, token, quoted, direct)
        else:
            continue
        if found is not None:
            yield found


def _complement(
    doc: Doc, cue: Token, quoted: Sequence[tuple[int, int]], direct: Sequence[tuple[int, int]]
) -> Reported | None:
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.pos_ not in ("VERB", "AUX") or _not_said(cue):
        return None
    head = subject_of(cue)
    if head is None or _inside(head.idx, quoted):
        return None
    first, last = clause.left_edge.i, clause.right_edge.i
    # 'said “serious steps” must be taken': the parser hangs the quoted subject on the cue,
    # but it belongs to the clause that follows it.
    while first > cue.i + 1 and (doc[first - 1].is_quote or _inside(doc[first - 1].idx, quoted)):
        first -= 1
    while first <= last and (
        doc[first].dep_ == "mark" or doc[first].lower_ == "that" or doc[first].is_punct
    ):
        first += 1  # "that", a comma
    return _clause(doc, first, last, cue, head, quoted, direct)


def _not_said(cue: Token) -> bool:
    """Speech that did not happen, or is only reported inside someone else's report: "never
    said", "without demanding that", "demanded the authorities announce who …"."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if cue.dep_ == "pcomp" and cue.head.lower_ == "without":
        return True
    token = cue
    for _ in range(6):  # ancestors up to a short bound: nesting is never deep in prose
        if token.dep_ != "ccomp" or token.head.i == token.i:
            return False
        token = token.head
        if is_cue(token):
            return True
    return False


def _according(
    doc: Doc, token: Token, quoted: Sequence[tuple[int, int]], direct: Sequence[tuple[int, int]]
) -> Reported | None:
    head = according_to(token)
    if head is None:
        return None
    sent = sentence_of(doc, token.i)
    phrase_first, phrase_last = token.i, token.right_edge.i
    if phrase_first - sent.start <= 1:  # "According to X, …"
        first, last = phrase_last + 1, sent.end - 1
    else:  # "…, according to X."
        first, last = sent.start, phrase_first - 1
    while first <= last and doc[first].is_punct:
        first += 1
    return _clause(doc, first, last, token, head, quoted, direct)


def _clause(
    doc: Doc,
    first: int,
    last: int,
    cue: Token,
    head: Token,
    quoted: Sequence[tuple[int, int]],
    direct: Sequence[tuple[int, int]],
) -> Reported | None:
    while last >= first and doc[last].is_punct and not doc[last].is_quote:
        last -= 1
    if last - first + 1 < MIN_CLAUSE_TOKENS:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    in_quotes = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    if in_quotes >= QUOTED_SHARE * (end - start) and any(s < end and start < e for s, e in direct):
        return None
    mixed = any(s < end and start < e for s, e in quoted)
    return Reported(start, end, cue, head, mixed=mixed)


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)
