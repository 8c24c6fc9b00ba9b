"""Passages that two articles share: verbatim copies, light rewrites and shared quotations.

``align_articles(a, b, a_lang, b_lang)`` works sentence by sentence:

1. each article is cut into sentences (the language layer's, else a small splitter) and
   word tokens with character offsets (numbers keep their separators: "3,000" is one token);
2. candidate sentence pairs share word bigrams (an inverted index over B's bigrams, so the cost
   grows with the shared bigrams, not with the product of the sentence counts);
3. a pair is linked when one sentence is mostly contained in the other: this keeps light
   rewrites ("holdout jihadists" → "holdout extremists"), reordered clauses (the bigrams survive
   reordering) and one sentence split into two or two merged into one (each half is contained
   in the merged sentence);
4. linked pairs that are neighbours on both sides grow into passages; each passage is trimmed
   to the tokens that actually match (difflib), so a prefix clause the copy added is not part
   of it;
5. a passage whose matching words lie mostly inside quotation marks on both sides is
   ``shared-quote``: two outlets quoting one statement, not one copying the other.

Everything is deterministic: sentences are visited in order and ties break by position.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

from storyline.stories.segments import Segmented, Token, Unit, segment, split_sentences, tokenize

if TYPE_CHECKING:
    from storyline.language.annotate import LanguageAnnotation
    from storyline.model import Article

__all__ = [
    "AlignParams",
    "AlignedPassage",
    "Segmented",
    "Token",
    "Unit",
    "align_articles",
    "segment",
    "split_sentences",
    "tokenize",
]

STAGE_VERSION = "alignment-1"

PassageKind = Literal["verbatim", "rewrite", "shared-quote"]


@dataclass(frozen=True)
class AlignParams:
    """Parameters of passage alignment, explicit so a run can be replayed.

    Tuned on the reference story (000 ↔ 001: every copied sentence found, including the merged
    Benghazi sentence and the reordered "around 40 rocket attacks" one, while sentences that
    merely share topic phrases such as "the US embassy in Baghdad" stay below the bar) and on
    the constructed set of ``storyline.evaluate.alignment``.
    """

    min_shared: int = 4  # shared word bigrams before a sentence pair is looked at
    min_containment: float = 0.5  # shared bigrams / bigrams of the smaller sentence
    min_dice: float = 0.2  # shared bigrams relative to both sentences (low: a merged half)
    min_similarity: float = 0.45  # of the trimmed passage
    verbatim: float = 0.95  # passage similarity from which it is a verbatim copy
    shared_quote: float = 0.7  # share of matching words inside quotes on both sides
    min_block: int = 2  # matching runs shorter than this do not decide the trimmed span

    def __post_init__(self) -> None:
        if self.min_shared < 1:
            raise ValueError(f"min_shared must be >= 1, got {self.min_shared}")
        for name in ("min_containment", "min_dice", "min_similarity", "verbatim", "shared_quote"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {value}")


@dataclass(frozen=True)
class AlignedPassage:
    """A passage of article ``a_id`` (``a_start:a_end``) found again in ``b_id``."""

    a_id: str
    a_start: int
    a_end: int
    b_id: str
    b_start: int
    b_end: int
    similarity: float
    kind: PassageKind


def _bigrams(seg: Segmented, unit: Unit) -> set[tuple[str, str]]:
    norms = [t.norm for t in seg.tokens[unit.first : unit.last]]
    if len(norms) == 1:
        return {(norms[0], "")}
    return set(itertools.pairwise(norms))


# --------------------------------------------------------------------------- alignment


def align_articles(
    a: Article,
    b: Article,
    a_lang: LanguageAnnotation | None = None,
    b_lang: LanguageAnnotation | None = None,
    params: AlignParams | None = None,
) -> list[AlignedPassage]:
    """The passages ``a`` and ``b`` share, in ``a``'s order, with offsets on both sides."""
    params = params or AlignParams()
    return align_segmented(segment(a, a_lang), segment(b, b_lang), params)


def align_segmented(sa: Segmented, sb: Segmented, params: AlignParams) -> list[AlignedPassage]:
    links = _links(sa, sb, params)
    passages = []
    for group in _groups(links):
        passage = _passage(sa, sb, group, params)
        if passage is not None:
            passages.append(passage)
    passages.sort(key=lambda p: (p.a_start, p.b_start))
    return _drop_overlaps(passages)


