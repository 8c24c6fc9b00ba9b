"""Whitespace normalised, the text cut into units (lines, with hard-wrapped paragraphs joined)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.ingest.furniture.tuning import (
    HARD_WRAP_FULL_SHARE,
    HARD_WRAP_MAX_WIDTH,
    HARD_WRAP_MIN_LINES,
    HARD_WRAP_MIN_WIDTH,
    HARD_WRAP_NEAR,
    MEDIUM_PROSE_WORDS,
)
from storyline.textnorm import normalise_for_identity

# Odd spaces (NBSP, thin, ideographic, tabs) become plain spaces; invisible marks go.
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_SPACES = re.compile(r" {2,}")
WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"(?:[.!?…][\"'”’»)\]]*|[”\"»])\s*$")


def normalise_whitespace(raw: str) -> list[str]:
    """The lines of ``raw`` with odd whitespace normalised and line ends stripped."""
    text = _LINE_BREAKS.sub("\n", raw)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


@dataclass
class Unit:
    """A line (or a rejoined hard-wrapped paragraph) under analysis. Mutable, internal to the cleaner."""

    line: int  # 1-based first raw line
    text: str
    block: int  # index of its blank-line separated block
    words: list[str] = field(default_factory=list)
    label: str | None = None  # why it is removed; None while kept
    score: int = 0
    signals: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalise_for_identity(self.text)


def to_units(lines: list[str]) -> list[Unit]:
    """Units of text: non-blank lines, with hard-wrapped paragraphs joined again."""
    wrap_width = _hard_wrap_width(lines)
    units: list[Unit] = []
    block = 0
    previous_blank = True
    for number, line in enumerate(lines, start=1):
        if not line:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        last = units[-1] if units and not previous_blank else None
        if last is not None and _continues(last.text, line, wrap_width):
            last.text = f"{last.text} {line}"
        else:
            units.append(Unit(line=number, text=line, block=block))
        previous_blank = False
    for unit in units:
        unit.words = WORD.findall(unit.text)
    return units


def _hard_wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped text (paragraphs broken at ~70 columns), else None."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < HARD_WRAP_MIN_LINES or max(lengths) > HARD_WRAP_MAX_WIDTH:
        return None
    width = max(lengths)
    if width < HARD_WRAP_MIN_WIDTH:
        return None
    near = sum(1 for length in lengths if length >= HARD_WRAP_NEAR * width)
    return width if near / len(lengths) >= HARD_WRAP_FULL_SHARE else None


def _continues(previous: str, line: str, wrap_width: int | None) -> bool:
    """Whether ``line`` continues the paragraph of ``previous`` (same block, no blank).

    Only a line that does not end a sentence is continued: a wrong join would glue furniture
    to the body, a missed one only splits a paragraph in two.
    """
    if ends_sentence(previous) or previous.endswith(":"):
        return False
    if wrap_width is not None and len(previous) >= HARD_WRAP_NEAR * wrap_width:
        # In a hard-wrapped text a line near the full width was broken by the wrapper.
        return not line.startswith(("-", "*", "•"))
    # A line that starts in lower case continues a sentence broken by an inline element.
    return line[0].islower() and len(WORD.findall(previous)) >= MEDIUM_PROSE_WORDS


def ends_sentence(text: str) -> bool:
    # Only the tail is searched: a search over a long unit would make joining quadratic.
    return bool(_ENDS_SENTENCE.search(text[-16:]))
