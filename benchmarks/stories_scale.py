"""Story clustering plus passage alignment at scale: time and peak memory on 10k–100k articles.

The corpus is built at run time, never stored: the real texts are the AEB ground-truth bodies
(../shared/data/aeb/ground-truth.json), the ECB+ development documents (../shared/data/ecbplus-dev,
token XML joined as ``storyline evaluate stories`` reads it) and the five reference articles
(../shared/corpus/iraq-embassy-2020), about 600 texts. From them, seeded:

- an **event** is one base text on one day, spread uniformly over ``--days`` (120) days; its own
  version of the text drops a few sentences, changes half its numbers, replaces most of its
  names by names from the other texts and moves its months: two events from one base are two
  events of one kind (the hard case), told apart only by names, numbers and dates;
- an event is reported by a heavy-tailed number of **articles** (Pareto 1.3, 1 to 60; mean
  about 3.5): the event text itself, then rewrites of it published 0–3 days later, each with
  some of: sentences dropped, paragraphs and sentences reordered, synonym swaps from a small
  table, a number changed, a hedge dropped, a wire credit added, and (15 %) a **splice**: its
  second half replaced by the second half of another article published within three days.

The time span stays the same for every size, so 100k articles are ten times as dense per week
as 10k: the growth measured is a crawl's breadth (more outlets, more events), the harder case
for clustering, whose candidate lists grow with the articles inside the time window (at most
``StoryParams.max_candidates`` of them are scored per article, which bounds its work per
article). The stories grow too (more events of one kind merged in a crowded week), and with
them the pairs aligned per article.

Each size runs in a fresh subprocess so its peak resident memory (ru_maxrss) is its own; the
figure after each stage shows which stage raised it. Every stage gives wall seconds and CPU
seconds: the machine is shared, and other work stretches the first far more than the second
(the load average at the end of each size says how busy it was). Stages:

1. **features** — ``extract_features`` without annotations runs spaCy's NER over every article
   (15–30 articles/s on one core here: about an hour at 100k), so the clustering is fed *cheap
   features* built here with the module's own key functions: names are runs of capitalised
   words, numbers and explicit dates are read by regular expressions, words as the module
   reads them (on ECB+ they give B-cubed F1 .894 against .915 with NER). The NER rate is
   measured on a sample in its own subprocess and extrapolated
   (``features_with_ner_extrapolated_seconds``).
2. **clustering** — ``cluster_stories`` with the default ``StoryParams``. On sizes up to
   ``--uncapped-up-to`` it runs again with ``max_candidates=None`` (every candidate scored):
   ``clustering_uncapped`` gives its time and how its stories compare with the capped ones
   (B-cubed of the capped stories against the uncapped ones).
3. **candidates** — per story of two or more: signatures (``duplicates.signature``), then
   ``candidates.candidate_pairs`` (seeded MinHash LSH over 5-word shingles, 32 bands of one
   row, at most 10 partners per article; stories of at most 12 articles give all their pairs).
4. **alignment** — each member of a candidate pair segmented once (``segments.segment``),
   each candidate pair aligned with ``align_segmented``: step for step what
   ``story_analysis.analyse_story`` does inside a story, without the edits and provenance that
   follow.

``bcubed_vs_events`` scores the stories against the constructed events: a sanity check of the
scale run, not a quality figure (ECB+ is). With ~600 base texts, the denser corpus puts more
events of one kind in one window, so its precision falls as the size grows.
``--recall`` (default with ``--quick``) aligns every pair of every story as well and reports
how many of the pairs that share a copied passage LSH alone finds (no exhaustive small stories,
no partner limit), and for how many articles the partner they share the most copied text with
is among the pairs actually aligned.

    .venv/bin/python benchmarks/stories_scale.py                 # 10000 30000 100000
    .venv/bin/python benchmarks/stories_scale.py --quick         # 1000 3000, with --recall
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace
from itertools import combinations, pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AEB_TRUTH = SHARED / "data" / "aeb" / "ground-truth.json"
ECBPLUS = SHARED / "data" / "ecbplus-dev"
REFERENCE = SHARED / "corpus" / "iraq-embassy-2020"
START = dt.date(2020, 6, 1)
MIN_WORDS = 60  # shorter bodies (paywall stubs, one-line ECB+ files) make no story

# Light rewrites an editor makes; each direction is listed on its own, so "troops" ↔ "soldiers".
SYNONYMS = {
    "said": "stated",
    "told": "informed",
    "attack": "assault",
    "attacks": "assaults",
    "police": "officers",
    "killed": "slain",
    "people": "individuals",
    "government": "administration",
    "officials": "authorities",
    "announced": "declared",
    "began": "started",
    "started": "began",
    "help": "assist",
    "buy": "purchase",
    "show": "reveal",
    "shows": "reveals",
    "about": "around",
    "around": "about",
    "nearly": "almost",
    "almost": "nearly",
    "company": "firm",
    "firm": "company",
    "car": "vehicle",
    "arrested": "detained",
    "injured": "wounded",
    "wounded": "injured",
    "quickly": "rapidly",
    "major": "significant",
    "earthquake": "quake",
    "quake": "earthquake",
    "fire": "blaze",
    "blaze": "fire",
    "extremists": "jihadists",
    "jihadists": "extremists",
    "troops": "soldiers",
    "soldiers": "troops",
    "militants": "fighters",
    "statement": "communique",
    "week": "seven days",
    "big": "large",
    "large": "big",
    "new": "fresh",
    "increase": "rise",
    "Islamic State group": "ISIS group",
}
# Case-sensitive: "new" is swapped, "New York" is a name and stays.
_SYNONYM = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b"
)
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])")
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|apparently) ", re.IGNORECASE)
WIRES = ("(AFP)", "(AP) —", "(Reuters) -", "Source: Reuters", "sources told AFP.")

# Cheap features: the clustering's own key functions over what regular expressions find.
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w’'-]+)*")
_POOL_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")  # plain names to swap in
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_MDY = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(\d{{4}}))?")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})(?:\s+(\d{{4}}))?")
_MONTH_NUMBER = {name: k for k, name in enumerate(_MONTHS.split("|"), start=1)}


# --------------------------------------------------------------------------- corpus


def load_sources() -> list[tuple[str, str]]:
    """(name, text) of every real text long enough to be an article, sorted by name."""
    from storyline.evaluate.stories import load_ecbplus

    found: list[tuple[str, str]] = []
    if AEB_TRUTH.is_file():
        truth = json.loads(AEB_TRUTH.read_text(encoding="utf-8"))
        found += [(f"aeb/{key[:12]}", value["articleBody"]) for key, value in truth.items()]
    if ECBPLUS.is_dir():
        found += [(f"ecb/{d.article.source_id}", d.article.text) for d in load_ecbplus(ECBPLUS)]
    found += [(f"ref/{p.name[:3]}", p.read_text(encoding="utf-8")) for p in REFERENCE.glob("*.txt")]
    found = sorted((name, text.strip()) for name, text in found if len(text.split()) >= MIN_WORDS)
    if not found:
        sys.exit(f"no source texts found under {SHARED}")
    return found


def _paragraphs(text: str) -> list[list[str]]:
    from storyline.stories.segments import split_sentences

    return [
        [line[s:e] for s, e in split_sentences(line)] for line in text.split("\n") if line.strip()
    ]


def _join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _drop_sentences(paragraphs: list[list[str]], rng: random.Random, p: float) -> list[list[str]]:
    kept = [[s for s in para if rng.random() >= p] for para in paragraphs]
    kept = [para for para in kept if para]
    return kept if sum(map(len, kept)) >= 3 else paragraphs


def _change_numbers(text: str, rng: random.Random, share: float) -> str:
    def change(match: re.Match[str]) -> str:
        digits = match.group().replace(",", "")
        value = int(digits)
        if rng.random() >= share or 1900 <= value <= 2099 or value < 2:
            return match.group()  # years and "one" stay: a changed year is another event
        new = max(2, round(value * rng.choice((0.5, 0.6, 0.8, 1.25, 1.5, 1.7, 2.0))))
        if new == value:
            new = value + 1
        return f"{new:,}" if "," in match.group() else str(new)

    return _NUMBER.sub(change, text)


def _swap_synonyms(text: str, rng: random.Random, share: float) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() >= share:
            return word
        return SYNONYMS[word]

    return _SYNONYM.sub(swap, text)


def rewrite(text: str, rng: random.Random) -> str:
    """One outlet's rewrite of ``text``: at least one edit, usually several."""
    paragraphs = _paragraphs(text)
    if rng.random() < 0.6:
        paragraphs = _drop_sentences(paragraphs, rng, rng.uniform(0.05, 0.3))
    if rng.random() < 0.4 and len(paragraphs) > 2:
        i, j = rng.sample(range(len(paragraphs)), 2)
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    if rng.random() < 0.3:
        para = rng.choice(paragraphs)
        if len(para) > 1:
            k = rng.randrange(len(para) - 1)
            para[k], para[k + 1] = para[k + 1], para[k]
    out = _join(paragraphs)
    if rng.random() < 0.7:
        out = _swap_synonyms(out, rng, rng.uniform(0.2, 0.9))
    if rng.random() < 0.4:
        out = _change_numbers(out, rng, 0.15)
    if rng.random() < 0.3:
        out = _HEDGE.sub("", out)
    if rng.random() < 0.2:
        wire = rng.choice(WIRES)
        out = (
            f"{out}\n\n{wire}" if wire[0] == "S" or wire.startswith("sources") else f"{wire} {out}"
        )
    return out if out != text else f"{out}\n\nUpdated."


