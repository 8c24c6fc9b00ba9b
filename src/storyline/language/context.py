"""What every language component gets besides the parsed text."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import PublicationDate


@dataclass(frozen=True)
class ArticleContext:
    """The article a parsed ``Doc`` belongs to. All offsets are into the article's clean text,
    which is exactly ``doc.text``."""

    article_id: str
    published: PublicationDate
    title: str | None = None
