"""What the briefs show of one story: its sources and their independence, who copied whom, the
facts changed inside copies, and two articles side by side with the copied passages marked.

``story_view(story, articles)`` reads one entry of ``brief.json``'s ``stories`` list (with the
brief's ``articles``, for titles, dates and texts) and returns a ``StoryView`` that both the HTML
and the Markdown renderers use. Every element id it hands out starts with the pair's anchor
(``pair-<source id>-<copy id>``), so ids stay unique on the page even when an article takes
part in several pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from storyline.brief.highlight import Highlight, highlight_paragraphs

#: An origin counts as an independent source of the story when it wrote at least this share of
#: some member's text: an article whose own text is only a line of introduction above a reprint
#: adds no source (the same share that makes a patchwork in ``stories.provenance``).
INDEPENDENT_SHARE = 0.1

#: Pairs shown side by side per story, those sharing the most copied text first. A story of n
#: articles has up to n(n-1)/2 pairs, each showing two whole texts: without a cap a story of a
#: few dozen reprints would make a page too long to read, print or screenshot. Pairs beyond the
#: cap still count everywhere else (shares, directions, edits); they are only not drawn.
MAX_PAIRS = 12

_KIND_NAMES = {
    "verbatim": "verbatim copy",
    "rewrite": "rewritten copy",
    "shared-quote": "shared quotation",
}


def percent(share: float) -> str:
    """A share as a whole percentage; a share that rounds to zero but is not zero says ``<1%``."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{round(share * 100)}%"


@dataclass(frozen=True)
class ArticleRef:
    id: str
    label: str  # the title, or the input's name when the article has none
    outlet: str | None
    date: str | None

    @property
    def anchor(self) -> str:
        """The article's own section further down the page."""
        return f"article-{self.id}"


@dataclass(frozen=True)
class Share:
    source: ArticleRef
    share: float
    anchor: str  # the side-by-side view of the pair


@dataclass(frozen=True)
class SourceRow:
    article: ArticleRef
    own_share: float
    copied_from: tuple[Share, ...]
    is_patchwork: bool
    wire_agency: str | None
    wire_evidence: str | None
    group: str  # the source group it belongs to, in words: "AFP wire: 1 article", "own reporting"
    origins: tuple[tuple[str, float], ...]  # who first wrote its text, with shares, largest first


@dataclass(frozen=True)
class DirectionView:
    source: ArticleRef
    copy: ArticleRef
    confidence: float  # 0: nothing tells the direction, the pair is only ordered by id
    evidence: tuple[str, ...]
    anchor: str


@dataclass(frozen=True)
class EditView:
    """A fact changed in a copy: the source says ``source_text`` where the copy says
    ``copy_text``. An anchor is ``None`` when that side's span is empty (a dropped hedge)."""

    kind: str
    source: ArticleRef
    source_text: str
    source_anchor: str | None
    copy: ArticleRef
    copy_text: str
    copy_anchor: str | None
    reason: str

    @property
    def sentence(self) -> str:
        return (
            f"“{self.source.label}” {self.source_says} where “{self.copy.label}” {self.copy_says}"
        )

    @property
    def source_says(self) -> str:
        return f"says {self.source_text}" if self.source_text else "has nothing there"

    @property
    def copy_says(self) -> str:
        return f"says {self.copy_text}" if self.copy_text else "has nothing there"


@dataclass(frozen=True)
class PassageItem:
    kind: str
    similarity: float
    left_anchor: str
    right_anchor: str
    excerpt: str  # the right-hand (copy) side, shortened

    @property
    def kind_name(self) -> str:
        return _KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class PairView:
    """Two articles side by side: the source on the left, its copy on the right. Two articles
    that only quote the same statement have no direction (``copying`` is false)."""

    anchor: str
    left: ArticleRef
    right: ArticleRef
    copying: bool
    confidence: float
    left_paragraphs: list[Markup]
    right_paragraphs: list[Markup]
    passages: tuple[PassageItem, ...]
    shared_quotes: tuple[PassageItem, ...]
    edits: tuple[EditView, ...]


