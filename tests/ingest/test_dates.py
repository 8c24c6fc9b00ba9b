import pytest

from storyline.ingest.dates import parse_explicit_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon 28 Sep 2020 11:15 AM", "2020-09-28T11:15:00"),
        ("2020-09-28", "2020-09-28"),
        ("Mon, 28 Sep 2020 11:15:00 +0200", "2020-09-28T11:15:00+02:00"),
        ("2020-09-28T10:00:00Z", "2020-09-28T10:00:00+00:00"),
        ("28 September 2020", "2020-09-28"),
    ],
)
def test_explicit_dates_become_iso(text, expected):
    assert parse_explicit_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Monday", "September 28", "last week", "", "2020-13-45", "May 2020", "2020", "Sunday 2020"],
)
def test_references_without_a_year_or_invalid_dates_are_refused(text):
    assert parse_explicit_date(text) is None
