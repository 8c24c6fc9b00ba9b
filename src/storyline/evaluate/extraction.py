"""Article-body extraction scored on the Article Extraction Benchmark (AEB).

The dataset layout is the benchmark's own (github.com/scrapinghub/article-extraction-benchmark)::

    DATASET/ground-truth.json      {page id: {"articleBody": str, "url": str}}
    DATASET/html/<page id>.html.gz gzip-compressed UTF-8 HTML

The scoring reproduces the benchmark's ``evaluate.py`` (functions ``string_shingle_matching``,
``_tokenize``, ``_ngrams``, ``metrics_from_tp_fp_fns``, ``precision_score``, ``recall_score``,
``get_accuracy``), written anew here:

- tokens are the runs of ``\\w`` characters, case kept;
- a page's shingles are its word 4-grams, counted as a multiset; a text with fewer than four
  tokens has one shorter shingle, an empty text none;
- true positives are the shingles both texts share (by count), false positives the extra ones
  predicted, false negatives the missed ones; the three are divided by their sum so that every
  page weighs the same;
- precision is averaged over the pages where something was predicted (a page with empty output
  costs recall only), recall over the pages with a non-empty truth, and F1 is the harmonic mean
  of the two averages (not an average of per-page F1);
- accuracy is the share of pages whose token sequence equals the truth's;
- the "±" figures are the standard deviation of each metric over bootstrap resamples of pages.
  The benchmark draws them from an unseeded generator; ours is seeded so reports are repeatable.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError, InputError
from storyline.evaluate.scoring import score_of
from storyline.model import RawDocument, to_dict

SHINGLE_SIZE = 4
BOOTSTRAP_SAMPLES = 1000  # as the benchmark's default `--n-bootstrap`
BOOTSTRAP_SEED = 20191119  # any fixed value: it only makes the "±" figures repeatable

STORYLINE = "storyline"
TRAFILATURA_DEFAULT = "trafilatura-default"
SYSTEMS = (STORYLINE, TRAFILATURA_DEFAULT)

_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class PageScore:
    """Shingle matches of one page, as shares of all shingles involved (they sum to 1 or 0)."""

    tp: float
    fp: float
    fn: float
    exact: bool  # the predicted token sequence equals the true one

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def tokens(text: str | None) -> list[str]:
    """The benchmark's tokens: maximal runs of word characters."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of word ``size``-grams; a shorter non-empty text is one (short) shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) <= size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def score_page(true: str | None, predicted: str | None) -> PageScore:
    """Shingle true/false positives and false negatives of one prediction, normalised."""
    true_counts, predicted_counts = shingles(true), shingles(predicted)
    tp = sum((true_counts & predicted_counts).values())
    fp = sum((predicted_counts - true_counts).values())
    fn = sum((true_counts - predicted_counts).values())
    total = tp + fp + fn
    exact = tokens(true) == tokens(predicted)
    if total == 0:
        return PageScore(0.0, 0.0, 0.0, exact)
    return PageScore(tp / total, fp / total, fn / total, exact)


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else math.nan


