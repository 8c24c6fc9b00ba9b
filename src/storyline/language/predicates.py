"""What a predicate means for comparing claims: its normal form, its class, and its kind.

Claims from different articles are compared slot by slot, and the first slot is the predicate:
"a warning from Pompeo to Salih" and "Pompeo warned Salih" state one event, as do "militias
launched six rockets" and "six rockets were fired". This module holds the small, general
tables that make that possible: eventive nouns mapped to their verbs, verbs grouped into
classes of near-synonyms news writing swaps freely, and the verbs that say how a clause is
meant (a plan, a forecast) rather than what happened. They are lists of English words, not of
any story's facts: each entry is a word a wire editor might pick for the same act.
"""

from __future__ import annotations

#: Eventive nouns and the verb each names. A noun is a predicate only when it carries an
#: argument (an agent "from"/"by", a recipient "to", a date), so "the attacks" alone is not.
EVENT_NOUNS: dict[str, str] = {
    "warning": "warn",
    "threat": "threaten",
    "ultimatum": "warn",
    "attack": "attack",
    "strike": "strike",
    "airstrike": "strike",
    "killing": "kill",
    "assassination": "kill",
    "death": "die",
    "meeting": "meet",
    "visit": "visit",
    "statement": "state",
    "announcement": "announce",
    "withdrawal": "withdraw",
    "pullout": "withdraw",
    "closure": "close",
    "shutdown": "close",
    "arrest": "arrest",
    "election": "elect",
    "explosion": "explode",
    "blast": "explode",
    "bombing": "bomb",
    "shooting": "shoot",
    "invasion": "invade",
    "resignation": "resign",
    "appointment": "appoint",
    "decision": "decide",
    "agreement": "agree",
    "deal": "agree",
    "call": "call",
    "request": "request",
    "demand": "demand",
    "condemnation": "condemn",
    "denial": "deny",
    "launch": "launch",
    "evacuation": "evacuate",
    "deployment": "deploy",
    "reduction": "reduce",
    "release": "release",
    "protest": "protest",
    "raid": "raid",
    "crash": "crash",
    "collapse": "collapse",
}

#: Classes of verbs that report the same act in news copy. The class is named by its first
#: member; a verb not listed is its own class. Kept narrow on purpose: a false match makes a
#: false contradiction, the costliest error (say ≠ warn, kill ≠ wound, attack ≠ threaten).
_CLASSES: tuple[tuple[str, ...], ...] = (
    ("kill", "slay", "murder"),
    ("die", "perish"),
    ("wound", "injure", "hurt"),
    ("fire", "launch", "shoot", "lob"),
    ("hit", "strike", "slam", "pound"),
    ("attack", "target", "assault"),
    ("warn", "caution"),
    ("threaten",),
    ("say", "state", "tell", "declare", "add", "announce", "note", "remark"),
    ("meet", "hold"),
    ("withdraw", "pull", "leave", "exit"),
    ("close", "shut"),
    ("reduce", "cut", "lower", "decrease"),
    ("increase", "raise", "boost"),
    ("arrest", "detain", "seize", "capture"),
    ("condemn", "denounce", "criticise", "criticize", "slam"),
    ("deny", "reject", "dismiss"),
    ("visit", "tour"),
    ("evacuate",),
    ("deploy", "send", "dispatch"),
    ("explode", "detonate", "blow"),
    ("destroy", "burn", "raze", "level", "flatten", "gut"),
    ("resign", "quit", "step"),
)
PREDICATE_CLASS: dict[str, str] = {}
for _members in _CLASSES:
    for _verb in _members:
        PREDICATE_CLASS.setdefault(_verb, _members[0])

#: Verbs that state how much or how many there are, not an event: "the US has 3,000 troops",
#: "there are 5,000 troops stationed". Counts under them are compared as states.
STATIVE = frozenset(
    {"be", "have", "station", "base", "remain", "number", "total", "keep", "maintain", "house"}
)

#: Verbs of speech whose clause complement is what was said; the speech act is a claim of its
#: own (Pompeo warned Salih on September 21), and the complement is attributed to its speaker.
REPORTING = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "report",
        "announce",
        "declare",
        "confirm",
        "deny",
        "warn",
        "argue",
        "insist",
        "allege",
        "note",
        "stress",
        "reveal",
        "write",
        "tweet",
        "believe",
        "think",
        "suggest",
        "acknowledge",
        "admit",
        "explain",
        "indicate",
    }
)

#: Governing verbs and adjectives that turn their complement into a plan or a forecast: "is
#: expected to reduce to 3,000", "plans to withdraw", "is likely to result". A plan is not a
#: statement of the present, so its values are never compared with present figures.
PLANNING = frozenset(
    {
        "expect",
        "plan",
        "intend",
        "aim",
        "schedule",
        "set",
        "due",
        "likely",
        "unlikely",
        "hope",
        "want",
        "seek",
        "propose",
        "consider",
        "prepare",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "go",
        "decide",
        "agree",
        "try",
        "attempt",
        "poise",
    }
)

#: Modal auxiliaries: "could"/"may"/"might" hedge; "will"/"would"/"shall" look ahead.
HEDGING_MODALS = frozenset({"could", "may", "might", "can"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "should", "must", "'ll", "wo"})


def normal_predicate(lemma: str, is_noun: bool = False) -> str:
    """The verb a predicate word stands for: "warning" → "warn", "launched" → "launch"."""
    word = lemma.lower()
    if is_noun:
        return EVENT_NOUNS.get(word, word)
    return word


def predicate_class(predicate: str) -> str:
    """The class of near-synonyms ``predicate`` belongs to (itself when it has none)."""
    return PREDICATE_CLASS.get(predicate, predicate)