def splice(first: str, second: str) -> str:
    """The first half of ``first``'s paragraphs, then the second half of ``second``'s."""
    a, b = first.split("\n\n"), second.split("\n\n")
    return "\n\n".join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :])


def _names_of(text: str) -> frozenset[str]:
    """Runs of capitalised words that are names: not a word the text also writes in lower
    case ("The", "Police" at a sentence start)."""
    lower = set(re.findall(r"\b[a-z][\w’'-]*", text))
    return frozenset(
        match.group()
        for match in _NAME.finditer(text)
        if match.group().split()[0].lower() not in lower and len(match.group()) > 2
    )


def _new_identity(text: str, names: frozenset[str], pool: list[str], rng: random.Random) -> str:
    """Another event of the same kind: most names replaced by names from other texts, the
    months moved. Each replacement holds for the whole event."""
    months = _MONTHS.split("|")
    mapping = {name: rng.choice(pool) for name in sorted(names - set(months)) if rng.random() < 0.8}
    moved = dict(zip(months, rng.sample(months, len(months)), strict=True))
    mapping.update({m: moved[m] for m in months if rng.random() < 0.8})

    def swap(match: re.Match[str]) -> str:
        return mapping.get(match.group(), match.group())

    return _NAME.sub(swap, text)


@dataclass(frozen=True)
class Event:
    number: int
    base: int
    day: int  # days after START


