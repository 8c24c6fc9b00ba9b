"""Stories and their provenance for a set of articles: the stage between language and claims.

Articles are grouped into stories (``clustering.cluster_stories``). Inside each story:

1. the pairs worth aligning come from ``candidates.candidate_pairs``: every pair of a story of
   at most ``CandidateParams.exhaustive_up_to`` (12) articles, otherwise the pairs whose word
   shingles collide in MinHash LSH, at most ``max_partners`` per article, so the alignments of
   a 300-article story grow with its articles, not with their pairs;
2. each member in a candidate pair is cut for alignment once (``segments.segment``: tokens,
   sentences, quotes) and every candidate pair is aligned on those segments
   (``alignment.align_segmented``; ``align_articles`` would segment both articles again for
   every pair);
3. fact edits inside copied passages are found (not inside shared quotations), and provenance
   decides who copied whom, the patchworks, passage origins and source groups.

This is the path ``benchmarks/stories_scale.py`` measures on 10k–100k articles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.annotate import LanguageAnnotation
from storyline.model import Article
from storyline.stories.alignment import AlignedPassage, AlignParams, align_segmented
from storyline.stories.candidates import CandidateParams, candidate_pairs
from storyline.stories.clustering import Story, StoryParams, cluster_stories, story_id_for
from storyline.stories.edits import Edit, find_edits
from storyline.stories.provenance import Provenance, trace_provenance
from storyline.stories.segments import segment

if TYPE_CHECKING:
    from datasketch import MinHash


@dataclass(frozen=True)
class PassageEdit:
    """A fact changed inside a copied passage, with the two articles it is between."""

    a_id: str
    b_id: str
    edit: Edit


@dataclass(frozen=True)
class StoryAnalysis:
    story: Story
    alignments: tuple[AlignedPassage, ...]
    edits: tuple[PassageEdit, ...]
    provenance: Provenance


def analyse_stories(
    articles: Sequence[Article],
    language: Mapping[str, LanguageAnnotation] | None = None,
    *,
    story_params: StoryParams | None = None,
    candidate_params: CandidateParams | None = None,
    align_params: AlignParams | None = None,
    signatures: Mapping[str, MinHash] | None = None,
) -> list[StoryAnalysis]:
    """Every story of ``articles`` with its alignments, edits and provenance, sorted by story id.

    ``signatures`` may carry the near-duplicate stage's MinHashes by article id; they are
    reused for candidate pairs when made with the same shingle size, permutations and seed
    (the defaults of both stages agree).
    """
    by_id = {article.id: article for article in articles}
    return [
        analyse_story(
            [by_id[i] for i in story.article_ids],
            language,
            story=story,
            candidate_params=candidate_params,
            align_params=align_params,
            signatures=signatures,
        )
        for story in cluster_stories(articles, language, story_params)
    ]


def analyse_story(
    articles: Sequence[Article],
    language: Mapping[str, LanguageAnnotation] | None = None,
    *,
    story: Story | None = None,
    candidate_params: CandidateParams | None = None,
    align_params: AlignParams | None = None,
    signatures: Mapping[str, MinHash] | None = None,
) -> StoryAnalysis:
    """Alignments, edits and provenance inside one story made of ``articles``.

    ``story`` is the clustering's record; without one, the articles are taken as one story as
    they are (a user's own grouping, or an evaluation case), named after its first member.
    """
    by_id = {article.id: article for article in articles}
    members = sorted(by_id.values(), key=lambda a: a.id)
    if story is None:
        story = one_story(members)
    annotations = language or {}
    align_params = align_params or AlignParams()
    pairs = candidate_pairs(members, candidate_params, signatures)
    paired = {pair.a_id for pair in pairs} | {pair.b_id for pair in pairs}
    segments = {a.id: segment(a, annotations.get(a.id)) for a in members if a.id in paired}
    alignments: list[AlignedPassage] = []
    edits: list[PassageEdit] = []
    for pair in pairs:
        a, b = by_id[pair.a_id], by_id[pair.b_id]
        a_lang, b_lang = annotations.get(a.id), annotations.get(b.id)
        for passage in align_segmented(segments[a.id], segments[b.id], align_params):
            alignments.append(passage)
            if passage.kind == "shared-quote":
                continue  # two outlets quoting one statement: not a copy, so no edit
            for edit in find_edits(passage, a, b, a_lang, b_lang):
                edits.append(PassageEdit(a.id, b.id, edit))
    provenance = trace_provenance(members, alignments, language)
    return StoryAnalysis(story, tuple(alignments), tuple(edits), provenance)


def one_story(members: Sequence[Article]) -> Story:
    """The articles as one story, without clustering."""
    ordered = sorted(members, key=lambda a: (a.published.value or "9999", a.id))
    dates = sorted(a.published.value for a in members if a.published.value)
    return Story(
        id=story_id_for(ordered[0].id),
        article_ids=tuple(sorted(a.id for a in members)),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        label=ordered[0].title or ordered[0].source_id,
    )
