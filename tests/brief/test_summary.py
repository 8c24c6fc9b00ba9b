"""The extractive summariser on hand-made articles: budget, redundancy, independent support,
originals over copies, trimming with offsets, pronouns, determinism."""

from __future__ import annotations

import re

import pytest

from storyline.brief.summary import (
    SentenceSupport,
    Summary,
    SummaryDocument,
    SummaryParams,
    summarise,
)
from storyline.brief.summary_text import trim

# min_support=1: every concept counts, so these small stories need not reach ICSI's threshold.
EVERY_CONCEPT = SummaryParams(min_support=1, min_words=3)


def doc(
    doc_id: str,
    *sentences: str,
    published: str | None = None,
    support: tuple[SentenceSupport | None, ...] | None = None,
) -> SummaryDocument:
    """A document whose sentences are the given strings, one per line."""
    text = "\n".join(sentences)
    spans, position = [], 0
    for sentence in sentences:
        spans.append((position, position + len(sentence)))
        position += len(sentence) + 1
    return SummaryDocument(doc_id, text, tuple(spans), published, support)


def texts(summary: Summary) -> list[str]:
    return [s.text for s in summary.sentences]


FLOOD = "The Olsk River burst its banks in Marrow Bend after four days of heavy rain."
TOLL = "At least fourteen people died and thirty are missing in the Tervane floods."
ARMY = "The army sent twelve hundred soldiers and eight helicopters to the flooded valley."
RAIL = "The railway line to Denholm was cut when an embankment collapsed near Stell."


def test_the_word_budget_is_respected() -> None:
    docs = [
        doc("a", FLOOD, TOLL, ARMY, RAIL),
        doc("b", FLOOD, TOLL, RAIL),
        doc("c", TOLL, ARMY, FLOOD),
    ]
    for words in (10, 16, 20, 30, 45, 200):
        for solver in ("ilp", "greedy"):
            summary = summarise(docs, words, SummaryParams(min_support=1, solver=solver))
            assert summary.words <= words
            assert summary.words == sum(len(t.split()) for t in texts(summary))
    assert summarise(docs, 20).words >= 14  # one sentence fits: it is used
    assert summarise(docs, 5).sentences == ()  # nothing fits: nothing is made up


def test_a_sentence_repeating_anothers_concepts_is_not_picked_twice() -> None:
    toll_again = (
        "At least fourteen people died and thirty are missing in the Tervane floods, police said."
    )
    docs = [
        doc("a", TOLL, FLOOD),
        doc("b", toll_again, ARMY),
        doc("c", TOLL, ARMY, FLOOD),
    ]
    # 45 words: room for three of the four distinct sentences (58 words in all)
    summary = summarise(docs, 45, EVERY_CONCEPT)
    chosen = texts(summary)
    assert sum("fourteen people died" in t for t in chosen) == 1
    assert len(chosen) == 3  # the budget goes to the other aspects instead


def test_support_from_three_origins_beats_a_copy_made_four_times() -> None:
    backed = "Prime Minister Ilse Varga promised forty million kroner in emergency aid."
    copied = "Governor Aldo Renk said the Hollin dam upstream was completely safe."
    docs = [
        doc("w1", backed, "Rescue teams searched the villages of Stell and Ravno for hours."),
        doc("w2", backed, "Schools across the province stayed closed for the whole week."),
        doc("w3", backed, "Farmers said floodwater covered nine thousand hectares of land."),
        *[
            doc(f"r{k}", copied, f"Reprint number {k} of the same short wire story.")
            for k in range(4)
        ],
    ]
    # From text alone the copied sentence is in four documents and the backed one in three.
    assert texts(summarise(docs, 12, EVERY_CONCEPT)) == [copied]

    def support(d: SummaryDocument) -> tuple[SentenceSupport, ...]:
        if d.id.startswith("r"):  # every reprint's passages come from one origin: r0
            return tuple(
                SentenceSupport(frozenset({"r0"}), copied_from=None if d.id == "r0" else "r0")
                for _ in d.sentences
            )
        return tuple(SentenceSupport(frozenset({d.id})) for _ in d.sentences)

    supported = [SummaryDocument(d.id, d.text, d.sentences, d.published, support(d)) for d in docs]
    assert texts(summarise(supported, 12, EVERY_CONCEPT)) == [backed]


def test_the_original_is_chosen_over_its_copy() -> None:
    original = "The Kestrel lander touched down on Mare Crisium on Thursday afternoon."
    copy = "The Kestrel lander touched down on Mare Crisium on Thursday evening."
    # the copy is misdated before its original, so reading order alone would favour it
    docs = [
        doc("orig", original, ARMY, published="2023-02-23"),
        doc(
            "copy",
            copy,
            published="2023-02-22",
            support=(SentenceSupport(frozenset({"orig"}), copied_from="orig"),),
        ),
        doc("other", "Kestrel touched down on Mare Crisium, the first from Norland.", ARMY),
    ]
    for order in (docs, docs[::-1]):
        summary = summarise(order, 12, EVERY_CONCEPT)
        assert [(s.article_id, s.text) for s in summary.sentences] == [("orig", original)]
    # Without the copy mark, the copy (as many concepts, as long, published first) wins the
    # tie: the mark is what decides.
    unmarked = [docs[0], doc("copy", copy, published="2023-02-22"), docs[2]]
    assert summarise(unmarked, 12, EVERY_CONCEPT).sentences[0].article_id == "copy"


