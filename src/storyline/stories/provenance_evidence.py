"""Evidence for who copied whom: wire agencies, publication times, the shape of the alignment.

Each piece of evidence votes for one side of a pair with a weight and a sentence saying why;
``CopyDirection`` in ``provenance`` keeps the sentences. Weights rank the kinds of evidence:
publication times (3) over a wire agency's own story (2) over the alignment's shape (1), so a
dated pair is decided by its dates unless the textual evidence is strong and unanimous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article
from storyline.stories.alignment import AlignedPassage

#: Wire agencies by canonical name, with the names the text uses for them.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters",),
    "AP": ("AP", "Associated Press"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "ANI": ("ANI",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "UPI": ("UPI", "United Press International"),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "TASS": ("TASS",),
    "Bloomberg": ("Bloomberg",),
}
_ALIASES = {alias.casefold(): name for name, aliases in AGENCIES.items() for alias in aliases}
_AGENCY = "|".join(
    sorted((re.escape(a) for aliases in AGENCIES.values() for a in aliases), key=len, reverse=True)
)
# The agency as the reporter: "sources have told AFP", "(AP) —", "told the Associated Press".
# "Reuters quoted …" or "according to AFP" cite the agency instead, so they are not credits.
_CREDIT = re.compile(
    rf"\b(?:told|tells|telling|speaking to|spoke to|said to)\s+(?:the\s+)?({_AGENCY})\b"
    rf"|\(({_AGENCY})\)\s*[-–—]"
)
# Any outlet the text names as the one it was told something by: an aggregator names several.
_TOLD_OUTLET = re.compile(r"\b(?:told|speaking to|spoke to)\s+(?:the\s+)?([A-Z][\w-]+)")
_NOT_OUTLETS = frozenset({"He", "She", "They", "We", "I", "It", "Parliament", "Congress"})


def canonical_agency(name: str | None) -> str | None:
    if not name:
        return None
    return _ALIASES.get(name.strip().casefold())


def credited_agencies(text: str) -> list[str]:
    """Agencies that ``text`` names as the reporter of what it says, in order of appearance."""
    found: list[str] = []
    for match in _CREDIT.finditer(text):
        agency = canonical_agency(match.group(1) or match.group(2))
        if agency and agency not in found:
            found.append(agency)
    return found


def wire_agency(
    article: Article, copied: Sequence[tuple[int, int]] = ()
) -> tuple[str | None, str | None]:
    """The agency whose story ``article`` is, and the evidence; (None, None) when none.

    The extractor's credit ("Source: …, Reuters", "(AFP) -") or a byline naming an agency
    decide first. Otherwise the text's own credits: an article that says "sources told AFP"
    and names no other outlet it was told things by is AFP's story; one that also says
    "a source told Al-Monitor" is an aggregator quoting several, and is no agency's story.
    Text in ``copied`` (spans taken from another article) is left out: a copy that carries the
    original's "told AFP" is not thereby AFP's story.
    """
    credit = canonical_agency(article.wire_credit)
    if credit:
        return credit, f"credited to {credit} ({article.wire_credit!r})"
    for agency in AGENCIES:
        if article.byline and re.search(rf"\b{re.escape(agency)}\b", article.byline):
            return agency, f"byline names {agency} ({article.byline!r})"
    text = article.text
    for start, end in copied:
        text = text[:start] + " " * (end - start) + text[end:]
    credits = credited_agencies(text)
    outlets = {m.group(1) for m in _TOLD_OUTLET.finditer(text) if m.group(1) not in _NOT_OUTLETS}
    others = {o for o in outlets if canonical_agency(o) is None}
    if len(credits) == 1 and not others:
        return credits[0], f"the text credits {credits[0]} as its reporter"
    return None, None


@dataclass(frozen=True)
class Vote:
    """Evidence for ``source`` being the source of the pair, with a weight."""

    source: str
    weight: float
    reason: str


def date_votes(x: Article, y: Article) -> list[Vote]:
    dx, dy = x.published.value, y.published.value
    if not dx or not dy:
        missing = [a.id for a in (x, y) if not a.published.value]
        return [Vote("", 0.0, f"no publication date for {', '.join(missing)}: text evidence only")]
    # Compare at the coarser of the two granularities: a date and a date-time of that same
    # day cannot be ordered.
    size = min(len(dx), len(dy))
    if dx[:size] == dy[:size]:
        return [Vote("", 0.0, f"published at the same time as far as known ({dx[:size]})")]
    early, late = (x, y) if dx[:size] < dy[:size] else (y, x)
    return [
        Vote(
            early.id,
            3.0,
            f"{early.id} published {early.published.value}, before {late.id} "
            f"({late.published.value})",
        )
    ]


def agency_votes(x: Article, y: Article, agencies: dict[str, str | None]) -> list[Vote]:
    ax, ay = agencies.get(x.id), agencies.get(y.id)
    if ax and not ay:
        return [Vote(x.id, 2.0, f"{x.id} is {ax}'s wire story; {y.id} is not")]
    if ay and not ax:
        return [Vote(y.id, 2.0, f"{y.id} is {ay}'s wire story; {x.id} is not")]
    return []


def credit_votes(x: Article, y: Article, pairs: Sequence[AlignedPassage]) -> list[Vote]:
    """A shared passage that credits an agency on one side only: the copy dropped the credit."""
    votes: list[Vote] = []
    for p in pairs:
        x_text, y_text = _side_texts(p, x, y)
        cx, cy = set(credited_agencies(x_text)), set(credited_agencies(y_text))
        if cx - cy:
            votes.append(Vote(x.id, 1.0, f"{x.id} keeps the {min(cx - cy)} credit {y.id} drops"))
        elif cy - cx:
            votes.append(Vote(y.id, 1.0, f"{y.id} keeps the {min(cy - cx)} credit {x.id} drops"))
    return votes


def shape_votes(
    x: Article, y: Article, covered: dict[str, float], stitched: dict[str, bool]
) -> list[Vote]:
    """The alignment's shape: a reprint is (nearly) all the shared passage while the original
    has more; a patchwork stitches pieces of several articles together."""
    votes: list[Vote] = []
    cx, cy = covered[x.id], covered[y.id]
    if max(cx, cy) >= 0.8 and abs(cx - cy) >= 0.1:
        copy, source = (x, y) if cx > cy else (y, x)
        votes.append(
            Vote(
                source.id,
                1.0,
                f"{copy.id} is mostly the shared text ({max(cx, cy):.0%}), "
                f"{source.id} has more ({min(cx, cy):.0%} shared): {copy.id} is the excerpt",
            )
        )
    if stitched[x.id] != stitched[y.id]:
        copy, source = (x, y) if stitched[x.id] else (y, x)
        votes.append(
            Vote(source.id, 1.0, f"{copy.id} stitches passages of several articles together")
        )
    return votes


def _side_texts(p: AlignedPassage, x: Article, y: Article) -> tuple[str, str]:
    if p.a_id == x.id:
        return x.text[p.a_start : p.a_end], y.text[p.b_start : p.b_end]
    return x.text[p.b_start : p.b_end], y.text[p.a_start : p.a_end]
