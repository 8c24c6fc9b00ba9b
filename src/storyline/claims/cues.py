"""Cue words that tell how a sentence or a headline holds its claim.

Each finder takes plain text and returns the cues it found as ``Cue(kind, text, start, end)``,
with character offsets into that text, so a claim (or a stance label) can cite the very words it
rests on. The kinds:

- ``hedge``: the writer does not vouch for the statement ("reportedly", "could", "is expected
  to", "unconfirmed", "rumour");
- ``attribution``: the statement is someone else's ("said", "according to", "sources told",
  "Report:");
- ``denial``: the statement is called untrue ("denies", "hoax", "not true", "debunked", "no
  evidence");
- ``doubt``: weaker than a denial: the writer doubts it ("unlikely", "dubious", "too good to be
  true");
- ``support``: the statement is vouched for ("confirms", "it's true", "officially");
- ``negation``: a grammatical negation ("not", "never", "didn't", "no");
- ``question``: a question, from the start of its sentence to its question mark, or a sentence
  opened by an auxiliary verb ("Did …", "Is …") that is a question without its mark;
- ``antonym``: not found here but by claim matching (``storyline.claims.stance``): a word
  opposite to a word of the claim ("alive" against "dead").

The lexicons are general English: every entry is a word or phrase that carries its meaning in
any news text, and none names the subject of a particular claim. Headlines of Emergent's
training split were read to find missing entries (the test split was not); words that are as
often literal as not ("staged", "scam", "lies", "tricked") are left out, so that a cue seldom
raises a false alarm. They are regular expressions (case is
ignored), matched on word boundaries, longest alternative first; apostrophes may be typographic
or missing ("didn't", "didn’t", "didnt"), because scraped headlines lose them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

CueKind = Literal[
    "hedge", "attribution", "denial", "doubt", "support", "negation", "question", "antonym"
]
# The kinds found in text alone; "antonym" is given by claim matching (``claims.stance``): a
# word of the statement opposite to a word of the claim.
KINDS: tuple[CueKind, ...] = (
    "hedge",
    "attribution",
    "denial",
    "doubt",
    "support",
    "negation",
    "question",
)

_APOS = "['’]?"  # an apostrophe as scraped: straight, typographic, or lost


@dataclass(frozen=True)
class Cue:
    """One cue: its kind, the words as written, and their offsets in the text searched."""

    kind: CueKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    """A word with its offsets; ``norm`` is case-folded with apostrophes straightened."""

    text: str
    norm: str
    start: int
    end: int


# --------------------------------------------------------------------------- lexicons

# Hedges: the writer reports the statement without standing behind it. Adverbs of evidence
# ("reportedly", "allegedly"), epistemic modals ("could", "may", "might": a possibility, not a
# fact), raising verbs that keep the writer at a distance ("appears to", "is said to", "is
# believed to"), expectation ("is expected to", "tipped to"), the vocabulary of rumour and
# speculation, and of unfinished business ("in talks", "considering", "preliminary"). "would"
# is left out: in news it is as often reported speech of a firm plan ("the firm would close")
# as a hedge. "will" is a plain future, no hedge.
HEDGES: tuple[str, ...] = (
    r"reportedly",
    r"allegedly",
    r"alleged",
    r"apparently",
    r"purportedly",
    r"purported",
    r"supposedly",
    r"supposed",
    r"presumably",
    r"seemingly",
    r"possibly",
    r"possible",
    r"probably",
    r"likely",
    r"perhaps",
    r"maybe",
    r"potentially",
    r"potential",
    r"could",
    r"may",
    r"might",
    r"(?:is|are|was|were)\s+expected\s+to",
    r"expected\s+to",
    r"(?:is|are|was|were)\s+(?:said|believed|thought|rumou?red|understood)\s+to",
    r"(?:said|believed|thought|rumou?red)\s+to\s+be",
    r"appears?\s+to",
    r"appeared\s+to",
    r"seems?\s+to",
    r"seemed\s+to",
    r"tipped\s+to",
    r"unconfirmed",
    r"unverified",
    r"not\s+(?:yet\s+)?(?:been\s+)?confirmed",
    r"preliminary",
    r"suspected",
    r"rumou?rs?",
    r"rumou?red",
    r"speculation",
    r"speculat(?:es?|ed|ing)",
    r"in\s+talks",
    r"in\s+(?:serious\s+)?discussions?",
    r"consider(?:s|ing)?",
    r"mull(?:s|ing|ed)?",
    r"hints?",
    r"hinted",
    r"suggests?",
    r"suggested",
    r"whether",
    r"if",
    # predictions and fears: a statement about what may be, not what is
    r"predict(?:s|ed|ion|ions)?",
    r"forecasts?",
    r"forecasted",
    r"estimates?",
    r"expects?",
    r"anticipate[sd]?",
    r"fears?",
    r"feared",
    r"purports?",
    # declining to take a side: "refused to confirm or deny", "neither confirmed nor denied"
    r"(?:confirm|deny)\s+or\s+(?:confirm|deny)",
    r"neither\s+confirm(?:s|ed)?\s+nor\s+den(?:y|ies|ied)",
)

# Attribution: the statement belongs to a speaker or a source. Reporting verbs in every tense,
# "according to", sourcing nouns ("sources", "officials", "a report"), and the headline
# conventions "Report:" / "- report" that credit another outlet.
ATTRIBUTION: tuple[str, ...] = (
    r"says?",
    r"said",
    r"saying",
    r"tells?",
    r"told",
    r"claims?",
    r"claimed",
    r"claiming",
    r"reports?",
    r"reported",
    r"reporting",
    r"according\s+to",
    r"states",
    r"stated",
    r"insists?",
    r"insisted",
    r"alleges?",
    r"announce[sd]?",
    r"quoted",
    r"(?:a\s+|the\s+)?sources?",
    r"officials?",
    r"analysts?",
    r"spokes(?:man|woman|person)",
    r"report\s*:",
    r"via",
)

# A credit at the end of a headline: "…: sources", "…: Report", "…: South Korea paper" (at most
# three words after the last colon, and no question or sentence mark after them).
_CREDIT = re.compile(r"(?<=:)\s*((?:[\w.'’&-]+\s*){1,3})$")

# Denials: the statement is said to be untrue or invented. Verbs of denial and refutation (all
# tenses), the names of untruth ("hoax", "fake", "myth", "satire", "fabricated"), verdicts ("not
# true", "no evidence", "baseless"), and the answering "No," / "Nope" that opens a debunking
# headline. Words that only sometimes deny ("lies", a verb of place too; "tricked", which is as
# often literal) are left out.
DENIALS: tuple[str, ...] = (
    r"den(?:y|ies|ied|ying|ial|ials)",
    r"false(?:ly|hood)?",
    r"untrue",
    r"(?:(?:is|was|are|were)\s+)?not\s+(?:actually\s+|really\s+)?true",
    rf"(?:is|was|are|were)n{_APOS}t\s+(?:actually\s+|really\s+)?true",
    r"no\s+truth",
    r"hoax(?:es|er|ers|ed)?",
    r"fake[sd]?",
    r"faking",
    r"fakery",
    r"debunk(?:s|ed|ing)?",
    r"debunk\s*:",
    r"myths?",
    r"urban\s+legend",
    r"no\s+(?:evidence|proof)",
    r"dismiss(?:es|ed|ing)?",
    r"reject(?:s|ed|ing)?",
    r"refut(?:e|es|ed|ing)",
    r"rebut(?:s|ted|ting)?",
    r"rebuttal",
    r"(?:shoots?|shot)\s+down",
    r"rules?\s+out",
    r"ruled\s+out",
    r"(?:plays?|played)\s+down",
    r"downplay(?:s|ed)?",
    r"made\s+(?:it\s+)?(?:all\s+)?up",
    r"fabricat(?:ed|ion|ions)",
    r"satir(?:e|ical)",
    r"parody",
    r"spoof",
    r"pranks?",
    r"april\s+fools?",
    r"bogus",
    r"baseless",
    r"unfounded",
    r"nonsense",
    r"rubbish",
    r"bull\s*shit",
    r"bs",
    r"misinformation",
    r"(?:greatly\s+|wildly\s+)?exaggerated",
    r"rebuff(?:s|ed|ing)?",
    r"trolled",
    r"into\s+(?:thinking|believing)",
    r"misleading",
    r"inaccurate",
    r"erroneous",
    r"incorrect",
    r"wrong(?:ly)?",
    r"photoshopped",
    r"doctored",
    r"(?:fooled|fools|duped)",
    r"retract(?:s|ed|ion)?",
    r"walks?\s+back",
    r"(?:sets?|setting)\s+the\s+record\s+straight",
    r"contrary\s+to",
    r"despite\s+(?:the\s+)?(?:reports?|claims?|rumou?rs?)",
    r"(?:has|have|had)\s+no\s+plans?",
    r"no\s+plans?",
    r"not\s+(?:actually\s+|really\s+)?real",
    rf"(?:is|was|are|were)n{_APOS}t\s+(?:actually\s+|really\s+)?real",
    r"nope",
    # The answering "No," / "No:" / "No!" (a headline that contradicts what it repeats).
    r"no(?=\s*[,:!;.]|\s+[—–-]\s)",
)

# Doubt: the writer leans against the statement without calling it untrue.
DOUBTS: tuple[str, ...] = (
    r"unlikely",
    r"doubts?",
    r"doubtful",
    r"dubious",
    r"sceptic(?:al|ism)?",
    r"skeptic(?:al|ism)?",
    r"questionable",
    r"too\s+good\s+to\s+(?:be\s+true|check)",
    r"not\s+so\s+fast",
    r"probably\s+not",
    r"almost\s+certainly\s+not",
    r"reality\s+check",
    r"conspiracy\s+theor(?:y|ies)",
    r"fact[\s-]+check(?:ed|ing)?",
)

# Support: the statement is vouched for, by the writer or by an authority named with it.
SUPPORTS: tuple[str, ...] = (
    r"confirm(?:s|ed|ing|ation)?",
    r"(?:it|this|that)\s*(?:is|['’]?s)\s+(?:really\s+|actually\s+)?true",
    r"is\s+(?:really\s+|actually\s+)?true",
    r"officially",
    r"official\s*:",
    r"prov(?:es|ed|en)",
    r"verified",
    r"admits?",
    r"admitted",
    r"indeed",
    # evidence put forward: "video shows", "photos show"
    r"(?:video|footage|photos?|pictures?|images?)\s+(?:shows?|showing|reveals?|captures?)",
)

# Negation: "not", the negative determiners and pronouns, and the contracted "n't" on any
# auxiliary (spelt with or without its apostrophe, as scraped text often loses it).
NEGATIONS: tuple[str, ...] = (
    r"not",
    r"no",
    r"never",
    r"nothing",
    r"none",
    r"nobody",
    r"nowhere",
    r"neither",
    r"nor",
    r"without",
    r"cannot",
    r"no\s+longer",
    rf"(?:is|are|was|were|do|does|did|has|have|had|could|would|should|must|need|ai)n{_APOS}t",
    rf"(?:won|can|don){_APOS}t",
)

# A question without its mark: a sentence opened by an auxiliary verb and ended by nothing.
_AUXILIARIES = "did|does|do|is|are|was|were|can|could|will|would|should|has|have|had|may|might|must"

_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|of|from|early|late|mid|next|last|through)\s+$)"
)
_AFTER_MONTH = re.compile(r"^\s*\d")


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(ordered) + r")(?![\w'’])", re.IGNORECASE)


_PATTERNS: dict[CueKind, re.Pattern[str]] = {
    "hedge": _compile(HEDGES),
    "attribution": _compile(ATTRIBUTION),
    "denial": _compile(DENIALS),
    "doubt": _compile(DOUBTS),
    "support": _compile(SUPPORTS),
    "negation": _compile(NEGATIONS),
}
# A question runs back to the previous sentence mark or colon; the stops of an initialism
# ("U.S.", "N.Y.") do not end a sentence.
_INITIALISM = r"(?<![\w.])(?:\w\.){2,}"
_QUESTION = re.compile(rf"(?:{_INITIALISM}|[^.!?:;\n])*\?+")
_SENTENCE = re.compile(rf"(?:{_INITIALISM}|[^.!?\n])+[.!]?")
_OPENING_AUXILIARY = re.compile(rf"\s*[\"'“‘]?(?:{_AUXILIARIES})\s+\w", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['’]\w+)*")


# --------------------------------------------------------------------------- finders


def _find(kind: CueKind, text: str) -> list[Cue]:
    cues = []
    for match in _PATTERNS[kind].finditer(text):
        if kind == "hedge" and match.group().lower() == "may" and _is_month(text, match):
            continue
        cues.append(Cue(kind, match.group(), match.start(), match.end()))
    return cues


def _is_month(text: str, match: re.Match[str]) -> bool:
    # "in May", "May 5", "May 2015": the month, not the modal.
    return bool(
        _MONTH_CONTEXT.search(text[: match.start()].lower())
        or _AFTER_MONTH.match(text[match.end() :])
    )


def find_hedges(text: str) -> list[Cue]:
    """Hedging words and phrases ("reportedly", "could", "is expected to", "rumour")."""
    return _find("hedge", text)


def find_attributions(text: str) -> list[Cue]:
    """Attribution cues ("said", "according to", "sources", "Report:"), and a headline's closing
    credit ("…: Reuters", "…: South Korea paper") unless it holds one of those already."""
    cues = _find("attribution", text)
    credit = _CREDIT.search(text.rstrip())
    if credit:
        start, end = credit.start(1), credit.start(1) + len(credit.group(1).rstrip())
        if not any(start <= cue.start and cue.end <= end for cue in cues):
            cues.append(Cue("attribution", text[start:end], start, end))
    return sorted(cues, key=lambda cue: cue.start)


def find_denials(text: str) -> list[Cue]:
    """Denial and refutation cues ("denies", "hoax", "not true", "debunked", "No,")."""
    return _find("denial", text)


def find_doubts(text: str) -> list[Cue]:
    """Words of doubt short of a denial ("unlikely", "dubious", "too good to be true")."""
    return _find("doubt", text)


def find_supports(text: str) -> list[Cue]:
    """Words that vouch for a statement ("confirms", "it's true", "officially")."""
    return _find("support", text)


def find_negations(text: str) -> list[Cue]:
    """Negations ("not", "no", "never", "didn't", "isnt")."""
    return _find("negation", text)


def find_questions(text: str) -> list[Cue]:
    """Questions: each clause ending in "?" (from the previous sentence boundary or colon to
    the mark), and each sentence opened by an auxiliary verb with no mark at all."""
    cues = []
    for match in _QUESTION.finditer(text):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        cues.append(Cue("question", text[start : match.end()], start, match.end()))
    covered = [(cue.start, cue.end) for cue in cues]
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if sentence.rstrip().endswith("?") or not _OPENING_AUXILIARY.match(sentence):
            continue
        start = match.start() + (len(sentence) - len(sentence.lstrip()))
        end = match.start() + len(sentence.rstrip())
        if any(a < end and start < b for a, b in covered):
            continue
        cues.append(Cue("question", text[start:end], start, end))
    return sorted(cues, key=lambda cue: cue.start)


_FINDERS = {
    "hedge": find_hedges,
    "attribution": find_attributions,
    "denial": find_denials,
    "doubt": find_doubts,
    "support": find_supports,
    "negation": find_negations,
    "question": find_questions,
}


def find_cues(text: str, kinds: Iterable[str] = KINDS) -> list[Cue]:
    """Every cue of the given kinds, in text order (ties: kind order of ``KINDS``)."""
    wanted = list(kinds)
    unknown = [kind for kind in wanted if kind not in _FINDERS]
    if unknown:
        raise ValueError(f"unknown cue kind {unknown[0]!r}; valid: {', '.join(KINDS)}")
    cues = [cue for kind in wanted for cue in _FINDERS[kind](text)]
    return sorted(cues, key=lambda cue: (cue.start, cue.end, KINDS.index(cue.kind)))


# --------------------------------------------------------------------------- token helpers


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; apostrophes inside a word stay in it ("didn't")."""
    return [
        Token(m.group(), m.group().casefold().replace("’", "'"), m.start(), m.end())
        for m in _WORD.finditer(text)
    ]


def tokens_in(tokens: Sequence[Token], cues: Iterable[Cue]) -> list[Token]:
    """The tokens that lie inside any of ``cues`` (to leave cue words out of a comparison)."""
    spans = [(cue.start, cue.end) for cue in cues]
    return [t for t in tokens if any(start <= t.start and t.end <= end for start, end in spans)]


def inside(cue: Cue, spans: Iterable[Cue]) -> bool:
    """Whether ``cue`` lies within one of ``spans`` (a denial inside a question, say)."""
    return any(span.start <= cue.start and cue.end <= span.end for span in spans)
