"""What the briefs show of a story's cited summary, who said what, and what one source alone
reports.

``summary_view(story, articles)`` reads one ``brief.json`` story entry and the brief's
``articles``. Citations are numbered per story in order of first use; each distinct cited span
is one ``Reference`` whose ``anchor`` is the id of the ``<mark>`` the HTML brief puts around
that span in the cited article's text (``citation_anchor``), so a click on ``[1]`` shows the
passage without any script. Texts stay plain strings; each renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.brief.highlight import Highlight


def citation_anchor(article_id: str, start: int, end: int) -> str:
    """The element id of a cited span in its article's section of the HTML page."""
    return f"a{article_id}-c{start}-{end}"


@dataclass(frozen=True)
class Reference:
    number: int
    anchor: str
    origin: str
    origin_name: str
    article_id: str
    article_label: str
    text: str


@dataclass(frozen=True)
class SummaryLine:
    text: str
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class QuoteLine:
    text: str
    kind: str
    carriers: tuple[tuple[str, str], ...]  # (article label, anchor of the article section)
    origins: int


@dataclass(frozen=True)
class SpeakerView:
    speaker: str
    named: bool
    quotes: tuple[QuoteLine, ...]


@dataclass(frozen=True)
class SingleSourceLine:
    text: str  # the sentence that states it
    article_id: str
    article_label: str
    source: str


@dataclass(frozen=True)
class SummaryView:
    lines: tuple[SummaryLine, ...]
    references: tuple[Reference, ...]  # numbered, in order of first use
    words: int
    speakers: tuple[SpeakerView, ...]
    single_source: tuple[SingleSourceLine, ...]


def summary_view(story: Mapping[str, Any], articles: Sequence[Mapping[str, Any]]) -> SummaryView:
    known = {article["id"]: article for article in articles}

    def label(article_id: str) -> str:
        article = known.get(article_id, {})
        return article.get("title") or article.get("source_id") or article_id

    def origin_name(origin: str) -> str:
        if origin.startswith("agency:"):
            return f"{origin.split(':', 1)[1]} wire"
        article = known.get(origin, {})
        return article.get("outlet") or label(origin)

    numbered: dict[tuple[str, int, int, str], Reference] = {}
    lines = []
    summary = story.get("summary") or {"sentences": [], "words": 0}
    for sentence in summary["sentences"]:
        refs = []
        for citation in sentence["citations"]:
            key = (citation["article_id"], citation["start"], citation["end"], citation["origin"])
            if key not in numbered:
                numbered[key] = Reference(
                    number=len(numbered) + 1,
                    anchor=citation_anchor(*key[:3]),
                    origin=citation["origin"],
                    origin_name=citation.get("origin_name") or origin_name(citation["origin"]),
                    article_id=citation["article_id"],
                    article_label=label(citation["article_id"]),
                    text=citation["text"],
                )
            refs.append(numbered[key])
        lines.append(SummaryLine(text=sentence["text"], references=tuple(refs)))
    speakers = tuple(
        SpeakerView(
            speaker=group["speaker"],
            named=group["named"],
            quotes=tuple(
                QuoteLine(
                    text=quote["text"],
                    kind=quote["kind"],
                    carriers=tuple(
                        (label(c["article_id"]), f"article-{c['article_id']}")
                        for c in quote["carried_by"]
                    ),
                    origins=len(quote["origins"]),
                )
                for quote in group["quotes"]
            ),
        )
        for group in story.get("quotes_by_speaker", [])
    )
    single = tuple(
        SingleSourceLine(
            text=(known.get(item["article_id"], {}).get("text") or "")[
                item["start"] : item["end"]
            ].strip(),
            article_id=item["article_id"],
            article_label=label(item["article_id"]),
            source=origin_name(item["origin"]),
        )
        for item in story.get("single_source", [])
    )
    return SummaryView(
        lines=tuple(lines),
        references=tuple(numbered.values()),
        words=summary["words"],
        speakers=speakers,
        single_source=single,
    )


def citation_highlights(brief: Mapping[str, Any]) -> dict[str, list[Highlight]]:
    """Per article, a mark for every span a story's summary cites there."""
    found: dict[str, dict[str, Highlight]] = {}
    for story in brief.get("stories", []):
        for sentence in (story.get("summary") or {}).get("sentences", []):
            for c in sentence["citations"]:
                anchor = citation_anchor(c["article_id"], c["start"], c["end"])
                found.setdefault(c["article_id"], {})[anchor] = Highlight(
                    c["start"], c["end"], "cited", anchor, f"cited for {c['origin_name']}", rank=0
                )
    return {article_id: list(marks.values()) for article_id, marks in found.items()}


def origin_highlights(brief: Mapping[str, Any]) -> dict[str, list[Highlight]]:
    """Per article, its passages first written elsewhere, one mark per run of one origin."""
    known = {a["id"]: a for a in brief.get("articles", [])}

    def name(origin: str) -> str:
        if origin.startswith("agency:"):
            return f"{origin.split(':', 1)[1]} wire"
        article = known.get(origin, {})
        return article.get("title") or article.get("source_id") or origin

    found: dict[str, list[Highlight]] = {}
    for story in brief.get("stories", []):
        # an agency's own wire story is not marked as copied from that agency
        wire = {
            (row["article_id"], f"agency:{row['wire_agency']}")
            for row in story.get("sources", [])
            if row.get("wire_agency")
        }
        runs: list[list[Any]] = []
        for item in sorted(
            story.get("passage_origins", []), key=lambda o: (o["article_id"], o["start"])
        ):
            if item["origin"] == item["article_id"] or (item["article_id"], item["origin"]) in wire:
                continue
            last = runs[-1] if runs else None
            text = known.get(item["article_id"], {}).get("text", "")
            if (
                last is not None
                and last[0] == item["article_id"]
                and last[3] == item["origin"]
                and not text[last[2] : item["start"]].strip()
            ):
                last[2] = item["end"]
            else:
                runs.append([item["article_id"], item["start"], item["end"], item["origin"]])
        for article_id, start, end, origin in runs:
            kind = "agency" if origin.startswith("agency:") else "article"
            found.setdefault(article_id, []).append(
                Highlight(
                    start,
                    end,
                    f"origin origin-{kind}",
                    f"a{article_id}-o{start}",
                    f"first written by {name(origin)}",
                    rank=1,
                )
            )
    return found
