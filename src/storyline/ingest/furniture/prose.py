"""Prose evidence: how strongly a unit reads as running text, by function words, case and length."""

from __future__ import annotations

import re

from storyline.ingest.furniture.lines import Unit, ends_sentence
from storyline.ingest.furniture.tuning import (
    BODY_RUN_MIN_WORDS,
    LONG_PROSE_WORDS,
    MEDIUM_PROSE_WORDS,
)
from storyline.ingest.furniture.vocabulary import wordset

_FUNCTION_WORDS = wordset(
    """a an the of to in on at for with by from and or but nor that this these those is are was
    were be been being has have had will would could should may might can not no it its he she
    they we his her their our as than which who whom whose said says also if into after before
    about over under between against during while because since there what when where how"""
)


def function_ratio(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for word in words if word.lower() in _FUNCTION_WORDS) / len(words)


def is_prose(words: list[str]) -> bool:
    """Reads like running text: enough function words and lower-case words."""
    if len(words) < 4:
        return False
    lower = sum(1 for word in words if word[:1].islower())
    return function_ratio(words) >= 0.12 and lower / len(words) >= 0.3


def prose_evidence(unit: Unit, in_body: bool) -> int:
    """How strongly a unit reads as a sentence of the article (subtracted from its score)."""
    n = len(unit.words)
    if ends_sentence(unit.text) and is_prose(unit.words):
        if n >= LONG_PROSE_WORDS:
            return 4
        if n >= MEDIUM_PROSE_WORDS:
            return 3
    if ends_sentence(unit.text):
        return 1
    if in_body and n >= BODY_RUN_MIN_WORDS and is_prose(unit.words):
        return 1  # a body paragraph that ends without a full stop
    return 0


def sentences(text: str) -> list[str]:
    """Rough sentence split: after . ! ? … (and closing quotes) before a capital letter."""
    parts = re.split(r"(?:(?<=[.!?…])|(?<=[.!?…][”\"’')\]]))\s+(?=[\"“‘'(\[]?[A-Z0-9])", text)
    return [part.strip() for part in parts if part.strip()]
