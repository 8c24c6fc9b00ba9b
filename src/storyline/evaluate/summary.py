"""Multi-document summaries scored with ROUGE against reference summaries, DUC 2004 style.

Layout (DUC 2004 task 2): ``DIR/docs/<cluster>/<doc>`` SGML files, the text inside
``<TEXT>…</TEXT>`` (often not well-formed, so read with regular expressions), and
``DIR/models/<cluster>.<annotator>`` plain-text references. DUC's own model names
(``D30001.M.100.T.A`` for the folder ``d30001t``) match too: a model belongs to the cluster
whose name, lower-cased and without a trailing ``t``, is the part of the model's name before
the first dot. Also read: a JSON Lines file, one cluster per line,
``{"id": …, "docs": [text | {"id", "text", "date"}], "references": [text, …]}``.

Systems, each cut to the first ``words`` (100) words, as DUC's scorer did:

- ``storyline``: ``storyline.brief.summary.summarise`` with its default parameters, filled past
  the budget with its best further sentence so the cut falls inside the last one;
- ``lexrank``: LexRank (Erkan & Radev 2004) written here with numpy: TF-IDF cosine between the
  cluster's sentences (idf over those sentences), edges above 0.1, PageRank by power iteration
  (damping 0.85); sentences taken by score, skipping one whose cosine to a chosen sentence is
  above 0.5, in the order chosen;
- ``lead``: DUC 2004's own baseline: the first sentences of the most recent document.

Sentences come from a rule splitter (``split_sentences``): paragraphs, then sentence-final
punctuation before a capital, unless the word before is a known abbreviation or an initial.
On the gold sentences of ECB+ topics 1–3 (``benchmarks/summary_speed.py``; 80 documents, 19,174
words, sentences joined by spaces) its boundary F1 is 0.907 (P .990, R .837) against 0.923 for
spaCy's parser and 0.912 for its ``senter``, at 2.5 million words/s against 10,000-16,000 and
18,000-26,000 (two runs).
In DUC files ``<P>`` paragraphs give most boundaries anyway.

Scores: ``rouge_score.rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)`` recall
of each summary against each reference of its cluster, averaged over the references, then over
the clusters (ROUGE-1.5.5 with ``-f A`` pools counts over references instead; the two differ
little). ``score("storyline").f1`` is ROUGE-2 recall, so ``--fail-under`` pins it.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.brief.summary import Summary, SummaryDocument, SummaryParams, summarise
from storyline.errors import EvaluationError
from storyline.evaluate.scoring import score_of

STORYLINE = "storyline"
LEXRANK = "lexrank"
LEAD = "lead"
SYSTEMS = (STORYLINE, LEXRANK, LEAD)
DEFAULT_WORDS = 100

# Published ROUGE-2 recall on DUC 2004 (Hong et al. 2014's collection, same scorer): context
# for the figures printed here, which are on whatever data set was given.
PUBLISHED_DUC2004_R2 = (
    ("ICSISumm", 0.0976),
    ("RegSum", 0.0971),
    ("OCCAMS_V", 0.0968),
    ("DPP", 0.0957),
    ("Submodular", 0.0929),
    ("LexRank", 0.0745),
    ("Lead", 0.0610),
)


@dataclass(frozen=True)
class ClusterDocument:
    id: str
    text: str  # clean text, paragraphs separated by a blank line
    sentences: tuple[tuple[int, int], ...]
    published: str | None


@dataclass(frozen=True)
class Cluster:
    id: str
    documents: tuple[ClusterDocument, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class SummaryScore:
    system: str
    rouge1: float  # recall
    rouge2: float  # recall
    words: float  # mean words per summary after the cut
    setting: str = ""

    @property
    def f1(self) -> float:
        """ROUGE-2 recall: the figure ``--fail-under`` holds (named for ``_run_evaluation``)."""
        return self.rouge2

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "rouge1_recall": round(self.rouge1, 4),
            "rouge2_recall": round(self.rouge2, 4),
            "words": round(self.words, 1),
            "setting": self.setting,
        }


@dataclass(frozen=True)
class SummaryReport:
    clusters: int
    documents: int
    references: int
    words: int
    scores: tuple[SummaryScore, ...]
    per_cluster: dict[str, dict[str, float]]  # cluster -> system -> ROUGE-2 recall
    seconds: float

    def score(self, system: str) -> SummaryScore:
        return score_of(self.scores, system)

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            "documents": self.documents,
            "references": self.references,
            "words": self.words,
            "scores": [score.to_dict() for score in self.scores],
            "per_cluster_rouge2_recall": {
                cluster: {system: round(value, 4) for system, value in systems.items()}
                for cluster, systems in sorted(self.per_cluster.items())
            },
            "seconds": round(self.seconds, 1),
        }

    def format_table(self) -> str:
        lines = [
            f"summary: {self.clusters} clusters, {self.documents} documents, "
            f"{self.references} references; ROUGE recall at {self.words} words, stemmed "
            f"({self.seconds:.1f}s)",
            f"{'system':<10} {'R-1':>7} {'R-2':>7} {'words':>6}  setting",
        ]
        for s in self.scores:
            lines.append(
                f"{s.system:<10} {s.rouge1:>7.4f} {s.rouge2:>7.4f} {s.words:>6.1f}  {s.setting}"
            )
        published = ", ".join(f"{name} {value:.4f}" for name, value in PUBLISHED_DUC2004_R2)
        lines.append(f"note: published ROUGE-2 recall on DUC 2004 (not this data): {published}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- sentences

_ABBREVIATION_LIST = """
    mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st jr sr messrs
    inc corp co ltd bros no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave blvd dept univ u.s u.n u.k e.u a.m p.m
    """
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets in ``text``: every paragraph (blank-line separated) is split at
    sentence-final punctuation followed by a capital or digit, unless the word before the
    full stop is an abbreviation or a single-letter initial."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.DOTALL):
        start = paragraph.start()
        for boundary in _BOUNDARY.finditer(text, paragraph.start(), paragraph.end()):
            before = _WORD_BEFORE.search(text, start, boundary.start() + 1)
            if boundary.group().startswith(".") and before:
                word = before.group(1).lower()
                if word in _ABBREVIATIONS or len(word) == 1:
                    continue
            spans.append((start, boundary.end()))
            start = boundary.end()
            while start < paragraph.end() and text[start].isspace():
                start += 1
        if start < paragraph.end():
            spans.append((start, paragraph.end()))
    return tuple(spans)


# --------------------------------------------------------------------------- data

_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|$)", re.DOTALL | re.IGNORECASE)
_PARAGRAPH = re.compile(r"<P>(.*?)(?:</P>|(?=<P>)|$)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,200}>")
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.DOTALL | re.IGNORECASE)
_DATE_TIME = re.compile(r"<DATE_TIME>\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d\d):(\d\d))?")
_DOCNO_DATE = re.compile(r"[A-Z_]*?(\d{4})(\d\d)(\d\d)\.(\d\d)(\d\d)")
_ENTITY = re.compile(r"&[A-Za-z]{1,8};")


def read_sgml(path: Path) -> ClusterDocument:
    """One DUC document: its text (paragraphs from ``<P>`` or blank lines), sentences, date."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EvaluationError(f"{path}: cannot be read: {error.strerror or error}") from error
    try:
        sgml = raw.decode("utf-8")
    except UnicodeDecodeError:
        sgml = raw.decode("cp1252", errors="replace")  # the DUC files are Latin-1 / cp1252
    body = _TEXT.search(sgml)
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element")
    inner = body.group(1)
    parts = [m.group(1) for m in _PARAGRAPH.finditer(inner)] or re.split(r"\n\s*\n|\n(?=\t)", inner)
    paragraphs = [p for p in (_clean(part) for part in parts) if p]
    if not paragraphs:
        raise EvaluationError(f"{path}: <TEXT> holds no text")
    text = "\n\n".join(paragraphs)
    docno = _DOCNO.search(sgml)
    doc_id = docno.group(1).strip() if docno else path.name
    return ClusterDocument(doc_id, text, split_sentences(text), _date(sgml, doc_id))


