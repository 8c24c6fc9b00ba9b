"""Site furniture out, every body sentence kept: hand-made pages of imaginary outlets, then the
reference story as scraped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.ingest.furniture import CleanedText, clean_scraped_text

# --------------------------------------------------------------------------------------------
# Hand-made fixtures (our own text; the outlets do not exist)

HARBOUR_COURIER = """\
World | Europe

Port workers end strike after pay deal

Port workers end strike after pay deal
Dockers in Valdren returned to work on Tuesday after a three-week stoppage over wages.
By Mara Lindqvist
Published: 14 March 2022
5 min read
Cranes stand idle at the Valdren container terminal. Image: Ola Berg/AFP via Getty Images

Dockers at the port of Valdren went back to work on Tuesday, ending a three-week strike that \
had left more than 40 ships waiting offshore.

Listen to this article

The union said its members had accepted a 7 percent pay rise spread over two years.

Advertisement

"We did not get everything, but we got enough," said union leader Petra Nyholm.

Related: Shipping rates climb as Valdren backlog grows

First, the port authority agreed to hire 120 more crane operators.

Second, night shifts will be shortened

What comes next

Shippers expect the backlog to clear within ten days, the port authority said.

He declined to comment.

Share this article

Subscribe to our newsletter

Tags: Valdren, ports, strikes

Copyright © 2022 The Harbour Courier. All rights reserved.
"""

DAILY_LANTERN = """\
Flood barrier plan approved after years of delay
Updated 3 hours ago
Photo: Workers inspect the old river wall in Korvik (Lantern/J. Amsel)

The city council of Korvik approved a new flood barrier on Monday after six years of debate.

Click here to see our interactive map of the flood zones

Share prices of the construction firm that will build the barrier rose 4 percent on Monday.

Residents can sign up for the council's flood warning texts from May, the mayor said.

Comments made by the opposition leader during the debate angered some residents.

Follow-up talks with the regional government are planned for April.

Photo evidence shown at the hearing revealed cracks in the old wall.

Sign up for our morning briefing

Comments (12)