def _links(sa: Segmented, sb: Segmented, params: AlignParams) -> set[tuple[int, int]]:
    """Sentence pairs (index in a, index in b) where one is mostly contained in the other.

    Each sentence keeps its best partner and, when it was split or merged, the neighbour of
    that partner: at most two links per sentence, so repeated topic phrases cannot chain
    unrelated sentences together.
    """
    b_grams = [_bigrams(sb, unit) for unit in sb.units]
    index: dict[tuple[str, str], list[int]] = {}
    for j, grams in enumerate(b_grams):
        for gram in grams:
            index.setdefault(gram, []).append(j)
    scored: dict[tuple[int, int], float] = {}
    for i, unit in enumerate(sa.units):
        grams = _bigrams(sa, unit)
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(index.get(gram, ()))
        for j, shared in counts.items():
            if shared < min(params.min_shared, len(grams), len(b_grams[j])):
                continue
            smaller = min(len(grams), len(b_grams[j]))
            dice = 2 * shared / (len(grams) + len(b_grams[j]))
            if shared / smaller >= params.min_containment and dice >= params.min_dice:
                scored[(i, j)] = dice + shared / smaller
    return _best_links(scored)


def _best_links(scored: dict[tuple[int, int], float]) -> set[tuple[int, int]]:
    def best(side: int) -> dict[int, list[tuple[float, int]]]:
        found: dict[int, list[tuple[float, int]]] = {}
        for pair, score in scored.items():
            found.setdefault(pair[side], []).append((-score, pair[1 - side]))
        return {key: sorted(values) for key, values in found.items()}

    a_best, b_best = best(0), best(1)
    kept: set[tuple[int, int]] = set()
    for i, options in a_best.items():
        top = options[0][1]
        if b_best[top][0][1] == i or _neighbour_of_best(b_best[top], i):
            kept.add((i, top))
        for _, j in options[1:]:
            if abs(j - top) == 1 and b_best[j][0][1] == i:  # a merged sentence: both halves
                kept.add((i, j))
    for j, options in b_best.items():
        top = options[0][1]
        if a_best[top][0][1] == j:
            kept.add((top, j))
        for _, i in options[1:]:
            if abs(i - top) == 1 and a_best[i][0][1] == j:
                kept.add((i, j))
    return kept


def _neighbour_of_best(options: list[tuple[float, int]], i: int) -> bool:
    return abs(options[0][1] - i) == 1 and any(k == i for _, k in options)


