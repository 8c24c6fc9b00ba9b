"""Who said it: reporting cues, the speaker phrase they govern, and what kind of speaker it is.

Everything here reads the dependency parse the pipeline already made; no extra model pass.
The cue verbs are a general list of English reporting verbs (say, tell, warn, argue, …), not
words picked from any one story, so the rules carry over to unseen news.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SpeakerVia = Literal["name", "pronoun", "role", "unnamed", "organisation"]

#: Reporting verbs by lemma. Verbs of thinking (believe, hope, expect, fear) are left out:
#: they report a state of mind, not speech, and would turn every "experts believe" into a quote.
CUE_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "argue",
        "claim",
        "state",
        "stress",
        "note",
        "insist",
        "deny",
        "declare",
        "announce",
        "explain",
        "assert",
        "acknowledge",
        "admit",
        "confirm",
        "allege",
        "contend",
        "emphasize",
        "emphasise",
        "reiterate",
        "remark",
        "reply",
        "respond",
        "write",
        "tweet",
        "report",
        "reveal",
        "disclose",
        "caution",
        "complain",
        "concede",
        "recall",
        "observe",
        "maintain",
        "affirm",
        "mention",
        "comment",
        "counter",
        "testify",
        "vow",
        "pledge",
        "promise",
        "assure",
        "inform",
        "conclude",
        "indicate",
        "clarify",
        "underline",
        "underscore",
        "highlight",
        "demand",
        "urge",
        "predict",
        "quote",
        "cite",
        "suggest",
        "threaten",
        "accuse",
        "charge",
        "point",
        "answer",
        "retort",
        "continue",
    ]
)
#: Of these, the ones that only count when they govern a clause (ccomp) or a direct quote:
#: "continued attacks", "promise of aid", "report" as a noun never reach here (verbs only), but
#: "continue" or "charge" without a reported clause are not speech.
WEAK_CUES = frozenset(
    [
        "continue",
        "charge",
        "point",
        "suggest",
        "threaten",
        "promise",
        "urge",
        "respond",
        "answer",
        "reply",
        "demand",
        "predict",
    ]
)

#: Head nouns of speakers that are organisations rather than people.
ORG_NOUNS = frozenset(
    [
        "military",
        "army",
        "ministry",
        "department",
        "government",
        "office",
        "embassy",
        "council",
        "alliance",
        "group",
        "coalition",
        "agency",
        "committee",
        "commission",
        "parliament",
        "police",
        "company",
        "party",
        "movement",
        "militia",
        "militias",
        "administration",
        "court",
        "cabinet",
        "presidency",
        "force",
        "forces",
        "division",
        "command",
        "authority",
        "authorities",
        "pentagon",
        "mission",
        "bureau",
        "service",
        "union",
        "federation",
        "network",
        "organisation",
        "organization",
        "institute",
        "center",
        "centre",
        "faction",
        "factions",
    ]
)
PERSON_PRONOUNS = frozenset({"he", "she", "i"})
#: Common nouns that can be a source in "according to X" besides named entities and the
#: organisation nouns: "according to a resolution" names a document, not a speaker.
SOURCE_NOUNS = frozenset(
    [
        "source",
        "official",
        "officials",
        "diplomat",
        "expert",
        "analyst",
        "statement",
        "witness",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "resident",
        "observer",
        "people",
        "person",
        "aide",
        "adviser",
        "advisor",
        "minister",
        "president",
        "leader",
        "commander",
        "officer",
        "lawmaker",
        "member",
        "activist",
        "investigator",
        "researcher",
        "doctor",
        "medic",
    ]
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How a cue without its own subject borrows one from the verb it hangs on
# ("… criticized the plan, arguing that", "by saying", "and added").
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp"})
# Children that are not part of the speaker phrase as written.
_NOT_PHRASE = frozenset({"relcl", "acl", "punct", "advcl", "cc"})
# Prepositions under which a PERSON is not the speaker ("the spokesman for PM X").
_ASIDE_PREPS = frozenset({"for", "of", "in", "at", "with", "from", "on", "by"})


@dataclass(frozen=True)
class Speaker:
    """The speaker phrase as written and how it names the speaker.

    ``text``/``start``/``end`` are the name when the phrase holds one ("Fuad Hussein" in
    "Iraqi Foreign Minister Fuad Hussein"), else the phrase itself; ``description`` is the whole
    phrase. For a pronoun or a role noun, ``antecedent_start``/``antecedent_end`` span the
    earlier mention it refers to in the same article, when one was found.
    """

    text: str
    start: int
    end: int
    via: SpeakerVia
    description: str
    antecedent_start: int | None = None
    antecedent_end: int | None = None


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token anew on each access, and
    this layer reads the text around every quote."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``, found by walking to its boundaries: spaCy's own
    ``Token.sent`` re-checks the whole document's annotation on every call, which made this
    layer quadratic in article length."""
    start, end = i, i + 1
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def is_cue(token: Token) -> bool:
    """A reporting verb (by lemma), used as a verb."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":  # "pointed out"
        return any(child.dep_ == "prt" and child.lower_ == "out" for child in token.children)
    return lemma in CUE_LEMMAS


def is_strong_cue(token: Token) -> bool:
    return is_cue(token) and token.lemma_.lower() not in WEAK_CUES


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through ``cue``: its subject, the noun a participle
    modifies ("a diplomat saying"), or the subject of the verb it hangs on. Never across a
    paragraph break, which the parser sometimes runs a sentence over."""
    head = _subject_of(cue)
    if head is None or _across_paragraphs(head, cue):
        head = _noun_phrase_before(cue)
    if head is None or _across_paragraphs(head, cue):
        return None
    return head


