"""The text of one time expression → a TimeML (TIMEX3) value, granularity and date range.

This is a small grammar over the expression's own words, not a general date parser: it knows
the calendar parts (year, month, day, weekday, part of day, clock time), deictic words ("last",
"this", "ago", "earlier this …"), durations and sets, and composes them. Everything relative
is computed from ``anchor``; when the anchor is unknown the value is left underspecified in the
TimeML way ("XXXX-09-28", "XXXX-WXX-1") and marked unresolved, never guessed.

``orientation`` is what the sentence says about the expression's direction in time (the
governing verb's tense, or a cue like "upcoming"); it decides which "Monday" or "August" is meant.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from storyline.language.timex_calendar import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    interval,
    number,
    shift,
    value_of,
)

Orientation = Literal["past", "present", "future", "neutral"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Resolution:
    """What the grammar made of one expression. ``begin``/``end`` are inclusive dates."""

    type: TimexType
    value: str | None
    granularity: str | None
    begin: dt.date | None = None
    end: dt.date | None = None
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN
    relative: bool = False  # the value depends on the anchor
    resolved: bool = True


_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|some|many|[a-z]+(?:-[a-z]+)?)"
)
_UNIT = (
    r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
)

_FULL_MD = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?")
_FULL_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_ALONE = re.compile(rf"\b{_MONTH}(?:,?\s+{_YEAR})?\b")
_YEAR_ALONE = re.compile(rf"(?<![\d,.]){_YEAR}(?!\d|s\b)")
_DECADE = re.compile(r"\b(?P<decade>1[5-9]\d|20\d)0s\b")
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_PART = re.compile(r"\b(?P<part>morning|afternoon|evening|night|tonight)\b")
_CLOCK = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?"
    r"(?=\s|$|[,;])|\b(?P<word>noon|midday|midnight)\b"
)
_RELATIVE_YEAR = re.compile(r"\b(?P<rel>this|last|next|previous|current)\s+year\b")
_DEICTIC = re.compile(
    r"^(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming|current|following)\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)$"
)
_EARLIER = re.compile(
    r"^(?P<which>earlier|later)\s+(?:in\s+)?(?P<rel>this|last|next|the)\s+(?P<unit>week|month|year)$"
)
_PHASE = re.compile(
    r"^the\s+(?P<phase>start|beginning|end|middle|turn)\s+of\s+(?P<rel>the|this|last|next)\s+"
    r"(?P<unit>week|month|year|quarter|decade|century)$"
)
_DAY_WORD = re.compile(
    r"^(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?$"
)
_THIS_PART = re.compile(r"^(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)$")
_AGO = re.compile(rf"^{_NUM}[\s-]+{_UNIT}\s+ago$")
_STRETCH = re.compile(
    rf"^(?:the\s+)?(?P<rel>last|past|previous|next|coming|following)\s+(?:{_NUM}\s+)?{_UNIT}$"
)
_DURATION = re.compile(rf"^(?:{_NUM}[\s-]+)?{_UNIT}(?:-long|-old)?$")
_SET = re.compile(
    r"^(?:every|each|per)\s+(?:other\s+)?(?P<what>[a-z]+)$|^(?P<adverb>daily|weekly|monthly|"
    r"quarterly|annually|yearly|hourly)$"
)
_QUARTER = re.compile(
    r"^(?:the\s+)?(?P<ordinal>first|second|third|fourth|final|last)\s+quarter"
    r"(?:\s+of\s+(?:(?P<year>\d{4})|(?P<rel>this|last|next|the)\s+year))?$|^q(?P<q>[1-4])(?:\s+(?P<qyear>\d{4}))?$"
)
_HALF = re.compile(
    r"^the\s+(?P<ordinal>first|second)\s+half\s+of\s+(?:(?P<year>\d{4})|(?P<rel>this|last|next|the)\s+year)$"
)
_SEASON = re.compile(r"^(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})$")
_RANGE = re.compile(
    r"^(?:(?P<opener>between|from)\s+)?(?P<left>.+?)\s*(?:\s(?P<word>and|to|until|till|through)\s|[–-])\s*(?P<right>.+)$"
)
_REFS = {
    "PRESENT_REF": re.compile(
        r"^(?:now|right now|currently|nowadays|(?:at\s+)?the\s+moment|(?:at\s+)?present|at this time|the present)$"
    ),
    "PAST_REF": re.compile(r"^(?:recently|lately|(?:in\s+)?the\s+past|the\s+recent\s+past)$"),
    "FUTURE_REF": re.compile(
        r"^(?:(?:in\s+)?the\s+future|the\s+(?:coming|next|following)\s+(?:few\s+)?(?:days|weeks|months|years)|the\s+days\s+ahead)$"
    ),
}
_APPROX = (
    ("more than ", "MORE_THAN"),
    ("over ", "MORE_THAN"),
    ("less than ", "LESS_THAN"),
    ("under ", "LESS_THAN"),
    ("nearly ", "APPROX"),
    ("almost ", "APPROX"),
    ("about ", "APPROX"),
    ("around ", "APPROX"),
    ("some ", "APPROX"),
    ("roughly ", "APPROX"),
    ("just ", None),
    ("only ", None),
    ("at least ", "EQUAL_OR_MORE"),
)
_PHASES = (
    ("early ", "START"),
    ("mid-", "MID"),
    ("mid ", "MID"),
    ("late ", "END"),
    ("the start of ", "START"),
    ("the beginning of ", "START"),
    ("the middle of ", "MID"),
    ("the end of ", "END"),
    ("the turn of ", "START"),
    ("earlier in ", None),
    ("later in ", None),
)


def normalise(text: str) -> str:
    """Lower case, one space, curly apostrophes straightened, a trailing possessive dropped."""
    text = " ".join(text.lower().replace("’", "'").split())
    return re.sub(r"'s?$", "", text).strip(" ,.;:")


def _date(value: str, granularity: str, *, mod: str | None = None, relative: bool) -> Resolution:
    span = interval(value)
    begin, end = span if span else (None, None)
    return Resolution("DATE", value, granularity, begin, end, mod, relative, True)


def _unresolved(
    type_: TimexType, value: str | None, granularity: str | None, mod=None
) -> Resolution:
    return Resolution(type_, value, granularity, None, None, mod, True, False)


def _period(anchor: dt.date | None, offset: int, unit: str, mod: str | None = None) -> Resolution:
    """The ``unit`` (week, month, …) ``offset`` units from the anchor's own."""
    granularity = "week" if unit == "weekend" else unit
    if anchor is None:
        blank = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX")
        return _unresolved("DATE", blank, granularity, mod)
    return _date(value_of(shift(anchor, offset, unit), unit), granularity, mod=mod, relative=True)


