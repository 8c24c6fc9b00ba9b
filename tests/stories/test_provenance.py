"""Direction, patchwork shares, passage origins, source groups and independent sources."""

from __future__ import annotations

import itertools

from records import make_article
from storyline.model import PublicationDate
from storyline.stories.alignment import align_articles
from storyline.stories.provenance import independent_sources, trace_provenance
from storyline.stories.provenance_evidence import wire_agency

WIRE = (
    "Rescue teams pulled eleven survivors from the collapsed hotel in the port city on Sunday, "
    "officials told AFP. The building, which had been under renovation, fell shortly after "
    "midnight while about forty guests were asleep. Engineers said the collapse was caused by "
    "work on the ground floor that removed a load-bearing wall. The mayor ordered all "
    "construction in the old town to stop until every site had been inspected."
)
OWN = (
    "Our reporter spoke with families waiting outside the cordon through the night. Many said "
    "they had warned the owners about the cracks for months without any answer."
)


def _trace(articles):
    passages = []
    for a, b in itertools.combinations(sorted(articles, key=lambda x: x.id), 2):
        passages += align_articles(a, b, None, None)
    return trace_provenance(articles, passages, None)


def test_reprints_of_a_wire_story_are_one_source_and_one_group():
    wire = make_article(WIRE, "wire.txt", published=PublicationDate("2021-05-01", "dateline"))
    reprints = [
        make_article(
            f"Update {n}. " + WIRE,
            f"r{n}.txt",
            published=PublicationDate(f"2021-05-0{n + 2}", "dateline"),
        )
        for n in range(3)
    ]
    provenance = _trace([wire, *reprints])
    from_wire = [d for d in provenance.directions if wire.id in (d.source_id, d.copy_id)]
    assert len(from_wire) == 3
    assert all(d.source_id == wire.id and d.confidence > 0.5 for d in from_wire)
    (group,) = provenance.groups
    assert group.origin == "agency:AFP"
    assert set(group.article_ids) == {wire.id, *(r.id for r in reprints)}
    spans = [(r.id, 20, 60) for r in reprints] + [(wire.id, 10, 50)]
    assert independent_sources(provenance, spans) == {"agency:AFP"}


def test_patchwork_adds_only_what_it_wrote():
    wire = make_article(WIRE, "wire.txt")
    patch = make_article(OWN + "\n\n" + WIRE.split(". The mayor")[0] + ".", "patch.txt")
    provenance = _trace([wire, patch])
    (direction,) = provenance.directions
    assert (direction.source_id, direction.copy_id) == (wire.id, patch.id)
    assert any("no publication date" in e for e in direction.evidence)
    record = next(r for r in provenance.articles if r.article_id == patch.id)
    assert record.is_patchwork
    assert record.copied_from[0][0] == wire.id
    assert 0.2 < record.own_share < 0.6
    own_fact = (patch.id, 0, 40)
    copied_fact = (patch.id, patch.text.index("Rescue"), patch.text.index("Rescue") + 40)
    assert independent_sources(provenance, [copied_fact, (wire.id, 0, 40)]) == {"agency:AFP"}
    assert independent_sources(provenance, [own_fact, (wire.id, 0, 40)]) == {patch.id, "agency:AFP"}


def test_no_evidence_says_so_and_is_deterministic():
    a = make_article(WIRE.replace(", officials told AFP", ""), "a.txt")
    b = make_article(WIRE.replace(", officials told AFP", "") + " More later.", "b.txt")
    first, second = _trace([a, b]), _trace([b, a])
    assert first == second


def test_wire_agency_evidence():
    assert wire_agency(make_article("x (AP) — Something happened.", "a.txt"))[0] == "AP"
    assert wire_agency(make_article("Reuters quoted a diplomat.", "a.txt"))[0] is None
    both = "Sources told AFP it was so. A source told Al-Monitor it was not."
    assert wire_agency(make_article(both, "a.txt"))[0] is None


def test_reference_story_provenance(reference_articles):
    articles, language = reference_articles
    by = {a.source_id[:3]: a for a in articles}
    passages = []
    for a, b in itertools.combinations(articles, 2):
        passages += align_articles(a, b, language[a.id], language[b.id])
    provenance = trace_provenance(articles, passages, language)
    records = {r.article_id: r for r in provenance.articles}
    patch = records[by["000"].id]
    shares = dict(patch.copied_from)
    assert 0.2 <= shares[by["001"].id] <= 0.45
    assert patch.is_patchwork
    assert 0.4 <= patch.own_share <= 0.8
    assert records[by["001"].id].wire_agency == "AFP"
    direction = next(
        d for d in provenance.directions if {d.source_id, d.copy_id} == {by["000"].id, by["001"].id}
    )
    assert (direction.source_id, direction.copy_id) == (by["001"].id, by["000"].id)
    assert any("AFP" in e for e in direction.evidence)
    copied = [
        c for c in provenance.copies if c.copy_id == by["000"].id and c.source_id == by["001"].id
    ]
    assert len(copied) >= 5
    # The State Department statement both carry is shared quoting: never a copied passage.
    statement = by["000"].text.index("We never comment")
    assert not any(c.copy_start <= statement < c.copy_end for c in provenance.copies)
    # A fact 000 copied from 001 is one source; 002, 003, 004 copy nobody and nobody copies them
    # among themselves.
    fact = "Several political and diplomatic sources have told AFP"
    spans = [
        (by[k].id, by[k].text.index(fact), by[k].text.index(fact) + len(fact))
        for k in ("000", "001")
    ]
    assert len(provenance.independent_sources(spans)) == 1
    independent = {by[k].id for k in ("002", "003", "004")}
    assert not any({d.source_id, d.copy_id} <= independent for d in provenance.directions)
