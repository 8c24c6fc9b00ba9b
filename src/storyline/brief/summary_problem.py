"""From documents to the selection problem: candidate sentences, concepts and their weights;
and the choice of sentences for a scorer that cuts summaries at a word limit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.brief.summary_records import SummaryDocument, SummaryParams, SummarySentence
from storyline.brief.summary_select import Candidate, select
from storyline.brief.summary_text import (
    bigram_concepts,
    clean_spaces,
    count_words,
    has_quote,
    is_question,
    leading_pronoun,
    opens_with_quote,
    resolve_pronoun,
    trim,
)

Concept = tuple[str, str]


@dataclass(frozen=True)
class Sentence:
    doc: int  # rank of the document in reading order
    index: int  # index among the document's sentences
    article_id: str
    start: int  # the kept span in the article's clean text
    end: int
    text: str  # trimmed; a leading pronoun replaced when the caller gave its referent
    plain: str  # trimmed, pronoun as written
    words: int
    concepts: frozenset[Concept]
    origins: frozenset[str]
    candidate: bool
    requires: int | None  # index (same document) of the sentence its pronoun needs; -1: none
    copy: bool


@dataclass(frozen=True)
class Problem:
    sentences: tuple[Sentence, ...]
    candidates: tuple[Candidate, ...]
    weights: dict[int, float]  # concept number -> weight
    index: dict[Concept, int]  # concept -> number
    key_of: dict[tuple[int, int], int]  # (doc, sentence index) -> position in ``sentences``

    def output(self, key: int, chosen: set[int]) -> SummarySentence:
        s = self.sentences[key]
        # a pronoun whose referent sentence is in the summary stays as written
        text = s.plain if self.key_of.get((s.doc, s.index - 1)) in chosen else s.text
        return SummarySentence(s.article_id, s.start, s.end, clean_spaces(text), s.index)

    def weight_of(self, concepts: set[int]) -> float:
        return sum(self.weights[i] for i in concepts)

    def concepts_of(self, text: str) -> set[int]:
        return {self.index[c] for c in bigram_concepts(text) if c in self.index}


def default_min_support(origins: int) -> int:
    return 3 if origins >= 5 else 2 if origins >= 3 else 1


def prepare(documents: Sequence[SummaryDocument], params: SummaryParams) -> Problem:
    ordered = sorted(documents, key=lambda d: (d.published is None, d.published or "", d.id))
    sentences = _sentences(ordered, params)
    support: dict[Concept, set[str]] = {}
    lead: dict[Concept, set[str]] = {}
    for s in sentences:
        for concept in s.concepts:
            support.setdefault(concept, set()).update(s.origins)
            if s.index < params.lead_sentences:
                lead.setdefault(concept, set()).update(s.origins)
    origins = set().union(*(s.origins for s in sentences)) if sentences else set()
    threshold = params.min_support or default_min_support(len(origins))
    named: dict[Concept, float] = {}
    for concept, backers in support.items():
        factor = 1.0 if len(backers) >= threshold else params.low_support_weight
        if factor > 0:
            named[concept] = factor * (
                len(backers) + params.lead_weight * len(lead.get(concept, ()))
            )
    index = {concept: k for k, concept in enumerate(sorted(named))}
    weights = {k: named[c] for c, k in index.items()}
    key_of = {(s.doc, s.index): k for k, s in enumerate(sentences)}
    candidates = []
    for k, s in enumerate(sentences):
        concepts = frozenset(index[c] for c in s.concepts if c in index)
        if not s.candidate or not concepts:
            continue
        requires = None
        if s.requires is not None:
            requires = key_of.get((s.doc, s.requires))
            if requires is None:
                continue  # a pronoun with no sentence before it
        bonus = params.position_bonus / (1 + s.index) - (params.copy_penalty if s.copy else 0.0)
        # tie-break among equal optima: earlier sentences, then earlier documents
        bonus += 1e-4 / (1 + s.index) + 1e-6 / (1 + s.doc)
        candidates.append(Candidate(k, s.words, concepts, bonus, requires))
    if len(candidates) > params.max_candidates:
        candidates = _strongest(candidates, weights, params.max_candidates)
    return Problem(tuple(sentences), tuple(candidates), weights, index, key_of)


def _sentences(documents: Sequence[SummaryDocument], params: SummaryParams) -> list[Sentence]:
    ids = {d.id for d in documents}
    out: list[Sentence] = []
    seen: set[str] = set()
    for rank, doc in enumerate(documents):
        for i, (start, end) in enumerate(doc.sentences):
            kept = trim(doc.text[start:end], attribution=params.trim_attribution)
            plain = kept.text
            sup = doc.support[i] if doc.support is not None else None
            origins = sup.origins if sup is not None and sup.origins else frozenset({doc.id})
            text, requires = plain, None
            if leading_pronoun(plain):
                if sup is not None and sup.referent:
                    text = resolve_pronoun(plain, sup.referent)
                else:
                    requires = i - 1
            n_words = count_words(text)
            # the same sentence met again (a copy with no support info): keep the first
            key = plain.lower()
            candidate = (
                params.min_words <= n_words <= params.max_words
                and not (params.drop_questions and is_question(plain))
                and not (params.quotes == "drop-opening" and opens_with_quote(plain))
                and not (params.quotes == "drop-any" and has_quote(plain))
                and key not in seen
            )
            seen.add(key)
            out.append(
                Sentence(
                    doc=rank,
                    index=i,
                    article_id=doc.id,
                    start=start + kept.start,
                    end=start + kept.end,
                    text=text,
                    plain=plain,
                    words=n_words,
                    concepts=frozenset(bigram_concepts(plain, drop=params.concept_drop)),
                    origins=origins,
                    candidate=candidate,
                    requires=requires,
                    copy=sup is not None and sup.copied_from in ids,
                )
            )
    return out


def _strongest(
    candidates: list[Candidate], weights: dict[int, float], keep: int
) -> list[Candidate]:
    """The ``keep`` candidates with the most concept weight per word, plus what they require."""
    ranked = sorted(
        candidates, key=lambda c: (-sum(weights[i] for i in c.concepts) / max(c.words, 1), c.key)
    )
    kept = {c.key for c in ranked[:keep]}
    kept |= {c.requires for c in ranked[:keep] if c.requires is not None}
    return [c for c in candidates if c.key in kept]


# --------------------------------------------------------------------------- cut at a limit


def select_for_cut(
    problem: Problem, words: int, params: SummaryParams
) -> tuple[list[int], int | None, str]:
    """Sentences for a scorer that keeps only the first ``words`` words.

    For each budget ``words + slack`` (``params.cut_slack``) the selection is solved; a
    solution within ``words`` may add the sentence whose first words add the most uncovered
    weight, one past it has one of its sentences read last and cut. Of all these, the one whose
    surviving text (the first ``words`` words) covers the most concept weight wins; ties go to
    the smaller slack. Returns the sentences within the limit, the one read last (or None), and
    the solver used.
    """
    best: tuple[float, int] | None = None
    result: tuple[list[int], int | None, str] = ([], None, "empty")
    by_key = {c.key: c for c in problem.candidates}
    for slack in sorted(set(params.cut_slack)):
        keys, solver = select(
            problem.candidates,
            problem.weights,
            words + slack,
            solver=params.solver,
            time_limit=params.time_limit,
        )
        used = sum(problem.sentences[k].words for k in keys)
        options: list[tuple[list[int], int | None]] = []
        if used <= words:
            options.append((keys, _filler(problem, keys, words - used)))
        else:
            needed = {by_key[k].requires for k in keys}
            options.extend(([k for k in keys if k != last], last) for last in keys)
            options = [(rest, last) for rest, last in options if last not in needed]
        for rest, last in options:
            value = _surviving_weight(problem, rest, last, words)
            if best is None or (value, -slack) > best:
                best, result = (value, -slack), (rest, last, solver)
    return result


def _filler(problem: Problem, keys: Sequence[int], room: int) -> int | None:
    """The unchosen candidate whose first ``room`` words add the most uncovered weight."""
    if room <= 0:
        return None
    chosen = set(keys)
    covered = set().union(*(problem.sentences[k].concepts for k in keys))
    covered_numbers = {problem.index[c] for c in covered if c in problem.index}
    best, best_gain = None, 0.0
    for c in problem.candidates:
        if c.key in chosen or (c.requires is not None and c.requires not in chosen):
            continue
        head = " ".join(problem.sentences[c.key].text.split()[:room])
        gain = problem.weight_of(problem.concepts_of(head) - covered_numbers) + c.bonus
        if gain > best_gain:
            best, best_gain = c.key, gain
    return best


def _surviving_weight(problem: Problem, rest: Sequence[int], last: int | None, words: int) -> float:
    order = sorted(rest, key=lambda k: (problem.sentences[k].doc, problem.sentences[k].index))
    if last is not None:
        order.append(last)
    covered: set[int] = set()
    room = words
    for k in order:
        if room <= 0:
            break
        text = problem.sentences[k].text
        n = count_words(text)
        covered |= problem.concepts_of(text if n <= room else " ".join(text.split()[:room]))
        room -= n
    return problem.weight_of(covered)