# --------------------------------------------------------------------------- the grammar


def resolve(
    text: str, anchor: dt.date | None, orientation: Orientation = "neutral", before: str = ""
) -> Resolution | None:
    """The TimeML reading of ``text``, or None when it is not a time expression we understand.

    ``before`` is the lower-case word just before the expression ("between", "since", …).
    """
    s = normalise(text)
    if not s:
        return None
    if (ranged := _range(s, anchor, orientation, before)) is not None:
        return ranged
    if re.search(r"\b(?:and|or)\b", s):
        return None  # "Monday and Tuesday": two expressions, found one by one as parts
    mod = None
    for prefix, prefix_mod in _APPROX:
        if s.startswith(prefix) and len(s) > len(prefix):
            s, mod = s[len(prefix) :], prefix_mod
            break
    for name, pattern in _REFS.items():
        if pattern.match(s):
            return Resolution("DATE", name, None)
    return (
        _set(s)
        or _stretch_or_deictic(s, anchor, mod)
        or _duration(s, mod)
        or _clock(s, anchor, orientation)
        or _calendar(s, anchor, orientation, mod)
    )


def _range(
    s: str, anchor: dt.date | None, orientation: Orientation, before: str
) -> Resolution | None:
    m = _RANGE.match(s)
    if m is None:
        return None
    opener = m["opener"] or (before if before in ("between", "from") else None)
    word = m["word"]
    if word == "and" and opener != "between":
        return None  # "Monday and Tuesday" is two days, not a range
    if word is None and not re.fullmatch(r"\d{4}", m["left"]):
        return None  # a hyphen joins a range only between years ("2019-2020")
    right_text = m["right"]
    if word is None and re.fullmatch(r"\d{2}", right_text):
        right_text = m["left"][:2] + right_text  # "2019-20"
    left = resolve(m["left"], anchor, orientation)
    right = resolve(right_text, anchor, orientation)
    if left is None or right is None or left.type != "DATE" or right.type != "DATE":
        return None
    if left.value is None or right.value is None:
        return None
    resolved = left.resolved and right.resolved
    return Resolution(
        "DATE",
        f"{left.value}/{right.value}",
        left.granularity,
        left.begin if resolved else None,
        right.end if resolved else None,
        None,
        left.relative or right.relative,
        resolved,
    )


