"""Check the scraped-text cleaner on the AEB pages: how many true body lines does it remove?

The Article Extraction Benchmark (../shared/data/aeb) gives 181 news pages of many outlets with
their true article body. Each page is turned into "text as scraped": the visible text of its
block elements, one per line, cut to a window of ``--margin`` lines before the first and after
the last body line (a scraper that found the article and some page around it). Each line is
labelled body when it is (a run of) the true body text, furniture otherwise. The cleaner is
then scored on:

* **false removals**: body lines it removed. This is the error that matters: the gate.
* **furniture removed**: the share of furniture lines it removed, inside the body span
  (captions, ads, read-more links between paragraphs) and in the margins (navigation, footers).

Run from the project root::

    .venv/bin/python benchmarks/furniture_aeb.py [--margin 15] [--blank-lines] [--show 20]

No fitted numbers come from here: the cleaner is a hand-built scoring rule, and this script is
how its thresholds were checked (see ``storyline.ingest.furniture``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import lxml.html

from storyline.ingest.furniture import clean_scraped_text, normalise_whitespace
from storyline.textnorm import normalise_for_identity, words

AEB = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "aeb"

_SKIP_TAGS = "script style noscript template svg head iframe button select"
_BLOCK_TAGS = """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd br tr td th table section article header
footer nav aside figure figcaption blockquote pre form main hr address details summary label
option"""
_SKIP = frozenset(_SKIP_TAGS.split())
_BLOCK = frozenset(_BLOCK_TAGS.split())


def visible_lines(html: str) -> list[str]:
    """The page's visible text with a line break at every block element."""
    root = lxml.html.fromstring(html)
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            if element.tail:
                parts.append(element.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    # The cleaner's own whitespace normalisation, so that kept lines compare equal.
    return [line for line in normalise_whitespace("".join(parts)) if line]


def label_lines(lines: list[str], body: str) -> list[bool]:
    """True for lines that are body text: long enough to be sure, or a whole body paragraph."""
    body_key = normalise_for_identity(body)
    paragraphs = {normalise_for_identity(p) for p in body.split("\n") if p.strip()}
    labels = []
    for line in lines:
        key = normalise_for_identity(line)
        labels.append(key in paragraphs or (len(words(line)) >= 4 and key in body_key))
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--margin", type=int, default=15, help="lines kept around the body")
    parser.add_argument("--blank-lines", action="store_true", help="blank line between lines")
    parser.add_argument("--show", type=int, default=20, help="false removals to print")
    args = parser.parse_args(argv)
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    false_removals: list[tuple[str, str, str]] = []
    pages_with_loss = 0
    for name, item in sorted(truth.items()):
        html = gzip.decompress((AEB / "html" / f"{name}.html.gz").read_bytes())
        lines = visible_lines(html.decode("utf-8", errors="replace"))
        labels = label_lines(lines, item["articleBody"])
        body_at = [i for i, is_body in enumerate(labels) if is_body]
        if not body_at:
            counts["pages without body lines"] += 1
            continue
        lo, hi = max(0, body_at[0] - args.margin), min(len(lines), body_at[-1] + args.margin + 1)
        window, window_labels = lines[lo:hi], labels[lo:hi]
        joiner = "\n\n" if args.blank_lines else "\n"
        cleaned = clean_scraped_text(joiner.join(window))
        kept_key = normalise_for_identity(cleaned.text)
        removed_at = {r.line: r.reason for r in cleaned.removed}
        lost_here = False
        for offset, (line, is_body) in enumerate(zip(window, window_labels, strict=True)):
            kept = normalise_for_identity(line) in kept_key
            inside = body_at[0] <= lo + offset <= body_at[-1]
            raw_line = offset * (2 if args.blank_lines else 1) + 1
            if is_body:
                counts["body lines"] += 1
                if not kept:
                    counts["body lines removed"] += 1
                    reason = removed_at.get(raw_line, "?")
                    reasons[reason] += 1
                    false_removals.append((item["url"], reason, line))
                    lost_here = True
            else:
                zone = "inside" if inside else "margin"
                counts[f"furniture lines {zone}"] += 1
                counts[f"furniture lines {zone} removed"] += 0 if kept else 1
        pages_with_loss += lost_here
        counts["pages"] += 1
    body = counts["body lines"]
    print(f"pages: {counts['pages']}, body lines: {body}")
    print(
        f"body lines removed: {counts['body lines removed']} "
        f"({counts['body lines removed'] / max(1, body):.2%}) on {pages_with_loss} pages"
    )
    for zone in ("inside", "margin"):
        total = counts[f"furniture lines {zone}"]
        gone = counts[f"furniture lines {zone} removed"]
        print(
            f"furniture {zone} the body span removed: {gone}/{total} ({gone / max(1, total):.1%})"
        )
    print("false removals by reason:", dict(reasons.most_common()))
    for url, reason, line in false_removals[: args.show]:
        print(f"  [{reason}] {line[:110]!r}  <- {url[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