def _clean(fragment: str) -> str:
    text = _TAG.sub(" ", fragment)
    text = html.unescape(text)
    text = _ENTITY.sub(" ", text)  # DUC's private entities: &UR; &LR; &QL; …
    text = text.replace("``", "“").replace("''", "”")
    return re.sub(r"\s+", " ", text).strip()


def _date(sgml: str, doc_id: str) -> str | None:
    match = _DATE_TIME.search(sgml)
    if match:
        month, day, year, hour, minute = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}T{hour or '00'}:{minute or '00'}"
    match = _DOCNO_DATE.match(doc_id)
    if match:
        year, month, day, a, b = match.groups()
        return f"{year}-{month}-{day}T{a}:{b}"  # APW19981016.0240: the wire's sequence number
    return None


def _cluster_key(name: str) -> str:
    name = name.lower()
    return name[:-1] if re.fullmatch(r"d\d+[a-z]*t", name) else name


def load_duc(dataset: Path) -> list[Cluster]:
    """The clusters of a DUC-layout folder or a JSON Lines file, sorted by id."""
    if dataset.is_file():
        return load_jsonl(dataset)
    docs_dir, models_dir = dataset / "docs", dataset / "models"
    for folder in (docs_dir, models_dir):
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: missing (expected docs/<cluster>/ and models/)")
    references: dict[str, list[tuple[str, str]]] = {}
    for model in sorted(p for p in models_dir.iterdir() if p.is_file()):
        if "." not in model.name:
            raise EvaluationError(f"{model}: not named <cluster>.<annotator>")
        try:
            text = model.read_bytes().decode("utf-8", errors="replace")
        except OSError as error:
            raise EvaluationError(f"{model}: cannot be read: {error}") from error
        text = re.sub(r"\s+", " ", _TAG.sub(" ", text)).strip()
        if not text:
            raise EvaluationError(f"{model}: empty reference summary")
        key = _cluster_key(model.name.split(".", 1)[0])
        references.setdefault(key, []).append((model.name, text))
    clusters = []
    for folder in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        refs = references.get(_cluster_key(folder.name))
        if not refs:
            raise EvaluationError(f"{folder}: no reference summaries in {models_dir}")
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        if not files:
            raise EvaluationError(f"{folder}: no documents")
        documents = tuple(read_sgml(path) for path in files)
        clusters.append(Cluster(folder.name, documents, tuple(text for _, text in sorted(refs))))
    if not clusters:
        raise EvaluationError(f"{docs_dir}: no cluster folders")
    return clusters


