"""Tying the language layer's findings to corpus entities: mentions, and quote speakers."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.language.entities import EntityMention
from storyline.language.entity_resolution import EntityIndex
from storyline.language.quotes import Quote


def mention_entity(index: EntityIndex, mention: EntityMention) -> str | None:
    return index.mention_entity.get((mention.article_id, mention.start, mention.end))


def speaker_entity(
    quote: Quote, mentions: Sequence[EntityMention], index: EntityIndex
) -> str | None:
    """The resolved entity of a quote's speaker, found by span overlap with the article's
    entity mentions: the speaker phrase itself first, then the antecedent of a pronoun or role
    noun. Unnamed sources ("a Western diplomat") stay without an entity."""
    speaker = quote.speaker
    if speaker is None or speaker.via == "unnamed":
        return None
    spans = [(speaker.start, speaker.end)]
    if speaker.antecedent_start is not None and speaker.antecedent_end is not None:
        spans.append((speaker.antecedent_start, speaker.antecedent_end))
    for start, end in spans:
        best: tuple[int, str] | None = None
        for mention in mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            head_overlap = min(end, mention.head_end) - max(start, mention.head_start)
            score = max(overlap, head_overlap if mention.via == "name" else 0)
            entity = mention_entity(index, mention)
            if score > 0 and entity is not None and (best is None or score > best[0]):
                best = (score, entity)
        if best is not None:
            return best[1]
    return None
