"""Grouping quotations: the same words carried by several articles are one quotation."""

from __future__ import annotations

from storyline.brief.story_quotes import _merge, _same


class _Q:
    def __init__(self, article_id: str, start: int, text: str) -> None:
        self.article_id, self.start, self.end, self.text = (
            article_id,
            start,
            start + len(text),
            text,
        )


def test_same_words_or_one_holding_the_other():
    assert _same("we hope the united states will rethink", "we hope the united states will rethink")
    assert _same("the united states will rethink", "we hope the united states will rethink it")
    assert not _same("not happy", "baghdad is not happy with it")  # too short to say
    assert not _same("", "")


def test_merge_groups_copies_across_articles():
    quotes = [
        _Q("a", 0, "We hope that the United States will rethink its decision,"),
        _Q("b", 10, "“We hope that the United States will rethink its decision”"),
        _Q("b", 99, "Something else entirely was said here"),
    ]
    groups = _merge(quotes)  # type: ignore[arg-type]
    assert sorted(len(g) for g in groups) == [1, 2]