def build_corpus(size: int, seed: int, days: int) -> tuple[list, dict[str, int]]:
    """``size`` articles (``storyline.model.Article``) and the event each reports, by id."""
    from storyline.model import Article, PublicationDate
    from storyline.textnorm import content_id, word_count

    rng = random.Random(seed)
    sources = load_sources()
    names = [_names_of(text) for _, text in sources]
    pool = sorted(name for name in set().union(*names) if _POOL_NAME.fullmatch(name))
    plans: list[tuple[Event, int]] = []
    planned = 0
    while planned < size:
        event = Event(len(plans), rng.randrange(len(sources)), rng.randrange(days))
        count = min(60, int(rng.paretovariate(1.3)))
        plans.append((event, count))
        planned += count
    # Articles in publication order, so a splice can take from what is already published.
    drafts: list[tuple[float, Event, int]] = []
    for event, count in plans:
        for k in range(count):
            delay = 0.0 if k == 0 else min(3.0, rng.expovariate(1.2))
            drafts.append((event.day + rng.uniform(0, 0.3) + delay, event, k))
    drafts.sort(key=lambda draft: (draft[0], draft[1].number, draft[2]))
    event_texts: dict[int, str] = {}
    published: list[tuple[float, str]] = []
    articles: list = []
    event_of: dict[str, int] = {}
    for when, event, k in drafts:
        if len(articles) >= size:
            break
        if event.number not in event_texts:
            base = sources[event.base][1]
            own = _join(_drop_sentences(_paragraphs(base), rng, 0.1))
            own = _change_numbers(own, rng, 0.5)
            event_texts[event.number] = _new_identity(own, names[event.base], pool, rng)
        text = event_texts[event.number]
        if k:
            text = rewrite(text, rng)
            recent = [t for w, t in published[-400:] if when - w <= 3.0]
            if recent and rng.random() < 0.15:
                text = splice(text, rng.choice(recent))
        article_id = content_id(text)
        if article_id in event_of:
            continue  # an identical rewrite: the store would keep one
        stamp = dt.datetime.combine(START, dt.time()) + dt.timedelta(days=when)
        article = Article(
            id=article_id,
            source_id=f"synthetic/{len(articles):06d}",
            origin="benchmarks/stories_scale.py",
            input_format="text",
            text=text,
            title=text.split("\n", 1)[0][:120],
            outlet=f"outlet-{rng.randrange(400):03d}",
            outlet_source="input-metadata",
            byline=None,
            published=PublicationDate(stamp.isoformat(timespec="minutes"), "input-metadata"),
            language="en",
            word_count=word_count(text),
        )
        articles.append(article)
        event_of[article_id] = event.number
        published.append((when, text))
    return articles, event_of