def _across_paragraphs(a: Token, b: Token) -> bool:
    low, high = sorted((a.idx, b.idx))
    return "\n" in doc_text(a.doc)[low:high]


def _subject_of(cue: Token) -> Token | None:
    token = cue
    for _ in range(4):  # a bounded climb: a few hops cover every attested construction
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.lower_ in ("who", "that", "which"):
                    return _relative_antecedent(child)
                return child
        for child in token.children:
            # The parser sometimes hangs the subject on a participle before the verb: "The
            # Department, asked about …, said": take it when it stands left of both.
            if child.dep_ == "advcl" and child.i < token.i:
                for grandchild in child.children:
                    if grandchild.dep_ in _SUBJECT_DEPS and grandchild.i < child.i:
                        return grandchild
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _noun_phrase_before(cue: Token) -> Token | None:
    """The head of the noun phrase written right before a cue that the parser left without a
    subject ("…, a commander for that group said."; "X, an MP, said that …" in a sentence the
    parser ran on from the previous paragraph)."""
    if cue.dep_ not in ("ROOT", "conj", "ccomp") or cue.i == 0:
        return None
    token = cue.doc[cue.i - 1]
    if token.is_punct and cue.i > 1:
        token = cue.doc[cue.i - 2]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(8):  # up through "of"/"for" phrases and appositions to the phrase head
        head = token.head
        if head.i == token.i or head.i > cue.i or head.pos_ in ("VERB", "AUX"):
            break
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "poss", "amod"):
            break
        token = head
    return token if token.pos_ in ("NOUN", "PROPN") else None


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative "who" stands for: the relative clause's head, or, when the parser
    attached the clause elsewhere, the noun right before it ("al-Sistani who, … said")."""
    clause = pronoun.head
    if clause.dep_ == "relcl":
        return clause.head
    if pronoun.i > 0:
        before = pronoun.doc[pronoun.i - 1]
        while before.dep_ == "compound" and before.head.i > before.i:
            before = before.head
        if before.pos_ in ("PROPN", "NOUN"):
            return before
    return None


def phrase_span(head: Token, blocked: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without relative
    clauses and participles ("the Department, asked about …,"), and never reaching into a
    quote (``blocked`` char ranges)."""
    start, end = head.i, head.i + 1
    for child in head.children:
        if child.dep_ in _NOT_PHRASE:
            continue
        start = min(start, child.left_edge.i)
        end = max(end, child.right_edge.i + 1)
    doc = head.doc
    # Clip at quote marks and quoted text on either side of the head.
    for i in range(head.i - 1, start - 1, -1):
        if _blocked(doc[i], blocked) or doc[i].is_quote:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if _blocked(doc[i], blocked) or doc[i].is_quote:
            end = i
            break
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return start, end


def _blocked(token: Token, blocked: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in blocked)


