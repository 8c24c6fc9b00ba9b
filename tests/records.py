"""Hand-made records for tests that need no extraction or model."""

from __future__ import annotations

from storyline.model import Article, PublicationDate
from storyline.textnorm import content_id, word_count


def make_article(text: str, source_id: str = "a.txt", **overrides: object) -> Article:
    """An article record built by hand, for tests that need no extraction."""
    values: dict[str, object] = {
        "id": content_id(text),
        "source_id": source_id,
        "origin": source_id,
        "input_format": "text",
        "text": text,
        "title": "A hand-made title",
        "outlet": None,
        "outlet_source": None,
        "byline": None,
        "published": PublicationDate(value=None),
        "language": "en",
        "word_count": word_count(text),
    }
    values.update(overrides)
    return Article(**values)  # type: ignore[arg-type]
