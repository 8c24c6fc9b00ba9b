from storyline.brief.highlight import Highlight, highlight_paragraphs, nested

TEXT = 'The mayor said "we will rebuild <the> pier" on Friday.\n\nRepairs begin in May.'


def test_marks_nest_and_text_is_escaped():
    quote = Highlight(16, 42, "quote", "q1", "the mayor")
    word = Highlight(24, 31, "entity", "e1")
    (first, second) = highlight_paragraphs(TEXT, [word, quote])
    assert str(first) == (
        'The mayor said &#34;<mark class="quote" id="q1" title="the mayor">we will '
        '<mark class="entity" id="e1">rebuild</mark> &lt;the&gt; pier</mark>&#34; on Friday.'
    )
    assert str(second) == "Repairs begin in May."


def test_crossing_span_is_not_marked():
    spans = [Highlight(0, 10, "a", "a"), Highlight(5, 15, "b", "b"), Highlight(2, 4, "c", "c")]
    assert [h.anchor for h in nested(spans)] == ["a", "c"]


def test_span_over_a_paragraph_break_is_cut_and_continued():
    span = Highlight(TEXT.index("Friday"), TEXT.index("begin"), "time", "t1")
    first, second = highlight_paragraphs(TEXT, [span])
    assert '<mark class="time" id="t1">Friday.</mark>' in str(first)
    assert str(second).startswith('<mark class="time">Repairs </mark>begin')


def test_hostile_title_and_class_are_escaped():
    (html,) = highlight_paragraphs(
        "abc", [Highlight(0, 3, 'x"><script>', "i", '"><img onerror=1>')]
    )
    assert "<script>" not in str(html) and "<img" not in str(html)
