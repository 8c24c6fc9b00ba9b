"""RSS and Atom feeds via feedparser: each entry becomes a document.

The entry's full ``content`` is preferred over its ``summary``. feedparser sanitises entry HTML
(scripts, event handlers and ``javascript:`` links are dropped), which is the only change made
to the markup before extraction. A malformed feed that still yields entries is read (feeds in
the wild often are slightly broken); one that yields none is rejected with the parser's reason.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.errors import UnreadableInput
from storyline.ingest.readers._source import Source
from storyline.ingest.readers.text import check_content
from storyline.model import InputKind, RawDocument, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TAG = re.compile(r"<[A-Za-z!/]")
_SAX_POSITION = re.compile(r"^<unknown>:\d+:\d+: ")
_EMAIL_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$")


def read_feed(data: bytes, source: Source) -> Iterator[RawDocument | Rejection]:
    # A stream, never bytes or str: feedparser treats a string argument as a URL to fetch or a
    # file name to open, and a feed's content must not make it do either.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield source.reject(f"cannot parse feed: {_parse_error(parsed.get('bozo_exception'))}")
        else:
            yield source.reject("feed has no entries")
        return
    feed_title = _text(parsed.get("feed", {}).get("title"))
    for index, entry in enumerate(entries, start=1):
        yield _document(entry, index, feed_title, source)


def _document(
    entry: Any, index: int, feed_title: str | None, source: Source
) -> RawDocument | Rejection:
    link = _text(entry.get("link"))
    url = link if link and link.startswith(("http://", "https://")) else None
    source_id = _text(entry.get("id")) or url or f"{source.source_id}#{index}"
    origin = f"{source.origin}#entry {index}"
    body = _body(entry)
    if body is None:
        return Rejection(source_id, origin, "feed entry has no content or summary")
    kind, content = body
    try:
        check_content(content, kind)
    except UnreadableInput as error:
        return Rejection(source_id, origin, f"feed entry: {error}")
    outlet = _text((entry.get("source") or {}).get("title")) or feed_title
    return RawDocument(
        source_id=source_id,
        origin=origin,
        kind=kind,
        content=content,
        input_format="feed",
        url=url,
        title=_text(entry.get("title")),
        outlet=outlet,
        byline=_byline(entry),
        published=_text(entry.get("published")) or _text(entry.get("updated")),
        # An entry has no bytes of its own in the file; its content stands in for them.
        raw_sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
    )


def _body(entry: Any) -> tuple[InputKind, str] | None:
    candidates = list(entry.get("content") or [])
    candidates.sort(key=lambda item: item.get("type") not in _HTML_TYPES)  # HTML first, stable
    summary = entry.get("summary_detail")
    if summary is not None:
        candidates.append(summary)
    elif entry.get("summary"):
        candidates.append({"type": "text/html", "value": entry.get("summary")})
    for candidate in candidates:
        value = candidate.get("value")
        if isinstance(value, str) and value.strip():
            # RSS has no way to say a description is plain text, so feedparser calls every one
            # HTML; one without a single tag is read as the text it is.
            is_html = candidate.get("type") != "text/plain" and _TAG.search(value)
            kind: InputKind = "html" if is_html else "text"
            return kind, value
    return None


def _parse_error(error: object) -> str:
    # The XML parser names its input "<unknown>" and counts lines in feedparser's rewrite of
    # the document, not in the file: "<unknown>:2:0: syntax error" becomes "syntax error".
    message = " ".join(str(error or "").split())[:200]
    return _SAX_POSITION.sub("", message) or "not RSS or Atom"


def _byline(entry: Any) -> str | None:
    # RSS writes "desk@news.example (Ann Writer)", which feedparser's author_detail splits
    # wrongly when the address has dots; take the name from the parentheses ourselves.
    author = _text(entry.get("author"))
    if author:
        match = _EMAIL_AND_NAME.match(author)
        return match["name"].strip() if match else author
    return _text((entry.get("author_detail") or {}).get("name"))


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
