"""Quotes with speakers: the quote-mark scanner alone, then hand-made sentences (our own text)
through the model, then the reference story (skipped without ../shared)."""

from __future__ import annotations

import pytest

from storyline.language.context import ArticleContext
from storyline.language.quotes_direct import find_marked, top_level
from storyline.model import UNKNOWN_DATE

# --------------------------------------------------------------------------- no model


def contents(text: str) -> list[str]:
    return [text[m.start : m.end] for m in top_level(find_marked(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Curly,” she said.", ["Curly,"]),
        ('"Straight," he said.', ["Straight,"]),
        ("'Single,' he said.", ["Single,"]),
        ("‘Curly single,’ he said.", ["Curly single,"]),
        ("Iraq’s army said it's over; the allies’ plan stands.", []),
        ("'It's the club's day,' he said.", ["It's the club's day,"]),
        ("He called it “absurd” and “late”.", ["absurd", "late"]),
        ("Stray close” mark and “a quote”.", ["a quote"]),
        ("“One paragraph.\n\n“Another one.”\n\nAfter.", ["One paragraph.\n\n“Another one."]),
        ("“Never closed here.\n\nNew paragraph.", ["Never closed here."]),
        ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
    ],
)
def test_find_marked(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


# --------------------------------------------------------------------------- hand-made


@pytest.fixture(scope="module")
def find():
    from storyline.language.nlp import ModelMissing, load
    from storyline.language.quotes import find_quotes

    try:
        nlp = load()
    except ModelMissing as error:
        pytest.skip(str(error))

    def run(text: str):
        doc = nlp(text)
        return doc, find_quotes(doc, ArticleContext("a1", UNKNOWN_DATE))

    return run


def one(quotes, starts: str):
    found = [q for q in quotes if q.text.startswith(starts)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def who(doc, quote) -> str:
    """The speaker as the brief would show it: the antecedent when there is one."""
    s = quote.speaker
    assert s is not None
    if s.antecedent_start is not None:
        return doc.text[s.antecedent_start : s.antecedent_end]
    return s.text


def test_straight_quote_attribution_after(find) -> None:
    doc, quotes = find('"We will not back down," Governor Elena Marsh said on Tuesday.')
    q = one(quotes, "We will not")
    assert (q.kind, q.cue, who(doc, q), q.speaker.via) == ("direct", "said", "Elena Marsh", "name")
    assert doc.text[q.start : q.end] == q.text == "We will not back down,"
    assert doc.text[q.cue_start : q.cue_end] == "said"


def test_split_quote_shares_the_speaker(find) -> None:
    doc, quotes = find(
        '"The bridge is safe," said Tomas Reyes, the city engineer. "We checked every bolt."'
    )
    first, second = one(quotes, "The bridge"), one(quotes, "We checked")
    assert who(doc, first) == who(doc, second) == "Tomas Reyes"
    assert first.cue_start == second.cue_start  # linked parts of one statement


def test_colon_in_previous_sentence_and_paragraph(find) -> None:
    doc, quotes = find(
        "Mayor Ines Kovac spoke after the vote. She added:\n\n“This budget protects every library.”"
    )
    q = one(quotes, "This budget")
    assert (q.kind, q.cue, q.speaker.via) == ("direct", "added", "pronoun")
    assert who(doc, q).endswith("Ines Kovac")  # the title may come with the name


def test_quote_over_two_paragraphs(find) -> None:
    doc, quotes = find(
        "“The harvest came early,” farmer Jonas Albrecht said. “We lost a third of the wheat."
        "\n\n“Next year we will plant later.”"
    )
    q = one(quotes, "We lost")
    assert q.text.endswith("plant later.")
    assert who(doc, q) == "Jonas Albrecht"


def test_single_quotes_and_apostrophes(find) -> None:
    doc, quotes = find(
        "The company's chief, Mira Olsen, said the firm's profits had doubled. "
        "'We didn't expect it,' she said."
    )
    q = one(quotes, "We didn't")
    assert (q.kind, who(doc, q)) == ("direct", "Mira Olsen")
    indirect = one(quotes, "the firm's profits")
    assert (indirect.kind, indirect.cue, who(doc, indirect)) == ("indirect", "said", "Mira Olsen")


def test_partial_quote_inside_reported_speech(find) -> None:
    doc, quotes = find(
        "Health Minister Ana Duarte called the report “deeply flawed” and said it would be "
        "withdrawn by Friday."
    )
    q = one(quotes, "deeply flawed")
    assert (q.kind, who(doc, q)) == ("partial", "Ana Duarte")


def test_scare_quotes_are_not_quotes(find) -> None:
    _, quotes = find('Residents call the district the "Old Harbour" because of its docks.')
    assert quotes == []


@pytest.mark.parametrize(
    ("text", "clause", "cue", "speaker", "via"),
    [
        (
            "According to two senior police officers, the suspect fled across the border.",
            "the suspect fled",
            "According",
            "two senior police officers",
            "unnamed",
        ),
        (
            "A Western diplomat told Reuters that talks had stalled over the timetable.",
            "talks had stalled",
            "told",
            "A Western diplomat",
            "unnamed",
        ),
        (
            "Economist Lena Fischer argued that higher rates would slow hiring.",
            "higher rates",
            "argued",
            "Lena Fischer",
            "name",
        ),
        (
            "Three officials familiar with the talks warned that a deal was unlikely.",
            "a deal was",
            "warned",
            "Three officials familiar with the talks",
            "unnamed",
        ),
        (
            "The Ministry of Defence said in a statement that two soldiers were injured.",
            "two soldiers",
            "said",
            "Ministry of Defence",
            "organisation",
        ),
    ],
)
def test_indirect_speech(find, text, clause, cue, speaker, via) -> None:
    doc, quotes = find(text)
    q = one(quotes, clause)
    assert (q.kind, q.cue, q.speaker.via) == ("indirect", cue, via)
    assert speaker in q.speaker.description
    assert speaker.lower().split()[-1] in who(doc, q).lower()


def test_role_noun_resolves_to_the_named_person(find) -> None:
    doc, quotes = find(
        "Finance Minister Karl Brandt unveiled the plan on Monday. "
        "“Nobody will pay more tax,” the minister said."
    )
    q = one(quotes, "Nobody")
    assert (q.speaker.text, q.speaker.via, who(doc, q)) == ("the minister", "role", "Karl Brandt")


def test_unattributed_quote_continues_the_previous_speaker(find) -> None:
    doc, quotes = find(
        "Sara Lind, a nurse at the hospital, said the ward was full. “We had patients in the "
        "corridors.”"
    )
    assert who(doc, one(quotes, "We had")) == "Sara Lind"


def test_denials_and_negation(find) -> None:
    _doc, quotes = find(
        "The company denied that it had hidden the losses. He never said that it did."
    )
    q = one(quotes, "it had hidden")
    assert (q.cue, q.speaker.via) == ("denied", "organisation")
    assert all(not q.text.startswith("it did") for q in quotes)


# --------------------------------------------------------------------------- reference story


@pytest.fixture(scope="module")
def reference(find):
    from conftest import REFERENCE_STORY
    from storyline.evaluate.gold import clean_corpus_text as _corpus_text

    if not REFERENCE_STORY.is_dir():
        pytest.skip(f"reference story not found at {REFERENCE_STORY}")
    return {
        path.name[:3]: find(_corpus_text(path)) for path in sorted(REFERENCE_STORY.glob("*.txt"))
    }


@pytest.mark.parametrize(
    ("article", "starts", "speaker", "via"),
    [
        ("000", "A US withdrawal", "Fuad Hussein", "role"),
        ("000", "We hope that", "Hussein", "name"),
        ("000", "Some people in Washington", "Hussein", "pronoun"),
        ("000", "Attacks on foreign embassies", "Fuad Hussein", "role"),
        ("000", "Of course, from", "Feisal Amin Rasoul al-Istrabadi", "name"),
        ("000", "Al-Kadhimi’s position", "Brendan", "name"),
        ("000", "I would note", "Farhad Alaaldin", "name"),
        ("001", "A US withdrawal", "Fuad Hussein", "role"),
        ("001", "Some people in Washington", "Hussein", "pronoun"),
        ("001", "Six rockets were fired", "counter-terrorism division", "organisation"),
        ("001", "attacks on foreign embassies", "Fuad Hussein", "role"),
        ("002", "This has stimulated", "Leaf", "name"),
        ("002", "And that would", "Leaf", "pronoun"),
        ("002", "The closure of embassies", "al-Kadhimi", "name"),
        ("003", "There are outlaw groups", "spokesperson", "pronoun"),
        ("004", "Your threats will return", "Asaib Ahl al-Haq", "organisation"),
    ],
)
def test_reference_direct_quotes(reference, article, starts, speaker, via) -> None:
    doc, quotes = reference[article]
    q = one(quotes, starts)
    assert q.kind == "direct"
    assert q.speaker.via == via
    assert speaker in who(doc, q)


@pytest.mark.parametrize("article", ["000", "002"])
def test_reference_state_department(reference, article) -> None:
    _doc, quotes = reference[article]
    q = one(quotes, "We never comment on the Secretary")
    assert q.kind == "direct"
    assert "State Department" in q.speaker.text
    assert q.speaker.via == "organisation"


def test_reference_leaf_partial_quote(reference) -> None:
    doc, quotes = reference["002"]
    q = one(quotes, "a propaganda victory of epic proportions")
    assert (q.kind, q.cue, who(doc, q)) == ("partial", "arguing", "Barbara A. Leaf")


def test_reference_militia_threat_names_both_groups(reference) -> None:
    _, quotes = reference["004"]
    q = one(quotes, "Your threats will return")
    assert "Kata’ib Hezbollah" in q.speaker.text and "Asaib Ahl al-Haq" in q.speaker.text


def test_reference_stray_marks_around_a_report(reference) -> None:
    _doc, quotes = reference["003"]
    q = one(quotes, "the prime minister is lobbying")
    assert q.kind == "mixed" and "senior official" in q.speaker.text
    assert one(quotes, "negative consequences").kind == "partial"
    assert all(q.text != "Green Zone" for q in quotes)  # scare quotes
