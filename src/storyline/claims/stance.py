"""Stance of a statement (a headline, a sentence) toward a claim: for, against or observing.

- ``for``: the statement asserts the claim;
- ``against``: it says the claim is untrue (a denial, a debunking, the claim negated);
- ``observing``: it repeats the claim without taking a side (hedged, attributed, asked).

The method is a linear score per stance over a few named features, each of which rests on words
that can be shown (the ``Cue``s of ``storyline.claims.cues``):

==========================  ==============================================================
feature                     value
==========================  ==============================================================
``claim_overlap``           share of the claim's content words found in the statement
``statement_overlap``       share of the statement's content words found in the claim
``denial``                  denial cues in the statement, outside questions and hedges (≤ 2)
``denial_in_question``      a denial cue inside a question ("Real or hoax?")
``negated_denial``          a denial cue negated ("not a hoax", "no fake"): it affirms
``negation``                the statement has a negation and the claim has none
``negation_on_claim``       such a negation is followed, within three content words, by a
                            word of the claim ("was NOT arrested")
``claim_negation``          the claim has a negation and the statement has none
``antonym``                 a statement word opposite to a claim word (dead / alive, …)
``hedge``                   hedges in the statement that the claim does not have (≤ 2)
``attribution``             attribution cues in the statement, not in the claim (≤ 2)
``doubt``                   a doubt cue ("unlikely", "casts doubt")
``support``                 a support cue ("confirms", "video shows"), outside hedges
``question``                the statement holds a question
==========================  ==============================================================

Content words are matched after light normalisation: case folded, apostrophes straightened,
possessive "'s" dropped, a plural or verb ending ("-s", "-es", "-ed", "-ing") stripped from longer
words, and function words left out.

The weights (``WEIGHTS``, ``BIASES``) are a multinomial logistic regression fitted once on the
training split of the Emergent data set (Ferreira & Vlachos 2016;
``url-versions-2015-06-14-clean-train.csv``) and nothing else, by
``storyline.evaluate.stance.fit_stance_weights`` (lbfgs, C = 1.0; deterministic), then rounded
to two decimals. ``storyline evaluate stance`` scores them on the test split, whose claims the
training split does not contain, refits them on the training split and prints the largest
difference, so a change to the cues that needs new weights shows at once. The features are
general (no word of any particular claim); the test split's claims are all unseen in training,
so its score measures how the weights carry over to new claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from storyline.claims.cues import (
    Cue,
    Token,
    find_attributions,
    find_denials,
    find_doubts,
    find_hedges,
    find_negations,
    find_questions,
    find_supports,
    inside,
    tokenize,
)

Stance = Literal["for", "against", "observing"]
STANCES: tuple[Stance, ...] = ("for", "against", "observing")

FEATURES: tuple[str, ...] = (
    "claim_overlap",
    "statement_overlap",
    "denial",
    "denial_in_question",
    "negated_denial",
    "negation",
    "negation_on_claim",
    "claim_negation",
    "antonym",
    "hedge",
    "attribution",
    "doubt",
    "support",
    "question",
)

# Fitted on the Emergent training split only (see the module docstring); regenerate with
# ``storyline.evaluate.stance.fit_stance_weights`` when a feature or a lexicon changes.
# Read across: how much one unit of a feature adds to the score of each stance.
#                           for  against  observing
_TABLE: dict[str, tuple[float, float, float]] = {
    "(bias)": (1.39, -1.50, 0.12),
    "claim_overlap": (-0.25, 0.18, 0.07),
    "statement_overlap": (0.69, -0.95, 0.26),
    "denial": (-1.83, 3.62, -1.79),
    "denial_in_question": (-0.94, 1.74, -0.80),
    "negated_denial": (0.02, -0.34, 0.32),
    "negation": (-0.46, 1.52, -1.06),
    "negation_on_claim": (-1.11, 1.48, -0.37),
    "claim_negation": (-0.13, 0.72, -0.59),
    "antonym": (-0.88, 2.32, -1.44),
    "hedge": (-1.42, 0.02, 1.41),
    "attribution": (-1.27, 0.35, 0.92),
    "doubt": (-0.87, 1.89, -1.02),
    "support": (0.37, -0.17, -0.20),
    "question": (-1.23, 0.17, 1.06),
}
BIASES: dict[Stance, float] = {stance: _TABLE["(bias)"][i] for i, stance in enumerate(STANCES)}
WEIGHTS: dict[Stance, dict[str, float]] = {
    stance: {name: _TABLE[name][i] for name in FEATURES} for i, stance in enumerate(STANCES)
}

# Function words: left out of the overlap, so "the" and "was" do not make a match.
_FUNCTION_WORDS = """a an the of in on at to for from by with and or but is are was were be been
being has have had do does did it its this that these those as into about over after before than
then so his her their our your my he she they we you i him them us will would up out off"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())