# --------------------------------------------------------------------------- stages


def cheap_features(article):
    """Story features without spaCy: the module's key functions over regex finds."""
    from storyline.stories.features import (
        StoryFeatures,
        name_keys,
        number_keys,
        publication_day,
        time_keys,
        word_keys,
    )

    text = article.text
    counts: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        counts.update(name_keys(match.group()))
    for match in _NUMBER.finditer(text):
        counts.update(number_keys(match.group()))
    for match in _DATE_MDY.finditer(text):
        month, day, year = _MONTH_NUMBER[match.group(1)], int(match.group(2)), match.group(3)
        counts.update(time_keys(f"{year or 'XXXX'}-{month:02d}-{day:02d}"))
    for match in _DATE_DMY.finditer(text):
        day, month, year = int(match.group(1)), _MONTH_NUMBER[match.group(2)], match.group(3)
        counts.update(time_keys(f"{year or 'XXXX'}-{month:02d}-{day:02d}"))
    counts.update(word_keys(text))
    published = publication_day(article)
    if published is not None:
        counts[f"y:{published.year}"] += 1
    return StoryFeatures(article.id, published, dict(sorted(counts.items())))


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _now() -> tuple[float, float]:
    """Wall and CPU clocks. The machine is shared: other work stretches wall seconds, while
    this process's CPU seconds stay about what they would be on an idle machine."""
    return time.perf_counter(), time.process_time()


class _Stages:
    """Wall and CPU seconds per stage, summed over every lap of a stage."""

    def __init__(self) -> None:
        self.wall: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()

    def lap(self, stage: str, started: tuple[float, float]) -> tuple[float, float]:
        now = _now()
        self.wall[stage] += now[0] - started[0]
        self.cpu[stage] += now[1] - started[1]
        return now


