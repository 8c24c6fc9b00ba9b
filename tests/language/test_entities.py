"""Entity mentions in one article, on hand-made sentences about invented events."""

from __future__ import annotations

import pytest

from storyline.language.context import ArticleContext
from storyline.language.entities import EntityMention, find_mentions
from storyline.model import UNKNOWN_DATE


@pytest.fixture(scope="module")
def mentions_of():
    from storyline.language import nlp

    try:
        nlp.load()
    except nlp.ModelMissing as error:  # pragma: no cover - depends on the environment
        pytest.skip(str(error))

    def run(text: str) -> list[EntityMention]:
        doc = next(nlp.parse([text]))
        found = find_mentions(doc, ArticleContext("art", UNKNOWN_DATE))
        for mention in found:  # offsets always point into the clean text
            assert text[mention.start : mention.end] == mention.text
            assert mention.head_start < mention.head_end
        return found

    return run


def one(mentions: list[EntityMention], name: str, via: str = "name") -> EntityMention:
    found = [m for m in mentions if m.name == name and m.via == via]
    assert len(found) == 1, [(m.name, m.via) for m in mentions]
    return found[0]


def head_text(text: str, mention: EntityMention) -> str:
    return text[mention.head_start : mention.head_end]


def test_title_before_a_name_gives_role_and_affiliation(mentions_of):
    text = "French Foreign Minister Claire Dubois arrived in Lagos on Tuesday for talks."
    dubois = one(mentions_of(text), "Claire Dubois")
    assert dubois.kind == "person"
    assert dubois.text == "French Foreign Minister Claire Dubois"
    assert (dubois.role, dubois.affiliation) == ("foreign minister", "France")


def test_title_with_of_and_a_country_in_it(mentions_of):
    text = "US Secretary of State Paul Grant visited the plant on Monday."
    grant = one(mentions_of(text), "Paul Grant")
    assert (grant.role, grant.affiliation) == ("secretary of state", "United States")
    # "US" belongs to the title; it is kept as the affiliation, not as a separate mention
    assert not [m for m in mentions_of(text) if m.name == "US"]


def test_a_role_noun_after_of_for_belongs_to_the_name_it_precedes(mentions_of):
    text = (
        "Prime Minister Daniel Okafor met donors on Friday. Samuel Adeyemi, a spokesman for "
        "Prime Minister Okafor, said the budget would pass."
    )
    found = mentions_of(text)
    okafor = [m for m in found if m.name == "Okafor"]
    assert okafor and okafor[0].role == "prime minister"
    assert one(found, "Samuel Adeyemi").role == "spokesman"
    assert one(found, "Daniel Okafor").role == "prime minister"


def test_abbreviated_title_is_expanded(mentions_of):
    text = "Protesters gathered outside parliament. PM Okafor said he would meet them on Monday."
    okafor = one(mentions_of(text), "Okafor")
    assert okafor.role == "prime minister"


def test_the_minister_resolves_to_the_minister_named_before(mentions_of):
    text = (
        "French Foreign Minister Claire Dubois arrived in Lagos on Tuesday. "
        "The minister said the talks had gone well."
    )
    found = mentions_of(text)
    role = one(found, "The minister", via="role")
    assert role.kind == "person"
    assert head_text(text, role) == "Claire Dubois"


def test_a_role_that_does_not_agree_is_not_resolved(mentions_of):
    text = (
        "Interior Minister Hamid al-Jaburi met the governor on Sunday. "
        "The prime minister was not present."
    )
    assert not [m for m in mentions_of(text) if m.via == "role"]


def test_pronoun_after_a_quote_resolves_to_the_speaker(mentions_of):
    text = (
        "“The harbour will reopen next week,” Mayor Anna Berg said on Sunday. "
        "“We have no other choice,” she added."
    )
    found = mentions_of(text)
    she = one(found, "she", via="pronoun")
    assert head_text(text, she) == "Anna Berg"


def test_pronoun_inside_a_quote_is_left_alone(mentions_of):
    text = "Mayor Anna Berg said: “The governor is wrong. He has never visited the harbour.”"
    assert not [m for m in mentions_of(text) if m.via == "pronoun"]


def test_pronoun_after_an_unnamed_speaker_is_not_given_to_the_name_in_that_phrase(mentions_of):
    text = (
        "The spokesperson for the Kenyan president William Ruto said that talks would go on. "
        "“Nobody is leaving,” he said."
    )
    found = mentions_of(text)
    assert not [m for m in found if m.via == "pronoun"]
    assert one(found, "William Ruto").role == "president"


def test_object_pronoun_is_not_the_subject_of_its_own_clause(mentions_of):
    text = "Envoy Mark Ellis met the ambassador of Chile to brief him on the plan."
    assert not [m for m in mentions_of(text) if m.via == "pronoun"]


def test_possessive_is_not_part_of_the_name(mentions_of):
    text = "Interior Minister Hamid al-Jaburi arrived late. Al-Jaburi’s office declined to comment."
    found = mentions_of(text)
    jaburi = [m for m in found if m.name.startswith("Al-Jaburi")]
    assert [m.name for m in jaburi] == ["Al-Jaburi"]


def test_split_group_name_is_joined(mentions_of):
    text = "The Islamic State group claimed the bombing in Mosul, and ISIS cells remain active."
    found = mentions_of(text)
    group = one(found, "Islamic State group")
    assert group.kind == "organisation"
    assert one(found, "ISIS").kind == "organisation"


def test_guarded_acronym_needs_a_group_word(mentions_of):
    found = mentions_of("Officials said IS fighters had left the valley.")
    assert one(found, "IS").kind == "organisation"


def test_capital_as_actor_stands_for_its_government(mentions_of):
    text = "Washington warned that it would cut aid, a threat by Washington that angered Nairobi."
    found = [m for m in mentions_of(text) if m.name == "Washington"]
    assert [m.stands_for for m in found] == ["United States", "United States"]


def test_capital_as_a_place_stays_a_place(mentions_of):
    text = "The two leaders met in Washington last year to discuss trade."
    washington = one(mentions_of(text), "Washington")
    assert washington.kind == "place"
    assert washington.stands_for is None


def test_adjective_demonym_is_not_a_mention(mentions_of):
    found = mentions_of("The Chilean government said the Chileans would vote in May.")
    assert [m.name for m in found if m.kind == "group"] == ["Chileans"]


def test_mentions_are_in_text_order(mentions_of):
    text = (
        "French Foreign Minister Claire Dubois arrived in Lagos. The minister said she was "
        "hopeful, and Washington welcomed the visit."
    )
    found = mentions_of(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
