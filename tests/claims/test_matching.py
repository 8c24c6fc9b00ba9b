"""Matching frames into claims, on hand-made frame views (no model)."""

from __future__ import annotations

from storyline.claims.matching import common_entities, group_frames, same_claim
from storyline.claims.views import FrameView, content_words
from storyline.language.frames import Attribution, Frame, FrameArgument
from storyline.language.predicates import predicate_class
from storyline.language.timex import TimeExpression


def day(value: str) -> TimeExpression:
    return TimeExpression("x", 0, 1, value, "DATE", value, "day", value, value, "publication", True)


def view(
    article: str,
    predicate: str,
    text: str,
    entities: dict[str, set[str]] | None = None,
    heads: dict[str, str] | None = None,
    times: tuple[TimeExpression, ...] = (),
    origin: str | None = None,
    arguments: tuple[FrameArgument, ...] = (),
    sentence_entities: set[str] | None = None,
) -> FrameView:
    frame = Frame(
        article_id=article,
        start=0,
        end=len(text),
        sentence_start=0,
        sentence_end=len(text),
        predicate=predicate,
        predicate_start=0,
        predicate_end=1,
        arguments=arguments,
        times=times,
        quantities=(),
        attribution=Attribution("article"),
    )
    return FrameView(
        frame=frame,
        text=text,
        predicate_class=predicate_class(predicate),
        entities={role: frozenset(ids) for role, ids in (entities or {}).items()},
        heads=heads or {},
        words=content_words(text),
        sentence_words=content_words(text),
        sentence_entities=frozenset(sentence_entities or set()),
        origin=origin or article,
        hedges=(),
    )


def test_the_same_participants_make_one_claim_even_with_two_dates():
    a = view(
        "a",
        "warn",
        "Holt warned Ruiz on March 3",
        {"agent": {"holt"}, "patient": {"ruiz"}},
        times=(day("2021-03-03"),),
    )
    b = view(
        "b",
        "caution",
        "Ruiz was cautioned by Holt on March 4",
        {"agent": {"holt"}, "patient": {"ruiz"}},
        times=(day("2021-03-04"),),
    )
    assert same_claim(a, b)


def test_dated_apart_without_shared_participants_is_two_claims():
    a = view("a", "attack", "rebels attacked the depot on March 3", times=(day("2021-03-03"),))
    b = view("b", "attack", "rebels attacked the depot on March 9", times=(day("2021-03-09"),))
    assert not same_claim(a, b)


def test_a_further_occurrence_is_not_the_first():
    first = view("a", "hit", "forty shells hit the depot near the river")
    again = view(
        "b",
        "hit",
        "another forty shells hit the depot near the river",
        arguments=(FrameArgument("agent", "another forty shells", 0, 20, "shell"),),
    )
    assert not same_claim(first, again)


def test_two_named_speakers_are_two_statements():
    a = view("a", "say", "Holt said the vote was fair", {"agent": {"holt"}}, {"agent": "holt"})
    b = view("b", "say", "Ruiz said the vote was fair", {"agent": {"ruiz"}}, {"agent": "ruiz"})
    assert not same_claim(a, b)


def test_entities_everywhere_in_the_story_prove_nothing():
    a = view("a", "close", "Norvania closed the border crossing", {"agent": {"norvania"}})
    b = view("b", "shut", "Norvania shut a school in the capital", {"agent": {"norvania"}})
    assert same_claim(a, b) is False or same_claim(a, b, frozenset({"norvania"})) is False
    assert not same_claim(a, b, frozenset({"norvania"}))


def test_a_copy_with_one_origin_matches_on_some_shared_words():
    a = view("a", "target", "rockets targeted the embassy compound at dawn", origin="agency:X")
    b = view("b", "target", "militia fighters targeted the compound", origin="agency:X")
    c = view("c", "target", "militia fighters targeted the compound", origin="c")
    assert same_claim(a, b)
    assert not same_claim(a, c)


def test_groups_do_not_chain_through_incompatible_speakers():
    a = view(
        "a", "say", "Holt said the vote was fair and free", {"agent": {"holt"}}, {"agent": "holt"}
    )
    b = view("b", "say", "the vote was fair and free, she said", {}, {"agent": "she"})
    c = view(
        "c", "say", "Ruiz said the vote was fair and free", {"agent": {"ruiz"}}, {"agent": "ruiz"}
    )
    groups = group_frames([a, b, c])
    members = sorted(sorted(v.article_id for v in g) for g in groups)
    assert ["a", "c"] not in members and ["a", "b", "c"] not in members


def test_common_entities_are_those_of_a_fifth_of_the_sentences():
    views = [
        view(str(i), "go", f"sentence {i}", sentence_entities={"us"} | ({"x"} if i == 0 else set()))
        for i in range(12)
    ]
    assert common_entities(views) == frozenset({"us"})
    # A short story has no setting: every name it gives is evidence.
    assert common_entities(views[:11]) == frozenset()
