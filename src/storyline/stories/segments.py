"""Articles cut for alignment: word tokens with offsets, sentences, quoted stretches.

Sentences come from the language layer when it ran on this very text (its ``article_id``
matches), else from a small punctuation splitter; quotes from its direct and partial quotes,
else from pairs of double quotation marks. Both paths give offsets into ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.numbers import words
from storyline.language.timex_calendar import MONTH_ABBREVIATIONS

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation
    from storyline.model import Article

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-'’]\w+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'"})
# A sentence ends at . ! ? (and closing marks) before a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset(
    words(
        "mr mrs ms dr prof st gen col lt sgt capt rep sen gov pres jr sr inc corp co ltd no vs"
        " u.s u.k u.n e.g i.e"
    )
)
_QUOTED = re.compile(r"“[^”]{2,}?”|\"[^\"\n]{2,}?\"")
_QUOTE_KINDS = frozenset({"direct", "partial"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class Unit:
    """One sentence: its character span and its tokens ``first:last`` in the article's list."""

    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True)
class Segmented:
    """An article cut for alignment: tokens, sentences, quoted stretches."""

    article_id: str
    text: str
    tokens: tuple[Token, ...]
    units: tuple[Unit, ...]
    quotes: tuple[tuple[int, int], ...]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), m.group().casefold().translate(_FOLD))
        for m in _TOKEN.finditer(text, start, end)
    ]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, for when no language layer ran."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        begin = line.start()
        for stop in _SENTENCE_END.finditer(text, line.start(), line.end()):
            before = text[begin : stop.start()].rsplit(None, 1)
            word = before[-1].rstrip('.!?"”’)]').casefold() if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue  # "Mr. Smith", "U.S. officials", initials: not an end
            spans.append((begin, stop.start()))
            begin = stop.end()
        spans.append((begin, line.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def segment(article: Article, lang: LanguageAnnotation | None = None) -> Segmented:
    """Tokens, sentences and quotes of ``article``; the language layer's when it matches."""
    text = article.text
    usable = lang is not None and lang.article_id == article.id and lang.sentences
    if usable:
        assert lang is not None
        spans: list[tuple[int, int]] = []
        for sentence in lang.sentences:
            # The parser sometimes runs a sentence over a paragraph break; the break wins.
            for piece in re.finditer(r"[^\n]+", text[sentence.start : sentence.end]):
                spans.append((sentence.start + piece.start(), sentence.start + piece.end()))
        quotes = tuple(sorted((q.start, q.end) for q in lang.quotes if q.kind in _QUOTE_KINDS))
    else:
        spans = split_sentences(text)
        quotes = tuple((m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text))
    tokens = tokenize(text)
    starts = [token.start for token in tokens]
    units: list[Unit] = []
    for start, end in sorted(spans):
        first = _bisect(starts, start)
        last = _bisect(starts, end)
        if last > first:
            units.append(Unit(start, end, first, last))
    return Segmented(article.id, text, tuple(tokens), tuple(units), quotes)


def _bisect(values: list[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
