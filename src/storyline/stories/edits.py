"""Fact changes inside a copied passage: a number, a date, a name, a hedge dropped.

``find_edits(passage, a, b, a_lang, b_lang)`` diffs the passage's tokens on both sides
(difflib opcodes) and reads each replaced, inserted or deleted stretch:

- **number**: both sides hold a number and neither number occurs anywhere on the other side
  (so a clause moved elsewhere is not a change); values come from the language layer's typed
  quantities when it ran, else from the digits;
- **date**: a month, weekday or year (or a time expression of the language layer) on both sides,
  differing; values are the resolved ISO values when known;
- **name**: capitalised words on both sides that are not spellings or acronyms of each other
  ("Islamic State" → "ISIS" is a rewrite, "Pompeo" → "Hale" is a change);
- **hedge**: a hedging word ("reportedly", "allegedly", "could") that one side has and the other
  has nowhere in the passage: a claim made firmer (or softer) in the copy.

Changes inside a shared quotation are reported too: a misquoted figure is still a changed fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from storyline.language.numbers import SMALL, TENS, words
from storyline.language.timex_calendar import MONTHS, WEEKDAYS
from storyline.stories.alignment import AlignedPassage, Token, tokenize

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation
    from storyline.language.timex import TimeExpression
    from storyline.model import Article

EditKind = Literal["number", "date", "name", "hedge"]
Value = float | str | None


@dataclass(frozen=True)
class Edit:
    """One changed fact: ``a_text`` at ``a_start:a_end`` in article a became ``b_text`` in b.

    A hedge present on one side only has an empty span (``start == end``) on the other, at the
    place where it would stand. ``a_value``/``b_value`` are typed: a float for a number, an ISO
    string for a date, the name or hedge word as written otherwise.
    """

    kind: EditKind
    a_start: int
    a_end: int
    a_text: str
    b_start: int
    b_end: int
    b_text: str
    a_value: Value
    b_value: Value
    reason: str


HEDGES = frozenset(
    [
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "possibly",
        "probably",
        "likely",
        "could",
        "may",
        "might",
        "unconfirmed",
        "alleged",
        "suspected",
        "presumably",
        "seemingly",
    ]
)
_MONTHS = frozenset(MONTHS)
_WEEKDAYS = frozenset(WEEKDAYS)
# the number words (of ``language.numbers``) read as numbers in a copied passage
_NUMBER_WORDS = {
    word: float(value)
    for word, value in (
        SMALL | {word: TENS[word] for word in words("twenty thirty forty fifty")}
    ).items()
} | {"hundred": 100.0, "thousand": 1000.0}
#: Tokens either side of a change searched for the same value (a clause moved within its
#: sentence); far enough for "around 40 rocket attacks" moved to the sentence's end, near
#: enough that another "40" two sentences on does not hide a change.
NEAR = 25
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def find_edits(
    passage: AlignedPassage,
    a: Article,
    b: Article,
    a_lang: LanguageAnnotation | None = None,
    b_lang: LanguageAnnotation | None = None,
) -> list[Edit]:
    """The facts that ``passage`` changes between ``a`` and ``b``, in a's order."""
    a_tok = tokenize(a.text, passage.a_start, passage.a_end)
    b_tok = tokenize(b.text, passage.b_start, passage.b_end)
    a_norms = [t.norm for t in a_tok]
    b_norms = [t.norm for t in b_tok]
    a_side = _Side(a.text, a_tok, set(a_norms), _usable(a_lang, a))
    b_side = _Side(b.text, b_tok, set(b_norms), _usable(b_lang, b))
    edits: list[Edit] = []
    matcher = SequenceMatcher(None, a_norms, b_norms, False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.extend(_read_change(a_side, b_side, i1, i2, j1, j2))
    unique = {(e.kind, e.a_start, e.a_end, e.b_start, e.b_end): e for e in edits}
    return sorted(unique.values(), key=lambda e: (e.a_start, e.b_start, e.kind))


@dataclass(frozen=True)
class _Side:
    text: str
    tokens: list[Token]
    norms: set[str]
    lang: LanguageAnnotation | None

    def near(self, i1: int, i2: int) -> set[str]:
        """Tokens within ``NEAR`` of a changed stretch: where a moved clause would be."""
        return {t.norm for t in self.tokens[max(0, i1 - NEAR) : i2 + NEAR]}

    def span(self, i1: int, i2: int) -> tuple[int, int]:
        if i1 < i2:
            return self.tokens[i1].start, self.tokens[i2 - 1].end
        at = self.tokens[i1].start if i1 < len(self.tokens) else self.tokens[-1].end
        return at, at


def _usable(lang: LanguageAnnotation | None, article: Article) -> LanguageAnnotation | None:
    return lang if lang is not None and lang.article_id == article.id else None


def _read_change(a: _Side, b: _Side, i1: int, i2: int, j1: int, j2: int) -> list[Edit]:
    a_run, b_run = a.tokens[i1:i2], b.tokens[j1:j2]
    found: list[Edit] = []
    if a_run and b_run:
        for kind, reader in (("date", _dates), ("number", _numbers), ("name", _names)):
            a_hits, b_hits = reader(a, a_run), reader(b, b_run)
            # A value that the other side states close by was moved, not changed.
            a_new = [t for t in a_hits if t.norm not in b.near(j1, j2)]
            b_new = [t for t in b_hits if t.norm not in a.near(i1, i2)]
            if a_new and b_new:
                edit = _edit(kind, a, a_new, b, b_new)  # type: ignore[arg-type]
                if edit is not None:
                    found.append(edit)
                break
    for side, other, run, first, into_a in ((a, b, a_run, j1, True), (b, a, b_run, i1, False)):
        for token in run:
            if token.norm in HEDGES and token.norm not in other.norms:
                found.append(_hedge(side, other, token, first, into_a))
    return found


def _dates(side: _Side, run: list[Token]) -> list[Token]:
    hits = [t for t in run if t.norm in _MONTHS - {"may"} or t.norm in _WEEKDAYS]
    hits += [t for t in run if _YEAR.fullmatch(t.norm)]
    if side.lang is not None:
        hits += [t for t in run if _time_at(side.lang, t) is not None and t not in hits]
    return sorted(set(hits), key=lambda t: t.start)


def _numbers(side: _Side, run: list[Token]) -> list[Token]:
    return [
        t
        for t in run
        if (_DIGITS.fullmatch(t.norm) and not _YEAR.fullmatch(t.norm)) or t.norm in _NUMBER_WORDS
    ]


def _names(side: _Side, run: list[Token]) -> list[Token]:
    hits = []
    common = _lowercase_words(side.text)
    for token in run:
        word = side.text[token.start : token.end]
        if not word[:1].isupper() or token.norm in _MONTHS | _WEEKDAYS:
            continue
        if side.lang is not None:
            named = any(m.start <= token.start < m.end for m in side.lang.mentions)
        else:
            # Without entities: a capitalised word the text also writes in lower case is a
            # common word at the start of a sentence or a heading, not a name.
            named = token.norm not in common
        if named:
            hits.append(token)
    return hits


@lru_cache(maxsize=64)
def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(t.norm for t in tokenize(text) if text[t.start].islower())


def _edit(
    kind: EditKind, a: _Side, a_hits: list[Token], b: _Side, b_hits: list[Token]
) -> Edit | None:
    a_start, a_end = a_hits[0].start, a_hits[-1].end
    b_start, b_end = b_hits[0].start, b_hits[-1].end
    a_text, b_text = a.text[a_start:a_end], b.text[b_start:b_end]
    if kind == "name" and _same_name(a_text, b_text):
        return None  # the same name spelled another way: a rewrite, not a changed fact
    a_value = _value(kind, a, a_hits, a_text)
    b_value = _value(kind, b, b_hits, b_text)
    if a_value is not None and a_value == b_value:
        return None  # "four" / "4", "last two months" / "just two months": the same value
    reason = f"{kind} changed: {a_text!r} in a, {b_text!r} in b"
    return Edit(kind, a_start, a_end, a_text, b_start, b_end, b_text, a_value, b_value, reason)


def _value(kind: EditKind, side: _Side, hits: list[Token], text: str) -> Value:
    if kind == "number":
        if side.lang is not None:
            for quantity in side.lang.quantities:
                if quantity.start <= hits[0].start < quantity.end and quantity.value is not None:
                    return quantity.value
        return _parse_number(hits[0].norm)
    if kind == "date" and side.lang is not None:
        time = _time_at(side.lang, hits[0])
        if time is not None and time.value is not None:
            return time.value
    return text


def _parse_number(norm: str) -> float | None:
    if norm in _NUMBER_WORDS:
        return _NUMBER_WORDS[norm]
    try:
        return float(norm.replace(",", ""))
    except ValueError:
        return None


def _time_at(lang: LanguageAnnotation, token: Token) -> TimeExpression | None:
    for time in lang.times:
        if time.start <= token.start and token.end <= time.end:
            return time
    return None


def _same_name(a_text: str, b_text: str) -> bool:
    """Spelling variants ("Kadhemi" / "al-Kadhimi") and acronyms ("Islamic State" / "ISIS")."""
    if fuzz.partial_ratio(a_text.casefold(), b_text.casefold()) >= 80:
        return True
    for long, short in ((a_text, b_text), (b_text, a_text)):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]\w*", long) if w[0].isupper())
        letters = re.sub(r"[^A-Z]", "", short)
        if len(initials) >= 2 and letters and letters.startswith(initials):
            return True
    return False


def _hedge(side: _Side, other: _Side, token: Token, at: int, in_a: bool) -> Edit:
    word = side.text[token.start : token.end]
    where, _ = other.span(at, at) if other.tokens else (0, 0)
    if in_a:
        return Edit(
            "hedge", token.start, token.end, word, where, where, "", word, None,
            f"hedge {word!r} in a is dropped in b",
        )  # fmt: skip
    return Edit(
        "hedge", where, where, "", token.start, token.end, word, None, word,
        f"hedge {word!r} in b is not in a",
    )  # fmt: skip
