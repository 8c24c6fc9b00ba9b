"""Corpus-wide entities: the mentions of one real-world entity, across all articles, become one
``Entity`` with its variants.

How names are matched, in order:
1. known aliases (``aliases``): country short forms, capitals standing for a government,
   groups with unrelated other names ("Daesh");
2. normalisation: case, diacritics, apostrophes, "the", possessives, Arabic particles
   (al-/el-), hyphens, generic tails ("IS group" → "is"), and country words inside
   organisation names ("American Embassy" = "US Embassy");
3. people: full names with the same last name (exact or a transliteration variant) and a
   compatible first name ("Qassem"/"Qasem"; "B."/"Barbara") are one person, and never two
   people who share only a last name ("Fuad Hussein" ≠ "Saddam Hussein"); a name of one word
   ("Hussein") goes to the full name before it in its article, or to the only person in the
   corpus with that last name;
4. acronyms from initials ("PMF" = "Popular Mobilisation Forces"), preferring the article's own;
5. transliteration variants of other names ("Arbil"/"Erbil").
Candidate pairs are blocked by a transliteration key (``aliases.skeleton``) of the last word or
by initials, so the work grows with the number of distinct names, not their square.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from storyline.language import aliases
from storyline.language.entities import EntityMention, Kind

MentionKey = tuple[str, int, int]  # (article_id, start, end)
STOP_INITIALS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des"})
MIN_FUZZY_LENGTH = 5  # shorter names ("Iran"/"Oran") differ by one letter and are different


@dataclass(frozen=True)
class Entity:
    """One real-world entity as the corpus names it. ``id`` is derived from kind and name."""

    id: str
    name: str
    kind: Kind
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    mention_count: int
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityIndex:
    """All entities (most mentioned first) and the entity of every mention."""

    entities: tuple[Entity, ...]
    mention_entity: Mapping[MentionKey, str] = field(default_factory=dict)

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity_of(self, mention: EntityMention) -> Entity | None:
        entity_id = self.mention_entity.get((mention.article_id, mention.start, mention.end))
        return None if entity_id is None else self.get(entity_id)


def entity_id(kind: str, name: str) -> str:
    digest = hashlib.sha256(f"{kind}:{aliases.normalise(name)}".encode()).hexdigest()
    return "ent-" + digest[:12]


def resolve_entities(mentions_by_article: Mapping[str, Sequence[EntityMention]]) -> EntityIndex:
    """One ``Entity`` per real-world entity, and each mention's entity id; the result does not
    depend on the order of articles or mentions."""
    mentions = sorted(
        (m for ms in mentions_by_article.values() for m in ms),
        key=lambda m: (m.article_id, m.start, m.end, m.via),
    )
    names = [m for m in mentions if m.via == "name"]
    kinds = _vote_kinds(names)
    clusters = _Clusters()
    _cluster_people([m for m in names if kinds[_vote_key(m)] == "person"], clusters)
    _cluster_others([m for m in names if kinds[_vote_key(m)] != "person"], kinds, clusters)
    by_head = {(m.article_id, m.head_start, m.head_end): m for m in names}
    for mention in mentions:
        if mention.via != "name":
            antecedent = by_head.get((mention.article_id, mention.head_start, mention.head_end))
            if antecedent is not None and clusters.has(antecedent):
                clusters.join_mention(mention, clusters.root_of(antecedent))
    return _index(clusters, kinds)


# --- kinds ---------------------------------------------------------------------------------------


def _key(mention: EntityMention) -> str:
    return aliases.normalise(mention.stands_for or mention.name)


def _vote_key(mention: EntityMention) -> str:
    """The form kinds are voted on: "US Embassy" and "United States Embassy" vote together."""
    norm = _key(mention)
    alias = aliases.canonical_alias(norm)
    if alias is not None:
        return aliases.normalise(alias[0])
    return _country_words(aliases.strip_generic_tail(norm))


def _vote_kinds(names: list[EntityMention]) -> dict[str, Kind]:
    """One kind per normalised name, by majority over the corpus (the model tags "Pompeo" an
    organisation once and a person twice); a known alias has its table kind, and a single word
    that is the last name of a person named in full somewhere is a person."""
    votes: dict[str, Counter[Kind]] = defaultdict(Counter)
    for mention in names:
        votes[_vote_key(mention)][mention.kind] += 1
    surnames = {
        tokens[-1]
        for mention in names
        if mention.kind == "person" and len(tokens := aliases.name_tokens(mention.name)) > 1
    }
    kinds: dict[str, Kind] = {}
    for key, counter in votes.items():
        alias = aliases.canonical_alias(key)
        if alias is not None:
            kinds[key] = alias[1]  # type: ignore[assignment]
            continue
        tokens = tuple(w for w in key.split() if w not in aliases.PARTICLES)
        if len(tokens) == 1 and tokens[0] in surnames and key not in aliases.CAPITALS:
            counter["person"] += 1
        # Ties go to the first kind in this order: people and organisations are tagged as
        # places more often than the reverse.
        order: tuple[Kind, ...] = ("person", "organisation", "place", "group")
        kinds[key] = max(order, key=lambda k: (counter[k], -order.index(k)))
    return kinds


# --- clusters ------------------------------------------------------------------------------------


class _Clusters:
    """Union-find over cluster keys, with the mentions each cluster holds."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[EntityMention]] = defaultdict(list)
        self.canonical: dict[str, str] = {}  # cluster key → a name the tables impose
        self.key_of: dict[MentionKey, str] = {}  # mention → the cluster key it was added under

    def add(self, key: str, mention: EntityMention) -> None:
        self.parent.setdefault(key, key)
        self.members[key].append(mention)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key becomes the root, so the result does not depend on call order.
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra

    def has(self, mention: EntityMention) -> bool:
        return (mention.article_id, mention.start, mention.end) in self.key_of

    def root_of(self, mention: EntityMention) -> str:
        return self.find(self.key_of[(mention.article_id, mention.start, mention.end)])

    def join_mention(self, mention: EntityMention, root: str) -> None:
        self.members[root].append(mention)
        self.key_of[(mention.article_id, mention.start, mention.end)] = root


