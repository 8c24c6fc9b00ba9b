"""The ``storyline`` command: a thin shell over ``storyline.analysis`` and the store.

Exit status: 0 when every input became an article, 1 when the run finished but some inputs
were rejected (they are listed in the brief and on stderr), 2 for usage errors, 3 when the
run could not be done at all (the store cannot be opened, an evaluation set is missing), and 4
when an evaluation scored below its ``--fail-under`` floor.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from storyline import __version__
from storyline.errors import StorylineError
from storyline.ingest.readers import DEFAULT_MAX_BYTES

EXIT_REJECTED = 1
EXIT_FAILED = 3
EXIT_BELOW_FLOOR = 4

T = TypeVar("T")


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    """A progress bar on a terminal; nothing at all when stderr is not one, or with --quiet."""

    def wrap(items: Iterable[T]) -> Iterator[T]:
        if quiet or not sys.stderr.isatty():
            yield from items
            return
        from tqdm import tqdm

        yield from tqdm(items, desc="ingesting", unit=" inputs", file=sys.stderr, leave=False)

    return wrap


def _open_store(db: str | None):  # type: ignore[no-untyped-def]
    from storyline.store import open_store

    try:
        return open_store(db)
    except StorylineError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_FAILED)


def _run_or_fail(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run the job; a failure of the run as a whole (not of one input) is one line and exit 3."""
    try:
        return function(*args, **kwargs)
    except StorylineError as error:
        message = str(error)
    except OSError as error:  # e.g. the output folder cannot be written
        message = f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_FAILED)


