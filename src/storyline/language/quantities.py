"""Counts, money, percentages and measures as typed values, with what they count.

``find_quantities(doc, context)`` reads a parsed ``Doc`` once, left to right:

1. a number phrase starts at a digit token, a number word or a vague plural ("hundreds") and
   takes in the scale and number words after it ("3.6 billion", "two hundred and fifty");
2. numbers that belong to other components are dropped: dates, times, years, ordinals (the time
   component's), numbers inside names ("Resolution 2334") and "one" used as a pronoun;
3. around it: the currency written before it, the approximation words ("around", "more than"),
   a unit after it, a range ("between 10 and 20", "10 to 20"), the rate ("per month");
4. what it counts: the noun the number modifies (``nummod``), or the object of "of" after a
   vague plural, with the modifiers between number and noun ("US troops"), and the casualty
   event of that noun ("killing five children" → killed);
5. three passes over the results: a count whose noun is left out takes it from its
   neighbour ("300 people were wounded and 12 were killed"); coordinated counts become one
   quantity with parts ("five children and two women" → 7, parts 5 and 2); and numbers on the
   "from"/"to"/"by" of a change verb share a ``QuantityChange`` ("reduce … to 3,000 troops
   from 5,200").

Everything is read off the existing parse (tokens, entity labels, dependencies): no other
model pass, and each token is looked at a bounded number of times.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from storyline.language.numbers import (
    ABBREVIATED_SCALES,
    CURRENCY_SYMBOLS,
    HUNDRED,
    PER_ADVERBS,
    PER_NOUNS,
    PERCENT_WORDS,
    SCALES,
    TIME_NOUNS,
    Approximation,
    Kind,
    NumberValue,
    approximation_before,
    digits_value,
    is_time,
    may_start,
    parse_number,
    phrase_end,
    unit_after,
    word_pairs,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.language.context import ArticleContext

STAGE_VERSION = "quantities-1"

COMPARATORS: dict[str, str] = {
    "exact": "=",
    "about": "≈",
    "more than": ">",
    "at least": "≥",
    "fewer than": "<",
    "at most": "≤",
    "range": "between",
}


@dataclass(frozen=True)
class QuantityChange:
    """A number on the "from", "to" or "by" of a change verb, with the other numbers of the
    same change: "reduce … to 3,000 troops from 5,200" gives both numbers
    ``QuantityChange("reduce", "down", role, from_value=5200, to_value=3000)``; "is expected to
    reduce to 3,000" gives a target alone (``to_value=3000``)."""

    verb: str  # the verb's lemma
    direction: Literal["up", "down"] | None
    role: Literal["from", "to", "by"]  # which of the values this quantity is
    from_value: float | None = None
    to_value: float | None = None
    by_value: float | None = None


@dataclass(frozen=True)
class Quantity:
    """One number in an article as a value.

    ``value`` is None only for a range, which has ``low`` and ``high``. ``low``/``high`` are the
    bounds the text states: both equal ``value`` when exact, one of them for "more than" / "up
    to", none for "about". ``approximation`` is normalised (with ``comparator``) and
    ``approximation_text`` keeps the words as written ("around", "as many as", "hundreds").
    ``counted`` is the noun phrase counted, as written ("US troops"); ``counted_head`` the
    lemma of its head noun ("troop"), for comparing reports. ``parts`` breaks a coordinated
    count into its groups: ((5, "children"), (2, "women")).
    """

    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximation: Approximation
    comparator: str
    approximation_text: str | None
    unit: str | None  # ISO 4217 for money, "percent", a measure code ("km"), None for counts
    counted: str | None
    counted_head: str | None
    per: str | None  # the rate's denominator: "$3.6 billion per month" → "month"
    kind: Kind
    parts: tuple[tuple[float, str], ...] = ()
    event: str | None = None  # "killed", "wounded", "injured", "dead", "missing"
    change: QuantityChange | None = None


# --------------------------------------------------------------------------- lexicons

