"""Quotes with speakers scored on a hand-annotated gold file, storyline beside textacy.

The gold file is JSON Lines, one document a line: either a corpus file
(``{"corpus_file": "iraq-embassy-2020/001_….txt"}``, relative to ``../shared/corpus``, read and
cleaned by storyline's own ingest so that offsets are into the clean text) or a hand-written
text (``{"id": …, "text": …, "published": …}``), plus ``"quotes"``: each with ``starts`` (the
first words of the quoted span), ``ends`` (its last words), ``speaker`` (a name or a
description) and ``kind`` (direct | partial | indirect), and optionally ``occurrence`` (which
occurrence of ``starts``, 1-based). Anchors are short phrases, so no article is copied.

Scoring:

- a predicted quote matches a gold one when their spans overlap by at least half of the shorter
  span; each gold and each predicted quote is matched at most once (pairs of the same kind,
  then larger overlap, first);
- precision, recall and F1 count those matches; speaker accuracy is the share of matched quotes
  whose speaker agrees: after lower-casing, unifying apostrophes and dropping function words,
  one name's words are a subset of the other's ("Hussein" ~ "Fuad Hussein"); a pronoun or role
  noun is judged by the antecedent storyline resolved it to;
- subsets: ``all``; ``direct``, ``partial``, ``indirect`` (storyline's ``mixed`` counts as
  indirect). textacy's ``direct_quotations`` is scored against the gold direct quotes only, as
  is storyline's ``direct`` row, so the two are compared on the same task.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError
from storyline.evaluate.gold import find_anchor, gold_records, gold_text
from storyline.evaluate.scoring import SpanCounts
from storyline.model import PublicationDate, to_dict

STORYLINE = "storyline"
TEXTACY = "textacy"
MATCH_SHARE = 0.5  # overlap needed, as a share of the shorter span
SUBSETS = ("all", "direct", "partial", "indirect")
_KIND_GROUP = {
    "direct": "direct",
    "partial": "partial",
    "indirect": "indirect",
    "mixed": "indirect",
}
_STOPWORDS = frozenset(
    ["the", "a", "an", "of", "in", "for", "at", "to", "and", "s", "on", "by", "with", "from"]
)
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "ʼ": "'"})


@dataclass(frozen=True)
class Span:
    """A gold or predicted quote: where it is, who said it (or None), and its kind group."""

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_alt: str | None = None  # the whole speaker phrase, when ``speaker`` is the name


@dataclass(frozen=True)
class Score(SpanCounts):
    system: str
    subset: str
    gold: int
    predicted: int
    matched: int
    speaker_correct: int

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = to_dict(self)
        for name in ("precision", "recall", "f1", "speaker_accuracy"):
            data[name] = round(getattr(self, name), 4)
        return data


@dataclass(frozen=True)
class QuotesReport:
    documents: int
    scores: tuple[Score, ...]
    notes: tuple[str, ...] = ()

    def score(self, system: str, subset: str = "all") -> Score:
        for score in self.scores:
            if score.system == system and score.subset == subset:
                return score
        valid = ", ".join(sorted({f"{s.system}/{s.subset}" for s in self.scores}))
        raise KeyError(f"no score for {system}/{subset}; valid: {valid}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "scores": [score.to_dict() for score in self.scores],
            "notes": list(self.notes),
        }

    def format_table(self) -> str:
        lines = [
            f"quotes: {self.documents} documents",
            f"{'system':<10} {'subset':<9} {'gold':>5} {'pred':>5} {'match':>5} "
            f"{'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}",
        ]
        for s in self.scores:
            lines.append(
                f"{s.system:<10} {s.subset:<9} {s.gold:>5} {s.predicted:>5} {s.matched:>5} "
                f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.speaker_accuracy:>8.3f}"
            )
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str
    published: str | None
    quotes: tuple[Span, ...]


def load_gold(gold_path: Path, shared_dir: Path | None = None) -> list[GoldDocument]:
    """The gold documents, with every anchor turned into offsets (an anchor that is not in
    the text is an error naming the document and the anchor)."""
    documents = []
    for _, where, record in gold_records(gold_path):
        doc_id, text = gold_text(record, where, shared_dir)
        quotes = tuple(_locate(doc_id, text, item) for item in record.get("quotes", []))
        documents.append(GoldDocument(doc_id, text, record.get("published"), quotes))
    return documents


def _locate(doc_id: str, text: str, item: dict[str, Any]) -> Span:
    plain = text.translate(_QUOTE_CHARS)
    starts = item["starts"].translate(_QUOTE_CHARS)
    ends = item["ends"].translate(_QUOTE_CHARS)
    start = find_anchor(plain, starts, int(item.get("occurrence", 1)))
    if start < 0:
        raise EvaluationError(f"{doc_id}: gold anchor {item['starts']!r} not in the text")
    end = plain.find(ends, start)
    if end < 0:
        raise EvaluationError(f"{doc_id}: gold anchor {item['ends']!r} not after {starts!r}")
    kind = item["kind"]
    if kind not in ("direct", "partial", "indirect"):
        raise EvaluationError(f"{doc_id}: kind {kind!r}; valid: direct, partial, indirect")
    return Span(doc_id, start, end + len(ends), kind, item.get("speaker"))


# --------------------------------------------------------------------------- scoring


def match(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matches: overlap ≥ half the shorter span; same kind, then larger IoU, first."""
    pairs = []
    for g in gold:
        for p in predicted:
            if g.doc_id != p.doc_id:
                continue
            overlap = min(g.end, p.end) - max(g.start, p.start)
            shorter = min(g.end - g.start, p.end - p.start)
            if overlap > 0 and overlap >= MATCH_SHARE * shorter:
                union = max(g.end, p.end) - min(g.start, p.start)
                pairs.append((g.kind == p.kind, overlap / union, g, p))
    pairs.sort(key=lambda x: (-x[0], -x[1], x[2].start, x[3].start))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, g, p in pairs:
        if id(g) not in used_g and id(p) not in used_p:
            used_g.add(id(g))
            used_p.add(id(p))
            out.append((g, p))
    return out


