"""HTML extraction on hand-made pages: body, furniture, metadata, hostile markup."""

from __future__ import annotations

import time

import pytest

from storyline.errors import ExtractionError
from storyline.ingest.html import extract_html
from storyline.model import UNKNOWN_DATE, RawDocument

PARAGRAPHS = (
    "The old swing bridge over the harbour mouth opened to traffic again on Sunday morning, "
    "twenty-six months after engineers closed it when a corroded hinge was found.",
    "Cyclists queued from dawn to be the first across, and the ferry operator said it would "
    "cut its extra crossings from Monday, once commuters had the road link back.",
    "The county council put the final bill at 41 million, about a third above the estimate "
    "approved in 2019, and blamed the price of steel and a wet winter that halted work.",
    "A plaque naming the welders who rebuilt the hinge will be unveiled next month, the "
    "harbour master told the crowd.",
)

HEAD = """
  <meta charset="utf-8">
  <title>Harbour bridge reopens after two years of repairs | The Coastal Ledger</title>
  <meta property="og:site_name" content="The Coastal Ledger">
  <meta name="author" content="Mira Castellanos">
  <meta property="article:published_time" content="2021-03-14T08:30:00+01:00">
  <meta property="article:modified_time" content="2021-03-16T10:00:00+01:00">
  <link rel="canonical" href="https://ledger.example.com/news/harbour-bridge-reopens">
  <style>.menu {{ color: teal; }}</style>
  <script>window.trackingSecret = "ZX-TRACKER-991";</script>
"""

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>{HEAD}</head>
<body>
  <header><nav class="menu"><ul>
    <li><a href="/">Front page</a></li><li><a href="/sport">Sport desk</a></li>
    <li><a href="/weather">Weather desk</a></li></ul></nav></header>
  <main>
    <article class="article-body">
      <h1>Harbour bridge reopens after two years of repairs</h1>
      <p class="byline">By Mira Castellanos</p>
      <p>{PARAGRAPHS[0]}</p>
      <p>{PARAGRAPHS[1]}</p>
      <div class="ad-slot">Advertisement</div>
      <p>{PARAGRAPHS[2]}</p>
      <script>document.write("INLINE-SCRIPT-PAYLOAD");</script>
      <p>{PARAGRAPHS[3]}</p>
      <p>Like this story? Share it with a friend!</p>
    </article>
  </main>
  <footer><p>Copyright 2021 The Coastal Ledger. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a></footer>
