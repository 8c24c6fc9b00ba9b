"""The words of titles, roles and references in general English newswriting: role nouns and
what narrows them, courtesy titles, people who go unnamed, and the words that tell a capital
standing for its government from a place."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that head a title or a role description.
ROLE_HEADS = _words(
    """minister president secretary undersecretary ambassador spokesman spokeswoman spokesperson
    speaker chairman chairwoman chair director professor commander general cleric leader chief
    governor mayor senator envoy king queen prince ayatollah sheikh judge prosecutor premier
    chancellor pm mp member head diplomat official adviser advisor lawmaker representative
    congressman congresswoman colonel captain admiral emir imam pope bishop rabbi editor ceo
    founder coordinator negotiator attorney"""
)
# Words that narrow a role ("foreign minister", "deputy prime minister").
ROLE_MODIFIERS = _words(
    """foreign prime defence defense interior finance deputy vice former acting senior top
    assistant health trade economy justice oil energy education military army police security
    national executive managing press state grand supreme special chief"""
)
# Courtesy titles: stripped from names, not roles.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"})
ROLE_CANONICAL = {"pm": "prime minister", "mp": "member of parliament", "premier": "prime minister"}
CONNECTORS = frozenset({"of", "for", "to"})
# Institution words spaCy sometimes tags as a name on their own ("our Embassy" → PERSON).
INSTITUTION_WORDS = frozenset(
    {"embassy", "state", "parliament", "government", "ministry", "congress", "senate", "court"}
)
PLACE_NOUNS = frozenset(
    {"province", "region", "city", "governorate", "district", "county", "town", "village"}
)
PRONOUNS = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
# Nouns for people who are not named: a pronoun after one may refer to them, so it is not
# resolved to a named person (see ``entity_coreference._resolve_pronoun``).
PERSON_NOUNS = frozenset(
    ROLE_HEADS
    | {"source", "man", "woman", "witness", "resident", "expert", "analyst", "officer", "aide"}
)
# Verbs whose subject, when a capital, is a place rather than a government.
PLACE_VERBS = frozenset({"lie", "sit", "host", "border", "overlook", "become", "remain"})
# Adjectives of stance: "Baghdad is not happy" speaks for the government.
STANCE_ADJECTIVES = _words(
    """happy unhappy ready willing concerned worried angry determined committed prepared keen
    confident opposed furious pleased satisfied dissatisfied reluctant eager"""
)
GOVERNMENT_PREPOSITIONS = frozenset({"by", "from", "for", "between", "against"})


def title_word(token: Token) -> bool:
    low = token.lower_.rstrip(".")
    return low in ROLE_HEADS or low in ROLE_MODIFIERS or low in HONORIFICS


def canonical_role(role: str) -> str:
    for short, full in ROLE_CANONICAL.items():
        if role == short or role.endswith(" " + short):
            return role[: len(role) - len(short)] + full
    return role
