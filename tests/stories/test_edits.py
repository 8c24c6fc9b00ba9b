"""Fact changes inside copied passages."""

from __future__ import annotations

from records import make_article
from storyline.stories.alignment import align_articles
from storyline.stories.edits import find_edits


def _edits(a_text: str, b_text: str):
    a, b = make_article(a_text, "a.txt"), make_article(b_text, "b.txt")
    (passage,) = align_articles(a, b, None, None)
    return find_edits(passage, a, b, None, None)


BASE = (
    "The US still has hundreds of diplomats in its mission in the high-security Green Zone in "
    "Baghdad and around 3,000 troops based in three bases across the country, officials said."
)


def test_changed_number_is_reported_with_both_spans_and_values():
    (edit,) = _edits(BASE, BASE.replace("3,000", "5,000"))
    assert (edit.kind, edit.a_text, edit.b_text) == ("number", "3,000", "5,000")
    assert (edit.a_value, edit.b_value) == (3000.0, 5000.0)
    assert BASE[edit.a_start : edit.a_end] == "3,000"


def test_dropped_hedge_and_changed_name():
    a = "Militants reportedly fired six rockets at the base near the airport, Pompeo told reporters late on Monday."
    b = "Militants fired six rockets at the base near the airport, Hale told reporters late on Monday."
    kinds = {(e.kind, e.a_text, e.b_text) for e in _edits(a, b)}
    assert ("hedge", "reportedly", "") in kinds
    assert ("name", "Pompeo", "Hale") in kinds


def test_moved_number_and_acronym_are_not_edits():
    a = "Between October 2019 and July, around 40 rocket attacks by the Islamic State group have targeted the US embassy or bases housing US troops."
    b = "Around 40 rocket attacks by the ISIS group have targeted the US embassy or bases housing US troops, between October 2019 and July."
    assert _edits(a, b) == []


def test_changed_date():
    a = "The minister met the ambassador on September 21 to discuss the attacks on the embassy compound."
    b = "The minister met the ambassador on September 20 to discuss the attacks on the embassy compound."
    (edit,) = _edits(a, b)
    assert (edit.kind, edit.a_text, edit.b_text) == ("number", "21", "20") or edit.kind == "date"


def test_reference_story_troop_number(reference_articles):
    articles, language = reference_articles
    by = {a.source_id[:3]: a for a in articles}
    a, b = by["000"], by["001"]
    edits = [
        e
        for p in align_articles(a, b, language[a.id], language[b.id])
        for e in find_edits(p, a, b, language[a.id], language[b.id])
    ]
    troops = [e for e in edits if e.kind == "number" and e.a_value == 5000 and e.b_value == 3000]
    assert len(troops) == 1
    assert a.text[troops[0].a_start : troops[0].a_end] == "5,000"
    assert b.text[troops[0].b_start : troops[0].b_end] == "3,000"
    assert "troops" in a.text[troops[0].a_end : troops[0].a_end + 10]