@dataclass(frozen=True)
class StoryView:
    id: str
    label: str
    first_published: str | None
    last_published: str | None
    articles: tuple[ArticleRef, ...]
    independent: tuple[str, ...]  # the independent sources, named
    rows: tuple[SourceRow, ...]
    groups: tuple[str, ...]
    directions: tuple[DirectionView, ...]
    edits: tuple[EditView, ...]
    pairs: tuple[PairView, ...]
    pairs_not_shown: int = 0  # beyond ``MAX_PAIRS``

    @property
    def summary(self) -> str:
        n, m = len(self.independent), len(self.articles)
        return (
            f"{n} independent source{'s' if n != 1 else ''} "
            f"among {m} article{'s' if m != 1 else ''}"
        )


def story_view(story: Mapping[str, Any], articles: Sequence[Mapping[str, Any]]) -> StoryView:
    order = {article["id"]: position for position, article in enumerate(articles)}
    texts = {article["id"]: article.get("text") or "" for article in articles}
    known = {article["id"]: article for article in articles}
    members = sorted(story["article_ids"], key=lambda i: (order.get(i, len(order)), i))
    refs = {article_id: _ref(article_id, known.get(article_id)) for article_id in members}

    def ref(article_id: str) -> ArticleRef:
        return refs.get(article_id) or _ref(article_id, known.get(article_id))

    def origin_name(origin: str) -> str:
        if origin.startswith("agency:"):
            return f"{origin.split(':', 1)[1]} wire"
        return f"“{ref(origin).label}”" if origin in refs or origin in known else origin

    def with_labels(text: str) -> str:
        for article_id in sorted(refs, key=len, reverse=True):
            text = text.replace(article_id, f"“{refs[article_id].label}”")
        return text

    directions = {(d["source_id"], d["copy_id"]): d for d in story.get("directions", [])}
    pairs = _pairs(story, directions, order)
    shown = pairs[:MAX_PAIRS]
    pair_anchor = {(left, right): f"pair-{left}-{right}" for left, right in shown}
    oriented = {frozenset(key): key for key in pairs}

    # Edits, oriented source → copy, each numbered within its pair for the element ids.
    edit_views: list[EditView] = []
    edits_by_pair: dict[tuple[str, str], list[EditView]] = {}
    for edit in story.get("edits", []):
        key = oriented.get(frozenset((edit["a_id"], edit["b_id"])))
        if key is None:
            continue
        ls = "a" if edit["a_id"] == key[0] else "b"  # the side of the source (left)
        rs = "b" if ls == "a" else "a"
        number = len(edits_by_pair.setdefault(key, []))
        base = f"{pair_anchor[key]}-e{number}" if key in pair_anchor else None
        view = EditView(
            kind=edit["kind"],
            source=ref(key[0]),
            source_text=edit[f"{ls}_text"],
            source_anchor=f"{base}-l" if base and edit[f"{ls}_end"] > edit[f"{ls}_start"] else None,
            copy=ref(key[1]),
            copy_text=edit[f"{rs}_text"],
            copy_anchor=f"{base}-r" if base and edit[f"{rs}_end"] > edit[f"{rs}_start"] else None,
            reason=edit.get("reason", ""),
        )
        edits_by_pair[key].append(view)
        edit_views.append(view)

    pair_views = tuple(
        _pair_view(
            key,
            pair_anchor[key],
            story,
            directions,
            [e for e in story.get("edits", []) if frozenset((e["a_id"], e["b_id"])) == set(key)],
            tuple(edits_by_pair.get(key, ())),
            texts,
            ref,
        )
        for key in shown
    )

    origin_shares = _origin_shares(story.get("passage_origins", []))
    group_of: dict[str, str] = {}
    group_names = []
    for group in story.get("source_groups", []):
        name = _group_name(group, origin_name)
        group_names.append(
            name + ": " + ", ".join(f"“{ref(i).label}”" for i in group["article_ids"])
            if name == "own reporting"
            else name
        )
        for article_id in group["article_ids"]:
            group_of[article_id] = name
    records = {record["article_id"]: record for record in story.get("sources", [])}
    rows = []
    for article_id in members:
        record = records.get(article_id)
        if record is None:
            continue
        copied_from = tuple(
            Share(ref(source), share, pair_anchor.get((source, article_id), ""))
            for source, share in record.get("copied_from", [])
        )
        group = group_of.get(article_id) or (
            f"patchwork: {percent(record['own_share'])} its own, the rest copied"
            if record.get("is_patchwork")
            else "no single origin"
        )
        rows.append(
            SourceRow(
                article=ref(article_id),
                own_share=record["own_share"],
                copied_from=copied_from,
                is_patchwork=bool(record.get("is_patchwork")),
                wire_agency=record.get("wire_agency"),
                wire_evidence=record.get("wire_evidence"),
                group=group,
                origins=tuple(
                    ("its own" if origin == article_id else origin_name(origin), share)
                    for origin, share in origin_shares.get(article_id, ())
                ),
            )
        )

    independent = sorted(
        {
            origin
            for article_id in members
            for origin, share in origin_shares.get(article_id, ())
            if share >= INDEPENDENT_SHARE
        },
        key=lambda origin: (order.get(origin, len(order)), origin),
    )
    return StoryView(
        id=story["id"],
        label=story.get("label") or "(unlabelled story)",
        first_published=story.get("first_published"),
        last_published=story.get("last_published"),
        articles=tuple(refs[i] for i in members),
        independent=tuple(origin_name(origin) for origin in independent),
        rows=tuple(rows),
        groups=tuple(group_names),
        directions=tuple(
            DirectionView(
                ref(d["source_id"]),
                ref(d["copy_id"]),
                d["confidence"],
                tuple(with_labels(reason) for reason in d.get("evidence", [])),
                pair_anchor.get((d["source_id"], d["copy_id"]), ""),
            )
            for d in story.get("directions", [])
        ),
        edits=tuple(edit_views),
        pairs=pair_views,
        pairs_not_shown=len(pairs) - len(shown),
    )


