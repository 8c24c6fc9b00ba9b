"""Numbers as values: the number-word parser alone, then hand-made sentences through the
model, then the reference story (skipped without ../shared)."""

from __future__ import annotations

import pytest

from storyline.language.context import ArticleContext
from storyline.language.numbers import parse_number
from storyline.model import UNKNOWN_DATE

# --------------------------------------------------------------------------- no model


@pytest.mark.parametrize(
    ("words", "value", "vague"),
    [
        ("5,000", 5000, False),
        ("3.6 billion", 3.6e9, False),
        ("3.6bn", 3.6e9, False),
        ("6.5 million", 6.5e6, False),
        ("twenty - five", 25, False),
        ("two hundred and fifty", 250, False),
        ("one million two hundred thousand", 1_200_000, False),
        ("half a million", 500_000, False),
        ("a dozen", 12, False),
        ("hundreds", 100, True),
        ("tens of thousands", 10_000, True),
    ],
)
def test_parse_number(words: str, value: float, vague: bool) -> None:
    parsed = parse_number(words.split())
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.vague is vague


@pytest.mark.parametrize("words", ["2020 2021", "several", "", "five apples"])
def test_parse_number_rejects(words: str) -> None:
    assert parse_number(words.split()) is None


# --------------------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def find():
    from storyline.language.nlp import ModelMissing, load
    from storyline.language.quantities import find_quantities

    try:
        nlp = load()
    except ModelMissing as error:
        pytest.skip(str(error))

    def run(text: str):
        return find_quantities(nlp(text), ArticleContext("a1", UNKNOWN_DATE))

    return run


def one(found, text: str):
    matches = [q for q in found if q.text == text]
    assert matches, f"{text!r} not in {[q.text for q in found]}"
    return matches[0]


def test_offsets_point_into_the_text(find) -> None:
    text = "Rebels fired 12 rockets at the base."
    (q,) = find(text)
    assert text[q.start : q.end] == q.text == "12 rockets"
    assert q.article_id == "a1"


def test_count_with_approximation_and_modifiers(find) -> None:
    q = one(
        find("Officials said more than 2,500 US troops remain in the country."),
        "more than 2,500 US troops",
    )
    assert (q.value, q.kind, q.unit) == (2500, "count", None)
    assert (q.approximation, q.comparator, q.approximation_text) == ("more than", ">", "more than")
    assert (q.low, q.high) == (2500, None)
    assert q.counted == "US troops" and q.counted_head == "troop"


def test_written_numbers_and_as_many_as(find) -> None:
    found = find("Militants launched as many as nine mortar rounds and twenty-one drones.")
    q = one(found, "as many as nine mortar rounds")
    assert (q.value, q.approximation, q.comparator, q.counted) == (
        9,
        "at most",
        "≤",
        "mortar rounds",
    )


def test_money_with_scale_and_rate(find) -> None:
    found = find("The ministry needs $2.4 billion per month and paid €30m in fees.")
    q = one(found, "$2.4 billion per month")
    assert (q.value, q.unit, q.kind, q.per) == (2.4e9, "USD", "money", "month")
    assert one(found, "€30m").value == 30e6


def test_pounds_are_money_only_after_a_scale(find) -> None:
    found = find("The club paid 5 million pounds for a dog weighing 40 pounds.")
    assert one(found, "5 million pounds").unit == "GBP"
    assert one(found, "40 pounds").unit == "lb"


def test_percent_forms(find) -> None:
    found = find("Prices rose 3.2 per cent, while about 40% of the 800 workers struck.")
    assert one(found, "3.2 per cent").unit == "percent"
    q = one(found, "about 40%")
    assert (q.value, q.unit, q.approximation) == (40, "percent", "about")


def test_measure(find) -> None:
    q = one(find("The convoy drove 85 km to deliver 2,000 tonnes of flour."), "85 km")
    assert (q.value, q.unit, q.kind) == (85, "km", "measure")


def test_vague_plural_is_a_lower_bound(find) -> None:
    q = one(find("Hundreds of families fled the shelling."), "Hundreds of families")
    assert (q.value, q.low, q.approximation, q.approximation_text) == (
        100,
        100,
        "at least",
        "Hundreds",
    )
    assert q.counted == "families"


