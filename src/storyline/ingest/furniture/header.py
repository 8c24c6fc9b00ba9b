"""The header zone: title, dateline, byline, masthead and standfirst, named by position and shape."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.ingest.furniture.bylines import ROLE, is_byline, is_name_like
from storyline.ingest.furniture.datelines import SEGMENT_SPLIT, dateline_date, is_date_only
from storyline.ingest.furniture.lines import Unit, ends_sentence
from storyline.ingest.furniture.prose import is_prose
from storyline.ingest.furniture.repeats import contains
from storyline.ingest.furniture.tuning import (
    BODY_RUN_MIN_WORDS,
    EDGE_THRESHOLD,
    MAX_TITLE_WORDS,
    NEAR_TITLE_JACCARD,
    SHORT_LINE_WORDS,
)

#: Signals of furniture that only a header carries. A prose line followed by one of these is
#: still in the header (a standfirst), not the first paragraph of the body.
_HEADER_SIGNALS = frozenset({"read time", "timestamp", "date stamp"})


def is_header_kind(unit: Unit) -> bool:
    """Furniture that only a header carries: a read time, a timestamp, a date stamp, a byline."""
    if any(label in _HEADER_SIGNALS for label, _ in unit.signals):
        return True
    return is_byline(unit.text)


def _is_masthead(unit: Unit) -> bool:
    """A staff line: "Editor in Chief Jane Doe", "Publisher: John Roe"."""
    if len(unit.words) > 8 or ends_sentence(unit.text) or not ROLE.search(unit.text):
        return False
    rest = [word for word in unit.words if not ROLE.fullmatch(word)]
    rest = [word for word in rest if word.lower() not in {"in", "of", "the", "and"}]
    return bool(rest) and all(word[:1].isupper() for word in rest)


def _is_heading_like(unit: Unit) -> bool:
    """Could be a title: a short line that does not end with a full stop."""
    n = len(unit.words)
    if not 2 <= n <= MAX_TITLE_WORDS or unit.text.rstrip("”\"’'").endswith((".", ":", ",")):
        return False
    # Two capitalised words may be a name (a byline); three are a title ("Iraq Embassy Threat").
    return not is_date_only(unit.text) and not (n <= 2 and is_name_like(unit.text))


_HEADER_LABELS = frozenset({"dateline", "byline", "repeated title", "masthead"})


@dataclass
class Header:
    title: Unit | None = None
    standfirst: Unit | None = None
    byline: Unit | None = None
    dateline: Unit | None = None


def read_header(units: list[Unit], body_start: int) -> Header:
    """Name the header units before ``body_start``: masthead, dateline, byline, title."""
    header = Header()
    zone = units[:body_start]
    datelines: list[int] = []
    for index, unit in enumerate(zone):
        if unit.label is not None:
            continue
        if _is_masthead(unit):
            unit.label = "masthead"
        elif len(unit.words) <= 2 * SHORT_LINE_WORDS and dateline_date(unit.text):
            unit.label = "dateline"
            datelines.append(index)
            if any(is_byline(part) for part in SEGMENT_SPLIT.split(unit.text)):
                header.byline = header.byline or unit
        elif is_byline(unit.text):
            unit.label = "byline"
            header.byline = header.byline or unit
        elif unit.score >= EDGE_THRESHOLD and any(
            label == "source credit" for label, _ in unit.signals
        ):
            # "Source: Jane Doe, Reuters" under a title: the credit the page gives the story.
            unit.label = "byline"
            header.byline = header.byline or unit
    if datelines:
        # The publication date is the first dateline that is not an update stamp.
        published = [
            i for i in datelines if not re.match(r"\W*(?:last )?updated", zone[i].text, re.I)
        ]
        header.dateline = zone[(published or datelines)[0]]
        # A name-like line next to a dateline is the byline ("Mon 28 Sep 2020" / "H-Tayea").
        for index in datelines:
            for near in (index - 1, index + 1):
                if not 0 <= near < len(zone) or zone[near].label is not None:
                    continue
                if is_name_like(zone[near].text):
                    zone[near].label = "byline"
                    header.byline = header.byline or zone[near]
    for unit in zone:
        if unit.label is None and unit.score < EDGE_THRESHOLD and _is_heading_like(unit):
            unit.label = "title"
            header.title = unit
            break
    return header


def mark_title_repeats(units: list[Unit], title: Unit, body: range) -> None:
    """The title shown again (the page heading and the article heading) counts once."""
    title_words = {word.lower() for word in title.words}
    for index, unit in enumerate(units):
        if unit is title or unit.label is not None:
            continue
        if unit.key == title.key:
            unit.label = "repeated title"
            continue
        words = {word.lower() for word in unit.words}
        overlap = len(words & title_words) / max(1, len(words | title_words))
        # A sentence of the body that happens to share the title's words stays.
        inside = index in body and ends_sentence(unit.text)
        if overlap >= NEAR_TITLE_JACCARD and not inside:
            unit.label = "repeated title"


def mark_standfirst(units: list[Unit], header: Header, body_start: int) -> None:
    """Find the summary printed under the title; remove it only when the body repeats it.

    A prose line after the title in the header zone is the standfirst when header-only
    furniture (read time, byline, dateline) follows it before the body starts, when its text
    is repeated in the body, or when it ends without a full stop and sits in one block with the
    header lines. Otherwise it is not named: it may just as well be the first paragraph.

    A standfirst is the outlet's own summary *of the story*, so its sentences stay in the text
    (as the first paragraph) like any other sentence of the article; it is only removed when
    the body repeats it word for word, where the text keeps it once anyway.
    """
    if header.title is None:
        return
    start = units.index(header.title) + 1
    for index in range(start, body_start):
        unit = units[index]
        if unit.label is not None:
            continue
        if len(unit.words) < BODY_RUN_MIN_WORDS or not is_prose(unit.words):
            return
        # Header-only furniture after it (a caption may sit between two body paragraphs).
        later_furniture = any(
            units[j].label in _HEADER_LABELS or is_header_kind(units[j])
            for j in range(index + 1, body_start)
        )
        repeated = any(contains(units[j], unit) for j in range(body_start, len(units)))
        # "Attached" means in one block with a header line, in a text that separates its
        # paragraphs by blank lines (so the body starts in another block).
        previous = units[index - 1]
        attached = (
            previous.block == unit.block != units[body_start].block and previous.label is not None
        )
        if later_furniture or repeated or (attached and not ends_sentence(unit.text)):
            header.standfirst = unit
            if repeated:
                unit.label = "repeated standfirst"
        return