def _add(clusters: _Clusters, key: str, mention: EntityMention) -> None:
    clusters.add(key, mention)
    clusters.key_of[(mention.article_id, mention.start, mention.end)] = key


def _similar(a: str, b: str) -> bool:
    """Transliteration variants of one word: same consonant skeleton, few edits apart."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or aliases.skeleton(a) != aliases.skeleton(b):
        return False
    return Levenshtein.distance(a, b) <= max(1, max(len(a), len(b)) // 4)


# --- people --------------------------------------------------------------------------------------


def _cluster_people(mentions: list[EntityMention], clusters: _Clusters) -> None:
    full: dict[tuple[str, ...], list[EntityMention]] = defaultdict(list)
    short: list[EntityMention] = []
    for mention in mentions:
        tokens = aliases.name_tokens(mention.name)
        if len(tokens) > 1:
            full[tokens].append(mention)
        elif tokens:
            short.append(mention)
        else:  # only particles ("Al"): kept on its own
            _add(clusters, "person:" + (aliases.normalise(mention.name) or mention.name), mention)
    for tokens, group in full.items():
        for mention in group:
            _add(clusters, "person:" + " ".join(tokens), mention)
    # Block full names by the skeleton of their last name; compare within blocks only.
    blocks: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for tokens in sorted(full):
        blocks[aliases.skeleton(tokens[-1])].append(tokens)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _same_person(a, b):
                    clusters.union("person:" + " ".join(a), "person:" + " ".join(b))
    _attach_short_names(short, full, clusters)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Full names of one person: last names alike, and first names alike or one an initial;
    or one name's words all in the other's with the same last name ("Fuad Hussein" in
    "Fuad Mohammed Hussein"). Sharing only a last name is not enough."""
    if not _similar(a[-1], b[-1]):
        return False
    if _similar(a[0], b[0]):
        return True
    if (len(a[0]) == 1 and b[0].startswith(a[0])) or (len(b[0]) == 1 and a[0].startswith(b[0])):
        return True
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return len(small) > 1 and all(any(_similar(w, v) for v in large) for w in small)