def _groups(links: set[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Links joined when they are neighbours on both sides (or share a sentence)."""
    parent = {link: link for link in links}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(links):
        for other in ((i + 1, j + 1), (i, j + 1), (i + 1, j)):
            if other in parent:
                root_a, root_b = find((i, j)), find(other)
                if root_a != root_b:
                    parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for link in sorted(links):
        groups.setdefault(find(link), []).append(link)
    return [groups[root] for root in sorted(groups)]


def _passage(
    sa: Segmented, sb: Segmented, group: list[tuple[int, int]], params: AlignParams
) -> AlignedPassage | None:
    a_units = sorted({i for i, _ in group})
    b_units = sorted({j for _, j in group})
    a_tok = sa.tokens[sa.units[a_units[0]].first : sa.units[a_units[-1]].last]
    b_tok = sb.tokens[sb.units[b_units[0]].first : sb.units[b_units[-1]].last]
    blocks = matching_blocks(a_tok, b_tok)
    strong = [blk for blk in blocks if blk[2] >= params.min_block] or blocks
    if not strong:
        return None
    a_lo, a_hi, b_lo, b_hi = _trim(a_tok, b_tok, strong)
    # A single matching word just outside ("Militants [reportedly] fired …") belongs to the
    # passage too: it is where a dropped hedge or a changed name sits.
    for x, y, n in blocks:
        if a_lo - 3 <= x + n <= a_lo and b_lo - 3 <= y + n <= b_lo:
            a_lo, b_lo = x, y
    for x, y, n in reversed(blocks):
        if a_hi <= x <= a_hi + 3 and b_hi <= y <= b_hi + 3:
            a_hi, b_hi = x + n, y + n
    a_span, b_span = a_tok[a_lo:a_hi], b_tok[b_lo:b_hi]
    similarity = _similarity(a_span, b_span)
    if similarity < params.min_similarity:
        return None
    kind: PassageKind = "verbatim" if similarity >= params.verbatim else "rewrite"
    if _quoted_share(sa, sb, a_tok, b_tok, strong) >= params.shared_quote:
        kind = "shared-quote"
    return AlignedPassage(
        a_id=sa.article_id,
        a_start=a_span[0].start,
        a_end=a_span[-1].end,
        b_id=sb.article_id,
        b_start=b_span[0].start,
        b_end=b_span[-1].end,
        similarity=round(similarity, 4),
        kind=kind,
    )


def _trim(
    a_tok: tuple[Token, ...], b_tok: tuple[Token, ...], blocks: list[tuple[int, int, int]]
) -> tuple[int, int, int, int]:
    """Token bounds of the shared stretch on each side: from the first to the last word
    trigram the two sides share, in any order (a clause moved to the end still counts), and
    at least the matching runs difflib found in order."""
    a_lo = min(x for x, _, n in blocks)
    a_hi = max(x + n for x, _, n in blocks)
    b_lo = min(y for _, y, n in blocks)
    b_hi = max(y + n for _, y, n in blocks)
    a_grams = _trigram_positions(a_tok)
    b_grams = _trigram_positions(b_tok)
    shared = a_grams.keys() & b_grams.keys()
    if shared:
        a_at = [k for gram in shared for k in a_grams[gram]]
        b_at = [k for gram in shared for k in b_grams[gram]]
        a_lo, a_hi = min(a_lo, min(a_at)), max(a_hi, max(a_at) + 3)
        b_lo, b_hi = min(b_lo, min(b_at)), max(b_hi, max(b_at) + 3)
    return a_lo, a_hi, b_lo, b_hi


def _trigram_positions(tokens: tuple[Token, ...]) -> dict[tuple[str, str, str], list[int]]:
    found: dict[tuple[str, str, str], list[int]] = {}
    for k in range(len(tokens) - 2):
        found.setdefault((tokens[k].norm, tokens[k + 1].norm, tokens[k + 2].norm), []).append(k)
    return found


def matching_blocks(
    a_tok: tuple[Token, ...] | list[Token], b_tok: tuple[Token, ...] | list[Token]
) -> list[tuple[int, int, int]]:
    """difflib's matching runs of equal tokens, without the closing empty block."""
    matcher = SequenceMatcher(None, [t.norm for t in a_tok], [t.norm for t in b_tok], False)
    return [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]


def _similarity(a_span: tuple[Token, ...], b_span: tuple[Token, ...]) -> float:
    """The better of an ordered measure (difflib ratio) and an order-free one (bigram Dice):
    a reordered clause costs the first but not the second."""
    a_norms = [t.norm for t in a_span]
    b_norms = [t.norm for t in b_span]
    ratio = SequenceMatcher(None, a_norms, b_norms, False).ratio()
    a_grams = Counter(itertools.pairwise(a_norms))
    b_grams = Counter(itertools.pairwise(b_norms))
    total = sum(a_grams.values()) + sum(b_grams.values())
    dice = 2 * sum((a_grams & b_grams).values()) / total if total else 0.0
    return max(ratio, dice)


def _quoted_share(
    sa: Segmented,
    sb: Segmented,
    a_tok: tuple[Token, ...],
    b_tok: tuple[Token, ...],
    blocks: list[tuple[int, int, int]],
) -> float:
    """Share of the matching tokens that lie inside quotation marks on both sides."""
    matched = inside = 0
    for x, y, n in blocks:
        for k in range(n):
            matched += 1
            if _in_quote(sa.quotes, a_tok[x + k]) and _in_quote(sb.quotes, b_tok[y + k]):
                inside += 1
    return inside / matched if matched else 0.0


def _in_quote(quotes: tuple[tuple[int, int], ...], token: Token) -> bool:
    return any(start <= token.start and token.end <= end for start, end in quotes)


def _drop_overlaps(passages: list[AlignedPassage]) -> list[AlignedPassage]:
    """Keep the more similar of two passages that overlap on either side (rare: a sentence
    linked into two groups); order of the survivors stays a's order."""
    kept: list[AlignedPassage] = []
    for passage in sorted(passages, key=lambda p: (-p.similarity, p.a_start, p.b_start)):
        if not any(_overlaps(passage, other) for other in kept):
            kept.append(passage)
    return sorted(kept, key=lambda p: (p.a_start, p.b_start))


def _overlaps(p: AlignedPassage, q: AlignedPassage) -> bool:
    return (p.a_start < q.a_end and q.a_start < p.a_end) or (
        p.b_start < q.b_end and q.b_start < p.b_end
    )
