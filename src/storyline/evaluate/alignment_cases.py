"""A gold set for alignment and direction, built by construction from real article texts.

Each case takes real texts (AEB ground-truth bodies, the reference story) and makes a
derivative whose copied spans, direction and changed facts are known because we made them:

- ``reprint``: a long contiguous run of the original, verbatim, under an own opening sentence;
- ``rewrite``: runs of sentences with synonyms swapped (a small table below), clauses moved
  ("In 2012, X happened." → "X happened, in 2012."), two sentences merged, and sometimes a
  number changed (a true edit);
- ``patchwork``: runs from two or three originals, interleaved with own sentences taken from
  an unrelated text that is not part of the case;
- ``unrelated``: two different texts; nothing may be aligned.

Half of the cases (by the seeded generator) date the original a day before the copy; the rest
carry no dates, so direction must come from the text. Derived texts live in memory only.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article, PublicationDate
from storyline.stories.alignment import split_sentences
from storyline.textnorm import content_id, word_count

#: Light rewrites a copy desk makes; applied as whole words, case kept for the first letter.
SYNONYMS: dict[str, str] = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "big": "large",
    "large": "big",
    "people": "individuals",
    "help": "assist",
    "show": "demonstrate",
    "buy": "purchase",
    "start": "begin",
    "started": "began",
    "end": "finish",
    "about": "around",
    "many": "numerous",
    "important": "significant",
    "new": "fresh",
    "fast": "quick",
    "also": "additionally",
    "however": "nonetheless",
    "because": "since",
    "jihadists": "extremists",
    "government": "administration",
    "company": "firm",
    "city": "town",
}
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d{2,4}(?![\w.,%])")
_YEARLIKE = re.compile(r"(1[89]|20)\d\d")


@dataclass(frozen=True)
class GoldCopy:
    copy_id: str
    copy_start: int
    copy_end: int
    source_id: str
    source_start: int
    source_end: int


@dataclass(frozen=True)
class GoldEdit:
    copy_id: str
    start: int
    end: int
    kind: str
    source_value: str
    copy_value: str


@dataclass(frozen=True)
class ConstructedCase:
    name: str
    kind: str
    articles: tuple[Article, ...]
    copies: tuple[GoldCopy, ...]
    directions: tuple[tuple[str, str, bool], ...]  # (source id, copy id, dated)
    edits: tuple[GoldEdit, ...]


def make_article(text: str, source_id: str, published: str | None = None) -> Article:
    return Article(
        id=content_id(text),
        source_id=source_id,
        origin=source_id,
        input_format="text",
        text=text,
        title=None,
        outlet=None,
        outlet_source=None,
        byline=None,
        published=PublicationDate(published, "input-metadata" if published else "unknown"),
        language="en",
        word_count=word_count(text),
    )


@dataclass
class _Piece:
    text: str
    source: int | None  # index of the original it comes from, None for own text
    source_span: tuple[int, int] | None
    edit: tuple[int, int, str, str] | None = None  # offsets in the piece, old, new value


def usable_texts(texts: Sequence[str], min_sentences: int = 8) -> list[str]:
    """Texts long enough to copy from: at least ``min_sentences`` sentences of prose."""
    keep = []
    for text in texts:
        sentences = [s for s in split_sentences(text) if len(text[s[0] : s[1]].split()) >= 6]
        if len(sentences) >= min_sentences and len(text) <= 20_000:
            keep.append(text)
    return keep


def build_constructed_set(
    seed: int, sources: Sequence[str], cases: int = 48
) -> list[ConstructedCase]:
    """``cases`` constructed cases from ``sources`` (real texts), reproducible from ``seed``."""
    rng = random.Random(seed)
    texts = usable_texts(sources)
    if len(texts) < 5:
        raise ValueError(f"need at least 5 usable source texts, got {len(texts)}")
    kinds = ("reprint", "rewrite", "patchwork", "rewrite", "unrelated")
    out = []
    for n in range(cases):
        kind = kinds[n % len(kinds)]
        picked = rng.sample(texts, 5)
        dated = rng.random() < 0.5
        out.append(_case(f"{kind}-{n:03d}", kind, picked, rng, dated))
    return out


def _case(
    name: str, kind: str, texts: list[str], rng: random.Random, dated: bool
) -> ConstructedCase:
    filler = [texts[4][s:e] for s, e in split_sentences(texts[4])]
    if kind == "unrelated":
        a = make_article(texts[0], f"{name}/a.txt")
        b = make_article(texts[1], f"{name}/b.txt")
        return ConstructedCase(name, kind, (a, b), (), (), ())
    n_sources = rng.choice((2, 3)) if kind == "patchwork" else 1
    originals = texts[:n_sources]
    pieces: list[_Piece] = [_Piece(rng.choice(filler), None, None)]
    runs = [_run(originals[k], k, kind, rng) for k in range(n_sources)]
    order = [piece for run in runs for piece in run]
    if kind == "patchwork":
        rng.shuffle(order)
    for piece in order:
        pieces.append(piece)
        if kind == "patchwork" and rng.random() < 0.7:
            pieces.append(_Piece(rng.choice(filler), None, None))
    text, placed = _join(pieces)
    date = (lambda day: f"2021-03-{day:02d}") if dated else (lambda day: None)
    sources = [
        make_article(original, f"{name}/source-{k}.txt", date(1 + k))
        for k, original in enumerate(originals)
    ]
    copy = make_article(text, f"{name}/copy.txt", date(9))
    copies, edits = [], []
    for piece, (start, end) in placed:
        if piece.source is None or piece.source_span is None:
            continue
        source = sources[piece.source]
        copies.append(GoldCopy(copy.id, start, end, source.id, *piece.source_span))
        if piece.edit:
            at, stop, old, new = piece.edit
            edits.append(GoldEdit(copy.id, start + at, start + stop, "number", old, new))
    directions = tuple((s.id, copy.id, dated) for s in sources)
    return ConstructedCase(name, kind, (*sources, copy), tuple(copies), directions, tuple(edits))


def _run(text: str, index: int, kind: str, rng: random.Random) -> list[_Piece]:
    spans = split_sentences(text)
    if kind == "reprint":
        length = max(3, int(len(spans) * rng.uniform(0.6, 0.9)))
    elif kind == "patchwork":
        length = rng.randint(2, 4)
    else:
        length = max(3, int(len(spans) * rng.uniform(0.3, 0.6)))
    first = rng.randint(0, max(0, len(spans) - length))
    chosen = spans[first : first + length]
    if kind == "reprint":
        start, end = chosen[0][0], chosen[-1][1]
        return [_Piece(text[start:end], index, (start, end))]
    pieces = []
    k = 0
    while k < len(chosen):
        start, end = chosen[k]
        if kind == "rewrite" and k + 1 < len(chosen) and rng.random() < 0.15:
            end = chosen[k + 1][1]  # two sentences merged into one
            sentence = _merge(text[start:end])
            k += 2
        else:
            sentence = text[start:end]
            k += 1
        sentence = _rewrite(sentence, rng) if kind == "rewrite" else sentence
        piece = _Piece(sentence, index, (start, end))
        if kind == "rewrite" and rng.random() < 0.25:
            _change_number(piece, rng)
        pieces.append(piece)
    return pieces


def _merge(text: str) -> str:
    return re.sub(r"([.!?])(\s+)(?=\S)", r";\2", text, count=1)


def _rewrite(sentence: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        new = SYNONYMS.get(word.lower())
        if new is None or rng.random() < 0.3:
            return word
        return new.capitalize() if word[0].isupper() else new

    sentence = re.sub(r"[A-Za-z]+", swap, sentence)
    lead = re.match(r"((?:In|On|At|After|Before|During|Since) [^,]{3,40}), (.+)\.$", sentence)
    if lead and rng.random() < 0.8:  # move the opening clause to the end
        body = lead.group(2)
        sentence = f"{body[0].upper()}{body[1:]}, {lead.group(1)[0].lower()}{lead.group(1)[1:]}."
    return sentence


def _change_number(piece: _Piece, rng: random.Random) -> None:
    for match in _NUMBER.finditer(piece.text):
        old = match.group()
        if _YEARLIKE.fullmatch(old):
            continue
        value = int(old.replace(",", ""))
        new_value = value * rng.choice((2, 3)) if value > 10 else value + rng.randint(2, 9)
        new = f"{new_value:,}" if "," in old else str(new_value)
        piece.text = piece.text[: match.start()] + new + piece.text[match.end() :]
        piece.edit = (match.start(), match.start() + len(new), old, new)
        return


def _join(pieces: list[_Piece]) -> tuple[str, list[tuple[_Piece, tuple[int, int]]]]:
    parts: list[str] = []
    placed = []
    at = 0
    for piece in pieces:
        if parts:
            parts.append("\n\n")
            at += 2
        parts.append(piece.text)
        placed.append((piece, (at, at + len(piece.text))))
        at += len(piece.text)
    return "".join(parts), placed