def run_size(size: int, seed: int, days: int, recall: bool, uncapped: bool) -> dict:
    """Every stage on ``size`` articles in this process; the figures as a dict."""
    from storyline.evaluate.stories import b_cubed
    from storyline.stories.alignment import AlignParams, align_segmented
    from storyline.stories.candidates import CandidateParams, candidate_pairs
    from storyline.stories.clustering import StoryParams, cluster_stories
    from storyline.stories.duplicates import signature
    from storyline.stories.segments import segment

    stages = _Stages()
    peak: dict[str, float] = {"start": _peak_mib()}

    started = _now()
    articles, event_of = build_corpus(size, seed, days)
    stages.lap("corpus", started)
    peak["corpus"] = _peak_mib()

    started = _now()
    features = {article.id: cheap_features(article) for article in articles}
    stages.lap("features", started)
    peak["features"] = _peak_mib()

    story_params = StoryParams()
    started = _now()
    stories = cluster_stories(articles, params=story_params, features=features)
    stages.lap("clustering", started)
    peak["clustering"] = _peak_mib()
    versus_uncapped = None
    if uncapped:
        # The same clustering scoring every candidate: how far the cap moves the stories.
        started = _now()
        every = cluster_stories(
            articles, params=replace(story_params, max_candidates=None), features=features
        )
        uncapped_stages = _Stages()
        uncapped_stages.lap("clustering", started)
        peak["clustering_uncapped"] = _peak_mib()
        capped_of = {i: story.id for story in stories for i in story.article_ids}
        every_of = {i: story.id for story in every for i in story.article_ids}
        ids = sorted(capped_of)
        agreement = b_cubed([every_of[i] for i in ids], [capped_of[i] for i in ids])
        versus_uncapped = {
            "seconds": round(uncapped_stages.wall["clustering"], 2),
            "cpu_seconds": round(uncapped_stages.cpu["clustering"], 2),
            "stories": len(every),
            "same_stories": sorted(s.article_ids for s in every)
            == sorted(s.article_ids for s in stories),
            "bcubed_capped_vs_uncapped": [round(x, 3) for x in agreement],
        }
        del every, capped_of, every_of
    del features

    by_id = {article.id: article for article in articles}
    params = CandidateParams()
    signature_params = params.signature_params()
    align_params = AlignParams()
    for stage in ("signatures", "candidates", "segment", "align"):
        stages.wall[stage] = stages.cpu[stage] = 0.0
    pairs_total = pairs_lsh = pairs_exhaustive = pairs_with_passage = 0
    all_pairs = 0
    kinds: Counter[str] = Counter()
    copy_pairs_all = copy_pairs_lsh = with_source = source_kept = 0  # --recall
    recall_seconds = 0.0
    lsh_only = replace(params, exhaustive_up_to=0, max_partners=None)
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        if len(members) < 2:
            continue
        all_pairs += len(members) * (len(members) - 1) // 2
        started = _now()
        hashes = {}
        if len(members) > params.exhaustive_up_to or recall:
            hashes = {a.id: signature(a.text, signature_params) for a in members}
        started = stages.lap("signatures", started)
        pairs = candidate_pairs(members, params, hashes)
        started = stages.lap("candidates", started)
        paired = {p.a_id for p in pairs} | {p.b_id for p in pairs}
        segments = {a.id: segment(a) for a in members if a.id in paired or recall}
        started = stages.lap("segment", started)
        found: dict[tuple[str, str], list] = {}
        for pair in pairs:
            passages = align_segmented(segments[pair.a_id], segments[pair.b_id], align_params)
            found[(pair.a_id, pair.b_id)] = passages
            kinds.update(p.kind for p in passages)
            pairs_with_passage += bool(passages)
        stages.lap("align", started)
        pairs_total += len(pairs)
        if len(members) > params.exhaustive_up_to:
            pairs_lsh += len(pairs)
        else:
            pairs_exhaustive += len(pairs)
        if recall:
            t5 = time.perf_counter()
            lsh = {(p.a_id, p.b_id) for p in candidate_pairs(members, lsh_only, hashes)}
            # Each article's main partner: the one it shares the most copied text with.
            best: dict[str, tuple[int, str]] = {}
            for a, b in combinations(sorted(story.article_ids), 2):
                passages = found.get((a, b))
                if passages is None:
                    passages = align_segmented(segments[a], segments[b], align_params)
                copied = [p for p in passages if p.kind != "shared-quote"]
                if copied:
                    copy_pairs_all += 1
                    copy_pairs_lsh += (a, b) in lsh
                    size = sum(p.a_end - p.a_start + p.b_end - p.b_start for p in copied)
                    best[a] = max(best.get(a, (0, "")), (size, b))
                    best[b] = max(best.get(b, (0, "")), (size, a))
            for article_id, (_, partner) in best.items():
                with_source += 1
                source_kept += tuple(sorted((article_id, partner))) in found
            recall_seconds += time.perf_counter() - t5
    peak["alignment"] = _peak_mib()

    story_of = {i: story.id for story in stories for i in story.article_ids}
    ids = sorted(by_id)
    precision, recall_b3, f1 = b_cubed([event_of[i] for i in ids], [story_of[i] for i in ids])
    sizes = sorted((len(s.article_ids) for s in stories), reverse=True)
    measured = ("features", "clustering", "signatures", "candidates", "segment", "align")
    total = sum(stages.wall[k] for k in measured)
    total_cpu = sum(stages.cpu[k] for k in measured)
    figures = {
        # Other work on the machine slows the run: the 1-minute load average at the end says how much.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "articles": len(articles),
        "words": sum(a.word_count for a in articles),
        "events": len(set(event_of.values())),
        "stories": len(stories),
        "stories_multi": sum(1 for n in sizes if n > 1),
        "largest_stories": sizes[:5],
        "bcubed_vs_events": {
            "p": round(precision, 3),
            "r": round(recall_b3, 3),
            "f1": round(f1, 3),
        },
        "pairs_within_stories": all_pairs,
        "pairs_aligned": pairs_total,
        "pairs_aligned_lsh": pairs_lsh,
        "pairs_aligned_small_stories": pairs_exhaustive,
        "pairs_with_passage": pairs_with_passage,
        "passages": dict(sorted(kinds.items())),
        "seconds": {k: round(v, 2) for k, v in stages.wall.items()},
        "seconds_total": round(total, 2),  # features, clustering, pairs, alignment
        "cpu_seconds": {k: round(v, 2) for k, v in stages.cpu.items()},
        "cpu_seconds_total": round(total_cpu, 2),
        "clustering_uncapped": versus_uncapped,
        "articles_per_second": round(len(articles) / total, 1),
        "peak_rss_mib_after": peak,
        "peak_rss_mib": _peak_mib(),
    }
    if recall:
        figures["recall_check"] = {
            "pairs_sharing_a_copied_passage": copy_pairs_all,
            "found_by_lsh_alone": copy_pairs_lsh,
            "lsh_recall": round(copy_pairs_lsh / copy_pairs_all, 3) if copy_pairs_all else None,
            "articles_with_a_copy_partner": with_source,
            "main_partner_aligned": source_kept,
            "main_partner_recall": round(source_kept / with_source, 3) if with_source else None,
            "seconds": round(recall_seconds, 2),
        }
    return figures


