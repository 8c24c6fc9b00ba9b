"""HTML files: decoded with the page's own charset declaration when UTF-8 fails.

The markup is kept as it is: finding the article inside the page is extraction's job.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from storyline.ingest.readers._decode import decode_text
from storyline.ingest.readers._source import Source
from storyline.ingest.readers.text import check_content
from storyline.model import RawDocument, Rejection

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, and the
# XML declaration of an XHTML page. Browsers look at the first 1024 bytes; real pages put the
# tag later than that often enough (after long comments or scripts) to look a little further.
_CHARSET_SCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares for itself, if any."""
    head = data[:_CHARSET_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def read_html(data: bytes, source: Source) -> Iterator[RawDocument | Rejection]:
    html = decode_text(data, declared=declared_charset(data))
    check_content(html, "html")
    yield RawDocument(
        source_id=source.source_id,
        origin=source.origin,
        kind="html",
        content=html,
        input_format="html",
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )
