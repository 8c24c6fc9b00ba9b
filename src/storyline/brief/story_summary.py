"""A story's cited summary: the extractive summary with every sentence cited to its sources.

``story_summary(articles, annotations, analysis, claims, words)`` turns one story into the
summariser's input (``brief.summary``) and the chosen sentences into ``CitedSentence``\\ s.

**Support of a sentence** (``SentenceSupport``):

- its own *origin*: ``Provenance.origin_of`` over the sentence's span (the article itself, the
  article it was copied from, or ``agency:X`` for wire copy);
- the origins of other articles' statements that the claims stage matched to a claim stated in
  this sentence (only claims worth listing: about something named, with a figure or a date), and
  of the other side of a shared quotation the alignment found inside it, when the two
  sentences share enough content words (``SUPPORT_OVERLAP``);
- ``copied_from``: the source article when provenance says the sentence sits in a copied
  passage, so the summariser prefers the original; ``referent``: the named person a leading
  pronoun was resolved to by the language layer.

**Citations**: one per distinct origin, never one per reprint: the sentence's own origin, and
the origins whose matched sentence restates it (``CITE_OVERLAP``). Each points to a concrete span:
for the sentence's own origin, the passage in the article that first carries it (a copied
sentence is followed back through its copies to the source's span, so wire copy is cited in the
agency's own story); for the origins of matched statements, the statement's sentence in the
article nearest to that origin (the origin article itself, or an article carrying the agency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.brief.summary import SentenceSupport, SummaryDocument, SummaryParams, summarise
from storyline.brief.summary_text import STOP_WORDS, stem, tokens
from storyline.claims.records import Claim, StoryClaims
from storyline.language.annotate import LanguageAnnotation
from storyline.model import Article
from storyline.stories.provenance import CopiedPassage, PassageOrigin, Provenance
from storyline.stories.story_analysis import StoryAnalysis

#: A sentence counts as copied when a copied passage covers at least this share of it.
COPIED_SHARE = 0.5
#: Another article's sentence, matched by the claims stage, *bears on* a sentence when their
#: content words (stemmed, no stop words) overlap at least ``SUPPORT_OVERLAP`` (a share of the
#: shorter one's), and *restates* it from ``CITE_OVERLAP`` on. Set by reading every matched pair
#: of the reference story (142): from 0.45 on, pairs restate one fact; between 0.3 and 0.45 most
#: share one fact among others; below 0.3 most share only a phrase ("closing the embassy").
#: Origins that bear on a sentence weigh its concepts in the selection (with 0.45 there, the
#: AFP story's sentences had no support but their own and the summary missed them); only
#: origins that restate it are cited, so a citation always shows the sentence's fact.
SUPPORT_OVERLAP = 0.3
CITE_OVERLAP = 0.45
#: How far a copy chain is followed back (chains are short; this only stops cycles).
MAX_CHAIN = 8


@dataclass(frozen=True)
class Citation:
    """One independent origin supporting a summary sentence, and the span that shows it."""

    origin: str  # an article id or "agency:X"
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CitedSentence:
    text: str  # as shown (maybe trimmed, a leading pronoun replaced by its referent)
    article_id: str
    start: int  # the kept span in the article's clean text
    end: int
    citations: tuple[Citation, ...]  # the sentence's own origin first, then by origin


@dataclass(frozen=True)
class StorySummary:
    words: int  # words in the summary
    budget: int
    sentences: tuple[CitedSentence, ...]


def story_summary(
    articles: Sequence[Article],
    annotations: Mapping[str, LanguageAnnotation],
    analysis: StoryAnalysis,
    claims: StoryClaims | None = None,
    words: int = 120,
    params: SummaryParams | None = None,
) -> StorySummary:
    """The story's summary in at most ``words`` words, every sentence cited (module docstring)."""
    members = set(analysis.story.article_ids)
    by_id = {a.id: a for a in articles if a.id in members}
    support = _Support(by_id, annotations, analysis, claims)
    documents = [
        SummaryDocument(
            id=article.id,
            text=article.text,
            sentences=tuple((s.start, s.end) for s in annotations[article.id].sentences),
            published=article.published.value,
            support=tuple(
                support.of(article.id, s.start, s.end) for s in annotations[article.id].sentences
            ),
        )
        for article in sorted(by_id.values(), key=lambda a: a.id)
        if article.id in annotations
    ]
    if not documents:
        return StorySummary(words=0, budget=words, sentences=())
    result = summarise(documents, words, params)
    sentences = tuple(
        CitedSentence(
            text=s.text,
            article_id=s.article_id,
            start=s.start,
            end=s.end,
            citations=support.citations(s.article_id, s.start, s.end),
        )
        for s in result.sentences
    )
    return StorySummary(words=result.words, budget=words, sentences=sentences)


class _Support:
    """Origins and citable spans of sentences inside one story."""

    def __init__(
        self,
        articles: Mapping[str, Article],
        annotations: Mapping[str, LanguageAnnotation],
        analysis: StoryAnalysis,
        claims: StoryClaims | None,
    ) -> None:
        self.articles = articles
        self.provenance: Provenance = analysis.provenance
        self.annotations = annotations
        self.copies: dict[str, list[CopiedPassage]] = {}
        for copy in self.provenance.copies:
            self.copies.setdefault(copy.copy_id, []).append(copy)
        self.statements: dict[str, list[tuple[int, int, Claim]]] = {}
        for claim in claims.claims if claims is not None else ():
            if claim.speech or not (claim.entity_ids or claim.values or claim.date):
                continue  # "he said" in two articles supports nothing that was said
            for statement in claim.statements:
                self.statements.setdefault(statement.article_id, []).append(
                    (statement.start, statement.end, claim)
                )
        # shared quotations by article, each as (start, end, other article, other start, end)
        self.shared_quotes: dict[str, list[tuple[int, int, str, int, int]]] = {}
        for p in analysis.alignments:
            if p.kind == "shared-quote":
                self.shared_quotes.setdefault(p.a_id, []).append(
                    (p.a_start, p.a_end, p.b_id, p.b_start, p.b_end)
                )
                self.shared_quotes.setdefault(p.b_id, []).append(
                    (p.b_start, p.b_end, p.a_id, p.a_start, p.a_end)
                )
        # Provenance.origin_of scans every passage of the story; per article is enough here
        self._origins_in: dict[str, list[PassageOrigin]] = {}
        for item in self.provenance.origins:
            self._origins_in.setdefault(item.article_id, []).append(item)
        self._carrier = _carriers(self.provenance)

    # ------------------------------------------------------------------ support for summarise

    def origin_of(self, article_id: str, start: int, end: int) -> str:
        """``Provenance.origin_of``, over the article's own passages only."""
        best, best_overlap = article_id, 0
        for item in self._origins_in.get(article_id, ()):
            overlap = min(end, item.end) - max(start, item.start)
            if overlap > best_overlap:
                best, best_overlap = item.origin, overlap
        return best

    def of(self, article_id: str, start: int, end: int) -> SentenceSupport:
        copied = self._copied(article_id, start, end)
        return SentenceSupport(
            origins=frozenset(self._origins(article_id, start, end)),
            copied_from=copied.source_id if copied is not None else None,
            referent=self._referent(article_id, start, end),
        )

    def _origins(
        self, article_id: str, start: int, end: int, threshold: float = SUPPORT_OVERLAP
    ) -> dict[str, tuple[str, int, int]]:
        """Each origin supporting the span (overlapping it at least ``threshold``), with the
        span to cite for it."""
        own = self.origin_of(article_id, start, end)
        found = {own: self._original(article_id, start, end)}
        score: dict[str, float] = {}
        words = self._content(article_id, start, end)
        for other_id, other_start, other_end in sorted(
            set(self._supporting(article_id, start, end))
        ):
            other = self._content(other_id, other_start, other_end)
            overlap = len(words & other) / max(1, min(len(words), len(other)))
            if overlap < threshold:
                continue
            origin = self.origin_of(other_id, other_start, other_end)
            span = self._original(other_id, other_start, other_end)
            if origin == own:
                continue  # the sentence's own origin is cited where the sentence came from
            # cite the span that restates the sentence most; among equals, the origin's own
            if origin not in found or (overlap, self._at_home(origin, span)) > (
                score[origin],
                self._at_home(origin, found[origin]),
            ):
                found[origin], score[origin] = span, overlap
        return found

    def _supporting(self, article_id: str, start: int, end: int) -> Iterable[tuple[str, int, int]]:
        for s_start, s_end, claim in self.statements.get(article_id, ()):
            if not (start <= s_start < end or s_start <= start < s_end):
                continue
            for statement in claim.statements:
                if statement.article_id != article_id:
                    yield (
                        statement.article_id,
                        statement.sentence_start,
                        statement.sentence_end,
                    )
        for q_start, q_end, other_id, other_start, other_end in self.shared_quotes.get(
            article_id, ()
        ):
            if q_start < end and start < q_end:
                yield self._sentence_of(other_id, other_start, other_end)

    def _content(self, article_id: str, start: int, end: int) -> frozenset[str]:
        article = self.articles.get(article_id)
        text = article.text[start:end] if article is not None else ""
        return frozenset(stem(w) for w in tokens(text) if w not in STOP_WORDS)

    def _at_home(self, origin: str, span: tuple[str, int, int]) -> bool:
        """Whether ``span`` lies in the origin article itself, or in the agency's own story."""
        home = origin if not origin.startswith("agency:") else self._carrier.get(origin)
        return span[0] == home

    # ------------------------------------------------------------------ spans

    def _copied(self, article_id: str, start: int, end: int) -> CopiedPassage | None:
        best, best_overlap = None, 0
        for copy in self.copies.get(article_id, ()):
            overlap = min(end, copy.copy_end) - max(start, copy.copy_start)
            if overlap > best_overlap:
                best, best_overlap = copy, overlap
        if best is None or best_overlap < COPIED_SHARE * max(1, end - start):
            return None
        return best

    def _original(self, article_id: str, start: int, end: int) -> tuple[str, int, int]:
        """The span first carrying ``start:end``: followed back through copied passages."""
        seen = {article_id}
        for _ in range(MAX_CHAIN):
            copy = self._copied(article_id, start, end)
            if copy is None or copy.source_id in seen:
                break
            article_id, start, end = self._mapped(copy, start, end)
            seen.add(article_id)
        return article_id, start, end

    def _mapped(self, copy: CopiedPassage, start: int, end: int) -> tuple[str, int, int]:
        """The source's sentence(s) for a span inside a copied passage, by proportional offset."""
        length = max(1, copy.copy_end - copy.copy_start)
        scale = (copy.source_end - copy.source_start) / length
        lo = copy.source_start + round((max(start, copy.copy_start) - copy.copy_start) * scale)
        hi = copy.source_start + round((min(end, copy.copy_end) - copy.copy_start) * scale)
        return self._sentence_of(copy.source_id, lo, max(lo + 1, hi))

    def _sentence_of(self, article_id: str, start: int, end: int) -> tuple[str, int, int]:
        """The sentences of ``article_id`` overlapping ``start:end`` (the span itself when the
        article has no sentences)."""
        annotation = self.annotations.get(article_id)
        spans = [
            (s.start, s.end)
            for s in (annotation.sentences if annotation else ())
            if s.start < end and start < s.end
        ]
        if not spans:
            return article_id, start, end
        # the sentence holding most of the span
        best = max(spans, key=lambda s: (min(end, s[1]) - max(start, s[0]), -s[0]))
        return article_id, best[0], best[1]

    def _referent(self, article_id: str, start: int, end: int) -> str | None:
        annotation = self.annotations.get(article_id)
        article = self.articles.get(article_id)
        if annotation is None or article is None:
            return None
        for mention in annotation.mentions:
            if mention.start < start or mention.start >= end:
                continue
            if any(ch.isalpha() for ch in article.text[start : mention.start]):
                return None  # the sentence does not open with this mention
            if mention.via != "pronoun":
                return None
            return article.text[mention.head_start : mention.head_end] or None
        return None

    # ------------------------------------------------------------------ citations

    def citations(self, article_id: str, start: int, end: int) -> tuple[Citation, ...]:
        found = self._origins(article_id, start, end, CITE_OVERLAP)
        own = self.origin_of(article_id, start, end)
        order = sorted(found, key=lambda origin: (origin != own, origin))
        out = []
        for origin in order:
            cited_id, cited_start, cited_end = found[origin]
            if cited_id == article_id and origin == own:
                # the sentence's own span as kept (trimmed), unless it is a copy
                cited_start, cited_end = start, end
            text = self.articles[cited_id].text if cited_id in self.articles else ""
            out.append(
                Citation(
                    origin=origin,
                    article_id=cited_id,
                    start=cited_start,
                    end=cited_end,
                    text=text[cited_start:cited_end].strip(),
                )
            )
        return tuple(out)


def _carriers(provenance: Provenance) -> dict[str, str]:
    """Per agency origin, the article that carries the agency's story itself (its reprint group's
    first member, or the article with most passages of that origin)."""
    carriers: dict[str, str] = {}
    for group in provenance.groups:
        if group.origin.startswith("agency:") and group.article_ids:
            carriers[group.origin] = sorted(group.article_ids)[0]
    counts: dict[tuple[str, str], int] = {}
    for item in provenance.origins:
        if item.origin.startswith("agency:"):
            key = (item.origin, item.article_id)
            counts[key] = counts.get(key, 0) + item.end - item.start
    for (origin, article_id), _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        carriers.setdefault(origin, article_id)
    return carriers
