"""What the claims stage must show on the reference story (publication dates supplied)."""

from __future__ import annotations


def _names(articles):
    return {article.id: prefix for prefix, article in articles.items()}


def _flags(reference_claims):
    articles, claims, _ = reference_claims
    name = _names(articles)
    return [
        (c.kind, name[c.a.article_id], c.a.text, name[c.b.article_id], c.b.text, c)
        for c in claims.contradictions
    ]


def test_exactly_the_three_disputes_of_the_story_are_flagged(reference_claims):
    found = sorted(
        (kind, tuple(sorted((a, b)))) for kind, a, _, b, _, _ in _flags(reference_claims)
    )
    assert found == [
        ("count", ("000", "001")),  # around 5,000 vs around 3,000 troops, changed in copying
        ("count", ("001", "002")),  # the casualties of the strike near Baghdad airport
        ("count", ("001", "002")),  # around 3,000 vs more than 5,000 troops
        ("date", ("002", "004")),  # Pompeo's warning to Salih: September 20 vs 21
    ]


def test_the_casualty_breakdowns_disagree_on_the_children(reference_claims):
    articles, _, _ = reference_claims
    (flag,) = [f for f in _flags(reference_claims) if "children" in f[5].subject]
    _, _, a_text, _, b_text, contradiction = flag
    assert {a_text, b_text} == {"five children and two women", "two Iraqi women and three children"}
    assert "5" in contradiction.a.value + contradiction.b.value
    assert "3" in contradiction.a.value + contradiction.b.value
    # Offsets point at the spans in the articles' clean texts.
    for side in (contradiction.a, contradiction.b):
        text = next(x.text for x in articles.values() if x.id == side.article_id)
        assert text[side.start : side.end] == side.text
    assert not contradiction.in_copying


def test_the_warning_is_dated_twice(reference_claims):
    (flag,) = [f for f in _flags(reference_claims) if f[0] == "date"]
    _, a, a_text, b, b_text, contradiction = flag
    assert {(a, a_text), (b, b_text)} == {("002", "September 20"), ("004", "September 21")}
    assert {contradiction.a.value, contradiction.b.value} == {"2020-09-20", "2020-09-21"}


def test_troop_numbers_flagged_with_the_copy_edit_and_the_announced_reduction(reference_claims):
    troops = [f for f in _flags(reference_claims) if f[5].subject == "troops"]
    by_pair = {tuple(sorted((a, b))): (a_text, b_text, c) for _, a, a_text, b, b_text, c in troops}
    assert set(by_pair) == {("000", "001"), ("001", "002")}
    copied = by_pair[("000", "001")]
    assert {copied[0], copied[1]} == {"around 5,000 troops", "around 3,000 troops"}
    assert copied[2].in_copying
    present = by_pair[("001", "002")]
    assert {present[0], present[1]} == {"around 3,000 troops", "more than 5,000 US troops"}
    assert present[2].note is not None and "3,000" in present[2].note
    # The planned reduction to 3,000 is never a side of a contradiction on its own.
    for _, _, a_text, _, b_text, _ in _flags(reference_claims):
        assert a_text != "3,000" and b_text != "3,000"


def test_what_is_not_a_contradiction_is_not_flagged(reference_claims):
    for _, _, a_text, _, b_text, _ in _flags(reference_claims):
        assert "40" not in a_text and "40" not in b_text  # copied figure, one source
        assert "Monday" not in a_text and "Monday" not in b_text  # = September 28


def test_six_rockets_at_erbil_have_two_independent_sources(reference_claims):
    articles, claims, _ = reference_claims
    name = _names(articles)
    (claim,) = [
        c for c in claims.claims if any(v.lower().startswith("six rockets") for v in c.values)
    ]
    assert {name[s.article_id] for s in claim.statements} == {"001", "004"}
    assert claim.independent_sources == 2


def test_the_forty_attacks_copied_from_afp_count_as_one_source(reference_claims):
    articles, claims, _ = reference_claims
    name = _names(articles)
    (claim,) = [c for c in claims.claims if "around 40 rocket attacks" in c.values]
    assert {name[s.article_id] for s in claim.statements} == {"000", "001"}
    assert claim.independent_sources == 1
    assert claim.sources == ("agency:AFP",)


def test_timeline_is_ordered_and_keeps_the_disputed_warning_date(reference_claims):
    _, claims, _ = reference_claims
    begins = [event.begin for event in claims.timeline]
    assert begins == sorted(begins)
    warning = [e for e in claims.timeline if "warned" in e.text and "Salih" in e.text]
    assert warning and warning[0].reported_dates == ("2020-09-20", "2020-09-21")
    strike = [e for e in claims.timeline if "killing five children" in e.text]
    assert strike and strike[0].date.startswith("2020-09-28")
    assert any(e.date == "2012" and "Benghazi" in e.text for e in claims.timeline)


def test_the_troop_figures_are_one_dispute_with_three_values(reference_claims):
    _, claims, _ = reference_claims
    disputes = {c.dispute for c in claims.contradictions}
    assert len(disputes) == 3  # casualties, the warning's date, troop numbers
    troops = [c for c in claims.contradictions if c.subject == "troops"]
    assert len({c.dispute for c in troops}) == 1
    values = {side.text for c in troops for side in (c.a, c.b)}
    assert values == {"around 3,000 troops", "around 5,000 troops", "more than 5,000 US troops"}