def run_ner_rate(sample: int, seed: int, days: int) -> dict:
    """Articles/s of ``extract_features`` without annotations (spaCy NER) on ``sample``
    articles of the corpus, after loading the model."""
    from storyline.language.nlp import parse
    from storyline.stories.features import NER_ONLY, extract_features

    articles, _ = build_corpus(sample, seed, days)
    list(parse(["Warm-up sentence about Baghdad."], NER_ONLY))  # load the model first
    started = time.perf_counter()
    extract_features(articles)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        cheap_features(article)
    cheap = time.perf_counter() - started
    return {
        "load_average_1min": round(os.getloadavg()[0], 2),
        "sample": len(articles),
        "ner_seconds": round(elapsed, 2),
        "ner_articles_per_second": round(len(articles) / elapsed, 1),
        "cheap_articles_per_second": round(len(articles) / cheap, 1),
        "peak_rss_mib": _peak_mib(),
    }


# --------------------------------------------------------------------------- driver


def _child(*args: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    parser.add_argument("--quick", action="store_true", help="sizes 1000 3000, with --recall")
    parser.add_argument("--recall", action="store_true", help="also align every pair")
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--uncapped-up-to",
        type=int,
        default=30000,
        help="also cluster with max_candidates=None on sizes up to this, to compare",
    )
    parser.add_argument("--ner-sample", type=int, default=300, help="0: skip the NER rate")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ner":
            print(json.dumps(run_ner_rate(int(rest[0]), args.seed, args.days)))
        else:
            size, recall, uncapped = int(rest[0]), rest[1] == "1", rest[2] == "1"
            print(json.dumps(run_size(size, args.seed, args.days, recall, uncapped)))
        return
    sizes = [1000, 3000] if args.quick else args.sizes
    recall = args.recall or args.quick
    load_start = [round(x, 2) for x in os.getloadavg()]
    summary: dict = {
        "machine": {"cpus": os.cpu_count(), "load_at_start": load_start, "load_at_end": None},
        "settings": {
            "seed": args.seed,
            "days": args.days,
            "feature_mode": "cheap (regex names, numbers, dates; no spaCy)",
            "story_params": _params(),
            "clustering_uncapped_up_to": args.uncapped_up_to,
        },
        "ner_features": None,
        "sizes": [],
        "not_measured": [],
        "growth": None,
    }
    if args.ner_sample:
        ner = _child("ner", str(args.ner_sample))
        print(json.dumps({"ner_features": ner}), flush=True)
        summary["ner_features"] = ner
    # Written after every size, so a run stopped during a large size keeps the smaller ones.
    for size in sizes:
        summary["not_measured"] = [n for n in sizes if n >= size]
        _write(summary)
        uncapped = "1" if size <= args.uncapped_up_to else "0"
        figures = {"size": size, **_child("size", str(size), "1" if recall else "0", uncapped)}
        if summary["ner_features"]:
            rate = summary["ner_features"]["ner_articles_per_second"]
            figures["features_with_ner_extrapolated_seconds"] = round(figures["articles"] / rate)
        summary["sizes"].append(figures)
        print(json.dumps(figures), flush=True)
        summary["growth"] = _growth(summary["sizes"])
    summary["not_measured"] = []
    _write(summary)
    if summary["growth"]:
        print(json.dumps({"growth": summary["growth"]}), flush=True)


