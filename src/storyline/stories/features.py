"""What one article contributes to story clustering: a bag of typed, weighted features.

Two reports of one event share names (people, places, organisations), dates, numbers (casualty
counts, magnitudes) and distinctive words; two events of the same kind share the words but not
the names, dates and numbers. So every article becomes one sparse bag whose keys carry their
kind as a prefix, and the kinds that separate events weigh more than plain words:

- ``e:`` a name, normalised (``e:tara reid``), and each word of a multi-word name (``e:reid``),
  so "Reid" later in the text or in another report still meets "Tara Reid";
- ``t:`` a resolved date or month (``t:2008-12-14``, ``t:XXXX-12-14`` when the year is unknown)
  and ``y:`` its year;
- ``n:`` a number with at least two digits or a decimal point ("6.1", "35,000" → ``n:35000``);
  small counts ("two people") are too common to tell events apart;
- ``w:`` a content word (lower-cased, stop words dropped, a plural "s" cut).

Names, dates and numbers come from the language layer's annotation when it is given (resolved
entity mentions, quantities, times), otherwise from spaCy's NER alone (fast: tokenizer + ner),
with the language layer's own time resolver run over it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.language.annotate import LanguageAnnotation

STAGE_VERSION = "story-features-1"

# spaCy labels that name a participant or a place of an event.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}
)
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
NER_ONLY = ("ner",)  # en_core_web_sm's NER has its own tok2vec: no tagger or parser needed

_WORD = re.compile(r"[^\W\d_]{3,}(?:['’-][^\W\d_]+)*")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NAME_DROP = re.compile(r"^(?:the|a|an)\s+|['’]s?$")


@dataclass(frozen=True)
class StoryFeatures:
    """One article's features: ``counts`` maps a prefixed feature to how often it occurs."""

    article_id: str
    published: dt.date | None
    counts: Mapping[str, int] = field(compare=False)

    def __post_init__(self) -> None:
        # One string per distinct feature, shared by every article that has it (most keys are
        # words thousands of articles share): the bags of benchmarks/stories_scale.py's corpus
        # took a third of the memory this way (5,000 articles: 83 MiB, interned 28 MiB).
        interned = {sys.intern(key): count for key, count in self.counts.items()}
        object.__setattr__(self, "counts", interned)

    @property
    def years(self) -> frozenset[int]:
        return frozenset(int(key[2:]) for key in self.counts if key.startswith("y:"))


def extract_features(
    articles: Sequence[Article],
    language: Mapping[str, LanguageAnnotation] | None = None,
) -> dict[str, StoryFeatures]:
    """Features of every article by id: from its annotation when ``language`` has one,
    otherwise from one NER-only spaCy pass over the articles that lack it."""
    language = language or {}
    found: dict[str, StoryFeatures] = {}
    todo: list[Article] = []
    for article in articles:
        annotation = language.get(article.id)
        if annotation is not None:
            found[article.id] = features_from_annotation(article, annotation)
        else:
            todo.append(article)
    if todo:
        from storyline.language.nlp import parse

        for article, doc in zip(todo, parse((a.text for a in todo), NER_ONLY), strict=True):
            found[article.id] = features_from_doc(article, doc)
    return found


def features_from_annotation(article: Article, annotation: LanguageAnnotation) -> StoryFeatures:
    """Features from the language layer's mentions, quantities and resolved times."""
    names = [m.name for m in annotation.mentions if m.via == "name"]
    numbers = [q.text for q in annotation.quantities]
    times = [t.value for t in annotation.times if t.type == "DATE" and t.value]
    return _build(article, names, numbers, times)


def features_from_doc(article: Article, doc: Doc) -> StoryFeatures:
    """Features from a spaCy ``Doc`` of the article's text with at least NER run on it."""
    from storyline.language.annotate import context_of
    from storyline.language.timex import find_times

    names = [ent.text for ent in doc.ents if ent.label_ in NAME_LABELS]
    numbers = [ent.text for ent in doc.ents if ent.label_ in NUMBER_LABELS]
    times = [t.value for t in find_times(doc, context_of(article)) if t.type == "DATE" and t.value]
    return _build(article, names, numbers, times)


def publication_day(article: Article) -> dt.date | None:
    value = article.published.value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _build(
    article: Article, names: Iterable[str], numbers: Iterable[str], times: Iterable[str]
) -> StoryFeatures:
    counts: Counter[str] = Counter()
    for name in names:
        counts.update(name_keys(name))
    for text in numbers:
        counts.update(number_keys(text))
    for value in times:
        counts.update(time_keys(value))
    counts.update(word_keys(article.text))
    published = publication_day(article)
    if published is not None:
        counts[f"y:{published.year}"] += 1
    return StoryFeatures(article.id, published, dict(sorted(counts.items())))


def name_keys(name: str) -> list[str]:
    """``e:`` keys of one name: the whole name and, for multi-word names, each word."""
    norm = _NAME_DROP.sub("", " ".join(name.lower().split())).strip()
    tokens = [t for t in _WORD.findall(norm) if t not in _stop_words()]
    if not tokens:
        return []
    keys = [f"e:{' '.join(tokens)}"]
    if len(tokens) > 1:
        keys.extend(f"e:{token}" for token in tokens)
    return keys


def number_keys(text: str) -> list[str]:
    keys = []
    for match in _NUMBER.findall(text):
        digits = match.replace(",", "")
        if "." in digits or len(digits) >= 2:
            keys.append(f"n:{digits}")
    return keys


def time_keys(value: str) -> list[str]:
    """A date or month value (``2008-12-14``, ``XXXX-12``) and its year when known."""
    if not re.fullmatch(r"(?:\d{4}|XXXX)(?:-\d\d){0,2}", value):
        return []  # weeks, seasons, quarters, times of day: too vague to tell events apart
    # Only a day tells events apart: two unrelated reports that both mention "in August" of one
    # year share a month key by coincidence, and in a small corpus its weight was enough to pull
    # an article into the wrong story. Months still count through their year. On ECB+ dev the
    # B-cubed F1 was the same (0.915) with and without month keys.
    keys = [f"t:{value}"] if len(value) == 10 else []
    if value[:4].isdigit():
        keys.append(f"y:{value[:4]}")
    return keys


def word_keys(text: str) -> list[str]:
    stop = _stop_words()
    keys = []
    for word in _WORD.findall(text.lower()):
        if word in stop:
            continue
        keys.append(f"w:{_stem(word)}")
    return keys


def _stem(word: str) -> str:
    # A crude plural cut: "quakes" meets "quake" without a lemmatizer (the NER-only pass has none).
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "according"}
    return _STOP


def sublinear(count: int) -> float:
    """Term frequency damped, so one name repeated twenty times does not swamp the rest."""
    return 1.0 + math.log(count) if count > 0 else 0.0