def _report_rejections(records, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    if quiet:
        return
    for record in records:
        click.echo(f"rejected {record.origin}: {record.reason}", err=True)


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest input file (or record) accepted; larger ones are rejected with a reason.",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes for extraction; 0 chooses by input size and cores. "
    "The results do not depend on it.",
)
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="No progress bar, no per-input messages."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def main() -> None:
    """storyline: what many news articles about the same events say, and on whose authority."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for brief.json, brief.md and brief.html.",
)
@click.option(
    "--db", default=None, help="Store to use (path or sqlite:// URL). Default: OUT/storyline.db."
)
@click.option(
    "--words",
    default=120,
    show_default=True,
    type=click.IntRange(min=1),
    help="Length of each story's summary, in words.",
)
@max_bytes_option
@jobs_option
@quiet_option
def analyze(
    inputs: tuple[str, ...],
    out_dir: Path,
    db: str | None,
    words: int,
    max_bytes: int,
    jobs: int,
    quiet: bool,
) -> None:
    """Analyse INPUTS (files, folders, or - for stdin) and write the brief to --out."""
    from storyline.analysis import analyze as run_analysis

    store = _open_store(db or str(out_dir / "storyline.db"))
    try:
        result = _run_or_fail(
            run_analysis,
            list(inputs),
            out_dir,
            store,
            max_bytes=max_bytes,
            stdin=sys.stdin.buffer,
            progress=_progress(quiet),
            jobs=jobs or None,
            words=words,
        )
    finally:
        store.close()
    report = result.report
    _report_rejections(report.rejected, quiet)
    counts = result.brief["counts"]
    if not quiet:
        click.echo(
            f"{counts['articles']} articles, {counts['exact_duplicates'] + counts['near_duplicates']}"
            f" duplicates, {counts['rejected']} rejected; brief written to {out_dir}",
            err=True,
        )
    if counts["rejected"]:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db",
    default=None,
    help="Store to use (path or sqlite:// URL). Default: the user data directory.",
)
@max_bytes_option
@jobs_option
@quiet_option
def ingest(inputs: tuple[str, ...], db: str | None, max_bytes: int, jobs: int, quiet: bool) -> None:
    """Read INPUTS into the store without writing a brief."""
    from storyline.ingest.pipeline import ingest as run_ingest

    store = _open_store(db)
    try:
        report = _run_or_fail(
            run_ingest,
            list(inputs),
            store,
            max_bytes=max_bytes,
            stdin=sys.stdin.buffer,
            progress=_progress(quiet),
            jobs=jobs or None,
        )
    finally:
        store.close()
    _report_rejections(report.rejected, quiet)
    if not quiet:
        click.echo(
            f"{len(report.inputs)} inputs: {report.new_articles} new articles, "
            f"{report.skipped_unchanged} unchanged, {len(report.rejected)} rejected",
            err=True,
        )
    if report.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.option("--db", default=None, help="Store to read. Default: the user data directory.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
def articles(db: str | None, output_format: str) -> None:
    """List the articles in the store."""
    store = _open_store(db)
    try:
        for article in store.iter_articles():
            if output_format == "jsonl":
                entry = {
                    "id": article.id,
                    "source_id": article.source_id,
                    "title": article.title,
                    "outlet": article.outlet,
                    "published": article.published.value,
                    "language": article.language,
                    "word_count": article.word_count,
                }
                click.echo(json.dumps(entry, ensure_ascii=False))
            else:
                click.echo(
                    f"{article.id}  {article.published.value or '-':<19.19}  "
                    f"{article.word_count:>6}  {(article.title or '(untitled)')[:70]}"
                )
    finally:
        store.close()


@main.command()
@click.option("--db", default=None, help="Store to serve. Default: the user data directory.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    default=None,
    help="Require 'Authorization: Bearer TOKEN' for writes (or set STORYLINE_TOKEN).",
)
@click.option("--no-fetch", is_flag=True, help="Refuse to fetch URLs given instead of text.")
def serve(db: str | None, host: str, port: int, token: str | None, no_fetch: bool) -> None:
    """Serve the HTTP API (/api, described at /openapi.json) and the web app over --db."""
    try:
        import uvicorn

        from storyline.web import create_app
    except ImportError as error:
        click.echo(f"error: {error}; install it with: pip install 'storyline[serve]'", err=True)
        sys.exit(EXIT_FAILED)
    from storyline.store import default_store_path

    app = _run_or_fail(create_app, db or default_store_path(), token, fetch_urls=not no_fetch)
    click.echo(f"storyline serving {db or default_store_path()} on http://{host}:{port}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@main.group()
def evaluate() -> None:
    """Score storyline against the development sets."""


# -- evaluate ---------------------------------------------------------------------------------

json_option = click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
shared_option = click.option(
    "--shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The shared folder holding corpus/ and data/ (default: ../shared beside the repository).",
)


def fail_under_option(measure: str):  # type: ignore[no-untyped-def]
    return click.option(
        "--fail-under",
        type=click.FloatRange(0, 1),
        default=None,
        help=f"Exit with status 4 when storyline's {measure} is below this floor.",
    )


def _run_evaluation(  # type: ignore[no-untyped-def]
    runner_path: str, as_json: bool, fail_under: float | None, *args, **kwargs
) -> None:
    """Run one scorer, print its report, and hold storyline's score to the floor if given."""
    module_name, function_name = runner_path.rsplit(":", 1)
    try:
        runner = getattr(importlib.import_module(module_name), function_name)
        report = runner(*args, **kwargs)
    except ImportError as error:
        click.echo(
            f"error: {error}; install the evaluation extras: pip install 'storyline[eval]'",
            err=True,
        )
        sys.exit(EXIT_FAILED)
    except StorylineError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format_table())
    if fail_under is not None:
        f1 = report.score("storyline").f1
        if f1 < fail_under:
            click.echo(f"storyline F1 {f1:.4f} is below the floor {fail_under:.4f}", err=True)
            sys.exit(EXIT_BELOW_FLOOR)


@evaluate.command("extraction")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@fail_under_option("F1")
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Score only the first N pages."
)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True)
def evaluate_extraction(
    dataset: Path, as_json: bool, fail_under: float | None, limit: int | None, workers: int
) -> None:
    """Article-body extraction on an AEB-layout DATASET (4-gram shingle P/R/F1, the benchmark's
    own method), storyline beside trafilatura's default settings."""
    _run_evaluation(
        "storyline.evaluate.extraction:run_extraction_evaluation",
        as_json,
        fail_under,
        dataset,
        limit=limit,
        workers=workers,
    )


