"""Direct and partial quotes: the quoted stretches, found from the quote marks alone, then
their attribution and kind, read from the parse.

Handles curly and straight, double and single marks; apostrophes ("Iraq’s", "it's", "allies’")
are told apart from single quote marks by the characters around them. A paragraph that ends
inside a quote continues it when the next paragraph opens with a quote mark (news convention:
the closing mark is left off every paragraph but the last).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.speakers import (
    ORG_NOUNS,
    SOURCE_NOUNS,
    doc_text,
    is_cue,
    is_strong_cue,
    sentence_of,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_BEFORE_OPENER = " \t\n([{—–-/:"  # characters after which a straight mark opens


@dataclass(frozen=True)
class Marked:
    """Text between quote marks: ``start``/``end`` span the content, ``mark_start``/
    ``mark_end`` include the marks. ``depth`` is 0 for a quote, 1 for a quote inside it."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    depth: int
    double: bool


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch in ``text``, sorted by position (outer before inner)."""
    found: list[Marked] = []
    stack: list[tuple[bool, int]] = []  # (double?, index of the opening mark)
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i + 1 < n else "\n"
        if c == "\n":
            i = _paragraph_end(text, i, stack, found)
            continue
        if c in _OPEN_DOUBLE:
            stack.append((True, i))
        elif c in _CLOSE_DOUBLE:
            _close(stack, True, i, found)
        elif c == '"':
            if any(double for double, _ in stack) and not (prev.isspace() and not nxt.isspace()):
                _close(stack, True, i, found)
            elif not nxt.isspace():
                stack.append((True, i))
        elif c == "‘" and not prev.isalnum():
            stack.append((False, i))
        elif c in "’'":
            if prev.isalnum() and nxt.isalnum():
                pass  # an apostrophe: "it's", "Iraq’s"
            elif c == "'" and prev in _BEFORE_OPENER + '“"' and nxt.isalnum():
                stack.append((False, i))
            elif not prev.isspace() and not nxt.isalnum():
                _close(stack, False, i, found)  # an apostrophe ("allies’") when nothing is open
        i += 1
    _close_paragraph(text, n, stack, found)
    return sorted(found, key=lambda m: (m.mark_start, -m.mark_end))


def _close(stack: list[tuple[bool, int]], double: bool, at: int, found: list[Marked]) -> None:
    """Close the innermost open mark of the same kind; marks opened inside it and never
    closed are dropped. A closing mark with nothing open is a stray and is ignored."""
    for level in range(len(stack) - 1, -1, -1):
        if stack[level][0] == double:
            opened = stack[level][1]
            del stack[level:]
            if at > opened + 1:
                found.append(Marked(opened + 1, at, opened, at + 1, level, double))
            return


def _paragraph_end(text: str, i: int, stack: list[tuple[bool, int]], found: list[Marked]) -> int:
    """Handle the line break at ``i``; returns where scanning goes on."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if not stack:
        return j
    if stack[0][0] and j < len(text) and (text[j] in _OPEN_DOUBLE or text[j] == '"'):
        # Continued quote: keep the outer quote open, skip the new paragraph's mark.
        del stack[1:]
        return j + 1
    _close_paragraph(text, i, stack, found)
    return j


def _close_paragraph(
    text: str, at: int, stack: list[tuple[bool, int]], found: list[Marked]
) -> None:
    """A double quote left open at the end of a paragraph ends there; single ones are dropped
    (an unmatched single mark is far more often an apostrophe)."""
    if stack and stack[0][0]:
        end = at
        while end > stack[0][1] + 1 and text[end - 1].isspace():
            end -= 1
        if end > stack[0][1] + 1:
            found.append(Marked(stack[0][1] + 1, end, stack[0][1], end, 0, True))
    stack.clear()


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class Attribution:
    """The cue that introduces a quote and the head token of its speaker phrase."""

    cue: Token | None
    head: Token | None
    how: str  # "parse", "after", "before", "colon", "sentence", "according"


def top_level(marked: list[Marked]) -> list[Marked]:
    """Outermost quotes only (a quote inside a quote is part of what the outer speaker said)."""
    out: list[Marked] = []
    for m in marked:
        if not out or m.mark_start >= out[-1].mark_end:
            out.append(m)
    return out


def attribute(doc: Doc, quote: Marked, blocked: Sequence[tuple[int, int]]) -> Attribution | None:
    """Who is reported as saying ``quote``, trying the parse first and then the text around it.

    1. a reporting verb outside quotes that the quote hangs on (ccomp or deeper);
    2. a cue with a subject in the stretch after the closing mark, up to the end of the
       sentence or the next quote ("…," Leaf said. / "…," said the minister);
    3. a cue in the stretch before the opening mark ("Hussein added: …");
    4. a previous sentence or paragraph ending in a colon;
    5. for a few quoted words, any cue or "according to" in the same sentence.
    """
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for token in _ancestors(span):
        if is_strong_cue(token) and not _inside(token, blocked):
            head = subject_of(token)
            if head is not None and not _inside(head, blocked):
                return Attribution(token, head, "parse")
    text = doc_text(doc)
    after = _stretch_after(doc, quote, blocked)
    found = _cue_in(after, blocked)
    if found:
        return Attribution(found[0], found[1], "after")
    before = _stretch_before(doc, quote, blocked)
    found = _cue_in(before, blocked, last=True)
    if found:
        return Attribution(found[0], found[1], "before")
    lead = text[: quote.mark_start].rstrip()
    if lead.endswith(":") and before is not None and not before.text.strip(" :\n"):
        colon = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
        if colon is not None:
            found = _cue_in(sentence_of(doc, colon.start), blocked, last=True)
            if found:
                return Attribution(found[0], found[1], "colon")
    paragraph = _paragraph_of(doc, quote)
    sentence = sentence_of(doc, span.start)
    found = _cue_in(
        doc[max(sentence.start, paragraph[0]) : min(sentence.end, paragraph[1])], blocked
    )
    if found:
        return Attribution(found[0], found[1], "sentence")
    return None


