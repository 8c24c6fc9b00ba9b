"""The one Python API that the CLI (and later the HTTP API) wraps: analyse inputs into a brief."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from storyline.brief import build_brief, write_brief
from storyline.brief.summary_records import DEFAULT_WORDS
from storyline.claims.stage import analyse_claims
from storyline.ingest.pipeline import IngestReport, Progress, ingest
from storyline.ingest.readers import DEFAULT_MAX_BYTES
from storyline.language.layer import analyse_language
from storyline.model import Article
from storyline.store import Store
from storyline.stories.duplicates import (
    DuplicateParams,
    find_near_duplicates,
    minhash_from_bytes,
    signature,
    signature_bytes,
)
from storyline.stories.story_analysis import analyse_stories


@dataclass(frozen=True)
class AnalysisResult:
    brief: dict[str, Any]
    report: IngestReport
    written: tuple[Path, ...]


def link_near_duplicates(
    articles: Sequence[Article], store: Store, params: DuplicateParams | None = None
) -> None:
    """Find near-duplicates among ``articles`` and record the links (and signatures) in the store."""
    params = params or DuplicateParams()
    ids = [article.id for article in articles]
    stored = store.get_signatures(ids, params.key())
    signatures = {}
    for article in articles:
        if article.id in stored:
            signatures[article.id] = minhash_from_bytes(stored[article.id], params)
        else:
            signatures[article.id] = signature(article.text, params)
            store.put_signature(article.id, signature_bytes(signatures[article.id]), params.key())
    store.replace_duplicate_links(ids, find_near_duplicates(articles, params, signatures))


def analyze(
    inputs: Sequence[str],
    out_dir: Path,
    store: Store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    words: int = DEFAULT_WORDS,
) -> AnalysisResult:
    """Ingest ``inputs`` and write the brief to ``out_dir``; each story's summary has at most
    ``words`` words."""
    if words < 1:
        raise ValueError(f"words={words}; it must be at least 1")
    report = ingest(inputs, store, max_bytes=max_bytes, stdin=stdin, progress=progress, jobs=jobs)
    articles = list(store.iter_articles(report.article_ids))
    link_near_duplicates(articles, store)
    language = analyse_language(articles, store)
    stories = analyse_stories(articles, language.annotations)
    claims = analyse_claims(articles, language, stories)
    brief = build_brief(
        articles,
        report.inputs,
        store.duplicate_links(report.article_ids),
        language,
        stories,
        claims,
        words=words,
    )
    written = write_brief(brief, out_dir)
    return AnalysisResult(brief=brief, report=report, written=tuple(written))
