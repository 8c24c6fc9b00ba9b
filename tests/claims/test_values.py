"""Typed values: when two counts or two dates disagree (hand-made records, no model)."""

from __future__ import annotations

import pytest

from storyline.claims.values import counts_agree, quantity_interval, times_agree
from storyline.language.quantities import Quantity
from storyline.language.timex import TimeExpression


def count(value, comparator="=", approximation="exact", low=None, high=None, head="troop"):
    return Quantity(
        article_id="a",
        start=0,
        end=1,
        text=str(value),
        value=value,
        low=low,
        high=high,
        approximation=approximation,
        comparator=comparator,
        approximation_text=None,
        unit=None,
        counted="troops",
        counted_head=head,
        per=None,
        kind="count",
    )


def date(value, begin=None, end=None, granularity="day", resolved=True, kind="DATE"):
    return TimeExpression(
        article_id="a",
        start=0,
        end=1,
        text=value,
        type=kind,
        value=value,
        granularity=granularity,
        begin=begin if begin is not None else (value if resolved else None),
        end_value=end if end is not None else (value if resolved else None),
        anchor="publication" if resolved else None,
        resolved=resolved,
    )


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (count(40, "≈", "about"), count(40), True),
        (count(3000, "≈", "about"), count(5000, "≈", "about"), False),
        (count(5000, "≈", "about"), count(5000, ">", "more than", low=5000), True),
        (count(3000, "≈", "about"), count(5000, ">", "more than", low=5000), False),
        (count(5200), count(5000, "≈", "about"), True),
        (count(6), count(6, "≤", "at most", high=6), True),
        (count(12, "≥", "at least", low=12), count(20, "≥", "at least", low=20), True),
        (count(120, "≈", "about"), count(200, ">", "more than", low=200), False),
    ],
)
def test_counts_agree_within_their_wording(a, b, agree):
    assert counts_agree(a, b) is agree
    assert counts_agree(b, a) is agree


def test_a_count_without_a_figure_cannot_be_compared():
    vague = count(None)
    assert quantity_interval(vague) is None
    assert counts_agree(vague, count(3)) is None


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (date("2020-09-20"), date("2020-09-21"), False),
        (date("2020-09-28TEV", "2020-09-28", "2020-09-28"), date("2020-09-28"), True),
        (date("2020-09", "2020-09-01", "2020-09-30", "month"), date("2020-09-18"), True),
        (date("2020-W39", "2020-09-21", "2020-09-27", "week"), date("2020-09-20"), False),
        # Unresolved for want of a publication date: compared on the fields both give.
        (date("XXXX-09-20", resolved=False), date("XXXX-09-21", resolved=False), False),
        (date("XXXX-09-20", resolved=False), date("2020-09-20"), True),
    ],
)
def test_times_agree_when_their_days_meet(a, b, agree):
    assert times_agree(a, b) is agree


def test_durations_and_present_references_are_not_compared():
    period = date("P2M", granularity="month", kind="DURATION", resolved=True, begin="", end="")
    present = TimeExpression("a", 0, 1, "now", "DATE", "PRESENT_REF", None, None, None, None, True)
    assert times_agree(period, date("2020-09-20")) is None
    assert times_agree(present, date("2020-09-20")) is None
