"""Story clustering scored on ECB+, storyline beside a TF-IDF + agglomerative baseline.

ECB+ files are token XML (``<token sentence="…">word</token>``), one article each, in one folder
per topic. Each topic holds two real-world events of the same kind: ``N_Mecb.xml`` reports one,
``N_Mecbplus.xml`` the other, so the gold story of a file is (topic, ecb | ecbplus). The newer
``ecbplus`` files start with the page's URL as sentence 0; it becomes the article's ``url``, not
its text. Every document of every topic is clustered together, as a crawl would deliver them.

Scores: B-cubed precision, recall and F1 (per document: the share of its predicted story that
is in its gold story, and the reverse, averaged over documents), the adjusted Rand index and
the V-measure (scikit-learn).

The baseline is scikit-learn's ``TfidfVectorizer`` (English stop words, sublinear tf) with
``AgglomerativeClustering`` on cosine distance, in two rows:

- ``tfidf-agglomerative``: complete linkage at cosine distance 0.92, the best of a grid
  (average and complete linkage, thresholds 0.50–0.98 by 0.02) on all of ECB+ topics 1–20,
  which is how storyline's defaults were tuned too: the fair comparison;
- ``tfidf-agglomerative-oracle``: the best of that grid *on the evaluated data itself*, an upper
  bound no real run can reach (it needs the gold labels to choose).
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError
from storyline.evaluate.scoring import score_of
from storyline.model import Article, PublicationDate
from storyline.textnorm import content_id, word_count

STORYLINE = "storyline"
BASELINE = "tfidf-agglomerative"
ORACLE = "tfidf-agglomerative-oracle"
BASELINE_SETTING = ("complete", 0.92)  # tuned on ECB+ topics 1–20 (see the module docstring)
BASELINE_LINKAGES = ("average", "complete")
BASELINE_THRESHOLDS = tuple(round(0.50 + 0.02 * i, 2) for i in range(25))
_FILE = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)\.xml")


@dataclass(frozen=True)
class GoldDocument:
    article: Article
    story: str  # "topic/ecb" or "topic/ecbplus"


@dataclass(frozen=True)
class StoriesScore:
    system: str
    precision: float  # B-cubed
    recall: float
    f1: float
    ari: float
    v_measure: float
    stories: int
    setting: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "ari": round(self.ari, 4),
            "v_measure": round(self.v_measure, 4),
            "stories": self.stories,
            "setting": self.setting,
        }


@dataclass(frozen=True)
class StoriesReport:
    documents: int
    gold_stories: int
    topics: int
    scores: tuple[StoriesScore, ...]
    seconds: float
    notes: tuple[str, ...] = ()

    def score(self, system: str) -> StoriesScore:
        return score_of(self.scores, system)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_stories": self.gold_stories,
            "topics": self.topics,
            "scores": [score.to_dict() for score in self.scores],
            "seconds": round(self.seconds, 1),
            "notes": list(self.notes),
        }

    def format_table(self) -> str:
        lines = [
            f"stories: {self.documents} documents, {self.topics} topics, "
            f"{self.gold_stories} gold stories, clustered together ({self.seconds:.1f}s)",
            f"{'system':<27} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'V':>6} "
            f"{'stories':>7}  setting",
        ]
        for s in self.scores:
            lines.append(
                f"{s.system:<27} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                f"{s.ari:>6.3f} {s.v_measure:>6.3f} {s.stories:>7}  {s.setting}"
            )
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


# --------------------------------------------------------------------------- metrics


def b_cubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` labels against ``gold`` labels
    (one label per document, same order)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    if not gold:
        return 0.0, 0.0, 0.0
    gold_sets: dict[Hashable, set[int]] = defaultdict(set)
    predicted_sets: dict[Hashable, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        gold_sets[g].add(i)
        predicted_sets[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        shared = len(gold_sets[g] & predicted_sets[p])
        precision += shared / len(predicted_sets[p])
        recall += shared / len(gold_sets[g])
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_labels(
    system: str, gold: Sequence[str], predicted: Sequence[Hashable], setting: str = ""
) -> StoriesScore:
    from sklearn.metrics import adjusted_rand_score, v_measure_score

    labels = [str(label) for label in predicted]
    precision, recall, f1 = b_cubed(gold, labels)
    return StoriesScore(
        system=system,
        precision=precision,
        recall=recall,
        f1=f1,
        ari=float(adjusted_rand_score(gold, labels)),
        v_measure=float(v_measure_score(gold, labels)),
        stories=len(set(labels)),
        setting=setting,
    )


# --------------------------------------------------------------------------- data


def load_ecbplus(dataset: Path, topics: Sequence[str] | None = None) -> list[GoldDocument]:
    """The documents of ``dataset`` (one folder per topic), sorted by file name; ``topics``
    restricts them to some topic folders."""
    if not dataset.is_dir():
        raise EvaluationError(f"{dataset}: not a folder (expected ECB+ topic folders)")
    wanted = set(topics) if topics is not None else None
    files = sorted(
        path
        for path in dataset.glob("*/*.xml")
        if _FILE.fullmatch(path.name) and (wanted is None or path.parent.name in wanted)
    )
    if not files:
        raise EvaluationError(f"{dataset}: no ECB+ files like 1/1_1ecb.xml found")
    return [_read(path) for path in files]


def _read(path: Path) -> GoldDocument:
    match = _FILE.fullmatch(path.name)
    assert match is not None  # filtered by load_ecbplus
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise EvaluationError(f"{path}: not XML: {error}") from error
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    ordered = [sentences[number] for number in sorted(sentences)]
    url = None
    if ordered and ordered[0] and ordered[0][0].lower().startswith("http"):
        url = "".join(ordered.pop(0))
    lines = [_detokenise(tokens) for tokens in ordered if tokens]
    text = "\n".join(lines)
    article = Article(
        id=content_id(text),
        source_id=path.name,
        origin=str(path),
        input_format="text",
        text=text,
        title=lines[0] if lines else None,
        outlet=None,
        outlet_source=None,
        byline=None,
        published=PublicationDate(value=None),  # ECB+ gives none; dates in the text still count
        language="en",
        word_count=word_count(text),
        url=url,
    )
    return GoldDocument(article=article, story=f"{match.group(1)}/{match.group(3)}")


def _detokenise(tokens: Sequence[str]) -> str:
    # Undo the tokeniser's spaces so spaCy sees ordinary prose ("Reid 's" → "Reid's").
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text.replace("`` ", '"').replace(" ''", '"')


# --------------------------------------------------------------------------- systems


def storyline_labels(documents: Sequence[GoldDocument]) -> list[str]:
    from storyline.stories.clustering import cluster_stories

    stories = cluster_stories([doc.article for doc in documents])
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    return [story_of[doc.article.id] for doc in documents]


def baseline_scores(documents: Sequence[GoldDocument]) -> tuple[StoriesScore, StoriesScore]:
    """The baseline at its tuned setting, and the best of the grid on this data (oracle)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    gold = [doc.story for doc in documents]
    matrix = (
        TfidfVectorizer(stop_words="english", sublinear_tf=True)
        .fit_transform([doc.article.text for doc in documents])
        .toarray()
    )
    scores: dict[tuple[str, float], StoriesScore] = {}
    for linkage in BASELINE_LINKAGES:
        for threshold in BASELINE_THRESHOLDS:
            labels = AgglomerativeClustering(
                n_clusters=None,
                distance_threshold=threshold,
                metric="cosine",
                linkage=linkage,
            ).fit_predict(matrix)
            setting = f"{linkage} linkage, cosine distance {threshold}"
            scores[(linkage, threshold)] = score_labels(BASELINE, gold, list(labels), setting)
    best = max(scores.values(), key=lambda score: score.f1)
    return scores[BASELINE_SETTING], replace(best, system=ORACLE)


def run_stories_evaluation(dataset: Path, topics: Sequence[str] | None = None) -> StoriesReport:
    """Cluster every document of ``dataset`` together and score storyline and the baseline."""
    started = time.perf_counter()
    documents = load_ecbplus(dataset, topics)
    gold = [doc.story for doc in documents]
    ours = score_labels(STORYLINE, gold, storyline_labels(documents), "default StoryParams")
    baseline, oracle = baseline_scores(documents)
    return StoriesReport(
        documents=len(documents),
        gold_stories=len(set(gold)),
        topics=len({doc.story.split("/")[0] for doc in documents}),
        scores=(ours, baseline, oracle),
        seconds=time.perf_counter() - started,
        notes=(
            "storyline and tfidf-agglomerative: settings tuned on ECB+ topics 1-20; "
            "oracle: the best baseline setting on this data, chosen with its gold labels",
        ),
    )
