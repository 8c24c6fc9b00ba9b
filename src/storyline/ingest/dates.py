"""Parsing publication dates that an input states explicitly (never event dates in a story)."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Fixed settings so that the result never depends on the clock or the machine's locale:
# RELATIVE_BASE pins "today" (a bare "Monday" is not a publication date we accept anyway, see
# `parse_explicit_date`); a zone is kept only when the string states one.
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
    "STRICT_PARSING": False,
}

# A stated date must name a year; "Monday" or "September 28" alone is an event reference.
_HAS_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
# ... and a day of the month: "May 2020" or "2020" alone would make dateparser invent the 1st,
# and a made-up day must not become the anchor that relative dates are resolved against.
_HAS_DAY = re.compile(r"(?<![\d:])(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])")


def parse_explicit_date(value: str, *, languages: list[str] | None = None) -> str | None:
    """ISO 8601 form of an explicit date or date-time string, or ``None``.

    Returns ``YYYY-MM-DD`` when no time of day is given, ``YYYY-MM-DDTHH:MM:SS`` (with
    ``±HH:MM`` when the input has a zone) when it is. Strings without a four-digit year are
    refused: they are references to days, not publication dates.
    """
    value = value.strip()
    if not value or not _HAS_YEAR.search(value):
        return None
    if not _HAS_DAY.search(_HAS_YEAR.sub(" ", value)):
        return None
    if _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        parsed = dateparser.parse(value, languages=languages or ["en"], settings=_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or not (1900 <= parsed.year <= 2100):
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    if not has_time:
        return parsed.date().isoformat()
    return parsed.isoformat(timespec="seconds")
