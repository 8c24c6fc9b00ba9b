"""Text normalisation shared by ids, duplicate detection and cleaning."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def normalise_for_identity(text: str) -> str:
    """The form of a text that decides identity: NFKC, typographic quotes folded, case folded,
    whitespace collapsed. Two inputs that differ only in these respects are one article."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _WHITESPACE.sub(" ", text).strip()


def content_id(text: str) -> str:
    """A stable article id: the first 16 hex digits of SHA-256 of the normalised text."""
    digest = hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()
    return digest[:16]


def words(text: str) -> list[str]:
    """Word tokens (letters, digits, inner hyphens and apostrophes)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def one_line(text: str, limit: int = 300) -> str:
    """A message as one line of at most ``limit`` characters, for rejection reasons and notes."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