def test_ranges(find) -> None:
    found = find("Between 30 and 50 villagers were evacuated, and four or five boats sank.")
    q = one(found, "Between 30 and 50 villagers")
    assert (q.value, q.low, q.high, q.approximation) == (None, 30, 50, "range")
    assert one(found, "four or five boats").high == 5


def test_casualties_by_group(find) -> None:
    (q,) = find("An airstrike killed four men and three boys near the market.")
    assert q.text == "four men and three boys"
    assert (q.value, q.parts, q.event, q.kind) == (7, ((4, "men"), (3, "boys")), "killed", "count")


def test_group_of_one(find) -> None:
    (q,) = find("Two guards and a driver were wounded in the ambush.")
    assert (q.value, q.parts, q.event) == (3, ((2, "guards"), (1, "driver")), "wounded")


def test_elliptic_count_takes_the_noun_before(find) -> None:
    found = find("Some 80 people were hurt and 9 were killed in the collapse.")
    q = one(found, "9")
    assert (q.counted, q.event) == ("people", "killed")
    assert one(found, "Some 80 people").event == "injured"


def test_change_from_to(find) -> None:
    found = find("The army will cut its force to 1,500 soldiers from 2,300 next year.")
    target, origin = one(found, "1,500 soldiers"), one(found, "2,300")
    for q in (target, origin):
        assert q.change is not None
        assert (q.change.verb, q.change.direction) == ("cut", "down")
        assert (q.change.from_value, q.change.to_value) == (2300, 1500)
    assert (target.change.role, origin.change.role) == ("to", "from")
    assert origin.counted == "soldiers"  # shared with its partner


def test_change_target_points_back_at_this_number(find) -> None:
    found = find(
        "There are about 900 advisers in the country. This number is expected to fall to 600 by June."
    )
    q = one(found, "600")
    assert q.change is not None and q.change.to_value == 600 and q.change.from_value is None
    assert q.counted == "advisers"


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on October 12, 2019 at 9 pm.",
        "The ceasefire held for two weeks.",
        "He was the second minister to resign, one of the few to speak out.",
        "The home side won 2-0 at Wembley, and Resolution 2334 was cited.",
        "Several rockets and many drones were fired.",
    ],
)
def test_dates_ordinals_names_and_vague_words_are_not_quantities(find, text: str) -> None:
    assert find(text) == []


# --------------------------------------------------------------------------- reference story


@pytest.fixture(scope="module")
def reference(find):
    from conftest import REFERENCE_STORY
    from storyline.evaluate.gold import clean_corpus_text

    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    return {
        path.name[:3]: find(clean_corpus_text(path))
        for path in sorted(REFERENCE_STORY.glob("*.txt"))
    }


def test_reference_five_children_and_two_women(reference) -> None:
    q = one(reference["001"], "five children and two women")
    assert (q.value, q.parts, q.event) == (7, ((5, "children"), (2, "women")), "killed")


def test_reference_two_women_and_three_children(reference) -> None:
    q = one(reference["002"], "two Iraqi women and three children")
    assert (q.value, q.parts, q.event) == (5, ((2, "women"), (3, "children")), "killed")


def test_reference_money_per_month(reference) -> None:
    q = one(reference["000"], "$3.6 billion per month")
    assert (q.value, q.unit, q.per) == (3.6e9, "USD", "month")


def test_reference_more_than_5000_us_troops(reference) -> None:
    q = one(reference["002"], "more than 5,000 US troops")
    assert (q.value, q.approximation, q.counted) == (5000, "more than", "US troops")


def test_reference_reduction_targets(reference) -> None:
    target = one(reference["002"], "3,000")
    assert target.change is not None and target.change.to_value == 3000
    assert target.counted == "US troops"
    cut = one(reference["000"], "3,000 troops")
    assert cut.change is not None
    assert (cut.change.from_value, cut.change.to_value) == (5200, 3000)


def test_reference_around_40_rocket_attacks(reference) -> None:
    q = one(reference["001"], "around 40 rocket attacks")
    assert (q.value, q.approximation, q.comparator, q.counted) == (
        40,
        "about",
        "≈",
        "rocket attacks",
    )


def test_zero_is_a_number_word():
    # "zero" maps to 0, which is falsy: it once fell through to the tens table and crashed.
    parsed = parse_number(["zero"])
    assert parsed is not None and parsed.value == 0