# Entity labels whose numbers belong elsewhere: dates and times to the time component, names.
_FOREIGN_ENTITIES = frozenset(
    {"ORDINAL", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "ORG", "PERSON"}
)
# Words before a number that make it a label, not an amount ("No. 10", "Flight 17", "aged 25").
_LABEL_WORDS = frozenset(
    {"no.", "#", "number", "page", "article", "section", "chapter", "resolution", "flight"}
    | {"route", "room", "version", "aged", "age", "ages", "channel", "platform", "gate"}
)
# Words that stop the walk over a counted noun's modifiers: other quantifiers.
_QUANTIFIERS = frozenset({"several", "many", "some", "few", "other", "more", "most", "all"})
# How far the counted noun may sit after the number: "one British and several Iraqi military
# members" has five words between; longer gaps were parse errors in the reference story.
_MAX_MODIFIERS = 6
_TALLY_NOUNS = frozenset({"number", "figure", "total", "count", "tally", "toll"})
_CASUALTY_VERBS = word_pairs(
    "kill:killed slay:killed murder:killed massacre:killed execute:killed wound:wounded"
    " injure:injured hurt:injured die:dead perish:dead kidnap:missing abduct:missing"
    " displace:displaced"
)
_CASUALTY_ADJECTIVES = {"dead": "dead", "wounded": "wounded", "injured": "injured"}
_CASUALTY_NOUNS = word_pairs("death:dead fatality:dead casualty:casualties injury:injured")
_DOWN_VERBS = frozenset(
    {"reduce", "cut", "fall", "drop", "decline", "decrease", "lower", "slash", "shrink"}
    | {"plunge", "trim", "sink", "dip", "halve", "slide", "tumble", "reduction", "drawdown"}
)
_UP_VERBS = frozenset(
    {"increase", "rise", "raise", "grow", "climb", "jump", "soar", "boost", "surge", "double"}
    | {"triple", "expand", "lift", "swell", "hike", "rocket"}
)
# "up from 31", "down to 12": the adverb carries the change when the verb is elsewhere.
_DOWN_VERBS |= {"down"}
_UP_VERBS |= {"up"}
_CHANGE_VERBS = _DOWN_VERBS | _UP_VERBS | {"change", "revise", "adjust", "bring", "go"}
_RANGE_WORDS = frozenset({"to", "-", "–", "or"})


# --------------------------------------------------------------------------- the scan


@dataclass
class _Draft:
    """A quantity being built; token indices into the ``Doc``."""

    first: int  # first token of the span (approximation word or currency symbol)
    last: int  # last token of the span
    number_last: int  # last token of the (first) number phrase
    value: float | None
    low: float | None
    high: float | None
    approximation: Approximation
    approximation_text: str | None
    unit: str | None
    kind: Kind
    head: int | None = None  # the counted noun
    counted: str | None = None
    per: str | None = None
    event: str | None = None
    parts: tuple[tuple[float, str], ...] = ()
    change: QuantityChange | None = None
    merged: bool = field(default=False)
    score: bool = field(default=False)


def find_quantities(doc: Doc, context: ArticleContext) -> list[Quantity]:
    """Every count, amount of money, percentage and measure in ``doc``, in text order."""
    drafts: list[_Draft] = []
    i, n = 0, len(doc)
    while i < n:
        if not may_start(doc, i):
            i += 1
            continue
        draft = _read_quantity(doc, i)
        if draft is None:
            i = phrase_end(doc, i) + 1
            continue
        drafts.append(draft)
        i = draft.last + 1
    _fill_ellipses(doc, drafts)
    drafts = _merge_coordinated(doc, drafts)
    _link_changes(doc, drafts)
    return [_freeze(doc, context, draft) for draft in drafts]