def _attach_short_names(
    short: list[EntityMention],
    full: Mapping[tuple[str, ...], list[EntityMention]],
    clusters: _Clusters,
) -> None:
    """A one-word name joins the full name with that last name named nearest before it in its
    article, else the only such person in the article, else the only one in the corpus."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for tokens in sorted(full):
        by_last[aliases.skeleton(tokens[-1])].append(tokens)
    for mention in short:
        word = aliases.name_tokens(mention.name)[0]
        candidates = [t for t in by_last.get(aliases.skeleton(word), []) if _similar(t[-1], word)]
        chosen = _nearest_in_article(mention, candidates, full)
        if chosen is None:
            roots = {clusters.find("person:" + " ".join(t)) for t in candidates}
            chosen_root = roots.pop() if len(roots) == 1 else None
        else:
            chosen_root = clusters.find("person:" + " ".join(chosen))
        if chosen_root is None:
            _add(clusters, "person:" + word, mention)
        else:
            clusters.join_mention(mention, chosen_root)


def _nearest_in_article(
    mention: EntityMention,
    candidates: list[tuple[str, ...]],
    full: Mapping[tuple[str, ...], list[EntityMention]],
) -> tuple[str, ...] | None:
    before: list[tuple[int, tuple[str, ...]]] = []
    anywhere: set[tuple[str, ...]] = set()
    for tokens in candidates:
        for other in full[tokens]:
            if other.article_id != mention.article_id:
                continue
            anywhere.add(tokens)
            if other.start < mention.start:
                before.append((other.start, tokens))
    if before:
        return max(before)[1]
    return next(iter(anywhere)) if len(anywhere) == 1 else None


# --- organisations, places, groups ---------------------------------------------------------------


def _other_key(mention: EntityMention, kind: Kind) -> tuple[str, str | None]:
    """(cluster key, canonical name imposed by a table or None)."""
    norm = _key(mention)
    alias = aliases.canonical_alias(norm)
    if mention.stands_for:
        return f"{kind}:{aliases.normalise(mention.stands_for)}", mention.stands_for
    if alias is not None:
        return f"{kind}:{aliases.normalise(alias[0])}", alias[0]
    return f"{kind}:{_country_words(aliases.strip_generic_tail(norm))}", None


def _country_words(norm: str) -> str:
    """Country words at the front of an organisation's name in one form: "us embassy",
    "u s embassy", "american embassy" → "united states embassy"."""
    words = norm.split()
    for size in (4, 3, 2, 1):
        head = " ".join(words[:size])
        country = aliases.COUNTRY_ALIASES.get(head) or aliases.DEMONYMS.get(head)
        if country and len(words) > size:
            return " ".join([aliases.normalise(country), *words[size:]])
    return norm


def _cluster_others(
    mentions: list[EntityMention], kinds: Mapping[str, Kind], clusters: _Clusters
) -> None:
    acronyms: list[tuple[str, EntityMention]] = []
    keys_by_kind: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        kind = kinds[_vote_key(mention)]
        key, canonical = _other_key(mention, kind)
        if canonical is None and _is_acronym(mention.name):
            acronyms.append((kind, mention))
            continue
        _add(clusters, key, mention)
        keys_by_kind[kind].add(key)
        if canonical is not None:
            clusters.canonical[key] = canonical
    _attach_acronyms(acronyms, keys_by_kind, clusters)
    _join_transliterations(keys_by_kind, clusters)


def _is_acronym(name: str) -> bool:
    word = aliases.strip_generic_tail(aliases.normalise(name))
    letters = name.replace(".", "").split()[0] if name.split() else ""
    return 2 <= len(word) <= 6 and " " not in word and letters.isupper()


def _initials(key: str) -> str:
    words = key.split(":", 1)[1].split()
    return "".join(w[0] for w in words if w not in STOP_INITIALS)


def _attach_acronyms(
    acronyms: list[tuple[str, EntityMention]],
    keys_by_kind: Mapping[str, set[str]],
    clusters: _Clusters,
) -> None:
    """ "PMF" joins "Popular Mobilisation Forces": the name in the same article whose initials
    it spells, else the only such name in the corpus; organisations and groups only."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for kind in ("organisation", "group"):
        for key in sorted(keys_by_kind.get(kind, ())):
            if len(key.split()) > 1:
                by_initials[_initials(key)].append(key)
    for kind, mention in acronyms:
        word = aliases.strip_generic_tail(aliases.normalise(mention.name)).replace(" ", "")
        candidates = by_initials.get(word, [])
        local = [
            k
            for k in candidates
            if any(m.article_id == mention.article_id for m in clusters.members[k])
        ]
        roots = {clusters.find(k) for k in (local or candidates)}
        if len(roots) == 1:
            clusters.join_mention(mention, roots.pop())
        else:
            _add(clusters, f"{kind}:{word}", mention)


