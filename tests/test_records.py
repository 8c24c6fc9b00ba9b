from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyline.model import Article, PublicationDate, RemovedText
from storyline.records import from_dict, to_dict


@dataclass(frozen=True)
class Inner:
    name: str
    via: Literal["name", "role"] = "name"


@dataclass(frozen=True)
class Outer:
    value: float
    parts: tuple[tuple[int, str], ...] = ()
    inner: Inner | None = None
    items: tuple[Inner, ...] = ()
    low: float | None = None


def test_nested_records_round_trip():
    record = Outer(3.0, ((5, "children"), (2, "women")), Inner("Leaf", "role"), (Inner("a"),))
    assert from_dict(Outer, to_dict(record)) == record


def test_missing_fields_take_defaults_and_unknown_keys_are_ignored():
    assert from_dict(Outer, {"value": 2, "added_later": True}) == Outer(2.0)


def test_article_round_trip_keeps_types():
    article = Article(
        id="0123456789abcdef",
        source_id="a",
        origin="a",
        input_format="text",
        text="t",
        title=None,
        outlet=None,
        outlet_source=None,
        byline=None,
        published=PublicationDate("2020-09-28", "dateline", "28 Sep 2020"),
        language="en",
        word_count=1,
        removed=(RemovedText("x", "caption", 2),),
    )
    again = from_dict(Article, to_dict(article))
    assert again == article
    assert isinstance(again.published, PublicationDate)
    assert isinstance(again.removed[0], RemovedText)