def _ref(article_id: str, article: Mapping[str, Any] | None) -> ArticleRef:
    if article is None:
        return ArticleRef(article_id, article_id, None, None)
    published = article.get("published") or {}
    return ArticleRef(
        article_id,
        article.get("title") or article.get("source_id") or article_id,
        article.get("outlet"),
        published.get("value"),
    )


def _pairs(
    story: Mapping[str, Any],
    directions: Mapping[tuple[str, str], Any],
    order: Mapping[str, int],
) -> list[tuple[str, str]]:
    """Copy pairs (source, copy) first, those sharing the most copied text first, then pairs
    that only share a quotation; ties in page order."""

    def position(article_id: str) -> tuple[int, str]:
        return (order.get(article_id, len(order)), article_id)

    copied: dict[tuple[str, str], int] = {}
    for copy in story.get("copied_passages", []):
        key = (copy["source_id"], copy["copy_id"])
        copied[key] = copied.get(key, 0) + copy["copy_end"] - copy["copy_start"]
    pairs = sorted(
        directions,
        key=lambda key: (-copied.get(key, 0), position(key[1]), position(key[0])),
    )
    seen = {frozenset(key) for key in pairs}
    quoting = set()
    for passage in story.get("alignments", []):
        key = frozenset((passage["a_id"], passage["b_id"]))
        if key not in seen and len(key) == 2:
            quoting.add(tuple(sorted(key, key=position)))
    return pairs + sorted(quoting, key=lambda key: (position(key[0]), position(key[1])))


