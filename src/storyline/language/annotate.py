"""The language layer over articles: one spaCy pass per article, then each component.

Results are stored per article with the stage version and the publication date they were
anchored to, so a re-run parses only articles that are new, whose date changed, or whose
annotations came from an older version of this stage.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language import entities, quantities, quotes, timex
from storyline.language.context import ArticleContext
from storyline.language.entities import EntityMention, find_mentions
from storyline.language.quantities import Quantity, find_quantities
from storyline.language.quotes import Quote, find_quotes
from storyline.language.timex import TimeExpression, find_times
from storyline.model import Article
from storyline.records import from_dict, to_dict
from storyline.store import Store, StoredAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Doc

LAYER = "language"
# The layer's version names every component's, so changing one component recomputes the layer.
STAGE_VERSION = "+".join(
    (
        "language-1",
        entities.STAGE_VERSION,
        quotes.STAGE_VERSION,
        quantities.STAGE_VERSION,
        timex.STAGE_VERSION,
    )
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class LanguageAnnotation:
    """Everything the language layer found in one article; offsets into its clean text."""

    article_id: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[tuple[int, int], ...]
    mentions: tuple[EntityMention, ...]
    quotes: tuple[Quote, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]


def annotate_doc(doc: Doc, context: ArticleContext) -> LanguageAnnotation:
    """Run every component on one parsed article."""
    return LanguageAnnotation(
        article_id=context.article_id,
        sentences=tuple(Sentence(s.start_char, s.end_char) for s in doc.sents),
        tokens=tuple((t.idx, t.idx + len(t.text)) for t in doc if not t.is_space),
        mentions=tuple(find_mentions(doc, context)),
        quotes=tuple(find_quotes(doc, context)),
        quantities=tuple(find_quantities(doc, context)),
        times=tuple(find_times(doc, context)),
    )


def context_of(article: Article) -> ArticleContext:
    return ArticleContext(article.id, article.published, article.title)


def _depends_on(article: Article) -> str:
    # Relative times are resolved against the publication date, so it is part of the key.
    return article.published.value or "unknown"


def annotate_articles(articles: Sequence[Article], store: Store) -> dict[str, LanguageAnnotation]:
    """Annotations for ``articles`` by id: stored ones reused, the rest computed and stored."""
    from storyline.language.nlp import parse

    stored = store.get_annotations(LAYER, [article.id for article in articles])
    found: dict[str, LanguageAnnotation] = {}
    todo: list[Article] = []
    for article in sorted(articles, key=lambda a: a.id):
        previous = stored.get(article.id)
        if (
            previous is not None
            and previous.version == STAGE_VERSION
            and previous.depends_on == _depends_on(article)
        ):
            found[article.id] = from_dict(LanguageAnnotation, json.loads(previous.data))
        else:
            todo.append(article)
    for article, doc in zip(todo, parse(a.text for a in todo), strict=True):
        annotation = annotate_doc(doc, context_of(article))
        store.put_annotation(
            StoredAnnotation(
                article_id=article.id,
                layer=LAYER,
                version=STAGE_VERSION,
                depends_on=_depends_on(article),
                data=json.dumps(to_dict(annotation), ensure_ascii=False, sort_keys=True),
            )
        )
        found[article.id] = annotation
    return found
