"""Near-duplicate articles with seeded MinHash LSH (datasketch), verified by exact Jaccard.

Duplicates are linked, never dropped: each group of near-identical articles keeps one canonical
member (the earliest published, then the smallest id) and every other member links to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.model import Article, DuplicateLink
from storyline.textnorm import normalise_for_identity, words

STAGE_VERSION = "duplicates-1"

# datasketch 2 names the hashing scheme of a signature; pinning it keeps stored signatures
# comparable across datasketch upgrades that might change the default.
_SCHEME = "affine32"


@dataclass(frozen=True)
class DuplicateParams:
    """Parameters of near-duplicate detection, all explicit so a run can be replayed.

    ``threshold`` 0.8 Jaccard on 5-word shingles is the customary near-duplicate setting
    (Broder's resemblance); reprints that differ only by a headline, a byline or a closing
    line stay above it, while two different articles on one story share far fewer 5-grams
    (the five reference articles pairwise stay below 0.2, including the patchwork that copies a
    third of a wire story). Not tuned further yet.
    """

    shingle_words: int = 5
    num_perm: int = 128
    seed: int = 1
    threshold: float = 0.8

    def key(self) -> str:
        """What a stored signature must have been made with to be reused."""
        return f"{STAGE_VERSION}:{_SCHEME}:{self.shingle_words}:{self.num_perm}:{self.seed}"

    def __post_init__(self) -> None:
        if self.shingle_words < 1:
            raise ValueError(f"shingle_words must be >= 1, got {self.shingle_words}")
        if not 16 <= self.num_perm <= 1024:
            raise ValueError(f"num_perm must be within 16..1024, got {self.num_perm}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be within (0, 1], got {self.threshold}")


def shingles(text: str, size: int) -> set[str]:
    tokens = words(normalise_for_identity(text))
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str, params: DuplicateParams) -> MinHash:
    minhash = MinHash(num_perm=params.num_perm, seed=params.seed, scheme=_SCHEME)
    minhash.update_batch(
        [shingle.encode("utf-8") for shingle in sorted(shingles(text, params.shingle_words))]
    )
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def minhash_from_bytes(data: bytes, params: DuplicateParams) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return MinHash(num_perm=params.num_perm, seed=params.seed, hashvalues=values, scheme=_SCHEME)


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def find_near_duplicates(
    articles: Sequence[Article],
    params: DuplicateParams | None = None,
    signatures: dict[str, MinHash] | None = None,
) -> list[DuplicateLink]:
    """Links from each non-canonical member of a near-duplicate group to its canonical member.

    Candidates come from LSH; each candidate pair is confirmed with the exact Jaccard of the
    shingle sets, so LSH's false positives never become links. ``signatures`` may carry
    precomputed MinHashes (from the store) to skip hashing.
    """
    params = params or DuplicateParams()
    ordered = sorted(articles, key=lambda article: article.id)
    by_id = {article.id: article for article in ordered}
    hashes = dict(signatures or {})
    lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
    for article in ordered:
        minhash = hashes.get(article.id) or signature(article.text, params)
        hashes[article.id] = minhash
        lsh.insert(article.id, minhash)

    shingle_cache: dict[str, set[str]] = {}

    def shingles_of(article_id: str) -> set[str]:
        if article_id not in shingle_cache:
            shingle_cache[article_id] = shingles(by_id[article_id].text, params.shingle_words)
        return shingle_cache[article_id]

    groups = _UnionFind(by_id)
    similarity: dict[tuple[str, str], float] = {}
    for article in ordered:
        for other in sorted(lsh.query(hashes[article.id])):
            if other <= article.id:
                continue
            score = jaccard(shingles_of(article.id), shingles_of(other))
            if score >= params.threshold:
                groups.union(article.id, other)
                similarity[(article.id, other)] = score

    links: list[DuplicateLink] = []
    for members in groups.groups():
        if len(members) < 2:
            continue
        canonical = min(members, key=lambda article_id: _canonical_key(by_id[article_id]))
        for member in sorted(members):
            if member == canonical:
                continue
            pair = tuple(sorted((member, canonical)))
            score = similarity.get(pair)  # type: ignore[arg-type]
            if score is None:  # linked through a third member: measure the pair itself
                score = jaccard(shingles_of(member), shingles_of(canonical))
            links.append(
                DuplicateLink(
                    article_id=member, twin_id=canonical, kind="near", similarity=round(score, 4)
                )
            )
    return sorted(links, key=lambda link: (link.twin_id, link.article_id))


def _canonical_key(article: Article) -> tuple[str, str]:
    # Unknown dates sort last: an undated copy is never preferred over a dated original.
    return (article.published.value or "9999", article.id)


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self._parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for item in sorted(self._parent):
            found.setdefault(self.find(item), []).append(item)
        return [found[root] for root in sorted(found)]