def _read_quantity(doc: Doc, i: int) -> _Draft | None:
    j = phrase_end(doc, i)
    number = parse_number([doc[k].lower_ for k in range(i, j + 1)])
    if number is None or _belongs_elsewhere(doc, i, j, number):
        return None
    first, unit, kind = _currency_before(doc, i)
    value = number.value
    after = j + 1
    # A glued or separate "m" after digits: million in money ("$5m"), metres otherwise ("5m").
    glued = digits_value(doc[j].lower_)
    if glued is not None and glued[1] == "m" and unit is None:
        value, unit, kind = value / 1e6, "m", "measure"
    if after < len(doc) and doc[after].lower_ in {"m", "k", "b"} and kind == "money":
        value *= ABBREVIATED_SCALES[doc[after].lower_]
        j = after
        after += 1
    if unit is None:
        unit, kind, after = unit_after(doc, i, after)
    first, approximation, approximation_text = approximation_before(doc, first)
    low, high = _bounds(value, approximation)
    if number.vague and approximation == "exact":
        approximation, approximation_text = "at least", doc[i].text
        low, high = value, None
    last = max(j, after - 1)
    draft = _Draft(first, last, j, value, low, high, approximation, approximation_text, unit, kind)
    _read_range(doc, draft)
    if draft.score:
        return None
    if kind == "count":
        _read_counted(doc, draft, i)
        if draft.head is None and doc[j].dep_ in {"nsubj", "nsubjpass", "dobj"}:
            draft.event = _event_of(doc[j])  # "12 were killed"
        if draft.head is not None and doc[draft.head].lemma_.lower() in TIME_NOUNS:
            return None  # "two months": a duration, the time component's
    _read_per(doc, draft)
    return draft


def _belongs_elsewhere(doc: Doc, i: int, j: int, number: NumberValue) -> bool:
    """Dates, years, ordinals, names and pronoun "one" are not quantities here."""
    if any(doc[k].ent_type_ in _FOREIGN_ENTITIES for k in range(i, j + 1)):
        return True
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in _LABEL_WORDS:
        return True
    if doc[j].ent_type_ in {"DATE", "TIME"} and is_time(doc, i, j):
        return True
    if i >= 2 and before in {"-", "–"} and not doc[i - 2].whitespace_ and doc[i - 2].like_num:
        return True  # the second half of a score "3-1" (a range would have taken it)
    token = doc[j]
    if token.head.pos_ == "PROPN" and token.head.i < i:
        return True  # "Apollo 11", "Boeing 737"
    after = doc[j + 1] if j + 1 < len(doc) else None
    if i == j and token.lower_ == "one":
        # "one of the most expensive", "no one": a pronoun, not a count
        return token.dep_ != "nummod" or (after is not None and after.lower_ == "of")
    text = token.text
    if i == j and len(text) == 4 and text.isdigit() and 1500 <= number.value <= 2100:
        return after is None or after.pos_ != "NOUN" or after.lower_ in PERCENT_WORDS
    return False


def _currency_before(doc: Doc, i: int) -> tuple[int, str | None, Kind]:
    if i > 0 and doc[i - 1].lower_ in CURRENCY_SYMBOLS:
        first = i - 1
        # "US $5" written with a space is still dollars; "US$5" is one token already.
        if first > 0 and doc[first - 1].text in {"US", "U.S."} and doc[first].text == "$":
            first -= 1
        return first, CURRENCY_SYMBOLS[doc[i - 1].lower_], "money"
    return i, None, "count"


def _bounds(value: float | None, approximation: Approximation) -> tuple[float | None, ...]:
    if approximation == "exact":
        return value, value
    if approximation in {"more than", "at least"}:
        return value, None
    if approximation in {"fewer than", "at most"}:
        return None, value
    return None, None


def _read_range(doc: Doc, draft: _Draft) -> None:
    """ "between 10 and 20", "10 to 20", "10-20", "two or three": a range, unless the "to"
    belongs to a change ("rose from 10 to 20")."""
    k = draft.last + 1
    if k + 1 >= len(doc) or draft.value is None:
        return
    joiner = doc[k].lower_
    between = draft.first > 0 and doc[draft.first - 1].lower_ == "between"
    if not (joiner in _RANGE_WORDS or (joiner == "and" and between)):
        return
    if joiner == "to" and _change_of(doc, draft.first) is not None:
        return
    before = doc[draft.first - 1] if draft.first > 0 else None
    if (
        joiner == "to"
        and before is not None
        and before.lower_ == "from"
        and before.head.lemma_.lower() in _CHANGE_VERBS
    ):
        return  # "rose from 10 to 20": a change
    start = k + 1
    if doc[start].lower_ in CURRENCY_SYMBOLS:
        start += 1
    if start >= len(doc) or not may_start(doc, start):
        return
    end = phrase_end(doc, start)
    second = parse_number([doc[m].lower_ for m in range(start, end + 1)])
    if second is None or second.vague or is_time(doc, start, end):
        return
    if second.value <= draft.value:
        # "won 3-1": a score, not a range and not two quantities
        draft.score = joiner in {"-", "–"} and not doc[k].whitespace_
        return
    draft.low, draft.high, draft.value = draft.value, second.value, None
    draft.approximation, draft.last, draft.number_last = "range", end, end
    if between:
        draft.first -= 1
        draft.approximation_text = "between"
    if draft.unit is None:
        unit, kind, after = unit_after(doc, start, end + 1)
        draft.unit, draft.kind, draft.last = unit, kind, max(end, after - 1)