def _params() -> dict:
    from storyline.stories.clustering import StoryParams

    return {key: value for key, value in asdict(StoryParams()).items() if key != "boosts"}


def _growth(results: list[dict]) -> dict | None:
    """How each figure grew from each size measured to the next, and from the first to the
    last: a ratio near the articles' ratio is linear growth."""
    if len(results) < 2:
        return None
    steps = [_ratios(a, b) for a, b in pairwise(results)]
    if len(results) > 2:
        steps.append(_ratios(results[0], results[-1]))
    return {"steps": steps}


def _ratios(first: dict, last: dict) -> dict:
    def ratio(get) -> float:
        return round(get(last) / max(get(first), 1e-9), 2)

    return {
        "from_to": [first["articles"], last["articles"]],
        "articles": ratio(lambda r: r["articles"]),
        "seconds_total": ratio(lambda r: r["seconds_total"]),
        "cpu_seconds_total": ratio(lambda r: r["cpu_seconds_total"]),
        "features_seconds": ratio(lambda r: r["seconds"]["features"]),
        "clustering_seconds": ratio(lambda r: r["seconds"]["clustering"]),
        "clustering_cpu_seconds": ratio(lambda r: r["cpu_seconds"]["clustering"]),
        "candidates_seconds": ratio(
            lambda r: r["seconds"]["signatures"] + r["seconds"]["candidates"]
        ),
        "alignment_seconds": ratio(lambda r: r["seconds"]["align"] + r["seconds"]["segment"]),
        "pairs_aligned": ratio(lambda r: r["pairs_aligned"]),
        "peak_rss_mib": ratio(lambda r: r["peak_rss_mib"]),
    }


def _write(summary: dict) -> None:
    summary["machine"]["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "stories_scale.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