def test_a_leading_connective_is_trimmed_and_offsets_still_point_into_the_article() -> None:
    also = "Also, the railway line between Marrow Bend and Denholm was cut near Stell."
    article = doc("a", "Heavy rain fell for four days.", also)
    summary = summarise([article, doc("b", also)], 14, EVERY_CONCEPT)
    (chosen,) = summary.sentences
    assert chosen.text == "The railway line between Marrow Bend and Denholm was cut near Stell."
    assert article.text[chosen.start : chosen.end] == (
        "the railway line between Marrow Bend and Denholm was cut near Stell."
    )
    assert chosen.sentence == 1


def test_trim_keeps_the_sentence_true() -> None:
    cases = {
        "LONDON (AP) _ Former dictator Augusto Pinochet was arrested in London.": (
            "Former dictator Augusto Pinochet was arrested in London."
        ),
        "However, the rain eased on Tuesday morning and the river began to fall.": (
            "The rain eased on Tuesday morning and the river began to fall."
        ),
        "The money will pay for temporary housing and new roads, she said on Tuesday.": (
            "The money will pay for temporary housing and new roads."
        ),
        # not a connective: kept whole
        "Alsoran Industries said on Monday it would close two of its plants.": (
            "Alsoran Industries said on Monday it would close two of its plants."
        ),
        # a named speaker is kept (only pronoun attributions go by default)
        "The death toll rose to fourteen on Tuesday, the interior ministry said.": (
            "The death toll rose to fourteen on Tuesday, the interior ministry said."
        ),
    }
    for sentence, expected in cases.items():
        kept = trim(sentence)
        assert kept.text == expected
        assert sentence[kept.start : kept.end].lower().rstrip(".") == expected.lower().rstrip(".")


PRONOUN_FIRST = (
    "He said the Hollin dam upstream was safe and engineers would release water on Wednesday."
)
REFERENT = "Governor Aldo Renk visited the shelters in Marrow Bend."


def test_a_pronoun_initial_sentence_is_avoided_when_its_referent_is_absent() -> None:
    docs = [
        doc("a", REFERENT, PRONOUN_FIRST),
        doc(
            "b", "The Hollin dam upstream was full, and engineers would release water on Wednesday."
        ),
        doc("c", "Engineers would release water from the Hollin dam upstream on Wednesday."),
    ]
    chosen = texts(summarise(docs, 16, EVERY_CONCEPT))
    assert chosen and not any(t.startswith("He ") for t in chosen)
    # With room for both, the pronoun sentence may come with the sentence that names him.
    roomy = summarise(docs, 24, EVERY_CONCEPT)
    for s in roomy.sentences:
        if s.text.startswith("He "):
            previous = [t for t in roomy.sentences if t.article_id == "a" and t.sentence == 0]
            assert previous, "the pronoun's referent must precede it"


def test_a_pronoun_with_a_known_referent_is_resolved() -> None:
    support = (None, SentenceSupport(frozenset({"a"}), referent="Renk"))
    docs = [
        doc("a", REFERENT, PRONOUN_FIRST, support=support),
        doc("b", "Engineers would release water from the Hollin dam upstream on Wednesday."),
    ]
    chosen = summarise(docs, 16, EVERY_CONCEPT).sentences
    assert [s.text for s in chosen] == [PRONOUN_FIRST.replace("He said", "Renk said", 1)]
    assert docs[0].text[chosen[0].start : chosen[0].end] == PRONOUN_FIRST


def test_questions_and_quotes_are_not_chosen() -> None:
    question = "Is the country ready for floods of this size in the Olsk valley?"
    quote = "“The Olsk valley was not ready for floods of this size,” she said."
    plain = "The Olsk valley was not ready for floods of this size, engineers said."
    docs = [doc("a", question, quote), doc("b", question, quote), doc("c", plain)]
    assert texts(summarise(docs, 14, EVERY_CONCEPT)) == [plain]


def test_same_input_in_any_order_gives_the_same_summary() -> None:
    docs = [
        doc("a", FLOOD, TOLL, ARMY, published="2023-03-13"),
        doc("b", TOLL, RAIL, published="2023-03-14"),
        doc("c", ARMY, FLOOD, RAIL, published="2023-03-15"),
    ]
    first = summarise(docs, 40, EVERY_CONCEPT)
    assert summarise(docs[::-1], 40, EVERY_CONCEPT) == first
    # reading order: by publication date, then position
    order = [(s.article_id, s.sentence) for s in first.sentences]
    assert order == sorted(order, key=lambda x: ({"a": 0, "b": 1, "c": 2}[x[0]], x[1]))


def test_cut_mode_adds_a_sentence_to_be_cut_at_the_limit() -> None:
    docs = [doc("a", FLOOD, TOLL, ARMY, RAIL), doc("b", TOLL, ARMY), doc("c", FLOOD, RAIL)]
    summary = summarise(docs, 20, EVERY_CONCEPT, cut=True)
    assert summary.words <= 20
    assert summary.overflow is not None
    assert summary.overflow.text not in texts(summary)


def test_bad_parameters_and_documents_are_rejected_with_the_valid_values() -> None:
    with pytest.raises(ValueError, match=re.escape("valid: keep, drop-opening, drop-any")):
        SummaryParams(quotes="sometimes")
    with pytest.raises(ValueError, match="outside its text"):
        SummaryDocument("x", "short", ((0, 50),))
    with pytest.raises(ValueError, match="2 support entries for 1 sentences"):
        SummaryDocument("x", "Short text.", ((0, 11),), support=(None, None))
    with pytest.raises(ValueError, match="words=0"):
        summarise([doc("a", FLOOD)], 0)