def load_jsonl(path: Path) -> list[Cluster]:
    clusters = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot be read: {error}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{where}: not JSON: {error.msg}") from error
        if not isinstance(record, dict) or not record.get("docs") or not record.get("references"):
            raise EvaluationError(f"{where}: needs non-empty 'docs' and 'references'")
        documents = []
        for k, doc in enumerate(record["docs"]):
            if isinstance(doc, str):
                doc = {"text": doc}
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise EvaluationError(f"{where}: docs[{k}] is neither a text nor {{'text': …}}")
            text = "\n\n".join(_clean(p) for p in re.split(r"\n\s*\n", doc["text"]) if _clean(p))
            documents.append(
                ClusterDocument(
                    str(doc.get("id", f"doc{k:03d}")), text, split_sentences(text), doc.get("date")
                )
            )
        refs = record["references"]
        if not all(isinstance(r, str) and r.strip() for r in refs):
            raise EvaluationError(f"{where}: 'references' must be non-empty texts")
        cluster_id = str(record.get("id", f"cluster{number:04d}"))
        clusters.append(Cluster(cluster_id, tuple(documents), tuple(r.strip() for r in refs)))
    if not clusters:
        raise EvaluationError(f"{path}: no clusters")
    return sorted(clusters, key=lambda c: c.id)


# --------------------------------------------------------------------------- systems