# Words of a claim and the words that, said of the same subject, deny them. General opposites
# of news claims, not of any one claim: life and death, captivity and freedom, loss and
# recovery. Matched on the words as written (lower case), so every inflection is listed.
_DEATH = (
    "dead die dies died death killed kill kills murdered beheaded behead beheads executed slain"
)
_CAPTIVE = "captured capture kidnapped kidnap abducted arrested arrest detained held jailed hostage"
_LOST = "stolen steal stole missing lost"
_ALIVE = "alive survived survives survive living"
_FREE = "safe free freed released escaped"
_FOUND = "safe found recovered returned"
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(said.split()), frozenset(opposite.split()))
    for said, opposite in ((_DEATH, _ALIVE), (_CAPTIVE, _FREE), (_LOST, _FOUND))
)

_NEGATION_WINDOW = 3  # content words after a negation that it is taken to govern
_DENIAL_NEGATED_WINDOW = 3  # words before a denial in which a negation cancels it
_ANSWERING_NO = re.compile(r"(?i)no(?:pe)?")


@dataclass(frozen=True)
class StanceFeatures:
    """Feature values (in ``FEATURES`` order) and, per feature, the cues they rest on."""

    values: tuple[float, ...]
    cues: tuple[tuple[Cue, ...], ...]

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))

    def cues_of(self, feature: str) -> tuple[Cue, ...]:
        return self.cues[FEATURES.index(feature)]


@dataclass(frozen=True)
class StanceLabel:
    """A stance, the score of every stance, and the cues that favoured the chosen one over
    every other (offsets into the statement). A ``for`` label often has none: it is what a
    statement that restates the claim with no cue gets."""

    stance: Stance
    scores: tuple[tuple[Stance, float], ...]
    evidence: tuple[Cue, ...]
    features: StanceFeatures


# --------------------------------------------------------------------------- normalisation


