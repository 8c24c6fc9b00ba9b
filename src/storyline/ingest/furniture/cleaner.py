"""The cascade: units scored, the body span found, header and repeats named, the text assembled."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from storyline.ingest.furniture.header import (
    is_header_kind,
    mark_standfirst,
    mark_title_repeats,
    read_header,
)
from storyline.ingest.furniture.lines import Unit, ends_sentence, normalise_whitespace, to_units
from storyline.ingest.furniture.prose import is_prose, prose_evidence
from storyline.ingest.furniture.repeats import mark_bio, mark_repeats
from storyline.ingest.furniture.signals import furniture_signals
from storyline.ingest.furniture.tuning import BODY_RUN_MIN_WORDS, BODY_THRESHOLD, EDGE_THRESHOLD
from storyline.model import RemovedText


@dataclass(frozen=True)
class CleanedText:
    """The article body of a scraped text, what was removed, and the header lines found.

    ``text`` holds the kept units as paragraphs joined by a blank line. ``removed`` lists every
    unit taken out, with a short reason and its 1-based line in the raw text: together the two
    account for every non-blank line of the input. ``title``, ``standfirst``, ``byline`` and
    ``dateline`` are the header lines as they stand (whitespace normalised); the byline or
    dateline may be the same line when the page prints them together.
    """

    text: str
    removed: tuple[RemovedText, ...] = ()
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None


def _is_body_like(unit: Unit) -> bool:
    """A unit that can anchor the body span: a long prose line ending as a sentence, which
    its furniture signals would not remove from inside the body."""
    return (
        len(unit.words) >= BODY_RUN_MIN_WORDS
        and ends_sentence(unit.text)
        and is_prose(unit.words)
        and unit.score - prose_evidence(unit, in_body=True) < BODY_THRESHOLD
    )


def _starts_body(units: list[Unit], index: int) -> bool:
    """A body-like unit whose next unit, past furniture that also sits between paragraphs
    (ads, prompts, captions), is body-like too, with no header-only furniture in between."""
    if not _is_body_like(units[index]):
        return False
    for unit in units[index + 1 :]:
        if is_header_kind(unit):
            return False
        if unit.score - prose_evidence(unit, in_body=True) >= BODY_THRESHOLD:
            continue
        return _is_body_like(unit)
    return False


def _body_span(units: list[Unit]) -> range:
    """Indexes of the body: from the first run of two body-like units (furniture between them
    allowed) to the last body-like unit."""
    body_like = [index for index, unit in enumerate(units) if _is_body_like(unit)]
    if not body_like:
        return range(0, len(units))
    start = next((i for i in body_like if _starts_body(units, i)), body_like[0])
    return range(start, body_like[-1] + 1)


def _mark_scored(units: list[Unit], body: range) -> None:
    for index, unit in enumerate(units):
        if unit.label is not None or not unit.signals:
            continue
        in_body = index in body
        score = unit.score - prose_evidence(unit, in_body)
        if score >= (BODY_THRESHOLD if in_body else EDGE_THRESHOLD):
            unit.label = max(unit.signals, key=lambda signal: signal[1])[0]


def clean_scraped_text(raw: str) -> CleanedText:
    """Remove site furniture from a plain-text article as scraped, keeping every body sentence.

    Deterministic and per document. See the package docstring
    (``storyline.ingest.furniture``) for the method.
    """
    # NFC only composes what is already there (e + combining accent = é): the text as written.
    units = to_units(normalise_whitespace(unicodedata.normalize("NFC", raw)))
    if not units:
        return CleanedText(text="")
    for unit in units:
        unit.signals = furniture_signals(unit)
        unit.score = sum(weight for _, weight in unit.signals)
    body = _body_span(units)
    header = read_header(units, body.start)
    if header.title is not None:
        mark_title_repeats(units, header.title, body)
    mark_standfirst(units, header, body.start)
    # Section labels and kickers before the title ("World", "Middle East"): short, no sentence.
    if header.title is not None:
        for unit in units[: units.index(header.title)]:
            if unit.label is None and len(unit.words) <= 4 and not ends_sentence(unit.text):
                unit.label = "section label"
    _mark_scored(units, body)
    mark_repeats(units, body)
    mark_bio(units)
    kept = [unit.text for unit in units if unit.label is None]
    removed = tuple(
        RemovedText(text=unit.text, reason=unit.label, line=unit.line)
        for unit in units
        if unit.label is not None
    )
    return CleanedText(
        text="\n\n".join(kept),
        removed=removed,
        title=header.title.text if header.title else None,
        standfirst=header.standfirst.text if header.standfirst else None,
        byline=header.byline.text if header.byline else None,
        dateline=header.dateline.text if header.dateline else None,
    )
