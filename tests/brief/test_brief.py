from __future__ import annotations

import json

import jsonschema
import pytest
from markupsafe import escape

from records import make_article
from storyline.brief import build_brief, write_brief
from storyline.brief.render_html import CONTENT_SECURITY_POLICY, render_html
from storyline.brief.render_markdown import render_markdown
from storyline.brief.schema import validate_brief
from storyline.model import DuplicateLink, PublicationDate, RemovedText
from storyline.store import InputRecord

HOSTILE = 'Officials met <script>alert("x")</script> and <img src=x onerror="alert(1)"> then left.'


def _record(article_id, source_id, status="article", reason=None):
    return InputRecord(source_id, f"in/{source_id}", "a" * 64, status, article_id, reason)


@pytest.fixture
def brief():
    first = make_article(
        "The harbour reopened on Monday after a week of repairs.",
        "b.txt",
        origin="in/b.txt",
        title="Harbour reopens",
        published=PublicationDate("2021-06-07", "dateline", "7 June 2021"),
        removed=(RemovedText("Share this on social media", "share prompt", 3),),
    )
    second = make_article(
        HOSTILE, "a.txt", origin="in/a.txt", title="<b>Bold</b> [link](javascript:alert(1))"
    )
    inputs = [
        _record(first.id, "b.txt"),
        _record(first.id, "c.txt"),  # same text again: an exact duplicate input
        _record(second.id, "a.txt"),
        _record(None, "bad.bin", "rejected", "binary file (looks like PNG image)"),
    ]
    links = [DuplicateLink(second.id, first.id, "near", 0.85)]
    return build_brief([first, second], inputs, links)


def test_brief_follows_its_schema(brief):
    validate_brief(brief)
    assert brief["schema_version"] == "1.4"
    assert brief["entities"] == []  # no language layer given
    assert brief["counts"] == {
        "inputs": 4,
        "articles": 2,
        "exact_duplicates": 1,
        "near_duplicates": 1,
        "rejected": 1,
    }


def test_schema_rejects_a_broken_document(brief):
    brief["articles"][0]["published"]["source"] = "guessed"
    with pytest.raises(jsonschema.ValidationError, match="guessed"):
        validate_brief(brief)


def test_articles_sorted_by_source_id_with_exact_duplicate_listed(brief):
    assert [a["source_id"] for a in brief["articles"]] == ["a.txt", "b.txt"]
    exact = [d for d in brief["duplicates"] if d["kind"] == "exact"]
    assert [(d["source_id"], d["origin"]) for d in exact] == [("c.txt", "in/c.txt")]
    assert brief["rejected"] == [
        {
            "origin": "in/bad.bin",
            "source_id": "bad.bin",
            "reason": "binary file (looks like PNG image)",
        }
    ]


def test_html_escapes_article_text_and_forbids_scripts(brief):
    page = render_html(brief)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(" in page
    assert "onerror=&#34;alert(1)&#34;" in page or "onerror=&quot;alert(1)&quot;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert f'content="{escape(CONTENT_SECURITY_POLICY)}"' in page
    assert "script-src 'none'" in CONTENT_SECURITY_POLICY
    assert "Share this on social media" in page  # removed furniture stays visible
    assert "2021-06-07 (from dateline)" in page


def test_markdown_neutralises_markup(brief):
    text = render_markdown(brief)
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert "\\[link\\](javascript:alert(1))" in text
    assert "- share prompt: Share this on social media" in text


def test_written_brief_is_byte_identical_on_rewrite(brief, tmp_path):
    write_brief(brief, tmp_path / "one")
    write_brief(json.loads(json.dumps(brief)), tmp_path / "two")
    for name in ("brief.json", "brief.md", "brief.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert json.loads((tmp_path / "one" / "brief.json").read_text()) == brief


def test_markdown_code_spans_and_line_starts():
    from storyline.brief.render_markdown import code_span, escape_markdown

    assert code_span("afp_story_1.txt") == "`afp_story_1.txt`"
    assert code_span("a`b") == "``a`b``"
    assert escape_markdown("- not a list\n1. nor this") == "\\- not a list\n1\\. nor this"
