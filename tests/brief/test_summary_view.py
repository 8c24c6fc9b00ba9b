"""The summary, who-said-what and single-source views on hand-made brief entries; marks that
cross; hostile text in the summary stays text in both renderers."""

from __future__ import annotations

from records import make_article
from storyline.brief.highlight import Highlight, nested
from storyline.brief.render_markdown import render_markdown
from storyline.brief.summary_view import citation_anchor, citation_highlights, summary_view
from storyline.model import to_dict

HOSTILE = "The <script>alert(1)</script> council [approved](javascript:x) the budget on Monday."


def _brief(text: str = HOSTILE) -> dict:
    article = make_article(text, "a.txt")
    entry = to_dict(article)
    entry.pop("stage_versions", None)
    end = len(text)
    citation = {
        "origin": article.id,
        "origin_name": "A hand-made title",
        "article_id": article.id,
        "start": 0,
        "end": end,
        "text": text,
    }
    story = {
        "id": "story-000000000000",
        "article_ids": [article.id],
        "label": "x",
        "sources": [],
        "source_groups": [],
        "directions": [],
        "copied_passages": [],
        "alignments": [],
        "edits": [],
        "passage_origins": [],
        "summary": {
            "words": len(text.split()),
            "budget": 120,
            "sentences": [
                {
                    "text": text,
                    "article_id": article.id,
                    "start": 0,
                    "end": end,
                    "citations": [citation],
                }
            ],
        },
        "quotes_by_speaker": [
            {
                "speaker": "Mayor <b>Berg</b>",
                "entity_id": None,
                "named": True,
                "quotes": [
                    {
                        "text": "we approved it",
                        "kind": "direct",
                        "carried_by": [
                            {"article_id": article.id, "start": 0, "end": 4, "origin": article.id}
                        ],
                        "origins": [article.id],
                        "articles": 1,
                    }
                ],
            }
        ],
        "single_source": [
            {
                "claim_id": "c",
                "origin": article.id,
                "article_id": article.id,
                "start": 0,
                "end": end,
                "clause": "approved",
                "articles": 1,
            }
        ],
    }
    brief = {
        "schema_version": "1.4",
        "generator": {"name": "storyline", "version": "0"},
        "counts": {
            "inputs": 1,
            "articles": 1,
            "exact_duplicates": 0,
            "near_duplicates": 0,
            "rejected": 0,
        },
        "stories": [story],
        "contradictions": [],
        "entities": [],
        "articles": [entry],
        "duplicates": [],
        "rejected": [],
    }
    return brief


def test_references_are_numbered_once_per_cited_span():
    brief = _brief()
    story = brief["stories"][0]
    story["summary"]["sentences"].append(dict(story["summary"]["sentences"][0]))
    view = summary_view(story, brief["articles"])
    assert [ref.number for line in view.lines for ref in line.references] == [1, 1]
    (ref,) = view.references
    article_id = brief["articles"][0]["id"]
    assert ref.anchor == citation_anchor(article_id, 0, len(HOSTILE))
    assert view.speakers[0].quotes[0].carriers[0][1] == f"article-{article_id}"
    assert view.single_source[0].text == HOSTILE


def test_citation_marks_win_over_crossing_spans():
    cited = citation_highlights(_brief())
    (mark,) = next(iter(cited.values()))
    crossing = Highlight(5, len(HOSTILE) + 5, "quote", "q", rank=2)
    inner = Highlight(4, 11, "entity", "e")
    placed = nested([crossing, inner, mark])
    assert mark in placed and crossing not in placed and inner in placed
    assert placed.index(mark) < placed.index(inner)  # outer first


def test_markdown_summary_escapes_article_text():
    markdown = render_markdown(_brief())
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown
    assert "\\[approved\\](javascript:x)" in markdown
    assert "[^1]" in markdown and "[^1]: " in markdown
    assert "Mayor \\<b\\>Berg\\</b\\>" in markdown


def test_html_summary_escapes_article_text():
    from storyline.brief.render_html import render_html

    page = render_html(_brief())
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    anchor = citation_anchor(_brief()["articles"][0]["id"], 0, len(HOSTILE))
    assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