def _set(s: str) -> Resolution | None:
    m = _SET.match(s)
    if m is None:
        return None
    if m["adverb"]:
        letter = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M"}
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter"}
        value = letter.get(m["adverb"], "PT1H" if m["adverb"] == "hourly" else "P1Y")
        return Resolution(
            "SET", value, unit.get(m["adverb"], "hour" if m["adverb"] == "hourly" else "year")
        )
    what = m["what"].rstrip("s") if m["what"] not in ("days",) else "day"
    if what in WEEKDAYS:
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[what]}", "day")
    if what in PARTS_OF_DAY:
        return Resolution("SET", f"TXX{PARTS_OF_DAY[what]}", "time-of-day")
    if what in UNITS:
        letter, is_time, granularity = UNITS[what]
        return Resolution("SET", f"PT1{letter}" if is_time else f"P1{letter}", granularity)
    return None


def _stretch_or_deictic(s: str, anchor: dt.date | None, mod: str | None) -> Resolution | None:
    if m := _AGO.match(s):
        amount, unit = number(m["num"]), _unit(m["unit"])
        if amount is None or UNITS[unit][1]:
            return _unresolved("DATE", None, UNITS[unit][2])
        if anchor is None:
            return _unresolved("DATE", "XXXX-XX-XX" if unit == "day" else None, UNITS[unit][2])
        day = shift(anchor, -amount, unit)
        # "a decade ago" names a year, not the decade it falls in
        granularity = "year" if unit in ("decade", "century") else UNITS[unit][2]
        return _date(value_of(day, granularity), granularity, mod=mod, relative=True)
    if m := _STRETCH.match(s):
        unit = _unit(m["unit"])
        plural = s.endswith("s") or bool(m["num"])
        if plural or s.startswith("the "):
            return _stretch(m["rel"], m["num"], unit, anchor, mod, plural=plural)
    if m := _DEICTIC.match(s):
        if m["the"] and m["rel"] in ("past", "last", "previous", "coming", "next", "following"):
            return _stretch(m["rel"], None, m["unit"], anchor, mod, plural=False)
        if m["unit"] in SEASONS:
            return _season(m["rel"], m["unit"], anchor)
        offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}
        return _period(anchor, offset.get(m["rel"], 0), m["unit"], mod)
    if m := _EARLIER.match(s):
        offset = {"last": -1, "next": 1}.get(m["rel"], 0)
        found = _period(anchor, offset, m["unit"], mod)
        if found.resolved and anchor is not None and offset == 0:
            # "earlier this month" lies between the month's start and the anchor
            begin, end = (found.begin, anchor) if m["which"] == "earlier" else (anchor, found.end)
            return Resolution("DATE", found.value, found.granularity, begin, end, mod, True, True)
        return found
    if m := _PHASE.match(s):
        offset = {"last": -1, "next": 1}.get(m["rel"], 0)
        phase = {"start": "START", "beginning": "START", "turn": "START", "end": "END"}
        return _period(anchor, offset, m["unit"], phase.get(m["phase"], "MID"))
    if m := _DAY_WORD.match(s):
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["word"], 0)
        part = PARTS_OF_DAY.get(m["part"] or ("night" if m["word"] == "tonight" else ""), "")
        return _day(anchor, offset, part)
    if m := _THIS_PART.match(s):
        return _day(
            anchor,
            -1 if m["rel"] == "last" and m["part"] == "night" else 0,
            PARTS_OF_DAY[m["part"]],
        )
    return None


def _unit(word: str) -> str:
    word = word.rstrip("s")
    return "century" if word.startswith("centur") else word


def _stretch(
    rel: str, num: str | None, unit: str, anchor: dt.date | None, mod: str | None, *, plural: bool
) -> Resolution:
    """ "the last two months": a duration, and the stretch of days it covers up to the anchor."""
    amount = number(num) if num is not None else (None if plural else 1)
    unit = "week" if unit == "weekend" else unit
    letter, is_time, granularity = UNITS.get(unit, ("X", False, unit))
    if amount is None and num is None and rel in ("next", "coming", "following"):
        return Resolution("DATE", "FUTURE_REF", None)
    if amount is None:
        return Resolution("DURATION", f"P{'T' if is_time else ''}X{letter}", granularity, mod=mod)
    count = amount * (2 if unit == "fortnight" else 1)
    value = f"P{'T' if is_time else ''}{count}{letter}"
    if anchor is None or is_time:
        return Resolution("DURATION", value, granularity, None, None, mod, True, is_time)
    if rel in ("next", "coming", "following"):
        begin, end = anchor, shift(anchor, amount, unit)
    else:
        begin, end = shift(anchor, -amount, unit), anchor
    return Resolution("DURATION", value, granularity, begin, end, mod, True, True)


