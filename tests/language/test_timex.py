"""Time expressions: the grammar on hand-made phrases (no model), then whole sentences of our own
through spaCy, then the reference story (skipped without ../shared)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.language.context import ArticleContext
from storyline.language.timex import TimeExpression, find_times
from storyline.language.timex_resolve import interval, resolve
from storyline.model import UNKNOWN_DATE, PublicationDate, RawDocument

WED = dt.date(2020, 9, 30)  # a Wednesday in ISO week 40


# --------------------------------------------------------------------------- grammar, no model


@pytest.mark.parametrize(
    ("text", "orientation", "type_", "value", "granularity", "begin", "end"),
    [
        ("Monday", "past", "DATE", "2020-09-28", "day", "2020-09-28", "2020-09-28"),
        ("Monday", "future", "DATE", "2020-10-05", "day", "2020-10-05", "2020-10-05"),
        ("Wednesday", "past", "DATE", "2020-09-30", "day", "2020-09-30", "2020-09-30"),
        (
            "Monday evening",
            "past",
            "TIME",
            "2020-09-28TEV",
            "time-of-day",
            "2020-09-28",
            "2020-09-28",
        ),
        ("last Thursday", "neutral", "DATE", "2020-09-24", "day", "2020-09-24", "2020-09-24"),
        ("last week", "past", "DATE", "2020-W39", "week", "2020-09-21", "2020-09-27"),
        ("next week", "future", "DATE", "2020-W41", "week", "2020-10-05", "2020-10-11"),
        ("August", "past", "DATE", "2020-08", "month", "2020-08-01", "2020-08-31"),
        ("August", "future", "DATE", "2021-08", "month", "2021-08-01", "2021-08-31"),
        ("earlier this month", "past", "DATE", "2020-09", "month", "2020-09-01", "2020-09-30"),
        ("this year", "present", "DATE", "2020", "year", "2020-01-01", "2020-12-31"),
        ("last year", "past", "DATE", "2019", "year", "2019-01-01", "2019-12-31"),
        ("September 28", "past", "DATE", "2020-09-28", "day", "2020-09-28", "2020-09-28"),
        ("September 28, 2020", "neutral", "DATE", "2020-09-28", "day", "2020-09-28", "2020-09-28"),
        ("28 Sept 2019", "neutral", "DATE", "2019-09-28", "day", "2019-09-28", "2019-09-28"),
        ("November 3", "neutral", "DATE", "2020-11-03", "day", "2020-11-03", "2020-11-03"),
        ("the end of October", "future", "DATE", "2020-10", "month", "2020-10-01", "2020-10-31"),
        ("2012", "neutral", "DATE", "2012", "year", "2012-01-01", "2012-12-31"),
        ("January this year", "past", "DATE", "2020-01", "month", "2020-01-01", "2020-01-31"),
        ("the start of the year", "neutral", "DATE", "2020", "year", "2020-01-01", "2020-12-31"),
        ("three days ago", "past", "DATE", "2020-09-27", "day", "2020-09-27", "2020-09-27"),
        ("the last two months", "past", "DURATION", "P2M", "month", "2020-07-30", "2020-09-30"),
        ("the next five years", "future", "DURATION", "P5Y", "year", "2020-09-30", "2025-09-30"),
        ("the third quarter", "neutral", "DATE", "2020-Q3", "quarter", "2020-07-01", "2020-09-30"),
        ("the 1990s", "neutral", "DATE", "199", "decade", "1990-01-01", "1999-12-31"),
        (
            "yesterday afternoon",
            "past",
            "TIME",
            "2020-09-29TAF",
            "time-of-day",
            "2020-09-29",
            "2020-09-29",
        ),
        (
            "3 p.m. on Friday",
            "future",
            "TIME",
            "2020-10-02T15:00",
            "time-of-day",
            "2020-10-02",
            "2020-10-02",
        ),
        ("last weekend", "past", "DATE", "2020-W39-WE", "week", "2020-09-26", "2020-09-27"),
    ],
)
def test_resolved_against_the_anchor(
    text, orientation, type_, value, granularity, begin, end
) -> None:
    found = resolve(text, WED, orientation)
    assert found is not None
    assert (found.type, found.value, found.granularity) == (type_, value, granularity)
    assert (str(found.begin), str(found.end)) == (begin, end)
    assert found.resolved


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("90 days", "DURATION", "P90D"),
        ("two years", "DURATION", "P2Y"),
        ("48 hours", "DURATION", "PT48H"),
        ("two-week", "DURATION", "P2W"),
        ("years", "DURATION", "PXY"),
        ("the coming days", "DATE", "FUTURE_REF"),
        ("now", "DATE", "PRESENT_REF"),
        ("the moment", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("per month", "SET", "P1M"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("weekly", "SET", "P1W"),
    ],
)
def test_values_that_need_no_anchor(text, type_, value) -> None:
    found = resolve(text, None)
    assert found is not None and (found.type, found.value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday", "XXXX-WXX-1"),
        ("Monday evening", "XXXX-WXX-1TEV"),
        ("last week", "XXXX-WXX"),
        ("September 28", "XXXX-09-28"),
        ("August", "XXXX-08"),
        ("this year", "XXXX"),
        ("three days ago", "XXXX-XX-XX"),
    ],
)
def test_without_an_anchor_nothing_is_guessed(text, value) -> None:
    found = resolve(text, None, "past")
    assert found is not None and found.value == value
    assert not found.resolved and found.begin is None and found.end is None


def test_a_range_is_one_expression() -> None:
    found = resolve("October 2019 and July this year", WED, "past", before="between")
    assert found is not None and found.value == "2019-10/2020-07"
    assert (str(found.begin), str(found.end)) == ("2019-10-01", "2020-07-31")
    unanchored = resolve("October 2019 and July this year", None, "past", before="between")
    assert (
        unanchored is not None and unanchored.value == "2019-10/XXXX-07" and not unanchored.resolved
    )
    assert resolve("Monday and Tuesday", WED) is None  # two days, not a range


def test_two_days_in_one_spacy_entity_are_two_expressions(nlp) -> None:
    found = times(nlp, "The envoys met on Monday and Tuesday.", "2020-09-30")
    assert [(t.text, t.value) for t in found] == [
        ("Monday", "2020-09-28"),
        ("Tuesday", "2020-09-29"),
    ]


def test_a_day_without_year_is_the_nearest_one() -> None:
    assert resolve("December 30", dt.date(2020, 1, 6), "past").value == "2019-12-30"
    assert resolve("January 2", dt.date(2019, 12, 28), "future").value == "2020-01-02"


def test_intervals_of_values() -> None:
    assert interval("2020-W53") == (dt.date(2020, 12, 28), dt.date(2021, 1, 3))
    assert interval("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert interval("2020-H2") == (dt.date(2020, 7, 1), dt.date(2020, 12, 31))
    assert interval("P2M") is None


def test_not_time_expressions() -> None:
    for text in ("the minister", "year", "six rockets", ""):
        assert resolve(text, WED) is None


# --------------------------------------------------------------------------- sentences, with spaCy


@pytest.fixture(scope="module")
def nlp():
    from storyline.language.nlp import ModelMissing, load

    try:
        return load()
    except ModelMissing as error:
        pytest.skip(str(error))


def times(nlp, text: str, published: str | None) -> list[TimeExpression]:
    date = PublicationDate(published, "input-metadata") if published else UNKNOWN_DATE
    return find_times(nlp(text), ArticleContext("t", date))


def by_text(found: list[TimeExpression]) -> dict[str, TimeExpression]:
    return {t.text: t for t in found}


def test_weekday_follows_the_verb_tense(nlp) -> None:
    found = by_text(
        times(nlp, "The council met on Monday and will vote again on Friday.", "2021-03-10")
    )
    assert found["Monday"].value == "2021-03-08"
    assert found["Friday"].value == "2021-03-12"
    assert found["Monday"].anchor == "publication"


def test_spacy_split_day_and_evening_are_one_time(nlp) -> None:
    found = times(nlp, "A shell hit a school on Tuesday evening, the mayor said.", "2022-05-12")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Tuesday evening", "TIME", "2022-05-10TEV")
    ]


def test_between_months_is_one_range(nlp) -> None:
    found = times(
        nlp, "Between October 2019 and July this year, the river flooded twice.", "2020-09-30"
    )
    assert len(found) == 1
    assert (found[0].value, found[0].begin, found[0].end_value) == (
        "2019-10/2020-07",
        "2019-10-01",
        "2020-07-31",
    )


def test_forward_looking_dates(nlp) -> None:
    found = by_text(
        times(
            nlp,
            "In the run-up to the November 3 vote, the party has doubled its spending. "
            "Staff are expected to fall to 300 by the end of October. "
            "The plan will be presented in the coming days.",
            "2020-09-30",
        )
    )
    assert found["November 3"].value == "2020-11-03"
    assert (found["the end of October"].value, found["the end of October"].mod) == (
        "2020-10",
        "END",
    )
    assert found["the coming days"].value == "FUTURE_REF"


def test_durations_and_sets(nlp) -> None:
    found = by_text(
        times(
            nlp,
            "The repairs will take 90 days and cost $2 million per month for two years.",
            "2020-09-30",
        )
    )
    assert found["90 days"].value == "P90D"
    assert found["per month"].type == "SET"
    assert found["two years"].value == "P2Y"


def test_a_dated_lead_anchors_an_undated_article(nlp) -> None:
    found = by_text(
        times(
            nlp, "On Friday, May 6, 2022, the port reopened. Its manager resigned last week.", None
        )
    )
    assert found["last week"].value == "2022-W17" and found["last week"].anchor == "text"


def test_without_a_date_relative_expressions_stay_unresolved(nlp) -> None:
    found = by_text(
        times(nlp, "The mayor resigned on Tuesday, a week after the audit in 2019.", None)
    )
    assert found["Tuesday"].value == "XXXX-WXX-2" and not found["Tuesday"].resolved
    assert found["Tuesday"].anchor is None
    assert found["2019"].resolved and found["2019"].value == "2019"


def test_offsets_point_into_the_text(nlp) -> None:
    text = "Talks resumed in August and ended earlier this month."
    for t in times(nlp, text, "2020-09-30"):
        assert text[t.start : t.end] == t.text


# --------------------------------------------------------------------------- the reference story


def clean_text(path: Path, published: str | None) -> tuple[str, PublicationDate]:
    from storyline.ingest.plain import extract_plain_text

    raw = RawDocument(
        path.name, str(path), "text", path.read_text(encoding="utf-8"), "text", published=published
    )
    extraction = extract_plain_text(raw)
    return extraction.text, extraction.published


def test_reference_001_with_its_date(nlp, reference_story: Path) -> None:
    text, published = clean_text(reference_story / "001_4a80a5298d402f5f.txt", "2020-09-30")
    assert published == PublicationDate("2020-09-30", "input-metadata", "2020-09-30")
    found = by_text(
        find_times(
            nlp(text), ArticleContext("001", PublicationDate("2020-09-30", "input-metadata"))
        )
    )
    evening = found["Monday evening"]
    assert evening.value == "2020-09-28TEV" and evening.begin == "2020-09-28" and evening.resolved
    week = found["last week"]
    assert (week.value, week.begin, week.end_value, week.anchor) == (
        "2020-W39",
        "2020-09-21",
        "2020-09-27",
        "publication",
    )


def test_reference_001_without_a_date(nlp, reference_story: Path) -> None:
    text, published = clean_text(reference_story / "001_4a80a5298d402f5f.txt", None)
    assert published.value is None
    found = by_text(find_times(nlp(text), ArticleContext("001", published)))
    for expression in ("Monday evening", "last week", "Wednesday", "August"):
        assert not found[expression].resolved and found[expression].begin is None
        assert found[expression].anchor is None
    assert found["Monday evening"].value == "XXXX-WXX-1TEV"


def test_gold_file_is_well_formed() -> None:
    gold = Path(__file__).resolve().parents[2] / "evaluation" / "gold" / "time.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    hand_written = [r for r in records if "text" in r]
    assert 15 <= len(hand_written) <= 25
    assert any("published" not in r for r in records)
    for record in records:
        for item in record["times"]:
            assert item["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_out_of_range_and_grouped_numbers_never_stop_an_article():
    from storyline.language.nlp import parse
    from storyline.model import PublicationDate

    text = (
        "The temple was founded 3000 years ago, guides said on Monday. A comet passed 999999 days "
        "ago, and another will return 9,000 years from now."
    )
    (doc,) = parse([text])
    times = find_times(doc, ArticleContext("x", PublicationDate("2021-06-09", "dateline")))
    values = {t.text: t.value for t in times}
    assert values.get("Monday") == "2021-06-07"
    assert all(not (t.text.startswith("000") or t.value == "P0Y") for t in times)