def _pair_view(
    key: tuple[str, str],
    anchor: str,
    story: Mapping[str, Any],
    directions: Mapping[tuple[str, str], Any],
    edits: list[Mapping[str, Any]],
    edit_views: tuple[EditView, ...],
    texts: Mapping[str, str],
    ref: Any,
) -> PairView:
    left_id, right_id = key
    left_marks: list[Highlight] = []
    right_marks: list[Highlight] = []
    left_text, right_text = texts.get(left_id, ""), texts.get(right_id, "")
    left_ref, right_ref = ref(left_id), ref(right_id)

    passages = []
    copies = [
        c
        for c in story.get("copied_passages", [])
        if (c["source_id"], c["copy_id"]) == (left_id, right_id)
    ]
    for number, copy in enumerate(sorted(copies, key=lambda c: (c["copy_start"], c["copy_end"]))):
        item = PassageItem(
            copy["kind"],
            copy["similarity"],
            f"{anchor}-l-c{number}",
            f"{anchor}-r-c{number}",
            _excerpt(right_text[copy["copy_start"] : copy["copy_end"]]),
        )
        title = f"{item.kind_name}, similarity {percent(copy['similarity'])}"
        left_marks.append(
            Highlight(
                copy["source_start"],
                copy["source_end"],
                f"copy {copy['kind']}",
                item.left_anchor,
                f"{title}: copied by “{right_ref.label}”",
            )
        )
        right_marks.append(
            Highlight(
                copy["copy_start"],
                copy["copy_end"],
                f"copy {copy['kind']}",
                item.right_anchor,
                f"{title}: copied from “{left_ref.label}”",
            )
        )
        passages.append(item)

    quotes = []
    shared = [
        p
        for p in story.get("alignments", [])
        if p["kind"] == "shared-quote" and {p["a_id"], p["b_id"]} == {left_id, right_id}
    ]
    for number, passage in enumerate(sorted(shared, key=lambda p: _side(p, right_id))):
        left_span, right_span = _side(passage, left_id), _side(passage, right_id)
        item = PassageItem(
            "shared-quote",
            passage["similarity"],
            f"{anchor}-l-q{number}",
            f"{anchor}-r-q{number}",
            _excerpt(right_text[right_span[0] : right_span[1]]),
        )
        title = "shared quotation: both quote the same statement, not a copy"
        left_marks.append(Highlight(*left_span, "shared-quote", item.left_anchor, title))
        right_marks.append(Highlight(*right_span, "shared-quote", item.right_anchor, title))
        quotes.append(item)

    for edit, view in zip(edits, edit_views, strict=False):
        left_side = "a" if edit["a_id"] == left_id else "b"
        right_side = "b" if left_side == "a" else "a"
        title = edit.get("reason", "a changed fact")
        if view.source_anchor:
            left_marks.append(
                Highlight(
                    edit[f"{left_side}_start"],
                    edit[f"{left_side}_end"],
                    f"edit {edit['kind']}",
                    view.source_anchor,
                    title,
                )
            )
        if view.copy_anchor:
            right_marks.append(
                Highlight(
                    edit[f"{right_side}_start"],
                    edit[f"{right_side}_end"],
                    f"edit {edit['kind']}",
                    view.copy_anchor,
                    title,
                )
            )

    direction = directions.get(key)
    return PairView(
        anchor=anchor,
        left=left_ref,
        right=right_ref,
        copying=direction is not None,
        confidence=direction["confidence"] if direction else 0.0,
        left_paragraphs=highlight_paragraphs(left_text, left_marks),
        right_paragraphs=highlight_paragraphs(right_text, right_marks),
        passages=tuple(passages),
        shared_quotes=tuple(quotes),
        edits=edit_views,
    )


def _side(passage: Mapping[str, Any], article_id: str) -> tuple[int, int]:
    if passage["a_id"] == article_id:
        return passage["a_start"], passage["a_end"]
    return passage["b_start"], passage["b_end"]


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _origin_shares(
    origins: Iterable[Mapping[str, Any]],
) -> dict[str, tuple[tuple[str, float], ...]]:
    """Per article, the share of its sentences' characters each origin first wrote."""
    chars: dict[str, dict[str, int]] = {}
    for item in origins:
        counts = chars.setdefault(item["article_id"], {})
        counts[item["origin"]] = counts.get(item["origin"], 0) + item["end"] - item["start"]
    shares = {}
    for article_id, counts in chars.items():
        total = sum(counts.values()) or 1
        shares[article_id] = tuple(
            (origin, n / total) for origin, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        )
    return shares


def _group_name(group: Mapping[str, Any], origin_name: Any) -> str:
    origin, members = group["origin"], list(group["article_ids"])
    count = f"{len(members)} article{'s' if len(members) != 1 else ''}"
    if origin.startswith("agency:"):
        return f"{origin_name(origin)}: {count}"
    if members == [origin]:
        return "own reporting"
    return f"{origin_name(origin)} and its reprints: {count}"
