"""Cue lexicons: each finder on hand-written sentences, with the offsets it must report."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.claims.cues import (
    KINDS,
    Cue,
    find_attributions,
    find_cues,
    find_denials,
    find_doubts,
    find_hedges,
    find_negations,
    find_questions,
    find_supports,
    inside,
    tokenize,
    tokens_in,
)


def spans(cues: list[Cue]) -> list[tuple[str, int, int]]:
    return [(cue.text, cue.start, cue.end) for cue in cues]


def test_hedge_words_and_phrases_with_offsets() -> None:
    text = "The ferry operator reportedly is expected to raise fares"
    assert spans(find_hedges(text)) == [("reportedly", 19, 29), ("is expected to", 30, 44)]
    assert find_hedges(text)[0] == Cue("hedge", "reportedly", 19, 29)


def test_hedges_of_rumour_and_unconfirmed_reports() -> None:
    text = "Unconfirmed rumours: the mill appears to have shut"
    assert spans(find_hedges(text)) == [
        ("Unconfirmed", 0, 11),
        ("rumours", 12, 19),
        ("appears to", 30, 40),
    ]
    assert spans(find_hedges("A preliminary count, and a rumor")) == [
        ("preliminary", 2, 13),
        ("rumor", 27, 32),
    ]


def test_may_the_modal_is_a_hedge_and_may_the_month_is_not() -> None:
    assert spans(find_hedges("The council may sell the depot")) == [("may", 12, 15)]
    assert find_hedges("The depot was sold in May") == []
    assert find_hedges("Sale agreed on May 4") == []
    assert spans(find_hedges("Depot May Be Sold")) == [("May", 6, 9)]


def test_attribution_verbs_sources_and_report_prefix() -> None:
    text = "Report: the pier will close, officials say, according to the board"
    assert spans(find_attributions(text)) == [
        ("Report:", 0, 7),
        ("officials", 29, 38),
        ("say", 39, 42),
        ("according to", 44, 56),
    ]
    assert spans(find_attributions("Sources told the paper")) == [
        ("Sources", 0, 7),
        ("told", 8, 12),
    ]


def test_a_closing_credit_is_an_attribution() -> None:
    text = "Depot to be sold: harbour paper"
    assert spans(find_attributions(text)) == [("harbour paper", 18, 31)]
    # a question after the colon is not a credit
    assert find_attributions("Depot sale: real deal?") == []


def test_denials_and_refutations() -> None:
    text = "Minister denies depot story, calls it a hoax"
    assert spans(find_denials(text)) == [("denies", 9, 15), ("hoax", 40, 44)]
    assert spans(find_denials("The depot claim is not true")) == [("is not true", 16, 27)]
    assert spans(find_denials("Depot sale debunked: no evidence found")) == [
        ("debunked", 11, 19),
        ("no evidence", 21, 32),
    ]
    assert spans(find_denials("Board rejects and dismisses the fake memo")) == [
        ("rejects", 6, 13),
        ("dismisses", 18, 27),
        ("fake", 32, 36),
    ]


def test_an_answering_no_is_a_denial_but_a_compound_no_is_not() -> None:
    assert spans(find_denials("No, the depot was not sold")) == [("No", 0, 2)]
    assert find_denials("How a No-Fare Policy Works") == []
    assert find_denials("No ferries on Sunday") == []


def test_doubt_and_support() -> None:
    assert spans(find_doubts("Depot sale unlikely, and too good to be true")) == [
        ("unlikely", 11, 19),
        ("too good to be true", 25, 44),
    ]
    assert spans(find_supports("Board confirms it; video shows the crane")) == [
        ("confirms", 6, 14),
        ("video shows", 19, 30),
    ]


def test_negations_with_and_without_apostrophes() -> None:
    text = "Ferry didn't sail, crew didnt strike, it won’t sail, never"
    assert spans(find_negations(text)) == [
        ("didn't", 6, 12),
        ("didnt", 24, 29),
        ("won’t", 41, 46),
        ("never", 53, 58),
    ]
    assert spans(find_negations("Not now, no longer")) == [("Not", 0, 3), ("no longer", 9, 18)]
    assert find_negations("Notable knots") == []  # whole words only


def test_questions_with_and_without_a_mark() -> None:
    text = "Depot sold: real or rumour? Board says no."
    assert spans(find_questions(text)) == [("real or rumour?", 12, 27)]
    assert spans(find_questions("Did the U.S. buy the depot")) == [
        ("Did the U.S. buy the depot", 0, 26)
    ]
    assert find_questions("The depot is sold.") == []


def test_find_cues_is_in_text_order_and_checks_kinds() -> None:
    text = "Mill reportedly shut? Owners deny it"
    cues = find_cues(text)
    assert [(cue.kind, cue.text) for cue in cues] == [
        ("question", "Mill reportedly shut?"),
        ("hedge", "reportedly"),
        ("denial", "deny"),
    ]
    assert [cue.kind for cue in find_cues(text, ["denial"])] == ["denial"]
    with pytest.raises(ValueError, match="unknown cue kind 'rumour'; valid: hedge"):
        find_cues(text, ["rumour"])
    assert set(KINDS) == {
        "hedge",
        "attribution",
        "denial",
        "doubt",
        "support",
        "negation",
        "question",
    }


def test_cue_is_frozen() -> None:
    cue = Cue("denial", "hoax", 0, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.start = 1  # type: ignore[misc]


def test_tokens_and_cue_containment() -> None:
    text = "Crew didn’t strike? Hoax"
    tokens = tokenize(text)
    assert [(t.norm, t.start, t.end) for t in tokens] == [
        ("crew", 0, 4),
        ("didn't", 5, 11),
        ("strike", 12, 18),
        ("hoax", 20, 24),
    ]
    (question,) = find_questions(text)
    assert [t.text for t in tokens_in(tokens, [question])] == ["Crew", "didn’t", "strike"]
    (negation,) = find_negations(text)
    (hoax,) = find_denials(text)
    assert inside(negation, [question]) and not inside(hoax, [question])
