"""Ingestion throughput (articles/s) and peak memory on N HTML pages, on the embedded store.

The pages are built from the AEB development pages (../shared/data/aeb/html): page k is AEB
page k mod 181 with a marker ("variant k") added to the end of every paragraph, so every page
is a different article whatever part of it extraction keeps, and none is skipped as seen. Each size runs in a fresh subprocess so its peak
resident memory (ru_maxrss) is its own.

    .venv/bin/python benchmarks/ingest_throughput.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_PARAGRAPH_END = re.compile(r"</p>", re.IGNORECASE)
REPO = Path(__file__).resolve().parents[1]
AEB_HTML = REPO.parent / "shared" / "data" / "aeb" / "html"


def build_pages(folder: Path, count: int) -> None:
    sources = sorted(AEB_HTML.glob("*.html.gz"))
    if not sources:
        sys.exit(f"no AEB pages found in {AEB_HTML}")
    pages = [gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in sources]
    for index in range(count):
        page = pages[index % len(pages)]
        page = _PARAGRAPH_END.sub(f" variant {index}</p>", page)
        (folder / f"page-{index:05d}.html").write_text(page, encoding="utf-8")


def run_one(folder: Path, db: Path, jobs: int) -> dict:
    """Ingest ``folder`` into ``db`` in this process; print the figures as JSON."""
    from storyline.ingest.pipeline import ingest
    from storyline.store import SQLiteStore

    started = time.perf_counter()
    with SQLiteStore(db) as store:
        report = ingest([str(folder)], store, jobs=jobs)
        stored = store.count_articles()
    elapsed = time.perf_counter() - started
    # Workers are children: the peak of the largest one counts beside this process's own.
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        # Other work on the machine slows the run: the 1-minute load average at the end says how much.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "inputs": len(report.inputs),
        "articles": stored,
        "rejected": len(report.rejected),
        "seconds": round(elapsed, 2),
        "inputs_per_second": round(len(report.inputs) / elapsed, 2) if elapsed else None,
        "articles_per_second": round(stored / elapsed, 2) if elapsed else None,
        "jobs": jobs,
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "peak_rss_worker_mib": round(children_kib / 1024, 1) if jobs > 1 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--child", nargs=3, metavar=("FOLDER", "DB", "JOBS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        folder, db, jobs = args.child
        print(json.dumps(run_one(Path(folder), Path(db), int(jobs))))
        return
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
            folder = Path(tmp) / "pages"
            folder.mkdir()
            build_pages(folder, size)
            for jobs in args.jobs:
                db = Path(tmp) / f"s-{jobs}.db"
                output = subprocess.run(
                    [sys.executable, __file__, "--child", str(folder), str(db), str(jobs)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                figures = {"pages": size, **json.loads(output.strip().splitlines()[-1])}
                results.append(figures)
                print(json.dumps(figures), flush=True)
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest_throughput.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