# --------------------------------------------------------------------------- what is counted


def _read_counted(doc: Doc, draft: _Draft, i: int) -> None:
    head = _counted_noun(doc, i, draft.number_last)
    if head is None:
        return
    draft.head = head.i
    start = head.i
    floor = draft.number_last + 1
    if doc[floor].lower_ == "of":
        floor += 1
    # Modifiers between number and noun ("US troops", "Katyusha rockets"), not other counts.
    while start - 1 >= floor:
        left = doc[start - 1]
        if left.pos_ not in {"ADJ", "NOUN", "PROPN"} or left.lower_ in _QUANTIFIERS:
            break
        start -= 1
    end = head.i
    for conjunct in head.conjuncts:  # "employees and retirees": one counted group
        if conjunct.i > end and not _has_number(conjunct) and conjunct.i - end <= 3:
            if _singular_part(conjunct):
                break  # "three officers and a civilian": a part of its own
            end = conjunct.i
    if head.i < draft.number_last:  # counted named before the number ("attacks – around 40")
        start = head.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "amod"}:
            start -= 1
        draft.counted = doc[start : head.i + 1].text
        draft.event = _event_of(head)
        return
    draft.counted = doc[start : end + 1].text
    draft.last = max(draft.last, end)
    draft.event = _event_of(head)


def _counted_noun(doc: Doc, i: int, j: int) -> Token | None:
    n = len(doc)
    if j + 1 < n and doc[j + 1].lower_ == "of":  # "hundreds of diplomats"
        for child in doc[j + 1].children:
            if child.dep_ == "pobj" and child.pos_ in {"NOUN", "PROPN"}:
                return _whole_compound(child)
        return None
    if (
        j + 2 < n
        and doc[j + 1].text == "-"
        and not doc[j].whitespace_
        and doc[j + 2].pos_ == "NOUN"
    ):
        return doc[j + 2]  # "a 40-page ruling" counts pages
    for k in range(i, j + 1):
        head = doc[k].head
        if (
            j < head.i <= j + _MAX_MODIFIERS
            and head.pos_ in {"NOUN", "PROPN"}
            and not _is_number(head)
        ):
            return _whole_compound(head)
    token = doc[j]
    if token.dep_ == "appos" and token.head.lemma_ in _TALLY_NOUNS:
        for prep in token.head.children:  # "the number of rocket attacks – around 40"
            if prep.lower_ == "of":
                for child in prep.children:
                    if child.dep_ == "pobj":
                        return child
    return None


def _whole_compound(token: Token) -> Token:
    """The last noun of a compound the parser split ("30 mortar rounds" → "rounds")."""
    while token.dep_ == "compound" and token.head.i == token.i + 1:
        token = token.head
    return token


def _is_number(token: Token) -> bool:
    word = token.lower_
    return word in SCALES or word in HUNDRED or digits_value(word) is not None


def _has_number(token: Token) -> bool:
    return any(child.dep_ == "nummod" or child.like_num for child in token.children)


def _event_of(head: Token) -> str | None:
    """The casualty event of a counted noun: "killing five children", "were killed"."""
    lemma = head.lemma_.lower()
    if lemma in _CASUALTY_NOUNS:
        return _CASUALTY_NOUNS[lemma]
    for child in head.children:
        if child.dep_ in {"amod", "acl"} and child.lower_ in _CASUALTY_ADJECTIVES:
            return _CASUALTY_ADJECTIVES[child.lower_]
    anchor = head
    while anchor.dep_ == "conj" and anchor.head is not anchor:
        anchor = anchor.head
    governor = anchor.head
    verb = governor.lemma_.lower()
    if verb in _CASUALTY_VERBS and anchor.dep_ in {"dobj", "nsubjpass"}:
        return _CASUALTY_VERBS[verb]
    if verb in {"die", "perish"} and anchor.dep_ == "nsubj":
        return "dead"
    return None


