"""A frame as the claims stage compares it: resolved entities per argument, content words,
origin, hedges. Built once per frame, so matching and contradiction checks stay cheap."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.claims.cues import find_hedges
from storyline.claims.records import Statement
from storyline.claims.stance import stem
from storyline.language.entity_mention import EntityMention
from storyline.language.entity_resolution import EntityIndex
from storyline.language.frames import Frame
from storyline.language.predicates import predicate_class
from storyline.model import Article
from storyline.stories.provenance import Provenance

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class FrameView:
    frame: Frame
    text: str  # the clause
    predicate_class: str
    entities: Mapping[str, frozenset[str]]  # role → entity ids in that argument
    heads: Mapping[str, str]  # role → head lemma
    words: frozenset[str]  # content words of the clause, lower case, no numbers
    sentence_words: frozenset[str]  # the same for the whole sentence
    sentence_entities: frozenset[str]  # resolved entities named anywhere in the sentence
    origin: str
    hedges: tuple[str, ...]

    @property
    def article_id(self) -> str:
        return self.frame.article_id

    @property
    def all_entities(self) -> frozenset[str]:
        found: set[str] = set()
        for ids in self.entities.values():
            found |= ids
        return frozenset(found)

    def statement(self) -> Statement:
        frame = self.frame
        return Statement(
            article_id=frame.article_id,
            start=frame.start,
            end=frame.end,
            sentence_start=frame.sentence_start,
            sentence_end=frame.sentence_end,
            text=self.text,
            origin=self.origin,
            attribution=frame.attribution.kind,
            speaker=frame.attribution.source,
            modality=frame.modality,
            negated=frame.negated,
            hedges=self.hedges,
            time_inherited=frame.time_inherited,
        )


def content_words(text: str) -> frozenset[str]:
    """Stemmed content words: "killed" and "killing" are one word for matching."""
    return frozenset(
        stem(word) for word in (w.lower() for w in _WORD.findall(text)) if word not in STOP_WORDS
    )


def frame_views(
    article: Article,
    frames: Sequence[Frame],
    mentions: Sequence[EntityMention],
    entities: EntityIndex,
    provenance: Provenance | None,
) -> list[FrameView]:
    resolved = [(m, entities.mention_entity.get((m.article_id, m.start, m.end))) for m in mentions]
    views = []
    for frame in frames:
        text = article.text[frame.start : frame.end]
        by_role: dict[str, set[str]] = {}
        heads: dict[str, str] = {}
        for argument in frame.arguments:
            heads.setdefault(argument.role, argument.head)
            ids = by_role.setdefault(argument.role, set())
            for mention, entity_id in resolved:
                if entity_id and mention.start < argument.end and argument.start < mention.end:
                    ids.add(entity_id)
        in_sentence = frozenset(
            entity_id
            for mention, entity_id in resolved
            if entity_id
            and frame.sentence_start <= mention.start
            and mention.end <= frame.sentence_end
        )
        origin = (
            provenance.origin_of(frame.article_id, frame.start, frame.end)
            if provenance is not None
            else frame.article_id
        )
        views.append(
            FrameView(
                frame=frame,
                text=text,
                predicate_class=predicate_class(frame.predicate),
                entities={role: frozenset(ids) for role, ids in by_role.items()},
                heads=heads,
                words=content_words(text),
                sentence_words=content_words(
                    article.text[frame.sentence_start : frame.sentence_end]
                ),
                sentence_entities=in_sentence,
                origin=origin,
                hedges=tuple(sorted({cue.text.lower() for cue in find_hedges(text)})),
            )
        )
    return views


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
