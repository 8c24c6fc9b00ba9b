"""Stance of a statement toward a claim, on hand-written claims and headlines: the label and the
cues it rests on."""

from __future__ import annotations

import pytest

from storyline.claims.stance import (
    BIASES,
    FEATURES,
    STANCES,
    WEIGHTS,
    label_stance,
    stance_features,
    stem,
)

ARREST = "The harbour mayor was arrested for bribery"
BRIDGE = "The city will close the north bridge in June"


def evidence(claim: str, statement: str) -> list[tuple[str, str, int, int]]:
    label = label_stance(claim, statement)
    return [(cue.kind, cue.text, cue.start, cue.end) for cue in label.evidence]


def test_a_restatement_is_for() -> None:
    label = label_stance(ARREST, "Harbour mayor arrested in bribery probe")
    assert label.stance == "for"
    assert label.evidence == ()
    values = label.features.as_dict()
    # harbour, mayor, arrested, bribery: all four claim words; four of the headline's five
    assert values["claim_overlap"] == 1.0
    assert values["statement_overlap"] == pytest.approx(4 / 5)


def test_a_denial_is_against_and_cites_the_denial() -> None:
    assert label_stance(ARREST, "Mayor arrest story is a hoax").stance == "against"
    assert evidence(ARREST, "Mayor arrest story is a hoax") == [("denial", "hoax", 24, 28)]
    assert label_stance(ARREST, "Police deny arresting harbour mayor").stance == "against"
    assert evidence(ARREST, "Police deny arresting harbour mayor") == [("denial", "deny", 7, 11)]


def test_a_negation_of_a_claim_word_is_against() -> None:
    statement = "Harbour mayor was not arrested, police say"
    label = label_stance(ARREST, statement)
    assert label.stance == "against"
    assert label.features.as_dict()["negation_on_claim"] == 1.0
    assert evidence(ARREST, statement) == [("negation", "not", 18, 21)]


def test_an_answering_no_is_against() -> None:
    claim = "A glacier guide saw a yeti"
    label = label_stance(claim, "No, a glacier guide did not see a yeti")
    assert label.stance == "against"
    assert ("denial", "No", 0, 2) in [(c.kind, c.text, c.start, c.end) for c in label.evidence]


def test_hedged_attributed_or_asked_is_observing() -> None:
    assert label_stance(ARREST, "Harbour mayor reportedly arrested").stance == "observing"
    assert evidence(ARREST, "Harbour mayor reportedly arrested") == [
        ("hedge", "reportedly", 14, 24)
    ]
    assert label_stance(ARREST, "Harbour mayor arrested for bribery: sources").stance == (
        "observing"
    )
    assert label_stance(ARREST, "Was the harbour mayor arrested?").stance == "observing"
    assert label_stance(BRIDGE, "City could close north bridge in June").stance == "observing"


def test_a_denial_inside_a_question_is_not_a_denial() -> None:
    label = label_stance(ARREST, "Harbour mayor arrested? Real or hoax?")
    assert label.stance == "observing"
    values = label.features.as_dict()
    assert values["denial"] == 0.0 and values["denial_in_question"] == 1.0


def test_a_negated_denial_affirms() -> None:
    label = label_stance(ARREST, "Harbour mayor arrest is not a hoax")
    assert label.stance == "for"
    values = label.features.as_dict()
    assert values["negated_denial"] == 1.0 and values["denial"] == 0.0


def test_cues_the_claim_has_itself_do_not_count() -> None:
    claim = "A glacier guide says he saw a yeti"
    label = label_stance(claim, "Glacier guide says he saw a yeti")
    assert label.stance == "for"
    assert label.features.as_dict()["attribution"] == 0.0


def test_a_negated_claim_restated_without_negation() -> None:
    claim = "The ferry did not sail on Sunday"
    values = stance_features(claim, "Ferry sailed on Sunday").as_dict()
    assert values["claim_negation"] == 1.0 and values["negation"] == 0.0


def test_an_opposite_word_of_the_claim_is_an_antonym_cue() -> None:
    features = stance_features("A famous chess player is dead", "Chess player alive and well")
    assert [(c.kind, c.text, c.start, c.end) for c in features.cues_of("antonym")] == [
        ("antonym", "alive", 13, 18)
    ]
    assert features.as_dict()["antonym"] == 1.0


def test_support_and_doubt() -> None:
    assert label_stance(BRIDGE, "City confirms north bridge will close in June").stance == "for"
    label = label_stance(BRIDGE, "Bridge closure unlikely, engineers say")
    assert label.stance == "against"
    assert [cue.text for cue in label.evidence] == ["unlikely"]


def test_light_normalisation() -> None:
    assert stem("Arrested") == "arrest"
    assert stem("mayor's") == "mayor"
    assert stem("bridges") == "bridg" == stem("bridged")
    assert stem("sun") == "sun"  # short words keep their ending


def test_weights_cover_every_feature_and_the_labelling_is_deterministic() -> None:
    for stance in STANCES:
        assert set(WEIGHTS[stance]) == set(FEATURES)
        assert stance in BIASES
    first = label_stance(ARREST, "Harbour mayor reportedly arrested")
    again = label_stance(ARREST, "Harbour mayor reportedly arrested")
    assert first == again
    assert [stance for stance, _ in first.scores] == list(STANCES)
    assert max(first.scores, key=lambda pair: pair[1])[0] == first.stance


def test_weights_can_be_passed_explicitly() -> None:
    flat = {stance: dict.fromkeys(FEATURES, 0.0) for stance in STANCES}
    biases = {"for": 0.0, "against": 0.0, "observing": 1.0}
    label = label_stance(ARREST, "Mayor arrest story is a hoax", weights=flat, biases=biases)
    assert label.stance == "observing" and label.evidence == ()