def describe(doc: Doc, head: Token, blocked: Sequence[tuple[int, int]]) -> Speaker:
    """A ``Speaker`` for the phrase headed by ``head``; pronouns and role nouns are left
    unresolved here (see ``resolve``)."""
    start, end = phrase_span(head, blocked)
    phrase = doc[start:end]
    description = phrase.text
    if head.pos_ == "PRON":
        return Speaker(head.text, head.idx, head.idx + len(head), "pronoun", description)
    names = _names_in(phrase, head)
    if names:
        # "Kata'ib Hezbollah and Asaib Ahl al-Haq": several names joined are one speaker.
        first, last = names[0], names[-1]
        end = last.end
        # NER often cuts a long name short ("Feisal Amin | Rasoul al-Istrabadi", "Brendan |
        # O’Leary"): the proper nouns that follow inside the phrase belong to it.
        while end < phrase.end and (
            doc[end].pos_ == "PROPN" or (doc[end].text in "-’'" and not doc[end - 1].whitespace_)
        ):
            end += 1
        text = doc[first.start : end].text
        via: SpeakerVia = "name"
        if all(ent.label_ != "PERSON" for ent in names) or head.lemma_.lower() in ORG_NOUNS:
            via = "organisation"
        return Speaker(
            text, first.start_char, doc[end - 1].idx + len(doc[end - 1]), via, description
        )
    text_span = phrase[1:] if len(phrase) > 1 and phrase[0].dep_ == "det" else phrase
    # A lower-case "minister" the tagger called a proper noun is still a common noun.
    proper = head.pos_ == "PROPN" and not head.text.islower()
    if proper or head.lemma_.lower() in ORG_NOUNS:
        via = "organisation" if head.ent_type_ != "PERSON" else "name"
        if head.ent_type_ == "" and head.pos_ == "PROPN" and head.lemma_.lower() not in ORG_NOUNS:
            via = "name"
        return Speaker(text_span.text, text_span.start_char, text_span.end_char, via, description)
    definite = any(
        t.dep_ in ("det", "poss") and t.lower_ in ("the", "this", "that", "his", "her", "its")
        for t in head.children
    )
    via = "role" if definite and head.tag_ in ("NN", "NNP") else "unnamed"
    return Speaker(phrase.text, phrase.start_char, phrase.end_char, via, description)


def _names_in(phrase: Span, head: Token) -> list[Span]:
    """Named entities in the phrase that name the speaker itself, not an aside
    ("the spokesperson for PM Kadhimi" names the spokesperson, not Kadhimi)."""
    found = []
    for ent in phrase.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        if ent.label_ in ("NORP", "GPE") and ent.root.dep_ in ("amod", "compound"):
            continue  # "Iraqi officials", "US officials": a description, not the speaker's name
        if _under_aside(ent.root, head):
            continue
        found.append(ent)
    people = [ent for ent in found if ent.label_ == "PERSON"]
    if people and head.ent_type_ != "ORG" and head.lemma_.lower() not in ORG_NOUNS:
        return people[:1] if not _coordinated(people) else people
    return found


def _under_aside(token: Token, head: Token) -> bool:
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in _ASIDE_PREPS:
            return True
        token = token.head
    return False


def _coordinated(ents: list[Span]) -> bool:
    return len(ents) > 1 and any(t.dep_ == "cc" for t in ents[0].doc[ents[0].end : ents[-1].start])


def resolve(
    doc: Doc,
    speaker: Speaker,
    head: Token,
    earlier: Sequence[Speaker],
    blocked: Sequence[tuple[int, int]],
) -> Speaker:
    """``speaker`` with the antecedent of a pronoun or role noun filled in, when found.

    A pronoun goes to whichever comes last before it: the previous person-like speaker (news
    convention: "…," she added) or a PERSON mention outside quotes. A role noun ("the
    minister") goes to the latest PERSON introduced with that role ("Foreign Minister Fuad
    Hussein"), else to an earlier unnamed speaker with the same head noun ("a Western
    diplomat" … "the diplomat added").
    """
    if speaker.via == "pronoun":
        if head.lower_ == "they":
            target = _latest_group(doc, speaker.start, earlier)
        elif head.lower_ in PERSON_PRONOUNS:
            target = _latest_person(doc, speaker.start, earlier, blocked)
        else:
            return speaker
    elif speaker.via == "role":
        found = _role_antecedent(doc, head, speaker.start, earlier, blocked)
        if found is None:
            # "the spokesperson for the prime minister": a definite but unnamed source.
            return dataclasses.replace(speaker, via="unnamed")
        target, named = found
        if not named:
            return dataclasses.replace(
                speaker, via="unnamed", antecedent_start=target[0], antecedent_end=target[1]
            )
    else:
        return speaker
    if target is None:
        return speaker
    return dataclasses.replace(speaker, antecedent_start=target[0], antecedent_end=target[1])