def truncate(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def storyline_summary(
    cluster: Cluster, words: int = DEFAULT_WORDS, params: SummaryParams | None = None
) -> str:
    documents = [SummaryDocument(d.id, d.text, d.sentences, d.published) for d in cluster.documents]
    summary: Summary = summarise(documents, words, params, cut=True)
    parts = [s.text for s in summary.sentences]
    if summary.overflow is not None:
        parts.append(summary.overflow.text)
    return truncate(" ".join(parts), words)


def lead_summary(cluster: Cluster, words: int = DEFAULT_WORDS) -> str:
    latest = max(cluster.documents, key=lambda d: (d.published or "", d.id))
    return truncate(" ".join(latest.text[s:e] for s, e in latest.sentences), words)


def lexrank_summary(
    cluster: Cluster,
    words: int = DEFAULT_WORDS,
    threshold: float = 0.1,
    damping: float = 0.85,
    redundancy: float = 0.5,
) -> str:
    import numpy as np

    from storyline.brief.summary_text import STOP_WORDS, stem, tokens

    sentences = [
        re.sub(r"\s+", " ", d.text[s:e]).strip() for d in cluster.documents for s, e in d.sentences
    ]
    bags = [[stem(t) for t in tokens(s) if t not in STOP_WORDS] for s in sentences]
    keep = [i for i, bag in enumerate(bags) if bag]
    if not keep:
        return ""
    vocabulary = {w: k for k, w in enumerate(sorted({w for i in keep for w in bags[i]}))}
    tf = np.zeros((len(keep), len(vocabulary)))
    for row, i in enumerate(keep):
        for w in bags[i]:
            tf[row, vocabulary[w]] += 1
    idf = np.log(len(keep) / (tf > 0).sum(axis=0))
    vectors = tf * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1, norms)
    cosine = vectors @ vectors.T
    adjacency = (cosine > threshold).astype(float)
    degree = adjacency.sum(axis=1, keepdims=True)
    transition = adjacency / np.where(degree == 0, 1, degree)
    n = len(keep)
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            scores = updated
            break
        scores = updated
    chosen: list[int] = []
    total = 0
    for row in sorted(range(n), key=lambda r: (-scores[r], r)):
        if any(cosine[row, other] > redundancy for other in chosen):
            continue
        chosen.append(row)
        total += len(sentences[keep[row]].split())
        if total >= words:
            break
    return truncate(" ".join(sentences[keep[row]] for row in chosen), words)


# --------------------------------------------------------------------------- scoring


def rouge_recall(summary: str, references: Sequence[str]) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 recall of ``summary`` over ``references`` (stemmed)."""
    scorer = _scorer()
    scores = [scorer.score(reference, summary) for reference in references]
    r1 = sum(s["rouge1"].recall for s in scores) / len(scores)
    r2 = sum(s["rouge2"].recall for s in scores) / len(scores)
    return r1, r2


_SCORER: list[Any] = []


def _scorer() -> Any:
    if not _SCORER:
        from rouge_score import rouge_scorer

        _SCORER.append(rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True))
    return _SCORER[0]


def run_summary_evaluation(
    dataset: Path, words: int = DEFAULT_WORDS, params: SummaryParams | None = None
) -> SummaryReport:
    """Summarise every cluster of ``dataset`` with storyline, LexRank and Lead; score them."""
    _scorer()  # fail early, with the install hint, when rouge-score is missing
    started = time.perf_counter()
    clusters = load_duc(dataset)
    systems = {
        STORYLINE: lambda c: storyline_summary(c, words, params),
        LEXRANK: lambda c: lexrank_summary(c, words),
        LEAD: lambda c: lead_summary(c, words),
    }
    totals = {name: [0.0, 0.0, 0.0] for name in systems}
    per_cluster: dict[str, dict[str, float]] = {}
    for cluster in clusters:
        for name, system in systems.items():
            text = system(cluster)
            r1, r2 = rouge_recall(text, cluster.references)
            totals[name][0] += r1
            totals[name][1] += r2
            totals[name][2] += len(text.split())
            per_cluster.setdefault(cluster.id, {})[name] = r2
    n = len(clusters)
    settings = {
        STORYLINE: "ICSI-style bigram coverage ILP, default SummaryParams",
        LEXRANK: "TF-IDF cosine > 0.1, damping 0.85, redundancy cosine 0.5",
        LEAD: "first sentences of the most recent document",
    }
    scores = tuple(
        SummaryScore(name, t[0] / n, t[1] / n, t[2] / n, settings[name])
        for name, t in totals.items()
    )
    return SummaryReport(
        clusters=n,
        documents=sum(len(c.documents) for c in clusters),
        references=sum(len(c.references) for c in clusters),
        words=words,
        scores=scores,
        per_cluster=per_cluster,
        seconds=time.perf_counter() - started,
    )
