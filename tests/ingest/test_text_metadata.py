"""Title, byline, wire credit, outlet and publication date as a plain text states them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.furniture import clean_scraped_text
from storyline.ingest.text_metadata import (
    TextMetadata,
    agency_name,
    find_text_metadata,
    outlet_from_url,
    parse_byline,
    publication_date,
)
from storyline.model import UNKNOWN_DATE

BODY = (
    "The water board said on Monday that the reservoir was at its lowest level in 30 years.\n\n"
    "Farmers in the valley have been asked to cut their use by a fifth until the autumn.\n"
)


def _metadata(header: str, body: str = BODY, url: str | None = None) -> TextMetadata:
    return find_text_metadata(clean_scraped_text(f"{header}\n\n{body}"), url=url)


# --------------------------------------------------------------------------------------------
# Publication date: explicit datelines in the header only


@pytest.mark.parametrize(
    ("dateline", "value"),
    [
        ("Mon 28 Sep 2020 | 11:15 AM", "2020-09-28T11:15:00"),
        ("Published: 28 September 2020", "2020-09-28"),
        ("Updated 2020-09-28 10:00 GMT", "2020-09-28T10:00:00+00:00"),
        ("September 28, 2020 11:15 am ET", "2020-09-28T11:15:00-05:00"),
        ("By Lena Ortiz | 28 September 2020", "2020-09-28"),
        ("Posted on Monday, September 28, 2020 at 11:15", "2020-09-28T11:15:00"),
    ],
)
def test_dateline_in_the_header_gives_the_publication_date(dateline: str, value: str) -> None:
    found = _metadata(f"Reservoir hits record low\n{dateline}")
    assert found.published.value == value
    assert found.published.source == "dateline"
    assert found.published.evidence == dateline


def test_published_wins_over_updated() -> None:
    found = _metadata(
        "Reservoir hits record low\nUpdated: 29 September 2020\nPublished: 28 September 2020"
    )
    assert found.published.value == "2020-09-28"


def test_event_date_in_the_story_is_never_the_publication_date() -> None:
    body = (
        "On Wednesday, September 30, 2020, the water board declared a drought in the valley.\n\n"
        + BODY
    )
    assert _metadata("Reservoir hits record low", body).published == UNKNOWN_DATE


def test_date_without_a_year_is_not_a_dateline() -> None:
    assert _metadata("Reservoir hits record low\nMonday 28 September").published == UNKNOWN_DATE


def test_date_in_the_footer_is_not_the_publication_date() -> None:
    found = find_text_metadata(
        clean_scraped_text(f"Reservoir hits record low\n\n{BODY}\n2020-09-28")
    )
    assert found.published == UNKNOWN_DATE


def test_publication_date_of_no_dateline_is_unknown() -> None:
    assert publication_date(None) == UNKNOWN_DATE
    assert publication_date("Reservoir hits record low") == UNKNOWN_DATE


# --------------------------------------------------------------------------------------------
# Title and byline


def test_repeated_title_counts_once() -> None:
    found = _metadata("Reservoir hits record low\n\nReservoir hits record low\nBy Lena Ortiz")
    assert found.title == "Reservoir hits record low"
    assert found.byline == "Lena Ortiz"


@pytest.mark.parametrize(
    ("line", "byline", "agency"),
    [
        ("By Lena Ortiz", "Lena Ortiz", None),
        ("Source: Azad Lashkari, Reuters", "Azad Lashkari, Reuters", "Reuters"),
        ("By Tom Hale and Ines Vidal, AFP", "Tom Hale and Ines Vidal, AFP", "AFP"),
        ("Written by: Noor Haddad | Reuters staff", "Noor Haddad", "Reuters"),
        ("By Reuters Staff", "Reuters Staff", "Reuters"),
        ("By The Associated Press", "The Associated Press", "AP"),
        ("By Lena Ortiz | 28 September 2020", "Lena Ortiz", None),
    ],
)
def test_parse_byline(line: str, byline: str, agency: str | None) -> None:
    assert parse_byline(line) == (byline, agency)


def test_name_next_to_the_dateline_is_the_byline() -> None:
    found = _metadata("Reservoir hits record low\n\nTue 3 May 2022 | 09:40 AM\nK-Sorell")
    assert found.byline == "K-Sorell"
    assert found.published.value == "2022-05-03T09:40:00"


def test_wire_credit_is_not_the_outlet() -> None:
    found = _metadata("Reservoir hits record low\nSource: Reuters")
    assert found.wire_credit == "Reuters"
    assert found.outlet is None


def test_wire_dateline_in_the_first_paragraph_gives_the_wire_credit() -> None:
    body = "KORVIK (AFP) - The water board said the reservoir was at a record low.\n\n" + BODY
    assert _metadata("Reservoir hits record low", body).wire_credit == "AFP"


def test_agency_name() -> None:
    assert agency_name("Agence France-Presse") == "AFP"
    assert agency_name("the AP") == "AP"
    assert agency_name("Jane Doe") is None


# --------------------------------------------------------------------------------------------
# Outlet


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example-news.com/world/2020/09/28/story.html", "example-news.com"),
        ("https://www.bbc.co.uk/news/world-middle-east-1", "bbc.co.uk"),
        ("http://english.alarabiya.net/en/News", "alarabiya.net"),
        ("https://www.reuters.com/article/us-iraq-usa", "Reuters"),
        ("https://apnews.com/article/abc", "AP"),
        ("example.org/path", "example.org"),
        ("http://127.0.0.1/page", None),
        ("not a url", None),
    ],
)
def test_outlet_from_url(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_url_outlet_wins_over_copyright_line() -> None:
    body = BODY + "\nCopyright © 2021 The Valley Herald. All rights reserved."
    assert _metadata("Reservoir hits record low", body).outlet == "The Valley Herald"
    found = _metadata("Reservoir hits record low", body, url="https://www.valleyherald.example/x")
    assert (found.outlet, found.outlet_source) == ("valleyherald.example", "url")


def test_agency_copyright_is_a_wire_credit() -> None:
    found = _metadata("Reservoir hits record low", BODY + "\n© 2021 Reuters")
    assert found.outlet is None
    assert found.wire_credit == "Reuters"


# --------------------------------------------------------------------------------------------
# The reference story

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "iraq-embassy-2020"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="reference corpus not available")


def _reference(prefix: str) -> TextMetadata:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return find_text_metadata(clean_scraped_text(path.read_text(encoding="utf-8")))


@needs_corpus
@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", None),  # the file starts with a photo caption; the page's title was not kept
        ("001", "Iraq ‘not happy’ with ‘dangerous’ US pullout threat"),
        (
            "002",
            "US threatens to close embassy in Iraq unless Iranian-backed militias halt attacks",
        ),
        ("003", "Will U.S. Really Plan to Withdraw Its Embassy from Iraq?"),
        ("004", "US warns Iraq on Iranian-backed militias"),
    ],
)
def test_reference_titles(prefix: str, title: str | None) -> None:
    assert _reference(prefix).title == title


@needs_corpus
def test_reference_only_003_has_a_publication_date() -> None:
    dated = _reference("003").published
    assert dated.value is not None and dated.value.startswith("2020-09-28")
    assert (dated.source, dated.evidence) == ("dateline", "Mon 28 Sep 2020 | 11:15 AM")
    for prefix in ("000", "001", "002", "004"):
        assert _reference(prefix).published == UNKNOWN_DATE, prefix


@needs_corpus
def test_reference_bylines_and_wire_credit() -> None:
    assert _reference("003").byline == "H-Tayea"
    found = _reference("002")
    assert (found.byline, found.wire_credit, found.outlet) == (
        "Azad Lashkari, Reuters",
        "Reuters",
        None,
    )