def _paragraph_of(doc: Doc, quote: Marked) -> tuple[int, int]:
    """Token range of the paragraph(s) the quote is in: attribution never crosses a
    paragraph break, even when the parser runs a sentence across one."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, quote.mark_start) + 1
    end = text.find("\n", quote.mark_end)
    span = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, len(doc))


def _ancestors(span: Span) -> Iterator[Token]:
    """Heads above the quote's tokens, nearest first (the quote's own tokens excluded)."""
    inside = {t.i for t in span}
    seen: set[int] = set()
    for token in span:
        head = token.head
        while head.i not in seen and head.head.i != head.i:
            seen.add(head.i)
            if head.i not in inside:
                yield head
            head = head.head
        if head.i not in inside and head.i not in seen:
            seen.add(head.i)
            yield head


def _inside(token: Token, blocked: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in blocked)


def _stretch_after(doc: Doc, quote: Marked, blocked: Sequence[tuple[int, int]]) -> Span | None:
    text = doc_text(doc)
    end = quote.mark_end
    limit = text.find("\n", end)
    limit = len(text) if limit < 0 else limit
    for s, _ in blocked:
        if end <= s < limit:
            limit = s
    stop = _SENTENCE_END.search(text, end, limit)
    # A sentence end right after the mark ('… decision." He said') still leaves the next
    # sentence to search: "… ," Leaf said.' puts the cue in what spaCy may call a new sentence.
    if stop is not None and text[end : stop.start()].strip(" ,;") == "":
        stop = _SENTENCE_END.search(text, stop.end(), limit)
    if stop is not None:
        limit = stop.start() + 1
    return doc.char_span(end, limit, alignment_mode="contract") if limit > end else None


def _stretch_before(doc: Doc, quote: Marked, blocked: Sequence[tuple[int, int]]) -> Span | None:
    text = doc_text(doc)
    start = text.rfind("\n", 0, quote.mark_start) + 1
    for _, e in blocked:
        if start < e <= quote.mark_start:
            start = e
    for stop in _SENTENCE_END.finditer(text, start, quote.mark_start):
        start = stop.end()
    return doc.char_span(start, quote.mark_start, alignment_mode="contract")


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def _cue_in(
    span: Span | None, blocked: Sequence[tuple[int, int]], last: bool = False
) -> tuple[Token, Token] | None:
    """A reporting verb in ``span`` (outside quotes) with its speaker's head token."""
    if span is None:
        return None
    tokens = list(span)
    for token in reversed(tokens) if last else tokens:
        if _inside(token, blocked):
            continue
        if is_strong_cue(token):
            head = subject_of(token)
            if head is not None and not _inside(head, blocked):
                return token, head
        if token.lower_ == "according":
            head = according_to(token)
            if head is not None:
                return token, head
    return None


def according_to(token: Token) -> Token | None:
    """The source in "according to X" (or the agent of "a statement given by X")."""
    for prep in token.children:
        if prep.lower_ == "to":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    for t in pobj.subtree:
                        if t.dep_ == "agent":
                            for agent in t.children:
                                if agent.dep_ == "pobj":
                                    return agent
                    if pobj.ent_type_ or pobj.pos_ in ("PROPN", "PRON"):
                        return pobj
                    lemma = pobj.lemma_.lower()
                    return pobj if lemma in SOURCE_NOUNS or lemma in ORG_NOUNS else None
    return None


# --------------------------------------------------------------------------- kind


def quote_kind(doc: Doc, quote: Marked, cue: Token | None) -> str:
    """ "direct" when the marks enclose what someone said as a whole (a sentence or clause that
    starts where the sentence, a colon, a comma or the reporting verb leaves off); "partial"
    for a few words worked into the writer's own sentence ("is “not happy” with")."""
    text = doc_text(doc)
    lead = text[: quote.mark_start].rstrip(" ")
    before = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand") if lead else None
    word = before[-1] if before is not None and len(before) else None
    # A sentence starts here after a full stop token of its own (not the one in "U.S.").
    opens = word is None or lead.endswith("\n") or word.text in (".", "!", "?", ":", ",")
    if not opens and word is not None:
        if word.lower_ == "that" and word.i > 0:
            word = doc[word.i - 1]
        opens = is_cue(word)
    if not opens:
        return "partial"
    content = text[quote.start : quote.end].rstrip()
    tail = text[quote.mark_end : quote.mark_end + 2].lstrip(" ")
    closes = (
        content.endswith((",", ".", "?", "!", "…", ";", ":"))
        or not tail
        or tail[0] in ".,;:?!\n"
        or (cue is not None and quote.mark_end <= cue.idx <= quote.mark_end + 60)
    )
    if closes:
        return "direct"
    # A whole clause in the marks ("stressed that “the acts … are a threat”") is direct even
    # when the writer's sentence goes on after it; a verbless phrase is partial.
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    finite = span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)
    return "direct" if finite else "partial"
