"""The shape of a dateline: a date (and time) with labels and separators, and its ISO date."""

from __future__ import annotations

import re

from storyline.ingest.dates import parse_explicit_date
from storyline.ingest.furniture.bylines import is_byline, is_name_like

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_ZONE = (
    r"gmt|utc|z|bst|cet|cest|eet|eest|wet|west|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt"
    r"|ast|ist|msk|jst|aest|aedt|sast|pkt|wib"
)
_DATE_LABEL = (
    r"published|updated|posted|modified|created|date|dated|last|first|on|at|time|am|pm|a\.m|p\.m"
)
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|{_ZONE}|{_DATE_LABEL}|of|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)?|[+-]\d{2}:?\d{2}|utc[+-]\d{1,2})$",
    re.IGNORECASE,
)
_DATE_SEPARATORS = re.compile(r"[|•·,()]|\s[-–—]\s|\s/\s")
_DATE_LABELS_AT_START = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?"
    r"|date(?:d)?)\s*:?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
SEGMENT_SPLIT = re.compile(r"\s+[|•·—–]\s+|\s+-\s+|\s{0,1}\|\s{0,1}")


def _only_date_tokens(text: str) -> bool:
    """Every token is part of a date or time, a date label or a separator."""
    tokens = _DATE_SEPARATORS.sub(" ", text).split()
    tokens = [token.strip(".:,;") for token in tokens]
    tokens = [token for token in tokens if token and token not in {"-", "–", "—", "/"}]
    return bool(tokens) and all(_DATE_TOKEN.match(token) for token in tokens)


def is_date_only(text: str) -> bool:
    """The unit is a date (and time) with labels and separators, nothing else, with a year."""
    return bool(_YEAR.search(text)) and _only_date_tokens(text)


def date_text(text: str) -> str:
    """The part of a dateline to hand to the date parser: labels and separators dropped."""
    text = _DATE_LABELS_AT_START.sub("", text)
    return re.sub(r"\s+", " ", re.sub(r"[|•·]", " ", text)).strip()


def dateline_date(text: str) -> str | None:
    """ISO date of a dateline unit (one segment may be a byline), else None."""
    segments = [segment for segment in SEGMENT_SPLIT.split(text) if segment.strip()]
    # A date and its time may sit in two segments: "Mon 28 Sep 2020 | 11:15 AM".
    dates = [segment for segment in segments if _only_date_tokens(segment)]
    if not any(_YEAR.search(segment) for segment in dates):
        return None
    others = [segment for segment in segments if segment not in dates]
    if not all(is_byline(segment) or is_name_like(segment) for segment in others):
        return None
    with_year = next(segment for segment in dates if _YEAR.search(segment))
    joined = " ".join(date_text(segment) for segment in dates)
    return parse_explicit_date(joined) or parse_explicit_date(date_text(with_year))
