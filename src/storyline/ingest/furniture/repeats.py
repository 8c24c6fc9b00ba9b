"""Text shown twice (a repeated line, a caption repeated without its credit) and the author bio."""

from __future__ import annotations

import re

from storyline.ingest.furniture.lines import Unit
from storyline.ingest.furniture.prose import sentences
from storyline.ingest.furniture.signals import CREDIT_BRACKET, DANGLING_CREDIT
from storyline.ingest.furniture.tuning import MAX_SENTENCES_FOR_RUNS, MIN_REPEAT_WORDS
from storyline.textnorm import normalise_for_identity


def _sentence_keys(text: str) -> list[str]:
    return [normalise_for_identity(sentence) for sentence in sentences(text)]


def contains(container: Unit, unit: Unit) -> bool:
    """``unit`` equals ``container`` or a run of its whole sentences."""
    if container is unit or len(unit.words) < MIN_REPEAT_WORDS:
        return False
    if container.key == unit.key:
        return True
    if len(unit.key) >= len(container.key):
        return False
    sentences = _sentence_keys(container.text)
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences) + 1):
            if " ".join(sentences[i:j]) == unit.key:
                return True
    return False


_CREDIT_TAIL = re.compile(
    r"\s*\b(?:photo|photos|image|picture|credit|photo credit|source)\s*:.*$", re.IGNORECASE
)


def _without_credit(text: str) -> str:
    """A caption without its credit: the trailing bracket, "Image: ..." tail or dangling label."""
    text = CREDIT_BRACKET.sub("", text)
    text = DANGLING_CREDIT.sub("", text)
    text = _CREDIT_TAIL.sub("", text) or text
    return normalise_for_identity(text.rstrip(" .,:;–—-"))


def _sentence_runs(text: str) -> set[str]:
    """The keys of every run of whole sentences of a text (the text itself included)."""
    sentences = _sentence_keys(text)
    if len(sentences) > MAX_SENTENCES_FOR_RUNS:  # a very long unit: whole sentences only
        return {*sentences, normalise_for_identity(text)}
    return {
        " ".join(sentences[i:j])
        for i in range(len(sentences))
        for j in range(i + 1, len(sentences) + 1)
    }


def mark_repeats(units: list[Unit], body: range) -> None:
    """Text shown twice: remove the copy that is not body, so the text keeps it once."""
    captions = {_without_credit(u.text) for u in units if u.label == "caption"}
    # Where each run of sentences of a kept unit occurs: one pass, not a pairwise search.
    occurs: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.label is None:
            for key in _sentence_runs(unit.text):
                occurs.setdefault(key, []).append(index)
    for index, unit in enumerate(units):
        if unit.label is not None or len(unit.words) < MIN_REPEAT_WORDS:
            continue
        if normalise_for_identity(unit.text.rstrip(" .,:;–—-")) in captions:
            unit.label = "repeated caption"
            continue
        for other_index in occurs.get(unit.key, ()):
            if other_index == index or units[other_index].label is not None:
                continue
            # Keep the copy inside the body; of two copies inside it, keep the first.
            if index not in body or (other_index in body and other_index < index):
                unit.label = "repeated line"
                break


_BIO_START = re.compile(
    r"^\W{0,3}(?:the|this) (?:writer|author|columnist|contributor|reporter|journalist)\b"
    r"|^\W{0,3}about the (?:author|writer)\b",
    re.IGNORECASE,
)


def mark_bio(units: list[Unit]) -> None:
    """An author bio closing the text: "The writer holds a PhD ...", "About the author".

    Removed, because it is about the writer, not the story: its sentences would otherwise be
    read as statements of the article ("He currently works as a lecturer ..." would even be
    resolved to the last man the story named). It stays in ``removed`` for who wants it.
    """
    kept = [unit for unit in units if unit.label is None]
    if kept and _BIO_START.search(kept[-1].text) and len(kept) > 1:
        kept[-1].label = "author bio"
