"""When two typed values disagree, and when they only look as if they do.

A count is read as the interval of values its wording allows: "40" is 40, "around 40" any
value within ``APPROXIMATE_TOLERANCE`` of 40, "more than 5,000" anything above 5,000, "as many
as six" six or fewer. Two counts disagree only when their intervals do not meet, so "around
40" and "40", or "around 5,000" and "more than 5,000", agree; "around 3,000" and "around
5,000" do not.

A time is read as the interval of days it covers: "Monday evening" resolved to 2020-09-28
covers that day, "in September" the whole month, "last week" its seven days. Two times
disagree only when their intervals do not meet, so "in September" and "on September 28" agree (one is more specific), and "September 20" and
"September 21" do not. Expressions left unresolved for want of a publication date
("XXXX-09-20") are compared on the calendar fields they do give, when both give the same ones.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.language.quantities import Quantity
from storyline.language.timex import TimeExpression

#: How far "around"/"about"/"nearly" may stray from the figure: 10 %. Reporters round to the
#: leading digit ("around 5,000" for 5,200) but not further; a wider band would hide real
#: disagreements such as 3,000 vs 3,500 troops.
APPROXIMATE_TOLERANCE = 0.1

Interval = tuple[float, float]


def quantity_interval(quantity: Quantity) -> Interval | None:
    """The values ``quantity``'s wording allows, or None when it gives no figure."""
    value = quantity.value
    if value is None:
        if quantity.low is not None and quantity.high is not None:
            return quantity.low, quantity.high
        return None
    comparator = quantity.comparator
    if comparator in (">", "≥"):
        return (quantity.low if quantity.low is not None else value), float("inf")
    if comparator in ("<", "≤"):
        return 0.0, (quantity.high if quantity.high is not None else value)
    if quantity.low is not None and quantity.high is not None and quantity.low < quantity.high:
        return quantity.low, quantity.high  # a range: "between 30 and 40"
    if comparator == "≈" or quantity.approximation not in ("exact", None):
        spread = abs(value) * APPROXIMATE_TOLERANCE
        return value - spread, value + spread
    return value, value


def intervals_meet(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def counts_agree(a: Quantity, b: Quantity) -> bool | None:
    """True or False when the two counts can be compared; None when one gives no figure."""
    first, second = quantity_interval(a), quantity_interval(b)
    if first is None or second is None:
        return None
    return intervals_meet(first, second)


_PATTERN = re.compile(r"^(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?")


def time_interval(time: TimeExpression) -> tuple[dt.date, dt.date] | None:
    """The days a resolved point or range in time covers; None for durations, sets,
    present/future references and anything unresolved."""
    if time.type not in ("DATE", "TIME") or not time.resolved:
        return None
    if time.begin is None or time.end_value is None:
        return None
    try:
        return dt.date.fromisoformat(time.begin[:10]), dt.date.fromisoformat(time.end_value[:10])
    except ValueError:
        return None


def day_precise(time: TimeExpression) -> bool:
    return time.granularity in ("day", "time-of-day", "hour", "minute", "second")


def times_agree(a: TimeExpression, b: TimeExpression) -> bool | None:
    """Whether two times can refer to the same moment; None when they cannot be compared."""
    first, second = time_interval(a), time_interval(b)
    if first is not None and second is not None:
        return first[0] <= second[1] and second[0] <= first[1]
    return _patterns_agree(a, b)


def _patterns_agree(a: TimeExpression, b: TimeExpression) -> bool | None:
    """Unresolved dates ("XXXX-09-20") compared field by field, when both give the same
    fields: a month and day each, say. Anything else cannot be compared."""
    if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
        return None
    first, second = _PATTERN.match(a.value or ""), _PATTERN.match(b.value or "")
    if first is None or second is None:
        return None
    compared = False
    for field in ("year", "month", "day"):
        x, y = first.group(field), second.group(field)
        if x is None or y is None or "X" in x or "X" in y:
            continue
        compared = True
        if x != y:
            return False
    if not compared or not (first.group("day") and second.group("day")):
        return None if not compared else True
    return True