def _duration(s: str, mod: str | None) -> Resolution | None:
    m = _DURATION.match(s)
    if m is None:
        return None
    unit = _unit(m["unit"])
    letter, is_time, granularity = UNITS[unit]
    amount = number(m["num"]) if m["num"] else None
    if m["num"] and amount is None and m["num"] not in VAGUE_NUMBERS:
        return None
    if not m["num"] and not s.endswith("s"):
        return None  # a bare singular "year" is not a duration
    count = "X" if amount is None else str(amount * (2 if unit == "fortnight" else 1))
    return Resolution("DURATION", f"P{'T' if is_time else ''}{count}{letter}", granularity, mod=mod)


def _day(anchor: dt.date | None, offset: int, part: str) -> Resolution:
    if anchor is None:
        value = f"XXXX-XX-XX{'T' + part if part else ''}"
        return _unresolved("TIME" if part else "DATE", value, "time-of-day" if part else "day")
    day = anchor + dt.timedelta(days=offset)
    if part:
        return Resolution("TIME", f"{day.isoformat()}T{part}", "time-of-day", day, day, None, True)
    return _date(day.isoformat(), "day", relative=True)


def _season(rel: str, season: str, anchor: dt.date | None) -> Resolution:
    code = SEASONS[season]
    if anchor is None:
        return _unresolved("DATE", f"XXXX-{code}", "season")
    year = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    return _date(f"{year}-{code}", "season", relative=True)


def _clock(s: str, anchor: dt.date | None, orientation: Orientation) -> Resolution | None:
    """A clock time, alone or with a day: "3 p.m.", "10:30 am on Monday"."""
    m = re.match(
        r"^(?:at\s+)?(?P<clock>(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)|"
        r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s+(?:gmt|utc|local time))?|noon|midday|midnight)"
        r"(?:\s*(?:,|on|of)?\s*(?P<rest>.+))?$",
        s,
    )
    rest_first = re.match(
        r"^(?P<rest>.+?)\s*(?:,|at)?\s+(?P<clock>[0-9:]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)$", s
    )
    if m is None and rest_first is None:
        return None
    match = m if m is not None else rest_first
    clock = _clock_value(match["clock"])
    if clock is None:
        return None
    rest = match["rest"]
    day = resolve(rest, anchor, orientation) if rest else None
    if day is not None and day.type == "DATE" and day.granularity == "day" and day.value:
        return Resolution(
            "TIME",
            f"{day.value}{clock}",
            "time-of-day",
            day.begin,
            day.end,
            None,
            day.relative,
            day.resolved,
        )
    if rest:
        return None
    return _unresolved("TIME", f"XXXX-XX-XX{clock}", "time-of-day")


def _clock_value(text: str) -> str | None:
    if text in ("noon", "midday"):
        return "T12:00"
    if text == "midnight":
        return "T24:00"
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*(a|p)?", text)
    if m is None:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3] == "p" and hour < 12:
        hour += 12
    if m[3] == "a" and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def _calendar(
    s: str, anchor: dt.date | None, orientation: Orientation, mod: str | None
) -> Resolution | None:
    for prefix, phase in _PHASES:
        if s.startswith(prefix):
            s, mod = s[len(prefix) :], phase or mod
            break
    if m := _QUARTER.match(s):
        return _quarter(m, anchor)
    if m := _HALF.match(s):
        year = _year_of(m["year"], m["rel"], anchor)
        half = "1" if m["ordinal"] == "first" else "2"
        return (
            _date(f"{year}-H{half}", "half", relative=m["year"] is None)
            if year
            else _unresolved("DATE", f"XXXX-H{half}", "half")
        )
    if m := _SEASON.match(s):
        return _date(f"{m['year']}-{SEASONS[m['season']]}", "season", relative=False)
    if m := _ISO.search(s):
        return _explicit_day(int(m["year"]), int(m["month"]), int(m["day"]), mod)
    md = _FULL_MD.search(s) or _FULL_DM.search(s)
    if md is not None:
        return _month_day(md, s, anchor, orientation, mod)
    if (m := _MONTH_ALONE.search(s)) is not None:
        return _month(m, s, anchor, orientation, mod)
    if (m := _DECADE.search(s)) is not None:
        return _date(m["decade"], "decade", mod=mod, relative=False)
    if (m := _YEAR_ALONE.search(s)) is not None and re.fullmatch(
        r"(?:the\s+)?(?:year\s+)?\d{4}", s
    ):
        return _date(m["year"], "year", mod=mod, relative=False)
    if (m := _WEEKDAY.search(s)) is not None:
        return _weekday(m["weekday"], s, anchor, orientation, mod)
    return None


