from __future__ import annotations

import pytest

from records import make_article
from storyline.model import PublicationDate
from storyline.stories.duplicates import (
    DuplicateParams,
    find_near_duplicates,
    minhash_from_bytes,
    shingles,
    signature,
    signature_bytes,
)

BASE = (
    "The city council voted on Tuesday to close the old ferry terminal after engineers found "
    "cracks in the main pier. Repairs would cost more than the terminal earns in ten years, the "
    "council's finance officer told reporters. Commuters will use a temporary landing at the "
    "northern dock until a new terminal opens, which the mayor expects to happen within three "
    "years. Local shop owners near the terminal said they feared losing most of their trade."
)
REPRINT = BASE + " Follow our live coverage for updates."
OTHER = (
    "A wildfire in the hills north of the town forced two hundred families from their homes on "
    "Friday. Firefighters said strong winds pushed the flames across the valley overnight, and "
    "that three helicopters were dropping water on the fire's eastern edge."
)


def test_reprint_with_an_extra_line_is_linked_to_the_earlier_original():
    original = make_article(BASE, "orig.txt", published=PublicationDate("2021-05-01", "dateline"))
    reprint = make_article(REPRINT, "copy.txt", published=PublicationDate("2021-05-02", "dateline"))
    unrelated = make_article(OTHER, "fire.txt")
    links = find_near_duplicates([reprint, unrelated, original])
    assert len(links) == 1
    (link,) = links
    assert (link.article_id, link.twin_id, link.kind) == (reprint.id, original.id, "near")
    assert 0.8 <= link.similarity < 1.0


def test_undated_copy_is_never_the_canonical_member():
    dated = make_article(REPRINT, "dated.txt", published=PublicationDate("2021-05-02", "dateline"))
    undated = make_article(BASE, "undated.txt")
    (link,) = find_near_duplicates([undated, dated])
    assert link.twin_id == dated.id


def test_result_does_not_depend_on_input_order():
    articles = [make_article(BASE, "a"), make_article(REPRINT, "b"), make_article(OTHER, "c")]
    assert find_near_duplicates(articles) == find_near_duplicates(list(reversed(articles)))


def test_different_stories_of_one_kind_are_not_duplicates():
    half = BASE.split(". ")
    rewrite = ". ".join(half[:2]) + ". " + OTHER
    assert find_near_duplicates([make_article(BASE, "a"), make_article(rewrite, "b")]) == []


def test_signature_round_trips_through_bytes():
    params = DuplicateParams()
    minhash = signature(BASE, params)
    restored = minhash_from_bytes(signature_bytes(minhash), params)
    assert restored.jaccard(minhash) == 1.0


def test_shingles_ignore_case_and_typographic_quotes():
    assert shingles("He said “No” to IT", 2) == shingles('he said "no" to it', 2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("threshold", 0.0, "threshold"), ("num_perm", 4, "num_perm"), ("shingle_words", 0, "shingle")],
)
def test_parameters_are_validated(field, value, message):
    with pytest.raises(ValueError, match=message):
        DuplicateParams(**{field: value})


def test_analysis_recomputes_signatures_made_with_other_parameters(tmp_path):
    from storyline.analysis import link_near_duplicates
    from storyline.store import InputRecord, SQLiteStore

    articles = [make_article(BASE, "a"), make_article(REPRINT, "b")]
    with SQLiteStore(tmp_path / "s.db") as store:
        for article in articles:
            store.put_article(
                article, InputRecord(article.source_id, "x", "0" * 64, "article", article.id)
            )
        link_near_duplicates(articles, store, DuplicateParams(num_perm=128))
        link_near_duplicates(articles, store, DuplicateParams(num_perm=256))  # no length clash
        (link,) = store.duplicate_links([a.id for a in articles])
    assert link.kind == "near"
