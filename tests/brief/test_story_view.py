"""The Stories section of the briefs, from a hand-made brief: shares, edits, side by side."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from records import make_article
from storyline.brief import build_brief
from storyline.brief.render_html import render_html
from storyline.brief.render_markdown import render_markdown
from storyline.brief.schema import validate_brief
from storyline.brief.story_view import percent, story_view
from storyline.store import InputRecord

WIRE = (
    "Floodwater rose overnight in Kestrel Falls, the river authority told Wirepress.\n\n"
    "Around 3,000 homes were without power on Sunday.\n\n"
    'The mayor said: "We will rebuild every street."'
)
HOSTILE_PASSAGE = 'Around 5,000 homes were without power on Sunday <script>alert("p")</script>.'
PATCHWORK = (
    "Residents of Kestrel Falls woke to water in their kitchens.\n\n"
    f"{HOSTILE_PASSAGE}\n\n"
    "Volunteers handed out blankets at the school."
)
COUNCIL = (
    "Kestrel Falls council met in emergency session.\n\n"
    'The mayor said: "We will rebuild every street."\n\n'
    "Councillors approved an emergency fund."
)
REPRINT = WIRE + "\n\nMore to follow."
HOSTILE_TITLE = '<script>alert("t")</script> Kestrel homes dark'


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def brief() -> dict:
    wire = make_article(
        WIRE, "1-wire.txt", title="Floods in Kestrel Falls", wire_credit="Wirepress"
    )
    patch = make_article(PATCHWORK, "2-patch.txt", title=HOSTILE_TITLE)
    council = make_article(COUNCIL, "3-council.txt", title="Council meets")
    reprint = make_article(REPRINT, "4-reprint.txt", title="Floods (reprint)")
    articles = [wire, patch, council, reprint]
    inputs = [InputRecord(a.source_id, a.source_id, "0" * 64, "article", a.id) for a in articles]
    document = build_brief(articles, inputs, [])

    copied_b = span(PATCHWORK, HOSTILE_PASSAGE)
    copied_a = span(WIRE, "Around 3,000 homes were without power on Sunday.")
    quote_a = span(WIRE, '"We will rebuild every street."')
    quote_c = span(COUNCIL, '"We will rebuild every street."')
    five, three = span(PATCHWORK, "5,000"), span(WIRE, "3,000")
    whole_wire = (0, len(WIRE))
    origins = [
        (wire.id, *span(WIRE, WIRE.split("\n\n")[0]), "agency:Wirepress"),
        (wire.id, *copied_a, "agency:Wirepress"),
        (wire.id, *quote_a, "agency:Wirepress"),
        (patch.id, *span(PATCHWORK, PATCHWORK.split("\n\n")[0]), patch.id),
        (patch.id, *copied_b, "agency:Wirepress"),
        (patch.id, *span(PATCHWORK, PATCHWORK.split("\n\n")[2]), patch.id),
        (council.id, 0, len(COUNCIL), council.id),
        (reprint.id, *whole_wire, "agency:Wirepress"),
    ]
    document["stories"] = [
        {
            "id": "story-0123456789ab",
            "article_ids": sorted(a.id for a in articles),
            "first_published": "2024-03-03",
            "last_published": "2024-03-04",
            "label": "Floods in Kestrel Falls",
            "sources": [
                {
                    "article_id": wire.id,
                    "own_share": 0.62,
                    "copied_from": [],
                    "is_patchwork": False,
                    "wire_agency": "Wirepress",
                    "wire_evidence": "credited to Wirepress",
                },
                {
                    "article_id": patch.id,
                    "own_share": 0.38,
                    "copied_from": [[wire.id, 0.57]],
                    "is_patchwork": True,
                    "wire_agency": None,
                    "wire_evidence": None,
                },
                {
                    "article_id": council.id,
                    "own_share": 1.0,
                    "copied_from": [],
                    "is_patchwork": False,
                    "wire_agency": None,
                    "wire_evidence": None,
                },
                {
                    "article_id": reprint.id,
                    "own_share": 0.08,
                    "copied_from": [[wire.id, 0.92]],
                    "is_patchwork": False,
                    "wire_agency": None,
                    "wire_evidence": None,
                },
            ],
            "source_groups": [
                {"origin": council.id, "article_ids": [council.id]},
                {"origin": "agency:Wirepress", "article_ids": sorted([wire.id, reprint.id])},
            ],
            "directions": [
                {
                    "source_id": wire.id,
                    "copy_id": patch.id,
                    "confidence": 0.8,
                    "evidence": [f"{wire.id} is Wirepress's wire story; {patch.id} is not"],
                },
                {
                    "source_id": wire.id,
                    "copy_id": reprint.id,
                    "confidence": 0.9,
                    "evidence": ["the reprint carries the whole story"],
                },
            ],
            "copied_passages": [
                {
                    "copy_id": patch.id,
                    "copy_start": copied_b[0],
                    "copy_end": copied_b[1],
                    "source_id": wire.id,
                    "source_start": copied_a[0],
                    "source_end": copied_a[1],
                    "similarity": 0.81,
                    "kind": "rewrite",
                },
                {
                    "copy_id": reprint.id,
                    "copy_start": 0,
                    "copy_end": len(WIRE),
                    "source_id": wire.id,
                    "source_start": 0,
                    "source_end": len(WIRE),
                    "similarity": 1.0,
                    "kind": "verbatim",
                },
            ],
            "alignments": [
                # The copy on the a side: the view must orient the pair by its direction.
                {
                    "a_id": patch.id,
                    "a_start": copied_b[0],
                    "a_end": copied_b[1],
                    "b_id": wire.id,
                    "b_start": copied_a[0],
                    "b_end": copied_a[1],
                    "similarity": 0.81,
                    "kind": "rewrite",
                },
                {
                    "a_id": wire.id,
                    "a_start": quote_a[0],
                    "a_end": quote_a[1],
                    "b_id": council.id,
                    "b_start": quote_c[0],
                    "b_end": quote_c[1],
                    "similarity": 1.0,
                    "kind": "shared-quote",
                },
            ],
            "edits": [
                {
                    "a_id": patch.id,
                    "b_id": wire.id,
                    "kind": "number",
                    "a_start": five[0],
                    "a_end": five[1],
                    "a_text": "5,000",
                    "b_start": three[0],
                    "b_end": three[1],
                    "b_text": "3,000",
                    "a_value": 5000.0,
                    "b_value": 3000.0,
                    "reason": "number changed: '5,000' in a, '3,000' in b",
                }
            ],
            "passage_origins": [
                {"article_id": a, "start": s, "end": e, "origin": o} for a, s, e, o in origins
            ],
        }
    ]
    validate_brief(document)
    return {"document": document, "ids": {a.source_id[0]: a.id for a in articles}}


def page_text(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_percent_keeps_small_shares_visible():
    assert (percent(0.2719), percent(0.004), percent(0.0), percent(1.0)) == (
        "27%",
        "<1%",
        "0%",
        "100%",
    )


def test_view_counts_one_source_for_a_wire_and_its_reprint(brief):
    view = story_view(brief["document"]["stories"][0], brief["document"]["articles"])
    assert view.summary == "3 independent sources among 4 articles"
    assert set(view.independent) == {"Wirepress wire", f"“{HOSTILE_TITLE}”", "“Council meets”"}
    groups = {row.article.label: row.group for row in view.rows}
    assert groups["Floods in Kestrel Falls"] == "Wirepress wire: 2 articles"
    assert groups["Floods (reprint)"] == "Wirepress wire: 2 articles"
    assert groups["Council meets"] == "own reporting"
    assert groups[HOSTILE_TITLE].startswith("patchwork: 38% its own")


def test_view_orients_the_edit_source_first(brief):
    view = story_view(brief["document"]["stories"][0], brief["document"]["articles"])
    (edit,) = view.edits
    assert (
        edit.sentence == f"“Floods in Kestrel Falls” says 3,000 where “{HOSTILE_TITLE}” says 5,000"
    )


def test_html_shows_shares_groups_and_independence(brief):
    page = render_html(brief["document"])
    ids = brief["ids"]
    shown = page_text(page)
    assert shown.index("Stories") < shown.index("Articles")
    assert "3 independent sources among 4 articles" in shown
    patch_row = next(row for row in page.split("<tr>") if f"#article-{ids['2']}" in row)
    assert '<td class="share">38%</td>' in patch_row
    assert 'Floods in Kestrel Falls</a> <span class="share">57%</span>' in patch_row
    assert 'class="flag">patchwork<' in patch_row
    assert "Wirepress wire: 2 articles" in shown
    assert "credited to Wirepress" in shown
    # Evidence names articles by title, not by hash.
    assert "“Floods in Kestrel Falls” is Wirepress's wire story" in shown


def test_html_edit_sentence_links_both_spans(brief):
    page = render_html(brief["document"])
    ids = brief["ids"]
    shown = page_text(page)
    assert f"“Floods in Kestrel Falls” says 3,000 where “{HOSTILE_TITLE}” says 5,000" in shown
    pair = f"pair-{ids['1']}-{ids['2']}"
    for side, value in (("l", "3,000"), ("r", "5,000")):
        assert f'<a href="#{pair}-e0-{side}">{value}</a>' in page
        assert re.search(
            rf'<mark class="edit number" id="{pair}-e0-{side}"[^>]*>{value}</mark>', page
        )


def test_html_side_by_side_marks_copies_and_shared_quotes(brief):
    page = render_html(brief["document"])
    ids = brief["ids"]
    pair = f"pair-{ids['1']}-{ids['2']}"
    assert f'<details class="pair" id="{pair}" open>' in page
    assert f'<mark class="copy rewrite" id="{pair}-l-c0"' in page
    assert f'<mark class="copy rewrite" id="{pair}-r-c0"' in page
    assert f'<mark class="copy verbatim" id="pair-{ids["1"]}-{ids["4"]}-r-c0"' in page
    # The wire and the council both quote the mayor: a pair with no direction, marked apart.
    quoting = f"pair-{ids['1']}-{ids['3']}"
    assert f'<mark class="shared-quote" id="{quoting}-l-q0"' in page
    assert f'<mark class="shared-quote" id="{quoting}-r-q0"' in page
    assert "neither copies the other" in page
    # The wire appears in three pairs and in its own section: every id still occurs once.
    repeated = [i for i, n in Counter(re.findall(r' id="([^"]+)"', page)).items() if n > 1]
    assert repeated == []


def test_html_escapes_hostile_titles_and_passages(brief):
    page = render_html(brief["document"])
    assert "<script>" not in page.lower()
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; Kestrel homes dark" in page
    assert "&lt;script&gt;alert(&#34;p&#34;)&lt;/script&gt;" in page


def test_markdown_lists_story_sources_edits_and_directions(brief):
    text = render_markdown(brief["document"])
    assert text.index("## Stories") < text.index("## Articles")
    assert "3 independent sources among 4 articles" in text
    escaped_title = r'\<script\>alert("t")\</script\> Kestrel homes dark'
    assert f"| {escaped_title} | 38% | Floods in Kestrel Falls 57% (patchwork) | — |" in text
    assert "“Floods in Kestrel Falls” says 3,000 where “" in text
    assert "says 5,000 (number)" in text
    assert "copied from “Floods in Kestrel Falls” (confidence 80%)" in text
    assert "Wirepress wire: 2 articles" in text
    assert "<script>" not in text


def dangling_links(page: str) -> set[str]:
    ids = set(re.findall(r' id="([^"]+)"', page))
    return {href for href in re.findall(r'href="#([^"]*)"', page) if href not in ids}


def test_every_link_of_the_page_has_its_target(brief):
    assert dangling_links(render_html(brief["document"])) == set()


def test_pairs_beyond_the_cap_are_counted_not_drawn(brief, monkeypatch):
    monkeypatch.setattr("storyline.brief.story_view.MAX_PAIRS", 1)
    ids = brief["ids"]
    view = story_view(brief["document"]["stories"][0], brief["document"]["articles"])
    # The reprint shares the most text with the wire: its pair is the one drawn.
    assert [(p.left.id, p.right.id) for p in view.pairs] == [(ids["1"], ids["4"])]
    assert view.pairs_not_shown == 2
    (edit,) = view.edits  # still listed, without links into a pair not drawn
    assert edit.source_anchor is None and edit.copy_anchor is None
    page = render_html(brief["document"])
    assert "2 more pairs of articles share text" in page
    assert dangling_links(page) == set()