def _read_per(doc: Doc, draft: _Draft) -> None:
    k, n = draft.last + 1, len(doc)
    if k >= n:
        return
    word = doc[k].lower_
    if word in PER_ADVERBS:
        draft.per, draft.last = PER_ADVERBS[word], k
        return
    if k + 1 >= n:
        return
    noun = doc[k + 1]
    later = doc[k + 2].lower_ if k + 2 < n else ""
    if (word in {"per", "/"} and noun.pos_ in {"NOUN", "PROPN"}) or (
        word in {"a", "an", "each", "every"}
        and noun.lemma_.lower() in PER_NOUNS
        and later not in {"earlier", "later", "ago", "before", "after"}  # "a day earlier"
    ):
        draft.per, draft.last = noun.lemma_.lower(), k + 1


# --------------------------------------------------------------------------- second passes


def _fill_ellipses(doc: Doc, drafts: list[_Draft]) -> None:
    """Counts whose noun is left out: "300 people were wounded and 12 were killed" (12 people),
    "two U.S., one British and several Iraqi soldiers" (two U.S. soldiers)."""
    for index, draft in enumerate(drafts):
        if draft.kind != "count":
            continue
        token = doc[draft.number_last]
        sentence = token.sent
        after = doc[draft.last + 1] if draft.last + 1 < len(doc) else None
        # A number standing as the subject: "12 were killed", "at most 12 complained",
        # "40 injured". (Not objects: "measured 6.1" counts nothing said before.)
        stands_alone = token.dep_ in {"nsubj", "nsubjpass"} or (
            after is not None
            and (after.pos_ in {"VERB", "AUX"} or after.lower_ in _CASUALTY_ADJECTIVES)
        )
        if draft.head is None and stands_alone:
            donor = next(
                (
                    d
                    for d in reversed(drafts[:index])
                    if d.counted and d.kind == "count" and d.first >= sentence.start
                ),
                None,
            )
            if donor is not None:
                draft.counted, draft.head = donor.counted, donor.head
            if after is not None and after.lower_ in _CASUALTY_ADJECTIVES:
                draft.event = _CASUALTY_ADJECTIVES[after.lower_]
        elif draft.head is not None and doc[draft.head].ent_type_ in {"GPE", "NORP"}:
            donor = next(
                (
                    d
                    for d in drafts[index + 1 :]
                    if d.head is not None and doc[d.head].pos_ == "NOUN" and d.first < sentence.end
                ),
                None,
            )
            if donor is not None and donor.head is not None:
                draft.counted, draft.head = doc[donor.head].text, donor.head
                draft.event = draft.event or donor.event


def _singular_part(token: Token) -> bool:
    """ "a civilian" in "three officers and a civilian": a group of one."""
    return token.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in {"a", "an"} for child in token.children
    )


