"""Contradiction detection scored on a hand-made gold file of contradictions and look-alikes.

Each line of the gold file (``evaluation/gold/contradictions.jsonl``) is one small case
written for the purpose: two or three short articles with publication dates, the
contradictions a reader should be shown (each side anchored by a phrase in its article), and
the tricky non-contradictions (approximations, plans, different reference times, a more
specific date, two events of one kind) that must not be flagged. Every case runs through the
real pipeline — ingest into a SQLite store, the language layer, alignment and provenance, the
claims stage — with the case's articles taken as one story, so the score is about
contradictions alone, not about clustering.

A flagged contradiction is correct when both of its spans overlap the two anchored gold spans
(in either order). Precision counts every flag; recall every gold contradiction. Beside
storyline runs a naive baseline that flags any two differing figures of the same counted noun
in two articles: what "compare the numbers" gives without typed values and tolerance.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from storyline.errors import EvaluationError
from storyline.evaluate.scoring import score_of

GOLD = Path("evaluation/gold/contradictions.jsonl")

Span = tuple[str, int, int]  # (case article id, start, end)
SYSTEMS = ("storyline", "naive-numbers")


Phrase = tuple[str, str]  # (case article id, phrase in its text)


@dataclass(frozen=True)
class GoldCase:
    case_id: str
    articles: tuple[dict[str, Any], ...]
    contradictions: tuple[tuple[Phrase, Phrase], ...]
    look_alikes: tuple[tuple[Phrase, Phrase], ...]


@dataclass(frozen=True)
class ContradictionScore:
    """Precision over flags (``right`` of ``predicted``), recall over gold contradictions
    (``found`` of ``gold``): one contradiction flagged twice is one right and one wrong flag."""

    system: str
    gold: int
    predicted: int
    right: int
    found: int
    look_alikes: int  # tricky non-contradictions in the gold file
    look_alikes_flagged: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ContradictionReport:
    cases: int
    scores: list[ContradictionScore]
    flags: list[dict[str, Any]] = field(default_factory=list)  # storyline's, for reading

    def score(self, system: str) -> ContradictionScore:
        return score_of(self.scores, system)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "scores": [
                {
                    "system": s.system,
                    "gold": s.gold,
                    "predicted": s.predicted,
                    "right": s.right,
                    "found": s.found,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "look_alikes": s.look_alikes,
                    "look_alikes_flagged": s.look_alikes_flagged,
                }
                for s in self.scores
            ],
            "flags": self.flags,
        }

    def format_table(self) -> str:
        lines = [
            f"contradictions: {self.cases} hand-made cases",
            f"{'system':<16}{'gold':>6}{'found':>7}{'flagged':>9}{'right':>7}"
            f"{'P':>8}{'R':>8}{'F1':>8}"
            f"{'look-alikes flagged':>22}",
        ]
        for s in self.scores:
            lines.append(
                f"{s.system:<16}{s.gold:>6}{s.found:>7}{s.predicted:>9}{s.right:>7}{s.precision:>8.3f}"
                f"{s.recall:>8.3f}{s.f1:>8.3f}{f'{s.look_alikes_flagged}/{s.look_alikes}':>22}"
            )
        wrong = [f for f in self.flags if not f["correct"]]
        for flag in wrong:
            lines.append(f"false alarm in {flag['case']}: {flag['a']!r} vs {flag['b']!r}")
        return "\n".join(lines)


def read_gold(path: Path) -> list[GoldCase]:
    if not path.is_file():
        raise EvaluationError(f"{path}: gold file not found")
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            articles = tuple(record["articles"])
            texts = {a["id"]: a["text"] for a in articles}
            pairs = tuple(_pair(item, texts) for item in record.get("contradictions", []))
            others = tuple(_pair(item, texts) for item in record.get("not_contradictions", []))
            if len(texts) < 2:
                raise ValueError("a case needs at least two articles")
            cases.append(GoldCase(str(record["id"]), articles, pairs, others))
        except (ValueError, KeyError, TypeError) as error:
            raise EvaluationError(f"{path}:{number}: bad gold case: {error}") from error
    return cases


def _pair(item: dict[str, Any], texts: dict[str, str]) -> tuple[Phrase, Phrase]:
    pair = (item["a"][0], item["a"][1]), (item["b"][0], item["b"][1])
    for article_id, phrase in pair:
        if phrase not in texts[article_id]:
            raise ValueError(f"phrase {phrase!r} not in article {article_id!r}")
    return pair


def _anchor(phrase: Phrase, texts: dict[str, str]) -> Span:
    """The phrase's span in the article's stored clean text (ingestion moves the text)."""
    article_id, words = phrase
    start = texts.get(article_id, "").find(words)
    return (article_id, start, start + len(words)) if start >= 0 else (article_id, -1, -1)


def run_contradiction_evaluation(gold_path: Path = GOLD) -> ContradictionReport:
    cases = read_gold(gold_path)
    counts = {name: [0, 0, 0, 0] for name in SYSTEMS}  # flagged, right flags, gold hit, traps
    flags: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="storyline-contradictions-") as tmp:
        for case in cases:
            texts, results = _run_case(case, Path(tmp) / case.case_id)
            found = dict(zip(SYSTEMS, results, strict=True))
            gold = [(_anchor(a, texts), _anchor(b, texts)) for a, b in case.contradictions]
            traps = [(_anchor(a, texts), _anchor(b, texts)) for a, b in case.look_alikes]
            for name, pairs in found.items():
                tally = counts[name]
                tally[0] += len(pairs)
                tally[1] += sum(1 for f in pairs if any(_hits(g, f) for g in gold))
                tally[2] += sum(1 for g in gold if any(_hits(g, f) for f in pairs))
                tally[3] += sum(1 for t in traps if any(_hits(t, f) for f in pairs))
            flags += [
                {
                    "case": case.case_id,
                    "a": texts[f[0][0]][f[0][1] : f[0][2]],
                    "b": texts[f[1][0]][f[1][1] : f[1][2]],
                    "correct": any(_hits(g, f) for g in gold),
                }
                for f in found["storyline"]
            ]
    gold = sum(len(case.contradictions) for case in cases)
    look_alikes = sum(len(case.look_alikes) for case in cases)
    scores = [
        ContradictionScore(name, gold, c[0], c[1], c[2], look_alikes, c[3])
        for name, c in counts.items()
    ]
    return ContradictionReport(cases=len(cases), scores=scores, flags=flags)


def _hits(gold: tuple[Span, Span], flagged: tuple[Span, Span]) -> bool:
    def overlap(x: Span, y: Span) -> bool:
        return x[0] == y[0] and x[1] < y[2] and y[1] < x[2]

    (ga, gb), (fa, fb) = gold, flagged
    return (overlap(ga, fa) and overlap(gb, fb)) or (overlap(ga, fb) and overlap(gb, fa))


def _run_case(
    case: GoldCase, folder: Path
) -> tuple[list[tuple[Span, Span]], list[tuple[Span, Span]]]:
    """(storyline's flags, the naive baseline's flags) as pairs of case-article spans."""
    from storyline.claims.stage import analyse_claims
    from storyline.ingest.pipeline import ingest
    from storyline.language.layer import analyse_language
    from storyline.store import open_store
    from storyline.stories.story_analysis import analyse_story

    folder.mkdir(parents=True)
    source = folder / "articles.jsonl"
    source.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in case.articles), encoding="utf-8"
    )
    store = open_store(folder / "storyline.db")
    try:
        report = ingest([str(source)], store)
        articles = list(store.iter_articles(report.article_ids))
        language = analyse_language(articles, store)
        story = analyse_story(articles, language.annotations)
        (claims,) = analyse_claims(articles, language, [story])
    finally:
        store.close()
    case_id_of = {article.id: article.source_id for article in articles}
    flagged = [
        (
            (case_id_of[c.a.article_id], c.a.start, c.a.end),
            (case_id_of[c.b.article_id], c.b.start, c.b.end),
        )
        for c in claims.contradictions
    ]
    naive = []
    figures = [
        (case_id_of[article_id], quantity)
        for article_id, annotation in sorted(language.annotations.items())
        for quantity in annotation.quantities
        if quantity.value is not None and quantity.counted_head
    ]
    for (x, a), (y, b) in combinations(figures, 2):
        if x != y and a.counted_head == b.counted_head and a.value != b.value:
            naive.append(((x, a.start, a.end), (y, b.start, b.end)))
    texts = {case_id_of[article.id]: article.text for article in articles}
    return texts, (flagged, naive)