Follow us on Facebook and Twitter for the latest updates
"""

# Furniture of a dozen kinds, each on a line between two body paragraphs or at the end.
FURNITURE_LINES = {
    "Subscribe to our newsletter": "signup prompt",
    "Share this article": "share prompt",
    "Image: Sven Dahl/AFP via Getty Images": "caption",
    "Related: Minister resigns after budget row": "read-more link",
    "Click here to read the full report": "link prompt",
    "Copyright © 2021 Example Media Ltd": "copyright",
    "All rights reserved": "copyright",
    "Advertisement": "advert",
    "Listen to this article": "link prompt",
    "5 min read": "read time",
    "Updated 3 hours ago": "timestamp",
    "Sign up for the Evening Digest": "signup prompt",
    "Comments (12)": "counter",
    "Tags: Iraq, US": "tags",
    "Photo: A protester waves a flag in Baghdad (Reuters)": "caption",
    "Follow us on Instagram": "follow prompt",
    "Read more: Parliament votes on new budget": "read-more link",
    "Facebook Twitter WhatsApp Email": "share prompt",
    "Getty": "caption",
    "Join the conversation": "comment prompt",
    "Story continues below advertisement": "advert",
    "(Reporting by Jane Roe; Editing by John Doe)": "staff credit",
    "Home > News > Middle East": "breadcrumb",
}

BODY_A = "The committee met for three hours on Thursday and agreed on a draft text."
BODY_B = "Officials said the final vote would take place next week in the capital."


def _removed_reasons(cleaned: CleanedText) -> dict[str, str]:
    return {removed.text: removed.reason for removed in cleaned.removed}


def _paragraphs(cleaned: CleanedText) -> list[str]:
    return cleaned.text.split("\n\n")


def test_harbour_courier_header_is_identified() -> None:
    cleaned = clean_scraped_text(HARBOUR_COURIER)
    assert cleaned.title == "Port workers end strike after pay deal"
    assert cleaned.standfirst is not None and cleaned.standfirst.startswith("Dockers in Valdren")
    assert cleaned.byline == "By Mara Lindqvist"
    assert cleaned.dateline == "Published: 14 March 2022"


def test_harbour_courier_furniture_is_removed_with_reasons() -> None:
    reasons = _removed_reasons(clean_scraped_text(HARBOUR_COURIER))
    assert reasons["World | Europe"] == "section label"
    assert reasons["Port workers end strike after pay deal"] in {"title", "repeated title"}
    assert reasons["5 min read"] == "read time"
    assert (
        reasons[
            "Cranes stand idle at the Valdren container terminal. Image: Ola Berg/AFP via Getty Images"
        ]
        == "caption"
    )
    assert reasons["Listen to this article"] == "link prompt"
    assert reasons["Advertisement"] == "advert"
    assert reasons["Related: Shipping rates climb as Valdren backlog grows"] == "read-more link"
    assert reasons["Share this article"] == "share prompt"
    assert reasons["Subscribe to our newsletter"] == "signup prompt"
    assert reasons["Tags: Valdren, ports, strikes"] == "tags"
    assert reasons["Copyright © 2022 The Harbour Courier. All rights reserved."] == "copyright"


def test_harbour_courier_body_is_kept_whole() -> None:
    paragraphs = _paragraphs(clean_scraped_text(HARBOUR_COURIER))
    assert paragraphs == [
        # The standfirst is the outlet's summary of the story: kept, as the first paragraph.
        "Dockers in Valdren returned to work on Tuesday after a three-week stoppage over wages.",
        "Dockers at the port of Valdren went back to work on Tuesday, ending a three-week "
        "strike that had left more than 40 ships waiting offshore.",
        "The union said its members had accepted a 7 percent pay rise spread over two years.",
        '"We did not get everything, but we got enough," said union leader Petra Nyholm.',
        "First, the port authority agreed to hire 120 more crane operators.",
        "Second, night shifts will be shortened",  # a list item without a full stop
        "What comes next",  # a subheading inside the body
        "Shippers expect the backlog to clear within ten days, the port authority said.",
        "He declined to comment.",  # short, and "comment" is share vocabulary
    ]


def test_sentences_that_look_like_furniture_are_kept() -> None:
    cleaned = clean_scraped_text(DAILY_LANTERN)
    text = cleaned.text
    for sentence in (
        "Share prices of the construction firm",
        "Residents can sign up for the council's flood warning texts",
        "Comments made by the opposition leader",
        "Follow-up talks with the regional government",
        "Photo evidence shown at the hearing",
    ):
        assert sentence in text
    reasons = _removed_reasons(cleaned)
    assert reasons["Updated 3 hours ago"] == "timestamp"
    assert reasons["Click here to see our interactive map of the flood zones"] == "link prompt"
    assert reasons["Sign up for our morning briefing"] == "signup prompt"
    assert reasons["Comments (12)"] == "counter"
    assert reasons["Follow us on Facebook and Twitter for the latest updates"] == "follow prompt"
    assert (
        reasons["Photo: Workers inspect the old river wall in Korvik (Lantern/J. Amsel)"]
        == "caption"
    )
    assert cleaned.title == "Flood barrier plan approved after years of delay"


@pytest.mark.parametrize(("line", "reason"), sorted(FURNITURE_LINES.items()))
def test_furniture_between_body_paragraphs_is_removed(line: str, reason: str) -> None:
    cleaned = clean_scraped_text(f"{BODY_A}\n\n{line}\n\n{BODY_B}\n")
    assert _paragraphs(cleaned) == [BODY_A, BODY_B]
    assert _removed_reasons(cleaned) == {line: reason}


@pytest.mark.parametrize(("line", "reason"), sorted(FURNITURE_LINES.items()))
def test_furniture_at_the_end_is_removed(line: str, reason: str) -> None:
    cleaned = clean_scraped_text(f"{BODY_A}\n\n{BODY_B}\n\n{line}")
    assert _paragraphs(cleaned) == [BODY_A, BODY_B]
    assert _removed_reasons(cleaned)[line] == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Subscribers to the service will pay 4 euros more from June.",
        "Save the Children said 40 schools had closed in the region.",
        "Follow the money, the auditor told the committee.",
        '"Join us," the protesters chanted outside the ministry.',
        "Tags on the crates showed they had come from the northern port.",
        "Email records seen by the paper show the deal was agreed in May.",
        "Related charges against two officials were dropped last year.",
        "Advertisement spending fell by a third in the first quarter.",
        "Updated figures showed 12 people had died in the fire.",
        "Copyright lawyers said the ruling could be appealed next year.",
        "The agency said on Monday that the findings were preliminary (AFP).",
        "Sources close to the talks said the two sides were still far apart.",
        "Comments by the minister were welcomed by the opposition.",
        "The Popular Mobilisation Forces (PMF)",
        "He declined to comment.",
        "Why did the talks fail?",
        "By Tuesday, the rebels had left the city.",
        "By Reuters' count, 40 rockets have hit the zone since October.",
    ],
)
def test_body_sentences_that_resemble_furniture_are_kept(sentence: str) -> None:
    for text in (f"{BODY_A}\n\n{sentence}\n\n{BODY_B}", f"{BODY_A}\n\n{BODY_B}\n\n{sentence}"):
        assert sentence in clean_scraped_text(text).text, text


def test_a_text_without_header_or_furniture_is_kept_unchanged() -> None:
    raw = f"{BODY_A}\n\n{BODY_B}\n\nThe new rules take effect in January."
    cleaned = clean_scraped_text(raw)
    assert cleaned.text == raw
    assert cleaned.removed == ()
    assert cleaned.title is None


def test_first_paragraph_is_not_mistaken_for_a_standfirst() -> None:
    raw = (
        "Council backs new tram line\n\n"
        "The council voted on Tuesday to build a tram line across the old town.\n\n"
        f"{BODY_A}\n\n{BODY_B}\n"
    )
    cleaned = clean_scraped_text(raw)
    assert cleaned.title == "Council backs new tram line"
    assert cleaned.standfirst is None
    assert cleaned.text.startswith("The council voted on Tuesday")


def test_caption_repeated_without_its_credit_is_removed_once_as_caption() -> None:
    caption = "Firefighters tackle the blaze at the Korvik warehouse"
    raw = f"Warehouse fire\n\n{caption} (photo: KARL VENN/REUTERS)\n{caption}\n{BODY_A}\n{BODY_B}"
    reasons = _removed_reasons(clean_scraped_text(raw))
    assert reasons[f"{caption} (photo: KARL VENN/REUTERS)"] == "caption"
    assert reasons[caption] == "repeated caption"


def test_pull_quote_repeating_a_body_sentence_is_removed_and_the_sentence_kept() -> None:
    quote = "We will not sign a deal that leaves our members worse off."
    raw = f"{BODY_A}\n\n{quote} The union leader said so twice.\n\n{quote}\n\n{BODY_B}"
    cleaned = clean_scraped_text(raw)
    assert cleaned.text.count(quote) == 1
    assert _removed_reasons(cleaned) == {quote: "repeated line"}


def test_dateline_and_name_next_to_it_are_header() -> None:
    raw = (
        "Editor in Chief Ana Morel\n\n"
        "Will the bridge open on time?\n\n"
        "Tue 3 May 2022 | 09:40 AM\n"
        "K-Sorell\n\n"
        f"{BODY_A}\n\n{BODY_B}"
    )
    cleaned = clean_scraped_text(raw)
    assert cleaned.title == "Will the bridge open on time?"
    assert cleaned.dateline == "Tue 3 May 2022 | 09:40 AM"
    assert cleaned.byline == "K-Sorell"
    assert _removed_reasons(cleaned)["Editor in Chief Ana Morel"] == "masthead"
    assert _paragraphs(cleaned) == [BODY_A, BODY_B]


def test_event_date_in_the_first_paragraph_is_not_a_dateline() -> None:
    first = "On Friday, May 6, 2022, the bridge was opened by the mayor of Korvik."
    cleaned = clean_scraped_text(f"Bridge opens\n\n{first}\n\n{BODY_A}")
    assert cleaned.dateline is None
    assert first in cleaned.text


def test_author_bio_at_the_end_is_removed() -> None:
    bio = "The author is a senior fellow at an imaginary institute. She writes on energy policy."
    cleaned = clean_scraped_text(f"{BODY_A}\n\n{BODY_B}\n\n{bio}")
    assert _removed_reasons(cleaned) == {bio: "author bio"}


def test_link_residue_and_contact_prompt_are_removed() -> None:
    raw = (
        f"{BODY_A}\n\n{BODY_B}\n\n"
        "Parts of this report draw on the following sources:,,, and\n\n"
        "Got a story for us? Contact us at"
    )
    reasons = _removed_reasons(clean_scraped_text(raw))
    assert reasons["Parts of this report draw on the following sources:,,, and"] == (
        "stripped link"
    )
    assert reasons["Got a story for us? Contact us at"] == "contact prompt"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    raw = (
        "The harbour authority said on Monday that the new quay would open in the\n"
        "spring, two years later than planned, because of a shortage of steel and\n"
        "a dispute with the main contractor.\n\n"
        "Shipping companies have already moved part of their traffic to the rival\n"
        "port of Ostra, where fees are lower and berths are easier to book in the\n"
        "busy summer months.\n\n"
        "Share this article\n"
    )
    cleaned = clean_scraped_text(raw)
    assert _paragraphs(cleaned) == [
        "The harbour authority said on Monday that the new quay would open in the spring, two "
        "years later than planned, because of a shortage of steel and a dispute with the main "
        "contractor.",
        "Shipping companies have already moved part of their traffic to the rival port of "
        "Ostra, where fees are lower and berths are easier to book in the busy summer months.",
    ]
    assert _removed_reasons(cleaned) == {"Share this article": "share prompt"}


def test_odd_whitespace_is_normalised_and_text_otherwise_kept() -> None:
    raw = "\ufeffFirst line of the body ends here.\u00a0\r\n\r\nIt\u2019s  a  second\u200b one.\t\n"
    cleaned = clean_scraped_text(raw)
    assert cleaned.text == "First line of the body ends here.\n\nIt\u2019s a second one."


def test_every_non_blank_line_is_kept_or_accounted_for() -> None:
    cleaned = clean_scraped_text(HARBOUR_COURIER)
    lines = [line for line in HARBOUR_COURIER.splitlines() if line.strip()]
    kept = _paragraphs(cleaned)
    assert len(lines) == len(kept) + len(cleaned.removed)
    assert all(removed.line is not None for removed in cleaned.removed)
    for removed in cleaned.removed:
        assert HARBOUR_COURIER.splitlines()[removed.line - 1].strip() == removed.text


def test_cleaning_is_deterministic_and_per_document() -> None:
    first = clean_scraped_text(HARBOUR_COURIER)
    clean_scraped_text(DAILY_LANTERN)  # no state carried between documents
    assert clean_scraped_text(HARBOUR_COURIER) == first


def test_blank_input_gives_empty_text() -> None:
    assert clean_scraped_text(" \n\u00a0\n") == CleanedText(text="")


# --------------------------------------------------------------------------------------------
# The reference story, as scraped (read at run time; skipped when ../shared is absent)

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "iraq-embassy-2020"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="reference corpus not available")

#: Furniture of the five articles, by a phrase of each piece: none may be left in a clean text.
REFERENCE_FURNITURE = (
    "Iraq flags. Source:",
    "edited using data from the following websites",
    "Print Friendly",
    "Post a comment",
    "3 min read",
    "[Getty]",
    "Read also:",
    "Follow us on Facebook",
    "Source: Azad Lashkari",
    "Have a tip or story?",
    "Get in touch with our reporters",
    "Supervisor Elham AbolFateh",
    "Editor in Chief",
    "Mon 28 Sep 2020",
    "H-Tayea",
    "photo credit",
    "Iranian-backed militias stand on a tank",
    "The writer holds a PhD",
)

#: Lines that the body-sentence check below must not demand, by a phrase: furniture that
#: happens to be written as long sentences. Standfirsts are not listed: they stay in the text.
KNOWN_FURNITURE_SENTENCES = ("The writer holds a PhD",)  # 004's author bio

_SENTENCE_END = re.compile(r"(?:[.!?…][\"'”’)\]]*|[”\"’])$")


def _reference(name_prefix: str) -> str:
    (path,) = CORPUS.glob(f"{name_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _body_sentence_lines(raw: str) -> list[str]:
    """Raw lines that are body sentences, decided without the cleaner: at least 12 words and
    ending as a sentence, less the known furniture."""
    lines = []
    for line in raw.splitlines():
        line = " ".join(line.replace("\u00a0", " ").split())
        if len(line.split()) < 12 or not _SENTENCE_END.search(line):
            continue
        if any(phrase in line for phrase in KNOWN_FURNITURE_SENTENCES):
            continue
        lines.append(line)
    return lines


@needs_corpus
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_reference_no_body_sentence_is_lost(prefix: str) -> None:
    raw = _reference(prefix)
    cleaned = clean_scraped_text(raw)
    body_lines = _body_sentence_lines(raw)
    assert len(body_lines) >= 10
    for line in body_lines:
        assert line in cleaned.text, line


@needs_corpus
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_reference_furniture_is_gone(prefix: str) -> None:
    text = clean_scraped_text(_reference(prefix)).text
    for phrase in REFERENCE_FURNITURE:
        assert phrase not in text, phrase
    assert "\u00a0" not in text


@needs_corpus
def test_reference_removals_by_reason() -> None:
    expected = {
        "000": ["caption", "stripped link", "share prompt", "comment prompt"],
        "001": [
            "title",
            "repeated title",
            "read time",
            "caption",
            "read-more link",
            "follow prompt",
        ],
        "002": ["title", "repeated title", "byline", "contact prompt"],
        "003": ["masthead", "masthead", "title", "dateline", "byline"],
        "004": ["title", "repeated standfirst", "caption", "repeated caption", "author bio"],
    }
    for prefix, reasons in expected.items():
        cleaned = clean_scraped_text(_reference(prefix))
        assert [removed.reason for removed in cleaned.removed] == reasons, prefix


@needs_corpus
def test_reference_subheading_inside_the_body_is_kept() -> None:
    # "Rockets hit Kurdish area of Iraq" is a subheading of 001's body, written by the outlet
    # as part of the article: kept, because it carries the story's own words and a heading
    # removed from the middle of a body is as lost as a sentence.
    assert "\n\nRockets hit Kurdish area of Iraq\n\n" in clean_scraped_text(_reference("001")).text


@needs_corpus
@pytest.mark.parametrize(
    ("prefix", "opening", "kept"),
    [
        ("001", "Iraq has expressed dissatisfaction", True),
        ("002", "The move could create a war-situation", True),
        ("004", "This US warning has raised serious concerns", False),  # repeated in the body
    ],
)
def test_reference_standfirsts_are_found_and_kept_once(
    prefix: str, opening: str, kept: bool
) -> None:
    cleaned = clean_scraped_text(_reference(prefix))
    assert cleaned.standfirst is not None and cleaned.standfirst.startswith(opening)
    assert cleaned.text.startswith(opening) is kept
    assert cleaned.text.count(opening) == 1
