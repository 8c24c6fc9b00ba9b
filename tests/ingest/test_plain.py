"""Plain-text extraction: clean text plus metadata, the input's own metadata first."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ExtractionError
from storyline.ingest.plain import extract_plain_text
from storyline.model import UNKNOWN_DATE, PublicationDate, RawDocument

ARTICLE = """\
Reservoir hits record low

Reservoir hits record low
By Lena Ortiz
Published: 28 September 2020
4 min read

The water board said on Monday that the reservoir was at its lowest level in 30 years.

Farmers in the valley have been asked to cut their use by a fifth until the autumn.

Share this article
"""


def _doc(content: str = ARTICLE, **metadata: str | None) -> RawDocument:
    return RawDocument(
        source_id="reservoir.txt",
        origin="folder/reservoir.txt",
        kind="text",
        content=content,
        input_format="text",
        **metadata,
    )


def test_text_and_metadata_from_the_text() -> None:
    extraction = extract_plain_text(_doc())
    assert extraction.text == (
        "The water board said on Monday that the reservoir was at its lowest level in 30 years."
        "\n\nFarmers in the valley have been asked to cut their use by a fifth until the autumn."
    )
    assert extraction.title == "Reservoir hits record low"
    assert extraction.byline == "Lena Ortiz"
    assert extraction.published == PublicationDate(
        value="2020-09-28", source="dateline", evidence="Published: 28 September 2020"
    )
    assert extraction.outlet is None and extraction.outlet_source is None
    assert [removed.reason for removed in extraction.removed] == [
        "title",
        "repeated title",
        "byline",
        "dateline",
        "read time",
        "share prompt",
    ]


def test_input_metadata_wins_over_the_text() -> None:
    extraction = extract_plain_text(
        _doc(
            title="Valley reservoir at record low",
            outlet="The Valley Herald",
            byline="L. Ortiz",
            published="2020-09-27T18:00:00+00:00",
            url="https://www.valleyherald.example/news/reservoir",
        )
    )
    assert extraction.title == "Valley reservoir at record low"
    assert (extraction.outlet, extraction.outlet_source) == ("The Valley Herald", "input-metadata")
    assert extraction.byline == "L. Ortiz"
    assert extraction.published == PublicationDate(
        value="2020-09-27T18:00:00+00:00",
        source="input-metadata",
        evidence="2020-09-27T18:00:00+00:00",
    )
    assert extraction.url == "https://www.valleyherald.example/news/reservoir"


def test_url_gives_the_outlet_when_the_input_does_not() -> None:
    extraction = extract_plain_text(_doc(url="https://www.valleyherald.example/news/reservoir"))
    assert (extraction.outlet, extraction.outlet_source) == ("valleyherald.example", "url")


def test_unreadable_input_date_falls_back_to_the_dateline() -> None:
    extraction = extract_plain_text(_doc(published="sometime last week", title="  "))
    assert extraction.published.source == "dateline"
    assert extraction.title == "Reservoir hits record low"  # a blank input title is no title


def test_no_dateline_and_no_input_date_is_unknown() -> None:
    content = ARTICLE.replace("Published: 28 September 2020\n", "")
    assert extract_plain_text(_doc(content)).published == UNKNOWN_DATE


def test_only_furniture_raises_extraction_error_with_a_reason() -> None:
    content = "Share this article\n\nSubscribe to our newsletter\n\nAdvertisement\n"
    with pytest.raises(ExtractionError, match="no article text left after removing site furniture"):
        extract_plain_text(_doc(content))


def test_blank_input_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="blank"):
        extract_plain_text(_doc(" \n \n"))


def test_html_input_is_refused() -> None:
    doc = RawDocument(
        source_id="a", origin="a.html", kind="html", content="<p>x</p>", input_format="html"
    )
    with pytest.raises(ValueError, match="kind 'text'"):
        extract_plain_text(doc)


def test_extraction_is_deterministic() -> None:
    assert extract_plain_text(_doc()) == extract_plain_text(_doc())


CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "iraq-embassy-2020"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="reference corpus not available")
def test_reference_articles_extract() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        doc = _doc(path.read_text(encoding="utf-8"))
        extraction = extract_plain_text(doc)
        assert len(extraction.text.split()) > 300, path.name
        assert extraction.published.source in {"dateline", "unknown"}
