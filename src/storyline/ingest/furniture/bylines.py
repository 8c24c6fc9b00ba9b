"""The shape of a byline and of a person's name as header lines print them."""

from __future__ import annotations

import re

from storyline.ingest.furniture.vocabulary import AGENCY_ONLY, wordset

_BY = re.compile(r"^\W*(?:by|written by|words by|story by|text by|reported by)\s*:?\s+", re.I)
_BYLINE_PARTS = re.compile(r"\s*(?:,|/|&|\band\b|\|)\s*")
ROLE = re.compile(
    r"\b(?:editor|editor-in-chief|chief|supervisor|publisher|founder|co-founder|managing"
    r"|deputy|executive|ceo|owner|chairman|chairwoman|director)\b",
    re.IGNORECASE,
)
_NAME_PARTICLES = wordset("and de da del der di du al el bin ibn van von la le y")


def is_name_like(text: str) -> bool:
    """A short run of capitalised words: "H-Tayea", "Jane Doe", "Ahmed al-Rubaie"."""
    words = text.strip().split()
    if not 1 <= len(words) <= 5 or text.endswith(("!", "?", ":")):
        return False
    if text.endswith(".") and len(words[-1]) > 2:  # "Jane Doe." is a sentence; "J." is not
        return False
    if any(char.isdigit() for char in text) or ROLE.search(text):
        return False
    for word in words:
        bare = word.strip(",")
        if bare.lower() in _NAME_PARTICLES:
            continue
        if not (bare[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.-]*", bare)):
            return False
    return words[0][:1].isupper()


def is_byline(text: str) -> bool:
    """A "By ..." credit naming people or an agency: "By Jane Doe and John Roe, Reuters",
    not a sentence that starts with "By" ("By Tuesday, the rebels had left the city.")."""
    match = _BY.match(text)
    if match is None:
        return False
    parts = [part for part in _BYLINE_PARTS.split(text[match.end() :]) if part]
    if not parts or len(parts) > 6:
        return False
    return all(
        is_name_like(part) or AGENCY_ONLY.fullmatch(part) or _is_staff_title(part) for part in parts
    )


def _is_staff_title(text: str) -> bool:
    """A job title after a name in a byline: "Middle East correspondent", "Staff writer"."""
    words = text.split()
    return 1 <= len(words) <= 4 and bool(
        re.search(r"(?i)\b(?:correspondent|reporter|writer|editor|staff|bureau|desk)\b", text)
    )
