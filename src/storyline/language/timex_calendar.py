"""The calendar under the time grammar: word lists, numbers, and TimeML values as dates.

``interval`` turns a complete TimeML date value ("2020-W39", "2020-08", "2020-Q3", "199") into
the inclusive dates it names; ``value_of`` goes the other way for a day and a granularity.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.language.numbers import SMALL, TENS, words

# --------------------------------------------------------------------------- lexicon

# each month's full name first, then its abbreviations
_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
MONTH_ABBREVIATIONS = frozenset(name for names in _MONTH_NAMES for name in names[1:])
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), start=1
    )
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# the number words (of ``language.numbers``) that the time grammar reads
NUMBER_WORDS = SMALL | {
    word: TENS[word] for word in words("twenty thirty forty fifty sixty ninety")
}
NUMBER_WORDS |= {"hundred": 100}
NUMBER_WORDS |= {"a": 1, "an": 1, "a couple of": 2, "couple of": 2}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "recent")
# unit → (TimeML duration letter, is a time-of-day unit, granularity name)
UNITS = {
    "second": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),  # counted as two weeks below
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def number(word: str) -> int | None:
    """An integer for digits or a number word ("twenty-five"); None for vague quantities."""
    word = word.replace(",", "")
    if re.fullmatch(r"\d+", word):
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, ones = word.partition("-")
    if tens in NUMBER_WORDS and ones in NUMBER_WORDS and NUMBER_WORDS[ones] < 10:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return None


# --------------------------------------------------------------------------- calendar


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` calendar units (negative: back)."""
    if unit in ("day",):
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    factor = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, amount * factor)


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive calendar dates a complete TimeML date value names, or None."""
    base = value.split("T")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", base):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", base):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        start = monday + dt.timedelta(days=5) if m[3] else monday
        return start, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", base):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", base):
        year, first = int(m[1]), 3 * int(m[2]) - 2
        last = first + 2
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    if m := re.fullmatch(r"(\d{4})-H([12])", base):
        year = int(m[1])
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if m[2] == "1"
            else (
                dt.date(year, 7, 1),
                dt.date(year, 12, 31),
            )
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", base):
        year = int(m[1])
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
        end = add_months(dt.date(year, first, 1), 3) - dt.timedelta(days=1)
        return dt.date(year, first, 1), end
    if m := re.fullmatch(r"(\d{4})", base):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := re.fullmatch(r"(\d{3})", base):
        decade = int(m[1]) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    if m := re.fullmatch(r"(\d{2})", base):
        century = int(m[1]) * 100
        return dt.date(century, 1, 1), dt.date(century + 99, 12, 31)
    return None


def value_of(day: dt.date, granularity: str) -> str:
    """The TimeML value naming the ``granularity``-sized period that contains ``day``."""
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "year":
        return str(day.year)
    if granularity == "decade":
        return str(day.year // 10)
    if granularity == "century":
        return str(day.year // 100)
    return day.isoformat()
