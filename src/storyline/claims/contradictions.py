"""Where reports of one story disagree on a typed value, with both spans and a reason.

Every check is built for precision (a false alarm costs a reader more than a miss), each in
its own module:

- ``count_disputes``: counts, breakdowns, amounts and shares of one thing on one occasion;
- ``date_disputes``: one act by the same participants dated to days that do not meet;
- ``participant_disputes``: one act with a different named agent (who did it) or place;
- ``speaker_disputes``: the same quotation put in two named people's mouths (who said it);
- ``copy_edits``: values a copier changed, held to the same tests, and the contradictions
  above marked when they arose in copying.

``sides`` holds what they share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.claims.copy_edits import CopyEdit, edit_contradictions, mark_copy_edits
from storyline.claims.count_disputes import changes_in, count_contradictions
from storyline.claims.date_disputes import date_contradictions
from storyline.claims.participant_disputes import participant_contradictions
from storyline.claims.records import Contradiction
from storyline.claims.speaker_disputes import speaker_contradictions
from storyline.claims.views import FrameView
from storyline.language.quotes import Quote
from storyline.model import Article

__all__ = ["find_contradictions"]


def find_contradictions(
    story_id: str,
    views: Sequence[FrameView],
    claims: Sequence[Sequence[FrameView]],
    quotes: Sequence[tuple[FrameView | None, Quote, str | None, str]],
    edits: Sequence[CopyEdit],
    articles: Mapping[str, Article],
    common: frozenset[str],
) -> list[Contradiction]:
    """Every contradiction of one story, sorted by kind and position."""
    found = count_contradictions(story_id, views, articles, changes_in(views))
    found += date_contradictions(story_id, claims, articles)
    found += participant_contradictions(story_id, views, articles, common)
    found += speaker_contradictions(story_id, quotes, articles)
    found = mark_copy_edits(found, edits)
    found += edit_contradictions(story_id, edits, views, articles, found)
    ordered = sorted(found, key=lambda c: (c.kind, c.a.article_id, c.a.start, c.b.article_id))
    return group_disputes(ordered)


def group_disputes(found: Sequence[Contradiction]) -> list[Contradiction]:
    """Each contradiction with the id of its dispute: contradictions of one kind and subject
    that share a side (the same span) are one dispute, named after its first contradiction."""
    dispute = {c.id: c.id for c in found}

    def root(key: str) -> str:
        while dispute[key] != key:
            key = dispute[key]
        return key

    holders: dict[tuple[str, str, str, int, int], str] = {}
    for contradiction in found:
        for side in (contradiction.a, contradiction.b):
            key = (contradiction.kind, contradiction.subject, side.article_id, side.start, side.end)
            other = holders.setdefault(key, contradiction.id)
            first, second = root(other), root(contradiction.id)
            if first != second:
                dispute[second] = first
    return [replace(c, dispute=root(c.id)) for c in found]