def _latest_person(
    doc: Doc, before: int, earlier: Sequence[Speaker], blocked: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.end_char <= before and not _blocked(ent[0], blocked):
            best = (ent.start_char, ent.end_char)
    # NER misses names it has never seen ("Mayor Ines Kovac" as a place); a proper-noun subject
    # that is no organisation or place still names a person.
    for token in doc:
        if token.idx >= before:
            break
        if (
            token.dep_ == "nsubj"
            and token.pos_ == "PROPN"
            and token.ent_type_ not in ("ORG", "GPE", "NORP", "DATE", "FAC")
            and not _blocked(token, blocked)
            and (best is None or token.idx >= best[1])
        ):
            first = token
            while (
                first.i > 0
                and first.doc[first.i - 1].dep_ == "compound"
                and first.doc[first.i - 1].pos_ == "PROPN"
            ):
                first = first.doc[first.i - 1]
            best = (first.idx, token.idx + len(token))
    for previous in reversed(earlier):
        if previous.start >= before:
            continue
        if previous.via == "organisation" or _plural(doc, previous):
            break
        span = _referent(previous)
        # The speaker phrase wins a tie: in "the spokesman for PM X said", he is the spokesman.
        if best is None or previous.end >= best[1] or span[1] >= best[1]:
            best = span
        break
    return best


def _latest_group(doc: Doc, before: int, earlier: Sequence[Speaker]) -> tuple[int, int] | None:
    """ "They" said: the latest earlier speaker that is several people or an organisation."""
    for previous in reversed(earlier):
        if previous.start < before and (previous.via == "organisation" or _plural(doc, previous)):
            return _referent(previous)
    return None


def _referent(speaker: Speaker) -> tuple[int, int]:
    if speaker.antecedent_start is not None and speaker.antecedent_end is not None:
        return speaker.antecedent_start, speaker.antecedent_end
    return speaker.start, speaker.end


def _plural(doc: Doc, speaker: Speaker) -> bool:
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and span.root.tag_ in ("NNS", "NNPS")


def _role_antecedent(
    doc: Doc,
    head: Token,
    before: int,
    earlier: Sequence[Speaker],
    blocked: Sequence[tuple[int, int]],
) -> tuple[tuple[int, int], bool] | None:
    """The span the role noun refers to, and whether it is a named person."""
    role = head.lemma_.lower()
    # Words of the role phrase ("Iraqi", "foreign", "minister"), to prefer the person whose
    # written role matches best: "the Iraqi minister" is the foreign minister, not the PM.
    words = {t.lower_ for t in head.subtree if not t.is_punct and t.dep_ != "det"}
    spoke = {(s.start, s.end) for s in earlier}
    best: tuple[int, int] | None = None
    best_score = 0
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end_char > before or _blocked(ent[0], blocked):
            continue
        # The role is written next to the name: "Foreign Minister Fuad Hussein",
        # "Fuad Hussein, the foreign minister", "spokesman … Ahmed Mullah Talal".
        sent = sentence_of(doc, ent.start)
        window = doc[max(sent.start, ent.start - 6) : min(sent.end, ent.end + 6)]
        if not any(t.lemma_.lower() == role for t in window):
            continue
        score = 2 * len(words & {t.lower_ for t in window}) + (
            (ent.start_char, ent.end_char) in spoke
        )
        if score >= best_score:
            best, best_score = (ent.start_char, ent.end_char), score
    for previous in reversed(earlier):
        if previous.start >= before or role not in previous.description.lower().split():
            continue
        # An earlier speaker with this head noun ("a Western diplomat" … "the diplomat
        # added") wins over a person named further back.
        if previous.via == "unnamed" and (best is None or previous.start > best[0]):
            return _referent(previous), False
        break
    return (best, True) if best is not None else None
