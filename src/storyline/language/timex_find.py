"""Where the time expressions are: spaCy's DATE/TIME entities plus patterns for what it misses.

The small English model finds most calendar dates but splits "Monday evening" in two, drops
"now" and "at the moment", and misses sets ("per month") and some durations. Patterns over the
text fill those gaps; overlapping candidates are merged into one span, a day and the part of
day or clock time right next to it are joined, and "between A and B" / "from A to B" become
one range candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Month names are matched case-sensitively so that "may" and "march" stay verbs.
_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[6-9]\d\d|20\d\d)"
_NUM = (
    # Digits never start after a digit, comma or point: "9,000 years" is one number, not "000".
    r"(?:(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety|hundred|several|a\s+few|a\s+couple\s+of)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_PART = r"(?:morning|afternoon|evening|night)"
_REL = r"(?:this|last|next|past|previous|coming|current|following)"
_PREP = r"(?:in|since|until|till|by|from|through|during|before|after|of|on)"

_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        # calendar days, with or without weekday and year: "Monday, September 28", "28 Sept 2020"
        rf"\b(?:{_W},?\s+)?(?:{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)\b",
        rf"\b{_M},?\s+{_Y}\b",
        rf"\b{_M}\s+(?i:this|last|next)\s+year\b",
        # a bare month only after a preposition or a phase word ("in August", "early May")
        rf"\b(?i:{_PREP})\s+(?P<t>{_M})(?![\w-])",
        rf"\b(?i:early|mid|late|earlier\s+in|later\s+in|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+{_M}(?![\w-])",
        rf"\b(?i:{_PREP}|to|and)\s+(?P<t>(?i:early\s+|mid-|late\s+)?{_Y})\b(?![.,]\d)",
        rf"\b{_Y}\s*[–-]\s*(?:{_Y}|\d\d)\b",  # "2019-20", "2010–2015"
        r"\b(?:the\s+)?(?:1[6-9]\d|20\d)0s\b",
        rf"\b(?i:(?:last|next|this|coming|past)\s+)?{_W}(?:\s+(?i:{_PART}))?\b",
        r"\b(?i:today|yesterday|tomorrow|tonight)(?:\s+(?i:morning|afternoon|evening|night))?\b",
        rf"\b(?i:(?:the\s+)?{_REL}\s+(?:week(?:end)?|month|year|quarter|decade|century|{_PART}|summer|winter|spring|autumn))\b",
        r"\b(?i:(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year))\b",
        r"\b(?i:the\s+(?:start|beginning|end|middle|turn)\s+of\s+(?:the|this|last|next)\s+(?:week|month|year|quarter|decade|century))\b",
        rf"\b(?i:(?:{_NUM}|a|an)[\s-]+{_UNIT}\s+ago)\b",
        rf"\b(?i:the\s+(?:last|past|next|coming|previous|following|first)\s+(?:{_NUM}\s+)?{_UNIT})\b",
        # durations: a number and a unit ("90 days", "two-year"), "a year" only after a preposition
        rf"\b(?i:{_NUM}[\s-]+{_UNIT})\b(?!-old)",
        rf"\b(?i:for|within|over|than|after|in)\s+(?P<t>(?i:an?\s+{_UNIT}))\b",
        r"\b(?i:now|currently|recently|nowadays)\b",
        r"\b(?i:at\s+(?P<t>the\s+moment|present))\b",
        r"\b(?i:in\s+(?P<t>the\s+(?:past|future)))\b(?!\s+(?:few|two|three|several|\d))",
        rf"\b(?i:(?:every|each|per)\s+(?:other\s+)?(?:{_UNIT}|{_PART}))\b|\b(?:every|each)\s+{_W}\b",
        r"\b(?i:daily|weekly|monthly|quarterly|annually|yearly|hourly)\b",
        r"\b(?i:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midday|midnight)",
        r"\b(?i:(?:the\s+)?(?:first|second|third|fourth|final)\s+quarter(?:\s+of\s+(?:\d{4}|this\s+year|last\s+year|next\s+year|the\s+year))?)\b",
        r"\bQ[1-4](?:\s+\d{4})?\b",
        r"\b(?i:the\s+(?:first|second)\s+half\s+of\s+(?:\d{4}|this\s+year|last\s+year|the\s+year))\b",
    )
)
# Running all patterns over the whole text costs more than the rest of the layer; they run only
# in windows around a word every time expression contains. WINDOW is wider than any pattern's
# reach from its trigger word (the longest, "the first half of this year", is under 40 chars).
_TRIGGER = re.compile(  # matched against the lower-cased text: much faster than (?i:…)
    r"\b(?:[a-z]*days?|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|tonight|now|current\w*|"
    r"recent\w*|seconds?|minutes?|hour\w*|weeks?\w*|fortnights?|months?\w*|years?\w*|decades?|"
    r"centur\w+|quarter\w*|half|moment|present|past|future|annual\w*|morning|afternoon|evening|"
    r"night|noon|midday|midnight|spring|summer|autumn|fall|winter|q[1-4]|\d\d\d\ds?|"
    r"\d{1,2}(?::\d\d)?\s*[ap]\.?m)\b"
)
_WINDOW = 80

# what may stand between a day and its time of day to make one expression
_JOIN = re.compile(r"^(?:\s|,\s|\s(?:at|on)\s)$")
_TIME_OF_DAY = re.compile(
    r"^(?i:morning|afternoon|evening|night|noon|midnight|\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm))$"
)
_RANGE_OPENER = re.compile(r"(?i:\b(between|from)\s+)$")
_RANGE_JOIN = {
    "between": re.compile(r"^\s+and\s+$"),
    "from": re.compile(r"^(?:\s+(?:to|until|till|through)\s+|\s*[–-]\s*)$"),
}
_TRAILING = re.compile(r"(?:['’]s|[\s,;:]|(?<![ap]\.m)\.)+$")


@dataclass(frozen=True)
class Candidate:
    """A span of the text that may be a time expression; ``before`` is the word just before it."""

    start: int
    end: int
    before: str
    # the pattern matches inside the span, tried one by one when the whole does not resolve
    # (spaCy joins "every month this year" into one DATE)
    parts: tuple[tuple[int, int], ...] = ()


def find_candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    """Candidate spans in text order, non-overlapping. ``text`` is ``doc.text`` when the caller
    has it already (``Doc.text`` joins every token on each access)."""
    text = doc.text if text is None else text
    entities = [
        _trimmed(text, ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in ("DATE", "TIME")
    ]
    found: list[tuple[int, int]] = []
    for low, high in _windows(text):
        for pattern in _PATTERNS:
            for match in pattern.finditer(text, low, high):
                group = "t" if "t" in pattern.groupindex and match.group("t") else 0
                found.append(_trimmed(text, match.start(group), match.end(group)))
    found = _merge_overlaps(sorted(span for span in found if span[1] > span[0]))
    merged = _merge_overlaps(sorted(span for span in entities + found if span[1] > span[0]))
    merged = _join_times_of_day(text, merged)
    merged = _join_ranges(text, merged)
    return [
        Candidate(
            start,
            end,
            _word_before(text, start),
            tuple(
                part
                for part in found
                if start <= part[0] and part[1] <= end and part != (start, end)
            ),
        )
        for start, end in merged
    ]


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around trigger words, merged; patterns see nothing else."""
    windows: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(text.lower()):
        low, high = max(0, match.start() - _WINDOW), min(len(text), match.end() + _WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    match = _TRAILING.search(text, start, end)
    if match is not None and match.end() == end:
        end = match.start()
    return start, end


def _merge_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _join_times_of_day(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Monday" + "evening", "Monday" + "at 3 p.m.": spaCy gives them apart; TimeML one TIME."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous = joined[-1]
            gap = text[previous[1] : start]
            if _JOIN.match(gap) and (
                _TIME_OF_DAY.match(text[start:end])
                or _TIME_OF_DAY.match(text[previous[0] : previous[1]])
            ):
                joined[-1] = (previous[0], end)
                continue
        joined.append((start, end))
    return joined


def _join_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "between October 2019 and July this year": one expression from the first to the last."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous = joined[-1]
            opener = _RANGE_OPENER.search(text, max(0, previous[0] - 10), previous[0])
            if opener is not None and _RANGE_JOIN[opener[1].lower()].match(
                text[previous[1] : start]
            ):
                joined[-1] = (previous[0], end)
                continue
        joined.append((start, end))
    return joined


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    return match[1].lower() if match else ""
