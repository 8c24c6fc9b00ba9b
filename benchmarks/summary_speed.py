"""Time to summarise a 10-article story, after the earlier stages; and the sentence splitters.

Stories, built at run time from ../shared (never stored):

- ``iraq-embassy x2``: the five reference articles (../shared/corpus/iraq-embassy-2020), cleaned
  by the plain-text stage, plus the same five again under other ids as reprints; the reprints
  carry ``SentenceSupport`` (the original's origin, ``copied_from`` the original), so the
  provenance path is timed too;
- one story per ECB+ development topic (../shared/data/ecbplus-dev): its first ten documents.

Sentences are split before the clock starts (spaCy's parser, as the language layer does), so the
figures are the summariser alone: ``summarise(documents, words=120)``, repeated ``--repeats``
times per story; median and max over all runs, and the slowest story. ``--cut`` also times the
evaluation path (``cut=True``, 100 words).

The second part compares sentence splitters on ECB+ topics 1-3, whose token XML gives the gold
sentences: the rule splitter of ``storyline.evaluate.summary`` against spaCy's parser and its
``senter``, as boundary precision/recall/F1 on the text with the sentences joined by spaces, and
words per second.

    .venv/bin/python benchmarks/summary_speed.py [--repeats 5] [--cut]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from storyline.brief.summary import SentenceSupport, SummaryDocument, summarise
from storyline.evaluate.stories import load_ecbplus
from storyline.evaluate.summary import split_sentences
from storyline.ingest.furniture import clean_scraped_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
IRAQ = SHARED / "corpus" / "iraq-embassy-2020"
ECBPLUS = SHARED / "data" / "ecbplus-dev"


def _parser_sentences(texts: list[str]) -> list[tuple[tuple[int, int], ...]]:
    from storyline.language import nlp

    return [
        tuple((s.start_char, s.end_char) for s in doc.sents if s.text.strip())
        for doc in nlp.parse(texts, components=("tok2vec", "parser"))
    ]


def build_stories() -> dict[str, list[SummaryDocument]]:
    stories: dict[str, list[SummaryDocument]] = {}
    iraq = [
        (path.stem, clean_scraped_text(path.read_text(encoding="utf-8")).text)
        for path in sorted(IRAQ.glob("*.txt"))
    ]
    ecb = load_ecbplus(ECBPLUS)
    by_topic: dict[str, list[tuple[str, str]]] = {}
    for doc in ecb:
        topic = doc.story.split("/")[0]
        if len(by_topic.setdefault(topic, [])) < 10:
            by_topic[topic].append((doc.article.source_id, doc.article.text))
    topics = sorted(by_topic, key=int)
    texts = [text for _, text in iraq] + [t for topic in topics for _, t in by_topic[topic]]
    sentences = iter(_parser_sentences(texts))
    originals = [
        SummaryDocument(i, t, next(sentences), f"2020-09-2{k}") for k, (i, t) in enumerate(iraq)
    ]
    reprints = [
        SummaryDocument(
            f"{d.id}-reprint",
            d.text,
            d.sentences,
            "2020-09-29",
            tuple(SentenceSupport(frozenset({d.id}), copied_from=d.id) for _ in d.sentences),
        )
        for d in originals
    ]
    stories["iraq-embassy x2"] = originals + reprints
    for topic in topics:
        stories[f"ecb+ topic {topic}"] = [
            SummaryDocument(i, t, next(sentences)) for i, t in by_topic[topic]
        ]
    return stories


def time_summaries(repeats: int, cut: bool) -> None:
    started = time.perf_counter()
    stories = build_stories()
    print(f"built {len(stories)} stories in {time.perf_counter() - started:.1f}s (not timed below)")
    for mode, words in (("summarise(words=120)", 120),) + (
        (("cut=True, 100 words", 100),) if cut else ()
    ):
        runs: list[float] = []
        slowest = ("", 0.0)
        for name, docs in stories.items():
            summarise(docs, words, cut=mode.startswith("cut"))  # warm caches (stemmer, imports)
            for _ in range(repeats):
                t = time.perf_counter()
                summary = summarise(docs, words, cut=mode.startswith("cut"))
                runs.append(time.perf_counter() - t)
                if runs[-1] > slowest[1]:
                    slowest = (name, runs[-1])
            assert summary.sentences, name
        sentences = statistics.median(sum(len(d.sentences) for d in s) for s in stories.values())
        print(
            f"{mode}: {len(stories)} stories of 10 articles (median {sentences:.0f} sentences), "
            f"{repeats} runs each: median {statistics.median(runs) * 1000:.0f} ms, "
            f"max {max(runs) * 1000:.0f} ms ({slowest[0]})"
        )


def _boundaries(spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> set[int]:
    return {start for start, _ in spans[1:]}


def compare_splitters() -> None:
    docs = load_ecbplus(ECBPLUS, ["1", "2", "3"])
    texts, gold = [], []
    for doc in docs:
        lines = doc.article.text.split("\n")
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        texts.append(" ".join(lines))
        gold.append(set(starts[1:]))
    words = sum(len(t.split()) for t in texts)

    import spacy

    from storyline.language import nlp

    senter = spacy.load(
        nlp.MODEL_NAME, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "ner"]
    )
    senter.enable_pipe("senter")
    parser = nlp.load(("tok2vec", "parser"))
    splitters = {
        "rule (evaluate.summary)": lambda: [split_sentences(t) for t in texts],
        "spaCy parser": lambda: [
            tuple((s.start_char, s.end_char) for s in d.sents) for d in parser.pipe(texts)
        ],
        "spaCy senter": lambda: [
            tuple((s.start_char, s.end_char) for s in d.sents) for d in senter.pipe(texts)
        ],
    }
    print(
        f"sentence splitting on ECB+ topics 1-3: {len(texts)} documents, {words} words, gold from the token XML"
    )
    for name, split in splitters.items():
        split()  # warm-up
        t = time.perf_counter()
        predicted = split()
        seconds = time.perf_counter() - t
        found = sum(len(_boundaries(p)) for p in predicted)
        right = sum(len(_boundaries(p) & g) for p, g in zip(predicted, gold, strict=True))
        total = sum(len(g) for g in gold)
        precision, recall = right / found, right / total
        f1 = 2 * precision * recall / (precision + recall)
        print(
            f"  {name:<24} boundary P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  "
            f"{words / seconds:,.0f} words/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cut", action="store_true", help="also time summarise(cut=True)")
    parser.add_argument("--no-splitters", action="store_true")
    args = parser.parse_args()
    if not IRAQ.is_dir() or not ECBPLUS.is_dir():
        sys.exit(f"needs {IRAQ} and {ECBPLUS}")
    time_summaries(args.repeats, args.cut)
    if not args.no_splitters:
        compare_splitters()


if __name__ == "__main__":
    main()
