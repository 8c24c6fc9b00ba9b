"""Which pairs of a story's articles are worth aligning: seeded MinHash LSH over word shingles.

Aligning every pair of a story's members costs n(n-1)/2 alignments: nothing for the reference
story's five articles, 45,000 for a 300-article story a wire agency's reprints make. Copying
leaves shared word shingles, so the pairs that may share a passage are the pairs whose shingle
sets overlap, which MinHash LSH finds without comparing texts; and since a reprint needs
aligning only with the few articles it most resembles (its likely sources) to be traced, each
article keeps at most ``max_partners`` of them. Alignments then grow linearly with the articles.
(Colliding pairs are still listed before that cut, but each costs one comparison of two
signatures, microseconds, against milliseconds for an alignment.)

``candidate_pairs`` takes the articles of one story (call it once per story: the LSH index
then never holds more than one story, so memory is bounded by the largest story, and no work is
spent on pairs from different stories). Signatures are the near-duplicate stage's
(``duplicates.signature``): with the default shingle size, permutations and seed, a signature
stored by near-duplicate detection is reused as it is.

The LSH bar is far below the near-duplicate one: a patchwork that copies a third of a wire
story shares only about a sixth of its 5-word shingles with it (``000``/``001`` of the reference
story: Jaccard 0.16). Two outlets carrying one official statement share fewer still (0.02), so
the shared-quote pairs of a large story are mostly *not* candidates: below
``CandidateParams.exhaustive_up_to`` members every pair is a candidate anyway, which keeps them
for the stories where they are cheap to find.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from datasketch import MinHash, MinHashLSH

from storyline.model import Article
from storyline.stories.duplicates import DuplicateParams, signature

STAGE_VERSION = "candidates-1"

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class CandidateParams:
    """Parameters of candidate pairs, all explicit so a run can be replayed.

    ``shingle_words``, ``num_perm`` and ``seed`` are the near-duplicate stage's defaults, so its
    stored signatures serve here too. ``bands`` × ``rows``: a pair is a candidate when the two
    signatures agree on all ``rows`` values of at least one of ``bands`` bands, which happens
    with probability 1 - (1 - J^rows)^bands for shingle Jaccard J. With 32 bands of 1 row that
    is 0.996 at the reference patchwork's J = 0.16, 0.81 at J = 0.05 (one copied paragraph in
    twenty), 0.48 at J = 0.02 (a shared quotation) and 0.15 at J = 0.005 (two independent
    reports of one event). Two rows (what datasketch picks for a 0.1 threshold: 64 bands of 2)
    missed the reference patchwork pair with seed 1. ``exhaustive_up_to`` 12: a story of at
    most 12 articles has at most 66 pairs, which are all aligned.

    ``max_partners`` 10 bounds the pairs of a large story: a wire story reprinted sixty times
    collides in every pair (1,770 alignments), yet each reprint needs aligning only with the
    articles it most resembles, its likely sources, to be traced. Each article keeps its 10
    partners with the highest estimate (ties: smaller id), and a pair is kept when either side
    keeps it, so a story of n articles gives at most 10·n pairs. ``None``: every colliding pair.
    """

    shingle_words: int = 5
    num_perm: int = 128
    seed: int = 1
    bands: int = 32
    rows: int = 1
    exhaustive_up_to: int = 12
    max_partners: int | None = 10

    def __post_init__(self) -> None:
        if self.bands < 1 or self.rows < 1:
            raise ValueError(f"bands and rows must be >= 1, got {self.bands}, {self.rows}")
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"bands × rows must be at most num_perm ({self.num_perm}), "
                f"got {self.bands} × {self.rows}"
            )
        if self.max_partners is not None and self.max_partners < 1:
            raise ValueError(f"max_partners must be >= 1 or None, got {self.max_partners}")
        if self.exhaustive_up_to < 0:
            raise ValueError(f"exhaustive_up_to must be >= 0, got {self.exhaustive_up_to}")
        self.signature_params()  # validates shingle_words, num_perm

    def signature_params(self) -> DuplicateParams:
        """The near-duplicate parameters whose signatures these are (its threshold is unused)."""
        return DuplicateParams(
            shingle_words=self.shingle_words, num_perm=self.num_perm, seed=self.seed
        )


@dataclass(frozen=True, order=True)
class CandidatePair:
    """Two articles to align, ``a_id < b_id``; ``estimate`` is MinHash's estimate of the
    Jaccard similarity of their shingle sets (None when the pair came from a small story
    without hashing)."""

    a_id: str
    b_id: str
    estimate: float | None


def candidate_pairs(
    articles: Sequence[Article],
    params: CandidateParams | None = None,
    signatures: Mapping[str, MinHash] | None = None,
) -> list[CandidatePair]:
    """The pairs of ``articles`` (one story) worth aligning, sorted by ids.

    Every pair when there are at most ``params.exhaustive_up_to`` articles; otherwise the pairs
    that fall into one LSH bucket, at most ``params.max_partners`` per article. Articles without a word are never paired. ``signatures`` may
    carry precomputed MinHashes by article id (from the store) to skip hashing.
    """
    params = params or CandidateParams()
    unique = sorted({a.id: a for a in articles if _WORD.search(a.text)}.values(), key=_id)
    if len(unique) <= params.exhaustive_up_to:
        return [CandidatePair(a.id, b.id, None) for a, b in combinations(unique, 2)]
    given = signatures or {}
    signature_params = params.signature_params()
    lsh = MinHashLSH(num_perm=params.num_perm, params=(params.bands, params.rows))
    hashes: dict[str, MinHash] = {}
    pairs: list[CandidatePair] = []
    for article in unique:
        minhash = given.get(article.id)
        if minhash is None:
            minhash = signature(article.text, signature_params)
        # Query before inserting: each pair is found once, by its later member.
        for other in lsh.query(minhash):
            estimate = round(float(minhash.jaccard(hashes[other])), 4)
            pairs.append(CandidatePair(min(other, article.id), max(other, article.id), estimate))
        lsh.insert(article.id, minhash)
        hashes[article.id] = minhash
    if params.max_partners is not None:
        pairs = _best_partners(pairs, params.max_partners)
    return sorted(pairs)


def _best_partners(pairs: list[CandidatePair], limit: int) -> list[CandidatePair]:
    """The pairs that are among the ``limit`` best of at least one of their two articles."""
    ranked: dict[str, list[tuple[float, str, CandidatePair]]] = {}
    for pair in pairs:
        score = -(pair.estimate or 0.0)
        ranked.setdefault(pair.a_id, []).append((score, pair.b_id, pair))
        ranked.setdefault(pair.b_id, []).append((score, pair.a_id, pair))
    kept: set[CandidatePair] = set()
    for options in ranked.values():
        options.sort(key=lambda option: (option[0], option[1]))
        kept.update(pair for _, _, pair in options[:limit])
    return list(kept)


def _id(article: Article) -> str:
    return article.id