def _explicit_day(year: int, month: int, day: int, mod: str | None) -> Resolution | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _date(date.isoformat(), "day", mod=mod, relative=False)


def _month_day(m: re.Match[str], s: str, anchor, orientation, mod) -> Resolution | None:
    month, day = MONTHS[m["month"]], int(m["day"])
    if m["year"]:
        return _explicit_day(int(m["year"]), month, day, mod)
    if anchor is None:
        return _unresolved("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod)
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    if not options:
        return None
    # A day named without its year is the one nearest the anchor; the tense only moves it when
    # the nearest one contradicts it ("said on December 30" read early in January).
    best = min(options, key=lambda option: abs((option - anchor).days))
    if orientation == "past" and best > anchor:
        best = max((o for o in options if o <= anchor), default=best)
    elif orientation == "future" and best < anchor:
        best = min((o for o in options if o >= anchor), default=best)
    return _date(best.isoformat(), "day", mod=mod, relative=True)


def _month(m: re.Match[str], s: str, anchor, orientation, mod) -> Resolution:
    month = MONTHS[m["month"]]
    if m["year"]:
        return _date(f"{m['year']}-{month:02d}", "month", mod=mod, relative=False)
    rel = _RELATIVE_YEAR.search(s)
    if anchor is None:
        return _unresolved("DATE", f"XXXX-{month:02d}", "month", mod)
    if rel is not None:
        year = anchor.year + {"last": -1, "previous": -1, "next": 1}.get(rel["rel"], 0)
    elif orientation == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
    elif orientation == "present":
        # news present tense is both "stands at … in August" and "the census begins in April":
        # the nearer of the two, the past one on a tie
        ahead = (month - anchor.month) % 12
        year = (
            anchor.year + (1 if month < anchor.month else 0)
            if 0 < ahead < 6
            else (anchor.year if month <= anchor.month else anchor.year - 1)
        )
    else:  # the most recent such month, this one included
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _date(f"{year}-{month:02d}", "month", mod=mod, relative=True)


def _weekday(name: str, s: str, anchor, orientation, mod) -> Resolution:
    weekday = WEEKDAYS[name]
    part_match = _PART.search(s)
    part = PARTS_OF_DAY[part_match["part"]] if part_match else ""
    if anchor is None:
        value = f"XXXX-WXX-{weekday}{'T' + part if part else ''}"
        return _unresolved("TIME" if part else "DATE", value, "time-of-day" if part else "day", mod)
    back = (anchor.isoweekday() - weekday) % 7  # days back to the latest such weekday
    if s.startswith("next ") or (orientation == "future" and not s.startswith("last ")):
        day = anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
    elif s.startswith("last "):
        day = anchor - dt.timedelta(days=back or 7)
    elif s.startswith("this "):
        day = anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    else:  # past or present tense: on or before the anchor
        day = anchor - dt.timedelta(days=back)
    if part:
        return Resolution("TIME", f"{day.isoformat()}T{part}", "time-of-day", day, day, mod, True)
    return _date(day.isoformat(), "day", mod=mod, relative=True)


def _year_of(explicit: str | None, rel: str | None, anchor: dt.date | None) -> int | None:
    if explicit:
        return int(explicit)
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)


def _quarter(m: re.Match[str], anchor: dt.date | None) -> Resolution:
    if m["q"]:
        quarter, year = int(m["q"]), _year_of(m["qyear"], None, anchor)
        relative = m["qyear"] is None
    else:
        order = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
        quarter, year = order[m["ordinal"]], _year_of(m["year"], m["rel"], anchor)
        relative = m["year"] is None
    if year is None:
        return _unresolved("DATE", f"XXXX-Q{quarter}", "quarter")
    return _date(f"{year}-Q{quarter}", "quarter", relative=relative)
