"""Numbers as written in English news, to values: "5,000", "3.6bn", "twenty-five",
"two hundred and fifty", "half a million", "hundreds", "tens of thousands".

A small parser of our own rather than a library: ``word2number`` and ``text2num`` read a whole
string but neither keeps token boundaries nor knows news shorthand ("3.6bn", "$5m") or the
vague plurals ("hundreds of"), and quantulum3 (the evaluation's baseline) parses the whole text
again with its own regexes, which would double the cost of the language layer. Here the caller
hands over the lowercased tokens of one number phrase that spaCy already found.

Also the lexicons (scales, currencies, units, approximation words, date words) and the
token-level readers of a number phrase in a ``Doc`` that ``quantities`` builds on: where a
phrase starts and ends, the unit after it, the approximation before it, whether it is a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc


def words(text: str) -> tuple[str, ...]:
    """The words of a lexicon written as one string: keeps long word lists to a few lines."""
    return tuple(text.split())


Kind = Literal["count", "money", "percent", "measure"]
Approximation = Literal["exact", "about", "more than", "at least", "fewer than", "at most", "range"]

_SMALL_WORDS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
)
SMALL = {word: value for value, word in enumerate(_SMALL_WORDS)}
_TENS_WORDS = words("twenty thirty forty fifty sixty seventy eighty ninety")
TENS = {word: 20 + 10 * k for k, word in enumerate(_TENS_WORDS)}
# "hundred" multiplies what came before it; the larger scales close a group ("two hundred
# thousand" = 200 * 1000; "one million two hundred thousand" = 1e6 + 200e3).
HUNDRED = {"hundred": 100.0, "dozen": 12.0}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Written after digits, as a separate token or glued on ("3.6bn", "$5m"). "m" and "k" are
# scales only in money ("$5m"); elsewhere "5 m" is five metres (see ``quantities``).
ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# Plural scales say "at least one of these": "hundreds of diplomats" ≥ 100, "tens of
# thousands" ≥ 10,000. Their value is that lower bound.
VAGUE_PLURALS = {"dozens": 12.0, "scores": 20.0, "tens": 10.0, "hundreds": 100.0}
VAGUE_PLURALS |= {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
NUMBER_WORDS = frozenset(SMALL) | frozenset(TENS) | frozenset(HUNDRED) | frozenset(SCALES)

_DIGITS = re.compile(
    r"^(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>[a-z]{0,3})$"
)


@dataclass(frozen=True)
class NumberValue:
    """The value of one number phrase; ``vague`` when it is a plural scale ("hundreds"), whose
    value is then a lower bound."""

    value: float
    vague: bool = False


def digits_value(word: str) -> tuple[float, str] | None:
    """``(value, glued suffix)`` of a digit token ("5,000" → (5000, ""), "3.6bn" → (3.6e9,
    "bn")); None when it is not one or the suffix is not a scale."""
    match = _DIGITS.match(word.lower())
    if match is None:
        return None
    value = float(match["number"].replace(",", ""))
    suffix = match["suffix"]
    if not suffix:
        return value, ""
    if suffix in ABBREVIATED_SCALES:
        return value * ABBREVIATED_SCALES[suffix], suffix
    return None


def parse_number(words: Sequence[str]) -> NumberValue | None:
    """The value of a number phrase given as its tokens; None when the tokens do not make one.

    Accepts digits with thousands separators and decimals, scale words and abbreviations
    ("3.6 billion", "3.6bn"), written numbers with or without "and" and hyphens ("two hundred
    and fifty", "twenty-five"), "a"/"half a" before a scale ("a million", "half a million",
    "a dozen") and vague plurals ("hundreds", "tens of thousands").
    """
    total = 0.0
    current: float | None = None
    vague: float | None = None
    seen = False
    for raw in words:
        word = raw.lower()
        if word in {"and", "-", "of"}:
            continue
        if word in {"a", "an"}:
            current = current if current is not None else 1.0  # "a million", "half a million"
            continue
        if word == "half":
            current = 0.5
            continue
        digits = digits_value(word)
        if digits is not None:
            if seen and current is not None and not digits[1]:
                return None  # two numbers side by side ("2020 2021") are not one number
            current = digits[0] if current is None else current * digits[0]
            seen = True
        elif word in SMALL or word in TENS:
            current = (current or 0.0) + (SMALL[word] if word in SMALL else TENS[word])
            seen = True
        elif word in HUNDRED:
            current = (current if current is not None else 1.0) * HUNDRED[word]
            seen = True
        elif word in SCALES:
            total += (current if current is not None else 1.0) * SCALES[word]
            current = None
            seen = True
        elif word in ABBREVIATED_SCALES and current is not None:
            total += current * ABBREVIATED_SCALES[word]
            current = None
        elif word in VAGUE_PLURALS:
            vague = (vague or 1.0) * VAGUE_PLURALS[word]
            seen = True
        else:
            return None
    if vague is not None:
        return NumberValue(vague * (current or 1.0) + total, vague=True)
    if not seen:
        return None
    return NumberValue(total + (current or 0.0))


# --------------------------------------------------------------------------- lexicons


def word_pairs(text: str) -> dict[str, str]:
    """ "a:b c:d" → {"a": "b", "c": "d"}: keeps long lexicons readable in a few lines."""
    return dict(item.split(":", 1) for item in text.split())


#: Currency written before the number ("$", "US$", "€").
CURRENCY_SYMBOLS = word_pairs(
    "$:USD us$:USD usd:USD €:EUR eur:EUR £:GBP gbp:GBP ¥:JPY ₹:INR a$:AUD c$:CAD hk$:HKD"
)
#: Currency written after the number ("5 million euros"). "pounds" is money only after a
#: scale word ("5 million pounds"); "10 pounds" of anything else is a weight (see MEASURES).
CURRENCY_WORDS = word_pairs(
    "dollar:USD dollars:USD usd:USD euro:EUR euros:EUR eur:EUR yen:JPY yuan:CNY rupees:INR"
    " dinars:IQD rials:IRR roubles:RUB rubles:RUB shekels:ILS lira:TRY francs:CHF"
)
PERCENT_WORDS = frozenset({"%", "percent", "pct"})
#: Measures, by the word or symbol written after the number, to a short unit code.
MEASURE_UNITS = word_pairs(
    "km:km kilometre:km kilometres:km kilometer:km kilometers:km mile:mi miles:mi m:m"
    " metre:m metres:m meter:m meters:m cm:cm centimetres:cm centimeters:cm mm:mm"
    " millimetres:mm millimeters:mm inches:in feet:ft kg:kg kilogram:kg kilograms:kg kilos:kg"
    " g:g grams:g tonne:t tonnes:t ton:t tons:t lb:lb lbs:lb pound:lb pounds:lb litre:l"
    " litres:l liter:l liters:l gallons:gal barrel:bbl barrels:bbl hectare:ha hectares:ha"
    " acre:acre acres:acre mph:mph degrees:° mw:MW gw:GW"
)
#: Approximation words before a number, to the normalised approximation; matched longest
#: first so that "no more than" wins over "more than". "nearly 40" is close to 40 and below
#: it; it is compared as ≈ because reports round both ways.
APPROXIMATIONS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (tuple(words.split("_")), normalised.replace("_", " "))
            for words, normalised in word_pairs(
                "more_than:more_than over:more_than above:more_than just_over:more_than"
                " in_excess_of:more_than upwards_of:more_than at_least:at_least"
                " no_fewer_than:at_least no_less_than:at_least a_minimum_of:at_least"
                " fewer_than:fewer_than less_than:fewer_than under:fewer_than below:fewer_than"
                " just_under:fewer_than at_most:at_most no_more_than:at_most up_to:at_most"
                " as_many_as:at_most as_much_as:at_most a_maximum_of:at_most about:about"
                " around:about approximately:about roughly:about some:about an_estimated:about"
                " estimated:about nearly:about almost:about close_to:about circa:about ~:about"
            ).items()
        ),
        key=lambda item: -len(item[0]),
    )
)
MONTHS = frozenset(
    words(
        "january february march april may june july august september october november december"
        " jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. aug. sept. oct. nov. dec."
        " monday tuesday wednesday thursday friday saturday sunday"
    )
)
CLOCK_WORDS = frozenset(words("am pm a.m. p.m. gmt utc o'clock : h hrs"))
TIME_NOUNS = frozenset(words("second minute hour day week month year decade century"))
PER_NOUNS = TIME_NOUNS | {"person", "head", "barrel", "capita", "household", "family"}
PER_ADVERBS = word_pairs(
    "annually:year yearly:year monthly:month weekly:week daily:day hourly:hour"
)


# --------------------------------------------------------------------------- phrases in a Doc


def may_start(doc: Doc, i: int) -> bool:
    word = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if word in {"a", "an"}:
        return nxt in HUNDRED or nxt in SCALES
    if word == "half":
        return nxt == "a" and i + 2 < len(doc) and doc[i + 2].lower_ in SCALES
    return (
        word in SMALL
        or word in TENS
        or word in VAGUE_PLURALS
        or word in HUNDRED
        or word in SCALES
        or digits_value(word) is not None
    )


def phrase_end(doc: Doc, i: int) -> int:
    """The last token of the number phrase starting at ``i``."""
    j, n = i, len(doc)
    while j + 1 < n:
        word, prev = doc[j + 1].lower_, doc[j].lower_
        after = doc[j + 2].lower_ if j + 2 < n else ""
        if word in HUNDRED or word in SCALES:
            pass
        elif word in ABBREVIATED_SCALES and word not in {"m", "k", "b"}:
            pass  # "3.6 bn"; a lone "m" is decided with the currency ("$5 m" vs "5 m")
        elif (word in SMALL or word in TENS) and (
            prev in TENS or prev in HUNDRED or prev in SCALES or prev in {"-", "and"}
        ):
            pass  # "twenty five", "twenty-five", "hundred and five"
        elif (
            word in {"-", "and"}
            and (prev in TENS or prev in HUNDRED or prev in SCALES)
            and (after in SMALL or after in TENS)
        ):
            pass  # "twenty-five", "two hundred and fifty"
        elif word == "a" and prev == "half":
            pass
        elif word == "of" and prev in VAGUE_PLURALS and after in VAGUE_PLURALS:
            pass  # "tens of thousands"
        elif word in VAGUE_PLURALS and prev == "of":
            pass
        else:
            break
        j += 1
    return j


def is_time(doc: Doc, i: int, j: int) -> bool:
    """A number that spaCy put in a DATE or TIME entity and that is one: "September 28",
    "28 September", "two months", "90-day", "2019", "5 pm". The small model also labels
    counts as dates ("between 10 and 20 fighters", "up from 31 a day earlier"): those stay."""
    n = len(doc)
    before = doc[i - 1].lower_ if i > 0 else ""
    k = j + 1
    if k < n and doc[k].lower_ in {"-", "–"}:
        k += 1
    after = doc[k] if k < n else None
    if before in MONTHS or (after is not None and after.lower_ in MONTHS | CLOCK_WORDS):
        return True
    if after is not None and after.lemma_.lower() in TIME_NOUNS:
        return True
    text = doc[j].text
    return i == j and len(text) == 4 and text.isdigit()


def unit_after(doc: Doc, i: int, after: int) -> tuple[str | None, Kind, int]:
    """The unit written after the number, its kind and the index after it."""
    n = len(doc)
    if after >= n:
        return None, "count", after
    word = doc[after].lower_
    nxt = doc[after + 1].lower_ if after + 1 < n else ""
    if word in PERCENT_WORDS:
        return "percent", "percent", after + 1
    if word == "per" and nxt == "cent":
        return "percent", "percent", after + 2
    if word == "percentage" and nxt in {"point", "points"}:
        return "percentage point", "percent", after + 2
    if word in {"us", "u.s."} and nxt in {"dollars", "dollar"}:
        return "USD", "money", after + 2
    if word in CURRENCY_WORDS:
        return CURRENCY_WORDS[word], "money", after + 1
    scaled = any(doc[k].lower_ in SCALES for k in range(i, after))
    if word in {"pounds", "pound"} and scaled:
        return "GBP", "money", after + 1  # "5 million pounds" is money, "10 pounds" a weight
    if word in MEASURE_UNITS and doc[after].dep_ != "nsubj":
        return MEASURE_UNITS[word], "measure", after + 1
    return None, "count", after


def approximation_before(doc: Doc, first: int) -> tuple[int, Approximation, str | None]:
    for words, normalised in APPROXIMATIONS:
        start = first - len(words)
        if start >= 0 and all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return start, normalised, doc[start:first].text  # type: ignore[return-value]
    return first, "exact", None
