"""Latency of one submission to ``storyline serve`` with 1k vs 50k articles already stored.

The stored corpus is built the way ``benchmarks/stories_scale.py`` builds its corpus (real AEB,
ECB+ and reference texts, seeded synthetic events and rewrites over 120 days) and stored with
the story features the server keeps (``cheap_features``: regex names, numbers and dates, no
spaCy pass, so 50k articles build in minutes). ``StoryService`` then starts on that store: it
places every article as one batch (fixed IDF, as ``cluster_stories`` does) and records the
stories (``startup_seconds``); a restart of the placed store only restores the index from the
stored memberships in arrival order (``replay_seconds``).

Then the five reference articles (dated 2020-09-28, inside the corpus's time window, so the
index's candidate lists are as full as they get) are submitted one at a time, as
``POST /api/articles`` does, and each submission's time is split into its steps: extraction,
the language layer of that one article, placing it in the index, and re-analysing its story
(alignment, provenance, claims, brief). The story step depends on the story's size (given as
``story_articles``), never on the corpus's.

Measured here (2 cores; ``results/serve_latency.json``, sizes 1k, 10k, 50k):

=========  =======  ======  ============  =================  ===================
stored     startup  replay  place median  submission median  story step (size)
=========  =======  ======  ============  =================  ===================
1,000      0.5 s    0.2 s   2.6 ms        0.46 s             0.20–0.69 s (3–7)
10,000     6.8 s    2.6 s   3.9 ms        0.48 s             0.03–0.64 s (1–4)
50,000     40 s     13 s    4.6 ms        0.93 s             0.04–7.8 s (1–24)
=========  =======  ======  ============  =================  ===================

Extraction (5–320 ms; the first call loads the extractor) and the article's language layer
(0.09–0.53 s) do not depend on the corpus. Placing grows a little (2.6 → 4.6 ms) because the
corpus keeps one time span, so 50k is 50 times as dense per week and candidate lists fill up
to their caps. The story step follows the size of the story joined: at 50k one reference
article joins a 24-article synthetic story whose members were stored without a language layer,
so that step also parses 23 articles (7.8 s); an article submitted through the API has its
layer stored already. Startup places the whole stored corpus as one batch once; a restart
only restores the index (13 s at 50k). (An earlier run, with the clustering before its numpy
rewrite, placed in 10 / 20 / 25 ms, started in 0.7 / 12 / 157 s.)

    .venv/bin/python benchmarks/serve_latency.py                  # 1000 50000
    .venv/bin/python benchmarks/serve_latency.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from stories_scale import REFERENCE, build_corpus, cheap_features  # noqa: E402
from storyline.model import RawDocument  # noqa: E402
from storyline.store import InputRecord, SQLiteStore  # noqa: E402
from storyline.web.service import StoryService, put_features  # noqa: E402


def build_store(path: Path, size: int, seed: int) -> float:
    started = time.perf_counter()
    articles, _ = build_corpus(size, seed, 120)
    with SQLiteStore(path) as store:
        for article in articles:
            record = InputRecord(
                article.source_id, article.origin, article.id, "article", article.id
            )
            store.put_article(article, record)
            put_features(store, cheap_features(article))
    return time.perf_counter() - started


def run(size: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        built = build_store(path, size, seed)
        service = StoryService(path)
        startup = service.startup
        submissions = []
        for file in sorted(REFERENCE.iterdir()):
            document = RawDocument(file.name, "benchmark", "text", file.read_text(), "api")
            result = service.submit(document)
            submissions.append(
                {
                    "article": file.name,
                    "event": result.event,
                    "story_articles": result.story_articles,
                    **{k: round(v, 4) for k, v in result.timings.items()},
                }
            )
        replay = StoryService(path).startup
    totals = [s["total"] for s in submissions]
    return {
        "stored_articles": size,
        "build_seconds": round(built, 1),
        "startup_seconds": round(startup.seconds, 2),
        "startup_stories": startup.stories,
        "replay_seconds": round(replay.seconds, 2),
        "submissions": submissions,
        "median_total_seconds": round(statistics.median(totals), 4),
        "median_place_seconds": round(statistics.median(s["place"] for s in submissions), 5),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--out", type=Path, default=REPO / "benchmarks" / "results" / "serve_latency.json"
    )
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        result = run(size, args.seed)
        print(json.dumps(result, indent=2), flush=True)
        results.append(result)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
