"""Text helpers of the extractive summariser: concept tokens, trimming, sentence filters.

Concepts are word bigrams over the tokens ROUGE itself uses (lower-cased runs of ``[a-z0-9]``;
words longer than three letters stemmed), so that what the summariser counts is what the
scorer counts. The stemmer is Snowball's English (Porter2) from the small pure-Python
``snowballstemmer`` package; NLTK is not used (its import alone takes most of a second, and its
data downloads are not available). The stop-word list is our own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

# Function words: a bigram made only of these is not a concept (ICSI drops bigrams of two stop
# words). Our own list, the closed classes of English plus the commonest auxiliaries.
_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either else
    ever few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just let may me might more most must my myself neither no nor
    not now of off on once only or other ought our ours ourselves out over own same shall she
    should so some such than that the their theirs them themselves then there these they this
    those through to too under until up upon us very was we were what when where whether which
    while who whom whose why will with within without would yet you your yours yourself
    yourselves s t d ll m re ve
    """
STOP_WORDS = frozenset(_STOP_WORDS.split())

_TOKEN = re.compile(r"[a-z0-9]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a lower-cased token; like ROUGE, words of three letters or fewer stay."""
    return _stemmer().stemWord(word) if len(word) > 3 else word


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens, as ROUGE tokenises (punctuation splits words)."""
    return _TOKEN.findall(text.lower())


def bigram_concepts(text: str, *, drop: str = "both-stop") -> set[tuple[str, str]]:
    """The stemmed word bigrams of ``text`` that count as concepts.

    ``drop`` says which bigrams are function-word noise: ``"both-stop"`` (ICSI: both words
    are stop words) or ``"any-stop"`` (either is).
    """
    words = tokens(text)
    concepts: set[tuple[str, str]] = set()
    for first, second in itertools.pairwise(words):
        a_stop, b_stop = first in STOP_WORDS, second in STOP_WORDS
        if (a_stop and b_stop) if drop == "both-stop" else (a_stop or b_stop):
            continue
        concepts.add((stem(first), stem(second)))
    return concepts


def count_words(text: str) -> int:
    """Words as DUC's length limit counts them: runs of non-space."""
    return len(text.split())


def clean_spaces(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# --------------------------------------------------------------------------- trimming

# "LONDON (AP) _ ", "BEIJING, Oct. 16 (Xinhua) -- ", "PORT ELLIS, Norland (WNS) — ",
# "WASHINGTON — ": a dateline in front of a wire story's first sentence.
_DATELINE = re.compile(
    r"""^(?:[A-Z][A-Z.'\-]*(?:\s+[A-Z][A-Z.'\-]*)*       # CITY in capitals
        (?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?  # , Region or Month
        (?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?           # , Oct. 16
        \s*(?:\([^()]{1,40}\))?\s*                       # (AGENCY)
        (?:_|--|—|–|-)\s+)""",
    re.VERBOSE,
)
# Connectives that tie a sentence to the one before it; dropping them keeps it true.
CONNECTIVES = (
    "also",
    "and",
    "but",
    "besides",
    "consequently",
    "furthermore",
    "however",
    "in addition",
    "in particular",
    "in turn",
    "indeed",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "on the other hand",
    "separately",
    "so",
    "still",
    "therefore",
    "thus",
    "yet",
)
# "Also," / "In addition," need the comma; "And" / "But" / "So" / "Yet" start a clause bare.
_BARE = ("and", "but", "so", "yet")
_CONNECTIVE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(c) for c in CONNECTIVES)
    + r")\s*,|(?:"
    + "|".join(_BARE)
    + r")\s)\s*",
    re.IGNORECASE,
)
_DAY = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
_CLOSE = r"\s*(?P<end>[.!]?[\"'”’]?)\s*$"
# A trailing attribution to a pronoun, which names nobody: ", he said." / ", she added on
# Tuesday." The sentence stays the reporter's account of that person's words.
_PRONOUN_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|they)\s+(?:said|says|added|told reporters|noted)" + _DAY + _CLOSE
)
# Any short trailing attribution: ", the interior ministry said on Tuesday." / ", according to
# the agency." (up to six words naming the source, no comma among them).
_ANY_ATTRIBUTION = re.compile(
    r",\s+(?:(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+\s+(?:said|says|reported|announced|added|"
    r"told reporters|noted|confirmed)|according\s+to(?:\s+[\w'’.-]+){1,6})" + _DAY + _CLOSE
)
ATTRIBUTION_MODES = ("none", "pronoun", "all")


