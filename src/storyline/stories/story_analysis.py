"""Stories and their provenance for a set of articles: the stage between language and claims.

Articles are grouped into stories; inside each story every pair of members is aligned (a story
holds few articles, and at corpus scale the pairs come from the clustering's candidates), fact
edits inside copied passages are found, and provenance decides who copied whom, the patchworks,
passage origins and source groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from storyline.language.annotate import LanguageAnnotation
from storyline.model import Article
from storyline.stories.alignment import AlignedPassage, align_articles
from storyline.stories.clustering import Story, cluster_stories
from storyline.stories.edits import Edit, find_edits
from storyline.stories.provenance import Provenance, trace_provenance


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
    articles: Sequence[Article], language: Mapping[str, LanguageAnnotation] | None = None
) -> list[StoryAnalysis]:
    by_id = {article.id: article for article in articles}
    annotations = language or {}
    results = []
    for story in cluster_stories(articles, language):
        members = sorted((by_id[i] for i in story.article_ids), key=lambda a: a.id)
        alignments: list[AlignedPassage] = []
        edits: list[PassageEdit] = []
        for a, b in combinations(members, 2):
            a_lang, b_lang = annotations.get(a.id), annotations.get(b.id)
            for passage in align_articles(a, b, a_lang, b_lang):
                alignments.append(passage)
                if passage.kind == "shared-quote":
                    continue  # two outlets quoting one statement: not a copy, so no edit
                for edit in find_edits(passage, a, b, a_lang, b_lang):
                    edits.append(PassageEdit(a.id, b.id, edit))
        provenance = trace_provenance(members, alignments, language)
        results.append(StoryAnalysis(story, tuple(alignments), tuple(edits), provenance))
    return results
