"""One entity mention in an article, and the kinds of entity and of reference it can be."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["person", "organisation", "place", "group"]
Via = Literal["name", "role", "pronoun"]


@dataclass(frozen=True)
class EntityMention:
    """One mention of an entity in an article's clean text.

    ``start``/``end`` cover what the text says: for a name, the name with its title when the
    title stands right before it ("Iraqi Foreign Minister Fuad Hussein"); for a role or a
    pronoun, the phrase itself ("the minister", "he"). ``head_start``/``head_end`` always cover
    a name in the same article: the name inside this mention (via "name"), or the named mention
    a role or pronoun was resolved to (via "role" | "pronoun").
    ``affiliation`` is the country or body a title names ("Iraq" for "Iraqi Foreign Minister");
    ``stands_for`` is set when a capital is used for its government ("Washington warned").
    """

    article_id: str
    start: int
    end: int
    text: str
    kind: Kind
    via: Via
    role: str | None
    head_start: int
    head_end: int
    affiliation: str | None = None
    stands_for: str | None = None

    @property
    def name(self) -> str:
        """The name this mention carries (for a role or pronoun: the text itself)."""
        if self.via != "name":
            return self.text
        return self.text[self.head_start - self.start : self.head_end - self.start]