def _join_transliterations(keys_by_kind: Mapping[str, set[str]], clusters: _Clusters) -> None:
    """ "Arbil"/"Erbil": names of one kind with one skeleton, a letter or two apart. Names the
    tables know (countries, capitals) are never merged with anything by spelling."""
    known = {aliases.normalise(c) for c in aliases.COUNTRY_ALIASES.values()} | set(aliases.CAPITALS)
    for keys in keys_by_kind.values():
        blocks: dict[str, list[str]] = defaultdict(list)
        for key in sorted(keys):
            name = key.split(":", 1)[1]
            if len(name) >= MIN_FUZZY_LENGTH and name not in known:
                blocks[aliases.skeleton(name.replace(" ", ""))].append(key)
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if _similar_names(a.split(":", 1)[1], b.split(":", 1)[1]):
                        clusters.union(a, b)


def _similar_names(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(_similar(x, y) for x, y in zip(wa, wb, strict=True))


# --- the index -----------------------------------------------------------------------------------


def _index(clusters: _Clusters, kinds: Mapping[str, Kind]) -> EntityIndex:
    grouped: dict[str, list[EntityMention]] = defaultdict(list)
    imposed: dict[str, str] = {}
    for key, members in clusters.members.items():
        root = clusters.find(key)
        grouped[root].extend(members)
        if key in clusters.canonical:
            imposed.setdefault(root, clusters.canonical[key])
            imposed[root] = min(imposed[root], clusters.canonical[key])
    entities: dict[str, Entity] = {}
    mention_entity: dict[MentionKey, str] = {}
    for root in sorted(grouped):
        # The whole record is the sort key: mentions that tie on the span must not leave the
        # order to set iteration.
        members = sorted(
            set(grouped[root]),
            key=lambda m: (m.article_id, m.start, m.end, m.via, m.kind, m.text, m.role or ""),
        )
        kind: Kind = root.split(":", 1)[0]  # type: ignore[assignment]
        named = [m for m in members if m.via == "name"]
        name = imposed.get(root) or _canonical_name(named, kind)
        eid = entity_id(kind, name)
        previous = entities.get(eid)
        for m in members:
            mention_entity[(m.article_id, m.start, m.end)] = eid
        entities[eid] = _entity(eid, name, kind, members, previous)
    ordered = sorted(entities.values(), key=lambda e: (-e.mention_count, e.name, e.id))
    sorted_mentions = dict(sorted(mention_entity.items()))
    return EntityIndex(entities=tuple(ordered), mention_entity=sorted_mentions)


def _entity(
    eid: str, name: str, kind: Kind, members: list[EntityMention], previous: Entity | None
) -> Entity:
    named = [m for m in members if m.via == "name"]
    variants = {m.name for m in named}
    roles = {m.role for m in named if m.role}
    affiliations = {m.affiliation for m in named if m.affiliation}
    count = len(members)
    if previous is not None:  # two clusters that end with one name are one entity
        variants |= set(previous.variants)
        roles |= set(previous.roles)
        affiliations |= set(previous.affiliations)
        count += previous.mention_count
    return Entity(
        id=eid,
        name=name,
        kind=kind,
        variants=tuple(sorted(variants)),
        roles=tuple(sorted(roles)),
        mention_count=count,
        affiliations=tuple(sorted(affiliations)),
    )


def _canonical_name(named: list[EntityMention], kind: Kind) -> str:
    """The fullest common form: for people the most words, then the most used; for others
    not an acronym, then the most used, then the most words."""
    counts = Counter(m.name for m in named)
    # The spelling of a last name most mentions use ("Jaburi" over a single "Jabouri").
    last_words = Counter(t[-1] for m in named if (t := aliases.name_tokens(m.name)))

    def rank(name: str) -> tuple:
        words = len(aliases.name_tokens(name)) if kind == "person" else len(name.split())
        if kind == "person":
            last = aliases.name_tokens(name)[-1:] or ("",)
            return (words, last_words[last[0]], counts[name], -len(name), name)
        return (not _is_acronym(name), counts[name], words, -len(name), name)

    return max(counts, key=rank) if counts else ""
