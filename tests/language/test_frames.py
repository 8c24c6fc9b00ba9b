"""Predicate-argument frames on hand-made sentences, through the real model."""

from __future__ import annotations

import pytest

from storyline.language.annotate import annotate_doc
from storyline.language.context import ArticleContext
from storyline.model import PublicationDate


@pytest.fixture(scope="module")
def frames_of():
    from storyline.language.nlp import load

    nlp = load()

    def run(text: str, published: str | None = "2021-03-10"):
        doc = nlp(text)
        context = ArticleContext(
            "t", PublicationDate(published, "input" if published else "unknown")
        )
        return annotate_doc(doc, context).frames

    return run


def _one(frames, predicate):
    (frame,) = [f for f in frames if f.predicate == predicate]
    return frame


def test_an_eventive_noun_with_its_agent_recipient_and_date(frames_of):
    text = "The talks followed a warning from Minister Ada Holt to Governor Ben Ruiz on March 3."
    frame = _one(frames_of(text), "warn")
    assert frame.argument("agent").text == "Minister Ada Holt"
    assert frame.argument("recipient").text == "Governor Ben Ruiz"
    # "on March 3" hangs on "followed"; the warning takes it from its governor.
    assert [t.value for t in frame.times] == ["2021-03-03"]


def test_passive_agent_patient_and_count(frames_of):
    text = "Four rockets were fired at the base by an armed group, officials said."
    frame = _one(frames_of(text), "fire")
    assert frame.argument("agent").text == "an armed group"
    assert frame.argument("patient").text == "Four rockets"
    assert [q.value for q in frame.quantities] == [4.0]


def test_a_participle_shares_its_governors_subject_and_date(frames_of):
    text = "A shell hit a house on Monday evening, killing three people."
    frame = _one(frames_of(text), "kill")
    assert frame.argument("agent").text == "A shell"
    assert frame.time_inherited
    assert frame.times[0].value.startswith("2021-03-08")


def test_plans_hedges_conditions_and_negation(frames_of):
    frames = frames_of(
        "The force is expected to shrink to 900 soldiers. The strike could delay the vote. "
        "The army will leave if the talks fail. The ministry did not confirm the figure."
    )
    assert _one(frames, "shrink").modality == "planned"
    assert _one(frames, "delay").modality == "hedged"
    assert _one(frames, "fail").modality == "conditional"
    assert _one(frames, "confirm").negated


def test_a_nested_condition_is_its_own_clause(frames_of):
    text = "Even if the talks were on the table, the army still has 2,000 soldiers in the region."
    frames = frames_of(text)
    have = _one(frames, "have")
    clause = text[have.start : have.end]
    assert "if" not in clause.split()
    assert clause.startswith("the army still has 2,000 soldiers")
    assert have.modality == "asserted"
    assert _one(frames, "be").modality == "conditional"


def test_content_of_a_quote_is_attributed_to_its_speaker(frames_of):
    text = '"The bridge will reopen in May," said Mayor Lia Stone on Friday.'
    frame = _one(frames_of(text), "reopen")
    assert frame.attribution.kind == "quote"
    assert frame.attribution.source == "Lia Stone"


def test_a_place_is_named_or_a_place_noun_never_a_date(frames_of):
    frames = frames_of("Protesters gathered in Varna in August. Police met them at the station.")
    assert _one(frames, "gather").argument("place").text == "Varna"
    assert _one(frames, "meet").argument("place").text == "the station"


def test_a_place_hung_on_the_object_is_the_acts_place(frames_of):
    frame = _one(frames_of("The envoy met Prime Minister Karl Dorn in Vienna on May 4."), "meet")
    assert frame.argument("place").text == "Vienna"
    assert frame.argument("patient").text.startswith("Prime Minister Karl Dorn")