def _gold_evaluation_command(task: str, runner_path: str) -> None:
    """Register ``storyline evaluate TASK [GOLD]`` for a gold-file task (quotes, numbers, time)."""

    @evaluate.command(task)
    @click.argument(
        "gold",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=f"evaluation/gold/{task}.jsonl",
    )
    @shared_option
    @json_option
    @fail_under_option("span F1")
    def command(gold: Path, shared: Path | None, as_json: bool, fail_under: float | None) -> None:
        _run_evaluation(runner_path, as_json, fail_under, gold, shared)

    command.__doc__ = (
        f"Score storyline's {task} against a gold file (span P/R/F1 and value accuracy), "
        "beside the baseline a user would otherwise reach for."
    )


_gold_evaluation_command("quotes", "storyline.evaluate.quotes:run_quotes_evaluation")
_gold_evaluation_command("numbers", "storyline.evaluate.numbers:run_numbers_evaluation")
_gold_evaluation_command("time", "storyline.evaluate.time:run_time_evaluation")


@evaluate.command("stories")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@fail_under_option("B-cubed F1")
def evaluate_stories(dataset: Path, as_json: bool, fail_under: float | None) -> None:
    """Story clustering on an ECB+-layout DATASET, all topics together: B-cubed P/R/F1, ARI and
    V-measure against the gold event clusters, beside a TF-IDF + agglomerative baseline."""
    _run_evaluation(
        "storyline.evaluate.stories:run_stories_evaluation", as_json, fail_under, dataset
    )


@evaluate.command("stance")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@json_option
@fail_under_option("macro-F1")
def evaluate_stance(dataset: Path, as_json: bool, fail_under: float | None) -> None:
    """Headline stance (for / against / observing a claim) on an Emergent DATASET: accuracy,
    macro-F1 and per-stance P/R/F1 on the test split, beside a bag-of-words baseline trained on
    the train split (storyline's weights were fitted on the train split only)."""
    _run_evaluation("storyline.evaluate.stance:run_stance_evaluation", as_json, fail_under, dataset)


@evaluate.command("summary")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Cut every summary at this many words, as DUC did.",
)
@json_option
@fail_under_option("ROUGE-2 recall")
def evaluate_summary(dataset: Path, words: int, as_json: bool, fail_under: float | None) -> None:
    """Multi-document summaries on a DUC-layout DATASET (docs/<cluster>/<doc> SGML and
    models/<cluster>.<annotator>, or a JSON Lines file): ROUGE-1/2 recall, stemmed, against the
    reference summaries, beside LexRank and Lead baselines."""
    _run_evaluation(
        "storyline.evaluate.summary:run_summary_evaluation",
        as_json,
        fail_under,
        dataset,
        words=words,
    )


@evaluate.command("contradictions")
@click.argument(
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="evaluation/gold/contradictions.jsonl",
)
@json_option
@fail_under_option("F1")
def evaluate_contradictions(gold: Path, as_json: bool, fail_under: float | None) -> None:
    """Contradictions on a hand-made GOLD file of small cases (contradictions and look-alikes
    that must not be flagged): precision, recall, F1, beside a naive compare-the-numbers
    baseline."""
    _run_evaluation(
        "storyline.evaluate.contradictions:run_contradiction_evaluation", as_json, fail_under, gold
    )


@evaluate.command("alignment")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--cases", type=click.IntRange(min=1), default=60, show_default=True)
@shared_option
@json_option
@fail_under_option("copied-span F1")
def evaluate_alignment(
    seed: int, cases: int, shared: Path | None, as_json: bool, fail_under: float | None
) -> None:
    """Passage alignment, direction and edits on a gold set built by construction: real
    articles copied, rewritten, reordered, spliced and edited with known answers."""
    _run_evaluation(
        "storyline.evaluate.alignment:run_alignment_evaluation",
        as_json,
        fail_under,
        seed=seed,
        shared_dir=shared,
        n_cases=cases,
    )


if __name__ == "__main__":
    main()