def stem(word: str) -> str:
    """A light normal form of one word: case folded, possessive dropped, one ending stripped."""
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens that are not function words."""
    return [token for token in tokens if token.norm not in STOPWORDS]


# --------------------------------------------------------------------------- features


def stance_features(claim: str, statement: str) -> StanceFeatures:
    """The features of ``statement`` toward ``claim`` (see the module docstring)."""
    claim_tokens = tokenize(claim)
    tokens = tokenize(statement)
    claim_words = {stem(t.text) for t in content_tokens(claim_tokens)}
    content = content_tokens(tokens)
    words = {stem(t.text) for t in content}
    shared = claim_words & words
    claim_overlap = len(shared) / len(claim_words) if claim_words else 0.0
    statement_overlap = len(shared) / len(words) if words else 0.0

    questions = find_questions(statement)
    hedges = _not_in_claim(find_hedges(statement), find_hedges(claim))
    attributions = _not_in_claim(find_attributions(statement), find_attributions(claim))
    negations = find_negations(statement)
    claim_negated = bool(find_negations(claim))
    claim_denials = {cue.text.casefold() for cue in find_denials(claim)}

    denials, in_question, negated = [], [], []
    for cue in find_denials(statement):
        if cue.text.casefold() in claim_denials or inside(cue, hedges):
            continue  # the claim's own word, or "refuses to confirm or deny"
        if _negated(cue, tokens, negations):
            negated.append(cue)
        elif inside(cue, questions):
            in_question.append(cue)
        else:
            denials.append(cue)

    statement_negations = [] if claim_negated else negations
    on_claim = [
        cue
        for cue in statement_negations
        if any(
            stem(t.text) in claim_words
            for t in [t for t in content if t.start >= cue.end][:_NEGATION_WINDOW]
        )
    ]
    claim_only_negation = claim_negated and not negations

    values = (
        claim_overlap,
        statement_overlap,
        float(min(2, len(denials))),
        float(min(1, len(in_question))),
        float(min(1, len(negated))),
        float(bool(statement_negations)),
        float(bool(on_claim)),
        float(claim_only_negation),
        float(bool(opposites := _antonyms(claim_tokens, tokens))),
        float(min(2, len(hedges))),
        float(min(2, len(attributions))),
        float(bool(doubts := find_doubts(statement))),
        float(bool(supports := [c for c in find_supports(statement) if not inside(c, hedges)])),
        float(bool(questions)),
    )
    cues = (
        (),
        (),
        tuple(denials),
        tuple(in_question),
        tuple(negated),
        tuple(statement_negations),
        tuple(on_claim),
        (),
        tuple(opposites),
        tuple(hedges),
        tuple(attributions),
        tuple(doubts),
        tuple(supports),
        tuple(questions),
    )
    return StanceFeatures(values=values, cues=cues)


def _not_in_claim(cues: Sequence[Cue], claim_cues: Sequence[Cue]) -> list[Cue]:
    # A cue the claim itself carries ("X says …" in both) says nothing about the stance.
    claim_words = {cue.text.casefold() for cue in claim_cues}
    return [cue for cue in cues if cue.text.casefold() not in claim_words]


def _negated(cue: Cue, tokens: Sequence[Token], negations: Sequence[Cue]) -> bool:
    # "not a hoax", "no fake", "isn't fake": a negation in the few words before the denial.
    if _ANSWERING_NO.fullmatch(cue.text):
        return False
    before = [t for t in tokens if t.end <= cue.start][-_DENIAL_NEGATED_WINDOW:]
    if not before:
        return False
    return any(before[0].start <= n.start and n.end <= cue.start for n in negations)


def _antonyms(claim_tokens: Sequence[Token], tokens: Sequence[Token]) -> list[Cue]:
    claim_words = {t.norm for t in claim_tokens}
    found = []
    for said, opposite in ANTONYMS:
        if claim_words & said:
            found.extend(
                Cue("antonym", t.text, t.start, t.end)
                for t in tokens
                if t.norm in opposite and t.norm not in claim_words
            )
    return sorted(set(found), key=lambda cue: cue.start)


# --------------------------------------------------------------------------- labelling


def stance_scores(
    features: StanceFeatures,
    weights: Mapping[str, Mapping[str, float]] | None = None,
    biases: Mapping[str, float] | None = None,
) -> dict[Stance, float]:
    """The linear score of each stance (higher wins)."""
    weights = WEIGHTS if weights is None else weights
    biases = BIASES if biases is None else biases
    return {
        stance: biases[stance]
        + sum(
            weights[stance][name] * value
            for name, value in zip(FEATURES, features.values, strict=True)
        )
        for stance in STANCES
    }


def label_stance(
    claim: str,
    statement: str,
    weights: Mapping[str, Mapping[str, float]] | None = None,
    biases: Mapping[str, float] | None = None,
) -> StanceLabel:
    """The stance of ``statement`` toward ``claim``, its scores and the cues behind it.

    Ties go to the earlier stance of ``STANCES``. ``weights`` and ``biases`` default to the
    shipped ones.
    """
    features = stance_features(claim, statement)
    scores = stance_scores(features, weights, biases)
    best = min(STANCES, key=lambda stance: (-scores[stance], STANCES.index(stance)))
    weights = WEIGHTS if weights is None else weights
    evidence: list[Cue] = []
    for name, value, cues in zip(FEATURES, features.values, features.cues, strict=True):
        if value and all(
            weights[best][name] > weights[other][name] for other in STANCES if other != best
        ):
            evidence.extend(cues)
    return StanceLabel(
        stance=best,
        scores=tuple((stance, round(scores[stance], 4)) for stance in STANCES),
        evidence=tuple(sorted(set(evidence), key=lambda cue: (cue.start, cue.end, cue.kind))),
        features=features,
    )