def same_speaker(gold: str | None, predicted: Iterable[str | None]) -> bool:
    want = _name_words(gold)
    if not want:
        return False
    for name in predicted:
        got = _name_words(name)
        if got and (want <= got or got <= want):
            return True
    return False


def _name_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    text = name.translate(_QUOTE_CHARS).lower().replace("'s ", " ")
    words = re.findall(r"[\w'-]+", text)
    return frozenset(w.strip("'-") for w in words if w.strip("'-") not in _STOPWORDS)


def score(system: str, subset: str, gold: Sequence[Span], predicted: Sequence[Span]) -> Score:
    pairs = match(gold, predicted)
    correct = sum(same_speaker(g.speaker, (p.speaker, p.speaker_alt)) for g, p in pairs)
    return Score(system, subset, len(gold), len(predicted), len(pairs), correct)


# --------------------------------------------------------------------------- systems


def storyline_spans(doc_id: str, doc: Any, published: str | None) -> list[Span]:
    from storyline.language.context import ArticleContext
    from storyline.language.quotes import find_quotes

    context = ArticleContext(doc_id, PublicationDate(published))
    spans = []
    for quote in find_quotes(doc, context):
        speaker = quote.speaker
        name = alt = None
        if speaker is not None:
            name, alt = speaker.text, speaker.description
            if speaker.antecedent_start is not None and speaker.antecedent_end is not None:
                name = doc.text[speaker.antecedent_start : speaker.antecedent_end]
                alt = None
        spans.append(Span(doc_id, quote.start, quote.end, _KIND_GROUP[quote.kind], name, alt))
    return spans


def textacy_spans(doc_id: str, doc: Any) -> list[Span]:
    from textacy.extract.triples import direct_quotations

    spans = []
    for triple in direct_quotations(doc):
        content = triple.content
        start, end = content.start_char, content.end_char
        text = doc.text
        # textacy's content includes the marks; ours and the gold's do not.
        while start < end and (text[start] in "\"'“”‘’ " or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in "\"'“”‘’ " or text[end - 1].isspace()):
            end -= 1
        speaker = " ".join(t.text for t in triple.speaker) or None
        spans.append(Span(doc_id, start, end, "direct", speaker))
    return spans


def run_quotes_evaluation(gold_path: Path, shared_dir: Path | None = None) -> QuotesReport:
    """Score storyline (all kinds) and textacy (direct quotes) on ``gold_path``."""
    from storyline.language.nlp import parse

    documents = load_gold(gold_path, shared_dir)
    gold = [q for d in documents for q in d.quotes]
    ours: list[Span] = []
    theirs: list[Span] = []
    notes: list[str] = []
    textacy_error: str | None = None
    bailed: list[str] = []
    for document, doc in zip(documents, parse([d.text for d in documents]), strict=True):
        ours.extend(storyline_spans(document.doc_id, doc, document.published))
        if textacy_error is None:
            try:
                theirs.extend(textacy_spans(document.doc_id, doc))
            except ImportError:
                textacy_error = "textacy is not installed (pip install textacy)"
            except ValueError:
                # textacy gives up on a whole document when its quote marks do not pair up
                # (news style leaves a paragraph's closing mark off): it finds nothing there.
                bailed.append(document.doc_id)
    if bailed:
        notes.append(
            f"textacy found no quotes in {len(bailed)} documents with unpaired quote marks "
            f"(it raises ValueError there): {', '.join(bailed)}"
        )
    scores = [score(STORYLINE, "all", gold, ours)]
    for subset in SUBSETS[1:]:
        scores.append(
            score(
                STORYLINE,
                subset,
                [g for g in gold if g.kind == subset],
                [p for p in ours if p.kind == subset],
            )
        )
    if textacy_error is None:
        scores.append(score(TEXTACY, "direct", [g for g in gold if g.kind == "direct"], theirs))
    else:
        notes.append(textacy_error)
    return QuotesReport(len(documents), tuple(scores), tuple(notes))