</body>
</html>"""


def page_with(body: str, head: str = "<title>A page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def article(paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    return "<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"


def raw(content: str, **metadata: str) -> RawDocument:
    return RawDocument(
        source_id="page-1", origin="fixture.html", kind="html", content=content,
        input_format="html", **metadata,
    )  # fmt: skip


# --------------------------------------------------------------------------- body


def test_body_is_the_article_paragraphs_separated_by_blank_lines() -> None:
    extraction = extract_html(raw(PAGE))
    assert extraction.text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "furniture",
    ["Front page", "Sport desk", "Privacy policy", "All rights reserved", "Advertisement"],
)
def test_navigation_footer_and_ads_are_not_in_the_text(furniture: str) -> None:
    assert furniture not in extract_html(raw(PAGE)).text


@pytest.mark.parametrize("code", ["ZX-TRACKER-991", "INLINE-SCRIPT-PAYLOAD", "teal", "document"])
def test_scripts_and_styles_are_not_in_the_text(code: str) -> None:
    assert code not in extract_html(raw(PAGE)).text


def test_repeated_headline_and_share_prompt_are_recorded_as_removed() -> None:
    removed = {(item.text, item.reason) for item in extract_html(raw(PAGE)).removed}
    assert ("Harbour bridge reopens after two years of repairs", "repeated title") in removed
    assert ("Like this story? Share it with a friend!", "share prompt") in removed


def test_newsletter_prompt_and_comment_counter_are_removed_but_long_paragraphs_kept() -> None:
    mentions_newsletter = (
        "Residents who signed up for the council newsletter last year were the first to hear "
        "about the closure, long before the signs went up on the approach roads and well "
        "before the ferry timetable changed, and several of them said they had planned their "
        "commutes around the warning for months afterwards."
    )
    body = article(
        (
            *PARAGRAPHS[:2],
            "Sign up for our morning newsletter and get the headlines in your inbox.",
            mentions_newsletter,
            "12 Comments",
        )
    )
    extraction = extract_html(raw(page_with(body)))
    assert extraction.text == "\n\n".join((*PARAGRAPHS[:2], mentions_newsletter))
    reasons = {item.reason for item in extraction.removed}
    assert reasons == {"newsletter prompt", "comment prompt"}


# --------------------------------------------------------------------------- metadata


def test_metadata_comes_from_the_page_markup() -> None:
    extraction = extract_html(raw(PAGE))
    assert extraction.title == "Harbour bridge reopens after two years of repairs"
    assert extraction.byline == "Mira Castellanos"
    assert extraction.outlet == "The Coastal Ledger"
    assert extraction.outlet_source == "html-metadata"
    assert extraction.url == "https://ledger.example.com/news/harbour-bridge-reopens"


def test_publication_date_is_the_published_meta_tag_not_the_modified_one() -> None:
    published = extract_html(raw(PAGE)).published
    assert published.value == "2021-03-14T08:30:00+01:00"
    assert published.source == "html-metadata"
    assert published.evidence == (
        '<meta property="article:published_time" content="2021-03-14T08:30:00+01:00">'
    )


def test_metadata_given_by_the_input_wins_over_the_page() -> None:
    document = raw(
        PAGE,
        url="https://feed.example.org/items/77",
        title="Bridge open again",
        outlet="Harbour Weekly",
        byline="Desk staff",
        published="2021-03-15T06:00:00Z",
    )
    extraction = extract_html(document)
    assert extraction.title == "Bridge open again"
    assert extraction.outlet == "Harbour Weekly"
    assert extraction.outlet_source == "input-metadata"
    assert extraction.byline == "Desk staff"
    assert extraction.url == "https://feed.example.org/items/77"
    assert extraction.published.value == "2021-03-15T06:00:00+00:00"
    assert extraction.published.source == "input-metadata"
    assert extraction.published.evidence == "2021-03-15T06:00:00Z"


def test_an_unparseable_input_date_falls_back_to_the_page() -> None:
    published = extract_html(raw(PAGE, published="sometime last week")).published
    assert (published.value, published.source) == ("2021-03-14T08:30:00+01:00", "html-metadata")


def test_a_date_in_the_url_is_used_only_when_the_markup_has_none() -> None:
    document = raw(page_with(article()), url="https://news.example.net/2020/09/28/bridge-open")
    published = extract_html(document).published
    assert (published.value, published.source) == ("2020-09-28", "url")
    assert published.evidence == "https://news.example.net/2020/09/28/bridge-open"


def test_no_date_anywhere_gives_the_unknown_date_not_a_date_from_the_story() -> None:
    # The text names a year and a day; neither is a publication date.
    assert extract_html(raw(page_with(article()))).published == UNKNOWN_DATE


def test_outlet_from_the_url_domain_is_labelled_as_such() -> None:
    document = raw(page_with(article()), url="https://www.harbourweekly.example/items/77")
    extraction = extract_html(document)
    assert extraction.outlet == "harbourweekly.example"
    assert extraction.outlet_source == "url"


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty HTML document"),
        ("   \n  ", "empty HTML document"),
        ("\x00\x01\x02" * 50, "nothing but whitespace or control characters"),
        (page_with("<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"), "no article"),
    ],
)
def test_pages_without_an_article_raise_extraction_error(content: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_html(raw(content))


def test_100000_nested_divs_give_a_clear_extraction_error() -> None:
    depth = 100_000
    content = page_with("<div>" * depth + article() + "</div>" * depth)
    with pytest.raises(ExtractionError, match="nested deeper than the parser's 256-level limit"):
        extract_html(raw(content))


def test_deep_junk_after_the_article_does_not_hide_it() -> None:
    content = page_with(article() + "<div>" * 100_000 + "junk" + "</div>" * 100_000)
    assert extract_html(raw(content)).text == "\n\n".join(PARAGRAPHS)


def test_script_laden_page_gives_clean_text() -> None:
    scripts = "".join(
        f"<script>var payload{i} = 'SCRIPTED-{i}'; if (a < b && c > d) {{ run(); }}</script>"
        for i in range(200)
    )
    body = (
        f"<article>{scripts}<p>{PARAGRAPHS[0]}</p><script>/*</p><p>*/ evil()</script>"
        f"<style>p::after {{ content: 'STYLED'; }}</style><p>{PARAGRAPHS[1]}</p>"
        "<noscript>NOSCRIPT-FALLBACK</noscript></article>"
    )
    text = extract_html(raw(page_with(body))).text
    assert text == "\n\n".join(PARAGRAPHS[:2])


def test_nul_bytes_and_control_characters_are_dropped() -> None:
    body = article((PARAGRAPHS[0].replace("bridge", "bri\x00dge\x0b"), PARAGRAPHS[1]))
    text = extract_html(raw(page_with(body))).text
    assert text.startswith("The old swing bridge over the harbour mouth")
    assert "\x00" not in text and "\x0b" not in text


def test_broken_markup_still_yields_the_paragraphs() -> None:
    content = (
        "<html><body><article><p>" + PARAGRAPHS[0] + "<b>unclosed <i>tags</b>"
        "<p>" + PARAGRAPHS[1] + "</div></span>"
    )  # no closing article, body or html
    text = extract_html(raw(content)).text
    assert PARAGRAPHS[0] in text and PARAGRAPHS[1] in text


def test_huge_attribute_values_and_counts_stay_fast() -> None:
    huge_class = "x" * 2_000_000
    many = " ".join(f"data-a{i}='v'" for i in range(5_000))
    body = f"<article class='{huge_class}'><div {many}>" + article() + "</div></article>"
    started = time.perf_counter()
    text = extract_html(raw(page_with(body))).text
    assert text == "\n\n".join(PARAGRAPHS)
    assert time.perf_counter() - started < 5  # uncapped, the class regexes alone take seconds


def test_html_fragment_from_a_feed_or_json_lines_is_extracted():
    fragment = (
        "<p>The island's only ferry stopped running on Tuesday after its engine failed.</p>"
        "<p>Residents said the next crossing would not come before the weekend.</p>"
    )
    doc = RawDocument(
        source_id="feed#1",
        origin="feed.xml#entry 1",
        kind="html",
        content=fragment,
        input_format="feed",
        title="Ferry stops",
    )
    extraction = extract_html(doc)
    assert "only ferry stopped running on Tuesday" in extraction.text
    assert "not come before the weekend" in extraction.text