def _merge_coordinated(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "five children and two women": one count of 7 with its parts ("and a civilian" is a
    part of one)."""
    by_head = {d.head: d for d in drafts if d.head is not None and d.kind == "count"}
    out: list[_Draft] = []
    for draft in drafts:
        if draft.merged:
            continue
        group: list[tuple[float, int, _Draft | None]] = []  # (value, head, draft)
        if (
            draft.head is not None
            and draft.kind == "count"
            and draft.value is not None
            and draft.head > draft.number_last
            and doc[draft.head].dep_ != "conj"
        ):
            group.append((draft.value, draft.head, draft))
            for conjunct in doc[draft.head].conjuncts:
                other = by_head.get(conjunct.i)
                if other is not None and other is not draft:
                    if other.value is not None and other.head == conjunct.i > other.number_last:
                        group.append((other.value, conjunct.i, other))
                elif conjunct.i > draft.head and _singular_part(conjunct):
                    group.append((1.0, conjunct.i, None))
        approximations = {d.approximation for _, _, d in group if d is not None}
        if len(group) < 2 or len(approximations) > 1:
            # "as many as nine rounds and 21 drones": a bound and a count do not add up
            out.append(draft)
            continue
        group.sort(key=lambda part: part[1])
        members = [d for _, _, d in group if d is not None]
        for member in members:
            member.merged = True
        merged = replace(
            draft,
            first=min(d.first for d in members),
            last=max([d.last for d in members] + [head for _, head, _ in group]),
            value=sum(value for value, _, _ in group),
            parts=tuple((value, doc[head].text) for value, head, _ in group),
            counted=" and ".join(doc[head].text for _, head, _ in group),
            event=next((d.event for d in members if d.event), None),
            merged=True,
        )
        merged.low, merged.high = _bounds(merged.value, merged.approximation)
        out.append(merged)
    return out


def _change_of(doc: Doc, first: int) -> tuple[Token, str] | None:
    """The change verb and the "from"/"to"/"by" just before a quantity starting at ``first``:
    "reduce its presence to 3,000 troops from 5,200", "rose from 10 to 20". The preposition is
    read off the text and the verb found by walking up from it, because the parser attaches
    these numbers inconsistently. "up to 30" never gets here: "up to" is in the span."""
    if first == 0 or doc[first - 1].lower_ not in {"from", "to", "by"}:
        return None
    prep = doc[first - 1]
    governor = prep
    for _ in range(3):
        governor = governor.head
        if governor.lemma_.lower() in _CHANGE_VERBS:
            return governor, prep.lower_
        if governor.head is governor:
            break
    return None


def _link_changes(doc: Doc, drafts: list[_Draft]) -> None:
    groups: dict[int, list[tuple[_Draft, str]]] = {}
    previous: tuple[_Draft, Token] | None = None
    for draft in drafts:
        found = _change_of(doc, draft.first)
        if found is None and previous is not None and previous[0].last == draft.first - 2:
            prep = doc[draft.first - 1].lower_  # "from 10 to 20": the parse lost the verb
            if prep in {"from", "to", "by"}:
                found = previous[1], prep
        if found is not None:
            groups.setdefault(found[0].i, []).append((draft, found[1]))
            previous = draft, found[0]
    for verb_i, members in groups.items():
        verb = doc[verb_i]
        values = {role: d.value for d, role in members}
        lemma = verb.lemma_.lower()
        direction = "down" if lemma in _DOWN_VERBS else "up" if lemma in _UP_VERBS else None
        counted = next(((d.counted, d.head) for d, _ in members if d.counted), None)
        if counted is None:
            counted = _tally_antecedent(doc, verb, drafts, members[0][0])
        for draft, role in members:
            draft.change = QuantityChange(
                verb=lemma,
                direction=direction,
                role=role,  # type: ignore[arg-type]
                from_value=values.get("from"),
                to_value=values.get("to"),
                by_value=values.get("by"),
            )
            if draft.counted is None and counted is not None:
                draft.counted, draft.head = counted


def _tally_antecedent(
    doc: Doc, verb: Token, drafts: list[_Draft], member: _Draft
) -> tuple[str | None, int | None] | None:
    """ "There are 5,000 troops. This number is expected to reduce to 3,000": the subject
    "this number" points back at the previous quantity, which gives what is counted."""
    for governor in (verb, verb.head):
        for child in governor.children:
            if (
                child.dep_ in {"nsubj", "nsubjpass"}
                and child.lemma_.lower() in _TALLY_NOUNS
                and any(det.lower_ in {"this", "that", "the"} for det in child.children)
            ):
                earlier = [d for d in drafts if d.last < member.first and d.counted]
                if earlier and doc[earlier[-1].last].sent.end >= child.sent.start:
                    return earlier[-1].counted, earlier[-1].head
    return None


def _freeze(doc: Doc, context: ArticleContext, draft: _Draft) -> Quantity:
    start = doc[draft.first].idx
    end = doc[draft.last].idx + len(doc[draft.last].text)
    head = doc[draft.head].lemma_.lower() if draft.head is not None else None
    return Quantity(
        article_id=context.article_id,
        start=start,
        end=end,
        text=doc.text[start:end],
        value=draft.value,
        low=draft.low,
        high=draft.high,
        approximation=draft.approximation,
        comparator=COMPARATORS[draft.approximation],
        approximation_text=draft.approximation_text,
        unit=draft.unit,
        counted=draft.counted,
        counted_head=head,
        per=draft.per,
        kind=draft.kind,
        parts=draft.parts,
        event=draft.event,
        change=draft.change,
    )
