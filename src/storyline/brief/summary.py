"""The extractive multi-document summary: the story told in the articles' own sentences.

``summarise(documents, words=120)`` picks whole sentences (lightly trimmed) so that, within the
word budget, they cover as much as possible of what the story's sources agree on:

- **Concepts** are stemmed word bigrams (not both stop words), as in ICSI's system (Gillick &
  Favre 2009). A concept's weight is the number of *independent origins* whose sentences state
  it: the caller's ``SentenceSupport.origins`` when given, otherwise the document itself, which
  is ICSI's document frequency. Five reprints of one wire story are one origin, so a fact backed
  by three outlets outweighs one copied three times.
- Concepts backed by fewer than ``min_support`` origins are dropped (ICSI: 3 of ~10 documents);
  by default 3 from 5 origins on, 2 with 3-4, 1 with fewer, so small stories keep concepts.
- **Selection** maximises the summed weight of the concepts covered under the budget, exactly
  (an ILP; see ``summary_select``). Each concept counts once, so a sentence that repeats
  another's content is not picked twice, and different aspects win over one told twice.
- **Originals over copies**: a sentence the caller marks ``copied_from`` another article present
  here costs ``copy_penalty``; the same text seen twice without support info keeps its first
  (earliest-published) occurrence.
- **Filters**: sentences shorter than ``min_words`` or longer than ``max_words``, questions,
  sentences opening with a direct quote, and sentences opening with a pronoun whose referent is
  not in the summary (the sentence before it must be chosen too, or the caller gives the
  referent in ``SentenceSupport.referent`` and it replaces the pronoun).
- **Trimming**: a leading dateline or connective ("Also,", "However,") and a trailing pronoun
  attribution (", he said.") are cut; ``start``/``end`` still point at the kept span.
- **Order**: documents by publication date (then id), sentences by position.

What was measured for each setting, and on what, is in ``SummaryParams``' docstring; the
data at hand is small, so the defaults follow ICSI wherever the measurements disagree. Speed
(``benchmarks/summary_speed.py``): a 10-article story in a median of about 0.1 s, sentences
given.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.brief.summary_problem import prepare, select_for_cut
from storyline.brief.summary_records import (
    DEFAULT_WORDS,
    SentenceSupport,
    Summary,
    SummaryDocument,
    SummaryParams,
    SummarySentence,
)
from storyline.brief.summary_select import select
from storyline.brief.summary_text import count_words

__all__ = [
    "DEFAULT_WORDS",
    "SentenceSupport",
    "Summary",
    "SummaryDocument",
    "SummaryParams",
    "SummarySentence",
    "summarise",
]


def summarise(
    documents: Sequence[SummaryDocument],
    words: int = DEFAULT_WORDS,
    params: SummaryParams | None = None,
    *,
    cut: bool = False,
) -> Summary:
    """The summary of ``documents`` in at most ``words`` words (see the module docstring).

    ``cut=True`` is for length-limited scoring (DUC cut every summary at 100 words): the
    summary may carry an ``overflow`` sentence, read last and cut by the scorer, chosen with
    the rest so that the concepts surviving the cut weigh the most (``select_for_cut``).
    """
    if words < 1:
        raise ValueError(f"words={words}; it must be at least 1")
    params = params or SummaryParams()
    problem = prepare(documents, params)
    last: int | None = None
    if cut:
        chosen, last, solver = select_for_cut(problem, words, params)
    else:
        chosen, solver = select(
            problem.candidates,
            problem.weights,
            words,
            solver=params.solver,
            time_limit=params.time_limit,
        )
    sentences = problem.sentences
    chosen_set = set(chosen) | ({last} if last is not None else set())
    picked = sorted(chosen, key=lambda k: (sentences[k].doc, sentences[k].index))
    result = tuple(problem.output(k, chosen_set) for k in picked)
    return Summary(
        sentences=result,
        words=sum(count_words(s.text) for s in result),
        budget=words,
        solver=solver,
        overflow=problem.output(last, chosen_set) if last is not None else None,
    )