def aggregate(scores: Sequence[PageScore]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of a set of pages, as the benchmark defines them."""
    precision = _mean([s.precision for s in scores if s.tp + s.fp > 0])
    recall = _mean([s.recall for s in scores if s.tp + s.fn > 0])
    both = precision + recall
    f1 = 2 * precision * recall / both if both > 0 else (math.nan if math.isnan(both) else 0.0)
    accuracy = _mean([float(s.exact) for s in scores])
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def bootstrap_std(
    scores: Sequence[PageScore], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> dict[str, float]:
    """Standard deviation of each metric over bootstrap resamples of the pages."""
    if len(scores) < 2:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0}
    rng = random.Random(seed)
    drawn: dict[str, list[float]] = {}
    for _ in range(samples):
        resample = [scores[rng.randrange(len(scores))] for _ in scores]
        for key, value in aggregate(resample).items():
            if not math.isnan(value):  # a resample may hold no page with output at all
                drawn.setdefault(key, []).append(value)
    return {
        key: statistics.stdev(values) if len(values) > 1 else 0.0 for key, values in drawn.items()
    }


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class SystemScore:
    """Benchmark figures of one extraction system."""

    system: str
    pages: int
    empty: int  # pages where the system returned no text (or refused the page)
    precision: float
    precision_std: float
    recall: float
    recall_std: float
    f1: float
    f1_std: float
    accuracy: float
    accuracy_std: float


@dataclass(frozen=True)
class ExtractionReport:
    """Scores of storyline's extractor and of trafilatura's default, side by side."""

    dataset: str
    systems: tuple[SystemScore, ...]

    def score(self, system: str) -> SystemScore:
        return score_of(self.systems, system)

    def format_table(self) -> str:
        header = (
            f"{'system':<20} {'pages':>5} {'empty':>5}  {'F1':<13}  {'precision':<13}  "
            f"{'recall':<13}  {'accuracy':<13}"
        )
        lines = [f"AEB article-body extraction: {self.dataset}", header]
        for s in self.systems:
            lines.append(
                f"{s.system:<20} {s.pages:>5} {s.empty:>5}  "
                f"{s.f1:.3f} ± {s.f1_std:.3f}  {s.precision:.3f} ± {s.precision_std:.3f}  "
                f"{s.recall:.3f} ± {s.recall_std:.3f}  {s.accuracy:.3f} ± {s.accuracy_std:.3f}"
            )
        return "\n".join(line.rstrip() for line in lines)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def system_score(system: str, scores: Sequence[PageScore], empty: int) -> SystemScore:
    means, stds = aggregate(scores), bootstrap_std(scores)
    return SystemScore(
        system=system,
        pages=len(scores),
        empty=empty,
        **{key: round(value, 6) for key, value in means.items()},
        **{f"{key}_std": round(value, 6) for key, value in stds.items()},
    )


# --------------------------------------------------------------------------- dataset


@dataclass(frozen=True)
class BenchmarkPage:
    page_id: str
    url: str | None
    truth: str
    html_path: Path


def load_dataset(dataset_dir: Path) -> list[BenchmarkPage]:
    """The benchmark's pages in id order; EvaluationError names what is missing or malformed."""
    dataset_dir = Path(dataset_dir)
    truth_path, html_dir = dataset_dir / "ground-truth.json", dataset_dir / "html"
    if not dataset_dir.is_dir():
        raise EvaluationError(f"{dataset_dir}: not a directory (expected the AEB dataset folder)")
    if not truth_path.is_file():
        raise EvaluationError(f"{truth_path}: missing (expected the AEB ground-truth file)")
    if not html_dir.is_dir():
        raise EvaluationError(f"{html_dir}: missing (expected a folder of <id>.html.gz pages)")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{truth_path}: not readable JSON ({error})") from error
    if not isinstance(truth, dict) or not truth:
        raise EvaluationError(f"{truth_path}: expected a non-empty object mapping page ids")
    pages = []
    for page_id in sorted(truth):
        entry = truth[page_id]
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            raise EvaluationError(f"{truth_path}: page {page_id!r} has no string 'articleBody'")
        html_path = html_dir / f"{page_id}.html.gz"
        if not html_path.is_file():
            raise EvaluationError(f"{html_path}: missing page listed in {truth_path.name}")
        url = entry.get("url")
        pages.append(
            BenchmarkPage(
                page_id, url if isinstance(url, str) else None, entry["articleBody"], html_path
            )
        )
    return pages


def read_page_html(path: Path) -> str:
    try:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except (OSError, EOFError) as error:
        raise EvaluationError(f"{path}: not a readable gzip file ({error})") from error


# --------------------------------------------------------------------------- systems


def storyline_text(html: str, page_id: str) -> str:
    """storyline's article body; a refused page counts as empty output."""
    from storyline.ingest.html import extract_html

    # No URL is passed, to either system: the benchmark runs extractors on the HTML alone.
    document = RawDocument(
        source_id=page_id, origin=f"aeb:{page_id}", kind="html", content=html, input_format="html"
    )
    try:
        return extract_html(document).text
    except InputError:
        return ""


def trafilatura_default_text(html: str, page_id: str) -> str:
    """`trafilatura.extract(html)` with every setting at its default."""
    import trafilatura

    return trafilatura.extract(html) or ""


_EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    STORYLINE: storyline_text,
    TRAFILATURA_DEFAULT: trafilatura_default_text,
}


def _extract_all_systems(page: BenchmarkPage) -> tuple[str, ...]:
    html = read_page_html(page.html_path)
    return tuple(_EXTRACTORS[system](html, page.page_id) for system in SYSTEMS)


def run_extraction_evaluation(
    dataset_dir: Path, *, limit: int | None = None, workers: int = 2
) -> ExtractionReport:
    """Score storyline's extractor and trafilatura's default on the AEB pages in ``dataset_dir``.

    ``limit`` keeps the first pages in id order (for quick checks); ``workers`` > 1 extracts in
    that many processes. Results do not depend on either beyond the pages chosen.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    pages = load_dataset(dataset_dir)
    if limit is not None:
        pages = pages[:limit]
    if workers == 1 or len(pages) < 2 * workers:
        outputs = [_extract_all_systems(page) for page in pages]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # map keeps input order, so the report is the same whatever finishes first
            outputs = list(pool.map(_extract_all_systems, pages, chunksize=4))
    systems = []
    for index, system in enumerate(SYSTEMS):
        predicted = [output[index] for output in outputs]
        scores = [score_page(page.truth, text) for page, text in zip(pages, predicted, strict=True)]
        empty = sum(1 for text in predicted if not tokens(text))
        systems.append(system_score(system, scores, empty))
    return ExtractionReport(dataset=str(dataset_dir), systems=tuple(systems))
