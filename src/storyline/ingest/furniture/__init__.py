"""Cleaning plain text as scraped: site furniture out, every sentence of the article body kept.

A scraped article carries the page around it: the title (often twice), a standfirst, a byline
and a dateline, photo captions and their credits, "3 min read", share and follow prompts, "Read
also" links, mastheads, copyright lines, an author bio. What stays is every sentence about the
story: the body, its subheadings, and the standfirst (the outlet's own summary, kept as the first
paragraph unless the body repeats it). They are told apart by a general method, per document,
in two layers:

1. **Structure.** The text is cut into units (lines; hard-wrapped paragraphs are joined again).
   The body runs from the first run of prose units (long lines that end as sentences) to the
   last prose unit; before it is the *header zone*, after it the *footer zone*. In the header,
   the title, the dateline, the byline, a masthead and the standfirst are named by position and
   shape. Text shown twice (a repeated title, a caption repeated without its credit, a
   standfirst that is also the first sentence) is removed where it is not body. An author bio
   closing the text is removed.
2. **Score.** Every other unit gets a furniture score: the sum of named signals (a credit in
   brackets, "N min read", a call to action addressed to the reader, the residue of stripped
   links, ...) minus the evidence that it is prose. A unit goes when its score reaches the
   threshold of its zone. The threshold is higher inside the body, because losing a sentence of
   the article is worse than keeping a piece of furniture.

The result depends on the input alone (no batch statistics, no model): an article's id is a hash
of its clean text, so the same input must always give the same clean text.

The package, one job a module, in the order of the cascade:

* ``lines``: whitespace normalised, the text cut into units, hard-wrapped paragraphs joined;
* ``prose``: the evidence that a unit is a sentence of the article (subtracted from its score);
* ``signals``: the named furniture signals of a unit and their weights;
* ``vocabulary``, ``datelines``, ``bylines``: the shared word lists and the shapes of a
  dateline and a byline, which both the signals and the header read;
* ``header``: title, dateline, byline, masthead and standfirst in the header zone;
* ``repeats``: text shown twice, and the author bio;
* ``cleaner``: the body span, the scored removals and the assembly of ``CleanedText``;
* ``tuning``: the hand-tuned weights, thresholds and sizes, and how they were set.
"""

from storyline.ingest.furniture.bylines import is_byline
from storyline.ingest.furniture.cleaner import CleanedText, clean_scraped_text
from storyline.ingest.furniture.datelines import date_text, dateline_date, is_date_only
from storyline.ingest.furniture.lines import normalise_whitespace
from storyline.ingest.furniture.vocabulary import WIRE_AGENCIES

__all__ = [
    "WIRE_AGENCIES",
    "CleanedText",
    "clean_scraped_text",
    "date_text",
    "dateline_date",
    "is_byline",
    "is_date_only",
    "normalise_whitespace",
]
