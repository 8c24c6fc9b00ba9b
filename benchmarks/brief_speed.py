"""Time to build and render the brief of a 10-article story, after the earlier stages.

Stories, built at run time from ../shared (never stored), each analysed in its own store:

- ``iraq-embassy x2``: the five reference articles (../shared/corpus/iraq-embassy-2020) with
  the publication dates of ``tests/claims/conftest.py``, plus each again as a reprint a few days
  later under a one-line editor's note (so a new article id, and copies for provenance);
- one story per ECB+ development topic (../shared/data/ecbplus-dev): its first ten documents.

Ingest, the language layer, stories (alignment, provenance) and claims run before the clock
starts. Timed, ``--repeats`` times per story: ``build_brief(..., words=120)`` (the cited
summary, who said what, single-source claims and the rest of brief.json), ``render_html`` and
``render_markdown``. Printed: median and max per story and over all runs; the issue's target is
under a second.

    .venv/bin/python benchmarks/brief_speed.py [--repeats 5] [--topics 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from storyline.brief import build_brief
from storyline.brief.render_html import render_html
from storyline.brief.render_markdown import render_markdown
from storyline.claims.stage import analyse_claims
from storyline.evaluate.stories import load_ecbplus
from storyline.ingest.pipeline import ingest
from storyline.language.layer import analyse_language
from storyline.store import open_store
from storyline.stories.story_analysis import analyse_stories

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
IRAQ = SHARED / "corpus" / "iraq-embassy-2020"
ECBPLUS = SHARED / "data" / "ecbplus-dev"
PUBLISHED = {
    "000": "2020-09-30",
    "001": "2020-09-30",
    "002": "2020-09-30",
    "003": "2020-09-28",
    "004": "2020-10-02",
}


def story_inputs(topics: int) -> dict[str, list[dict[str, str]]]:
    iraq = []
    for path in sorted(IRAQ.iterdir()):
        text = path.read_text(encoding="utf-8")
        iraq.append({"id": path.name, "text": text, "published": PUBLISHED[path.name[:3]]})
        iraq.append(
            {
                "id": f"reprint-{path.name}",
                "text": "Editor's note: republished from our partners.\n\n" + text,
                "published": "2020-10-05",
            }
        )
    stories = {"iraq-embassy x2": iraq}
    by_topic: dict[str, list[dict[str, str]]] = {}
    for doc in load_ecbplus(ECBPLUS):
        topic = doc.story.split("/")[0]
        if len(by_topic.setdefault(topic, [])) < 10:
            by_topic[topic].append({"id": doc.article.source_id, "text": doc.article.text})
    for topic in sorted(by_topic, key=int)[:topics]:
        stories[f"ecb+ topic {topic}"] = by_topic[topic]
    return stories


def earlier_stages(records: list[dict[str, str]], folder: Path):  # type: ignore[no-untyped-def]
    source = folder / "input.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    store = open_store(folder / "storyline.db")
    try:
        report = ingest([str(source)], store)
        articles = list(store.iter_articles(report.article_ids))
        language = analyse_language(articles, store)
        stories = analyse_stories(articles, language.annotations)
        claims = analyse_claims(articles, language, stories)
    finally:
        store.close()
    return articles, report, language, stories, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--topics", type=int, default=3, help="ECB+ topics to add")
    args = parser.parse_args()
    if not IRAQ.is_dir() or not ECBPLUS.is_dir():
        sys.exit(f"needs {IRAQ} and {ECBPLUS}")
    runs: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, records) in enumerate(story_inputs(args.topics).items()):
            folder = Path(tmp) / f"story-{k}"
            folder.mkdir()
            started = time.perf_counter()
            articles, report, language, stories, claims = earlier_stages(records, folder)
            before = time.perf_counter() - started
            sizes = sorted((len(s.story.article_ids) for s in stories), reverse=True)
            timings = []
            for repeat in range(args.repeats + 1):
                t = time.perf_counter()
                brief = build_brief(articles, report.inputs, [], language, stories, claims)
                render_html(brief)
                render_markdown(brief)
                if repeat:  # the first run warms caches (templates, stemmer)
                    timings.append(time.perf_counter() - t)
            runs += timings
            sentences = [len(s["summary"]["sentences"]) for s in brief["stories"]]
            print(
                f"{name}: {len(articles)} articles in stories of {sizes}; earlier stages "
                f"{before:.1f}s (not timed); brief + renderers median "
                f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms; "
                f"summary sentences per story {sentences}"
            )
    print(
        f"all: {len(runs)} runs, median {statistics.median(runs) * 1000:.0f} ms, "
        f"max {max(runs) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
