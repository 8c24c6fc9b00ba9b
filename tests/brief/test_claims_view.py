"""The disagreements, key facts and timeline as the briefs show them (hand-made brief)."""

from __future__ import annotations

from storyline.brief.claims_view import claims_view

HOSTILE = 'Officials said <script>alert(1)</script> nine <img src=x onerror="alert(2)"> boats sank.'
OTHER = "Harbour staff said four boats sank near the pier on Monday."


def _side(article_id, text, phrase, origin, value):
    start = text.index(phrase)
    return {
        "article_id": article_id,
        "start": start,
        "end": start + len(phrase),
        "text": phrase,
        "sentence_start": 0,
        "sentence_end": len(text),
        "origin": origin,
        "value": value,
    }


def _brief():
    articles = [
        {
            "id": "aaaa",
            "source_id": "a.txt",
            "title": "Boats <b>sink</b>",
            "outlet": "Coast Daily",
            "text": HOSTILE,
            "published": {"value": None},
        },
        {
            "id": "bbbb",
            "source_id": "b.txt",
            "title": "Harbour news",
            "outlet": None,
            "text": OTHER,
            "published": {"value": None},
        },
    ]
    story = {
        "id": "story-000000000001",
        "article_ids": ["aaaa", "bbbb"],
        "label": "boats",
        "timeline": [
            {
                "claim_id": "claim-1",
                "date": "2022-01-03",
                "begin": "2022-01-03",
                "end": "2022-01-03",
                "granularity": "day",
                "text": OTHER,
                "article_id": "bbbb",
                "start": 0,
                "end_offset": len(OTHER),
                "sources": ["bbbb", "agency:AFP"],
                "articles": ["bbbb"],
                "reported_dates": [],
            },
        ],
        "claims": [],
    }
    contradiction = {
        "id": "contradiction-000000000001",
        "story_id": story["id"],
        "kind": "count",
        "subject": "boats",
        "a": _side("aaaa", HOSTILE, "nine", "aaaa", "9"),
        "b": _side("bbbb", OTHER, "four boats", "agency:AFP", "4"),
        "reason": "one says <nine>, the other four",
        "in_copying": True,
        "note": None,
    }
    return story, contradiction, articles


def test_a_dispute_shows_both_sides_with_the_value_marked_and_its_source():
    story, contradiction, articles = _brief()
    view = claims_view(story, [contradiction], articles)
    (dispute,) = view.disputes
    assert dispute.a.marked == "nine" and dispute.b.marked == "four boats"
    assert dispute.b.before == "Harbour staff said " and dispute.b.after.startswith(" sank near")
    assert dispute.a.source == "its own" and dispute.b.source == "AFP wire"
    assert dispute.in_copying
    (row,) = view.timeline
    assert row.sources == ("Harbour news", "AFP wire")


def test_disputes_of_other_stories_are_not_shown():
    story, contradiction, articles = _brief()
    other = {**contradiction, "story_id": "story-ffffffffffff"}
    assert claims_view(story, [other], articles).disputes == ()


def test_article_markup_in_a_dispute_is_escaped_in_html():
    from storyline.brief.render_html import _environment

    story, contradiction, articles = _brief()
    view = claims_view(story, [contradiction], articles)
    template = _environment().from_string(
        "{% for d in view.disputes %}{{ d.a.before }}<mark>{{ d.a.marked }}</mark>"
        "{{ d.a.after }}|{{ d.reason }}{% endfor %}"
    )
    html = template.render(view=view)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;nine&gt;" in html


def test_contradictions_sharing_a_side_are_shown_as_one_dispute_with_every_value():
    story, contradiction, articles = _brief()
    third = "Coastguards said 12 boats sank."
    articles.append(
        {
            "id": "cccc",
            "source_id": "c.txt",
            "title": "Coast",
            "outlet": None,
            "text": third,
            "published": {"value": None},
        }
    )
    story["article_ids"].append("cccc")
    first = {**contradiction, "dispute": contradiction["id"]}
    second = {
        **contradiction,
        "id": "contradiction-000000000002",
        "b": _side("cccc", third, "12 boats", "cccc", "12"),
        "reason": "another reason",
        "dispute": contradiction["id"],
    }
    view = claims_view(story, [first, second], articles)
    assert len(view.disputes) == 2
    (group,) = view.groups
    assert [side.marked for side in group.sides] == ["nine", "four boats", "12 boats"]
    assert group.reasons == ("one says <nine>, the other four", "another reason")
