"""The language layer over articles: one spaCy pass per article, then each component.

Results are stored per article with the stage version and the publication date they were
anchored to, so a re-run parses only articles that are new, whose date changed, or whose
annotations came from an older version of this stage.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from storyline.language import entities, frames, quantities, quotes, timex
from storyline.language.context import ArticleContext
from storyline.language.entities import EntityMention, find_mentions
from storyline.language.frames import Frame, find_frames
from storyline.language.quantities import Quantity, find_quantities
from storyline.language.quotes import Quote, find_quotes
from storyline.language.timex import TimeExpression, find_times
from storyline.model import Article
from storyline.records import from_dict, to_dict
from storyline.store import Store, StoredAnnotation
from storyline.textnorm import one_line

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

LAYER = "language"
# The layer's version names every component's, so changing one component recomputes the layer.
STAGE_VERSION = "+".join(
    (
        "language-1",
        entities.STAGE_VERSION,
        quotes.STAGE_VERSION,
        quantities.STAGE_VERSION,
        timex.STAGE_VERSION,
        frames.STAGE_VERSION,
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
    problems: tuple[str, ...] = ()
    frames: tuple[Frame, ...] = ()


def annotate_doc(doc: Doc, context: ArticleContext) -> LanguageAnnotation:
    """Run every component on one parsed article.

    Each component runs behind its own boundary: a component that fails on a pathological
    article leaves its list empty and says why in ``problems``; the other components and the
    rest of the run go on.
    """
    problems: list[str] = []

    def run(name: str, component: Callable[[Doc, ArticleContext], Sequence[T]]) -> tuple[T, ...]:
        try:
            return tuple(component(doc, context))
        except Exception as error:  # the per-component boundary, see the docstring
            problems.append(one_line(f"{name} failed: {type(error).__name__}: {error}"))
            return ()

    found_quotes = run("quotes", find_quotes)
    found_quantities = run("quantities", find_quantities)
    found_times = run("times", find_times)
    return LanguageAnnotation(
        article_id=context.article_id,
        sentences=tuple(Sentence(s.start_char, s.end_char) for s in doc.sents),
        tokens=tuple((t.idx, t.idx + len(t.text)) for t in doc if not t.is_space),
        mentions=run("entities", find_mentions),
        quotes=found_quotes,
        quantities=found_quantities,
        times=found_times,
        # Frames gather the other components' findings per clause, so they come last.
        frames=run(
            "frames",
            lambda d, c: find_frames(d, c, found_quotes, found_quantities, found_times),
        ),
        problems=tuple(problems),
    )


def context_of(article: Article) -> ArticleContext:
    return ArticleContext(article.id, article.published, article.title)


def _depends_on(article: Article) -> str:
    # Relative times are resolved against the publication date, so it is part of the key; the
    # text's own hash too, because two inputs whose texts differ only in case or spacing share
    # a content id, and the stored text may be replaced by the other one (offsets would drift).
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    return f"{article.published.value or 'unknown'}|{digest}"


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