@dataclass(frozen=True)
class Trimmed:
    """A sentence's kept text and where it lies in the original sentence string."""

    text: str
    start: int  # offsets into the untrimmed sentence string
    end: int


def trim(sentence: str, *, attribution: str = "pronoun") -> Trimmed:
    """``sentence`` without a leading dateline or connective, and without a trailing
    attribution (``attribution``: ``"pronoun"`` only ", he said"; ``"all"`` any short one;
    ``"none"``); the first letter is capitalised after a cut."""
    start, end = 0, len(sentence.rstrip())
    while start < end and sentence[start].isspace():
        start += 1
    cut = False
    for pattern in (_DATELINE, _CONNECTIVE):
        match = pattern.match(sentence, start, end)
        # keep the sentence whole when the match would leave almost nothing
        if match and match.end() > start and end - match.end() > 20:
            start, cut = match.end(), True
    text = sentence[start:end]
    pattern = {"pronoun": _PRONOUN_ATTRIBUTION, "all": _ANY_ATTRIBUTION}.get(attribution)
    if pattern is not None:
        match = pattern.search(text)
        if match and match.start() > 20:
            closing = match.group("end") or "."
            quote_close = closing[-1] if closing[-1] in "\"'”’" else ""
            # '"…," he said.' keeps its closing quote and ends with a full stop inside it
            body = text[: match.start()].rstrip()
            if body.endswith(('"', "”", "'", "’")):
                quote_close, body = body[-1], body[:-1].rstrip()
            body = body.rstrip(",")
            text = body + "." + quote_close
            end = start + match.start()
    if cut and text[:1].islower():
        text = text[0].upper() + text[1:]
    return Trimmed(clean_spaces(text), start, end)


# --------------------------------------------------------------------------- filters

# Pronouns that need a referent in the sentence before. "I" and "we" are left: they open quotes.
# "This" and "that" opening a sentence point back too ("That would lead to …", "This plan …"),
# and so does an item of a list ("Second, they believe …" needs the sentence announcing it).
_PRONOUNS = (
    "he she they it his her hers their theirs its him them these those this that "
    "first second third fourth fifth finally lastly"
)
PRONOUNS = frozenset(_PRONOUNS.split())
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")


def leading_pronoun(text: str) -> str | None:
    """The pronoun that opens ``text`` (lower-cased), or None."""
    match = _FIRST_WORD.match(text)
    if match and match.group(1).lower() in PRONOUNS:
        return match.group(1)
    return None


_QUOTES = '"“”«»'


def is_question(text: str) -> bool:
    return text.rstrip("\"'”’) ").endswith("?")


def opens_with_quote(text: str) -> bool:
    """A direct quotation sentence: it opens with a quotation mark."""
    return text[:1] in _QUOTES or text.startswith(("``", "''"))


def has_quote(text: str) -> bool:
    return any(mark in text for mark in _QUOTES) or "``" in text


def resolve_pronoun(text: str, referent: str) -> str:
    """``text`` with its leading pronoun replaced by ``referent`` ("His" → "Smith's")."""
    match = _FIRST_WORD.match(text)
    if not match:
        return text
    pronoun = match.group(1).lower()
    replacement = f"{referent}'s" if pronoun in {"his", "her", "its", "their"} else referent
    if pronoun in {"hers", "theirs"}:
        replacement = f"{referent}'s"
    return text[: match.start(1)] + replacement + text[match.end(1) :]
