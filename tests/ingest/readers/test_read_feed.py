"""RSS 2.0 and Atom feeds: each entry is a document carrying the entry's own metadata."""

from __future__ import annotations

from storyline.model import RawDocument, Rejection

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://news.example/</link>
<item><title>Pier closes &amp; ferry waits</title><link>https://news.example/pier</link>
<guid isPermaLink="false">harbour-pier-1</guid><pubDate>Mon, 28 Sep 2020 11:15:00 GMT</pubDate>
<author>desk@news.example (Ann Writer)</author>
<description>&lt;p&gt;The pier closes.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Second</title><link>https://news.example/second</link>
<description>&lt;p&gt;Second body.&lt;/p&gt;</description></item>
<item><title>Third</title><description>Third body.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Atom</title>
<entry><id>tag:news.example,2020:1</id><title>Full text</title>
<link href="https://news.example/a1"/><published>2020-09-28T10:00:00Z</published>
<updated>2020-09-29T08:00:00Z</updated><author><name>Bo Reporter</name></author>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;The whole article.&lt;/p&gt;</content></entry>
<entry><id>tag:news.example,2020:2</id><title>Plain</title><updated>2020-09-29T09:00:00Z</updated>
<content type="text">A plain text body.</content></entry>
</feed>
"""


def test_rss_entries_in_order_with_metadata(tmp_path, documents):
    path = tmp_path / "harbour.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = documents(path)
    assert (first.source_id, first.origin) == ("harbour-pier-1", f"{path}#entry 1")
    assert first.title == "Pier closes & ferry waits"
    assert first.url == "https://news.example/pier"
    assert first.published == "Mon, 28 Sep 2020 11:15:00 GMT"
    assert first.byline == "Ann Writer"
    assert first.outlet == "Harbour News"
    assert (first.kind, first.input_format) == ("html", "feed")
    assert first.content.startswith("<p>The pier closes.</p>")
    assert "<script" not in first.content  # feedparser sanitises entry HTML
    assert second.source_id == "https://news.example/second"  # no guid: the link
    assert third.source_id == "harbour.rss#3"  # neither: file and entry number
    assert third.url is None
    assert (third.kind, third.content) == ("text", "Third body.")  # no tag: not HTML


def test_atom_prefers_content_over_summary(tmp_path, documents):
    path = tmp_path / "harbour.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = documents(path)
    assert first.content == "<p>The whole article.</p>"
    assert (first.title, first.byline, first.published) == (
        "Full text",
        "Bo Reporter",
        "2020-09-28T10:00:00Z",
    )
    assert first.outlet == "Harbour Atom"
    assert (second.kind, second.content) == ("text", "A plain text body.")
    assert second.published == "2020-09-29T09:00:00Z"  # no published date: the update
    assert second.url is None  # an Atom id is not a link


def test_feed_is_recognised_by_its_root_element_whatever_the_name(tmp_path, documents):
    path = tmp_path / "download.txt"
    path.write_text(RSS, encoding="utf-8")
    assert [d.input_format for d in documents(path)] == ["feed", "feed", "feed"]


def test_entry_without_any_body_is_rejected_alone(tmp_path, read_all):
    path = tmp_path / "gap.atom"
    path.write_text(
        ATOM.replace('<content type="text">A plain text body.</content>', ""), encoding="utf-8"
    )
    first, second = read_all(path)
    assert isinstance(first, RawDocument)
    assert isinstance(second, Rejection)
    assert (second.source_id, second.origin) == ("tag:news.example,2020:2", f"{path}#entry 2")
    assert second.reason == "feed entry has no content or summary"


def test_feed_that_is_not_xml(tmp_path, rejection):
    path = tmp_path / "broken.rss"
    path.write_text("this is { not ] xml", encoding="utf-8")
    assert rejection(path).reason == "cannot parse feed: syntax error"


def test_valid_feed_without_entries(tmp_path, rejection):
    path = tmp_path / "quiet.xml"
    path.write_text(RSS.split("<item>")[0] + "</channel></rss>", encoding="utf-8")
    assert rejection(path).reason == "feed has no entries"


def test_slightly_broken_feed_with_entries_is_read(tmp_path, documents):
    path = tmp_path / "unclosed.rss"
    path.write_text(RSS.replace("</channel></rss>", ""), encoding="utf-8")
    assert len(documents(path)) == 3


def test_entity_expansion_bomb_is_not_expanded(tmp_path, documents):
    entities = '<!ENTITY a0 "boom">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    bomb = RSS.replace("<rss", f"<!DOCTYPE rss [{entities}]>\n<rss", 1).replace(
        "Third body.", "&a9;"
    )
    path = tmp_path / "bomb.rss"
    path.write_text(bomb, encoding="utf-8")
    docs = documents(path)
    assert len(docs) == 3
    assert len(docs[2].content) < 100
