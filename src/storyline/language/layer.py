"""The language layer of a set of articles: per-article annotations plus corpus entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.language.annotate import LanguageAnnotation, annotate_articles
from storyline.language.entity_resolution import EntityIndex, resolve_entities
from storyline.model import Article
from storyline.store import Store


@dataclass(frozen=True)
class LanguageResult:
    annotations: dict[str, LanguageAnnotation]
    entities: EntityIndex


def analyse_language(articles: Sequence[Article], store: Store) -> LanguageResult:
    """Annotate the articles (reusing stored results) and resolve entities across them."""
    annotations = annotate_articles(articles, store)
    entities = resolve_entities(
        {article_id: annotation.mentions for article_id, annotation in annotations.items()}
    )
    return LanguageResult(annotations=annotations, entities=entities)
