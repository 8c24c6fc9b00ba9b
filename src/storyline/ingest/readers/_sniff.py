"""Telling formats apart: content first, the file extension only when content is silent.

Extensions lie (a saved page named ``.txt``, a PNG named ``article.html``), so a signature in
the bytes always wins; the extension decides only between formats the bytes do not
distinguish, such as a ``.rss`` file that is not even XML (it should fail as a feed, loudly).
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

Format = Literal["text", "html", "jsonl", "feed", "warc"]

# (signature, offset, what it is) for files that are certainly not text. Only signatures that
# no plain text starts with: "MZ" or "ID3" could begin a sentence, so they are left out.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"WEBP", 8, "WebP image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "zip archive"),
    (b"PK\x05\x06", 0, "zip archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"ustar", 257, "tar archive"),
    (b"\x7fELF", 0, "executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Microsoft Office document"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ftyp", 4, "MP4 video"),
    (b"wOFF", 0, "web font"),
    (b"wOF2", 0, "web font"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

# Byte-order marks, UTF-32 before UTF-16 because FF FE 00 00 starts with FF FE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes below 0x20 that ordinary text contains: tab, newline, vertical tab, form feed, return,
# and ESC (terminal colour codes in pasted logs).
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1b")
#: Share of other control bytes above which an input is binary. Text pasted from a terminal or
#: a word processor carries a few stray ones; a tenth is far beyond that.
_MAX_CONTROL_SHARE = 0.10


def bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` (a head or a whole file) is not text, or ``None`` if it may be text."""
    for signature, offset, what in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return f"binary file (looks like {what})"
    if _BZIP2.match(data):
        return "binary file (looks like bzip2 archive)"
    encoding = bom_encoding(data)
    if encoding in ("utf-16", "utf-32"):
        return None  # NUL bytes are how UTF-16 and UTF-32 spell ASCII
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for byte in data if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if data and controls / len(data) > _MAX_CONTROL_SHARE:
        return "binary file (mostly control bytes)"
    return None


def head_text(head: bytes) -> str:
    """A lossy decoding of the head, good enough to look for markup and JSON."""
    encoding = bom_encoding(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff")


# What may come before the root element of an XML or HTML document.
_PROLOG = re.compile(
    r"\A\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE(?!\s+html)[^>\[]*(?:\[.*?\])?\s*>)\s*)*",
    re.IGNORECASE | re.DOTALL,
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!DOCTYPE\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|div|span|p|a|br|hr|img|article|section|header|"
    r"footer|nav|main|aside|figure|figcaption|h[1-6]|ul|ol|li|table|tr|td|em|strong|b|i|"
    r"script|style|iframe|time|blockquote|form|input|button|svg)\b[^>]*>",
    re.IGNORECASE,
)
#: Tags of known HTML elements in the head above which a file is HTML whatever its name.
#: A plain-text article quoting one or two tags (``<script>alert(1)</script>`` in a security
#: story) stays text; any real page has dozens.
_MIN_HTML_TAGS = 5

_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines", ".json")
_FEED_EXTENSIONS = (".rss", ".atom", ".xml", ".rdf")
_WARC_EXTENSIONS = (".warc",)


def sniff_format(head: bytes, name: str) -> Format:
    """The format of an input from its first bytes, then its file name.

    "warc" comes back only for a file *named* .warc: one that starts with ``WARC/`` is
    recognised before this is called, and a misnamed one must be refused, not parsed as text.
    """
    text = head_text(head)
    body = text[_PROLOG.match(text).end() :]  # type: ignore[union-attr]
    if _FEED_ROOT.match(body):
        return "feed"
    if _HTML_ROOT.match(body):
        return "html"
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if re.match(r'\{\s*"', first_line):
        return "jsonl"
    tags = len(_HTML_TAG.findall(text))
    if tags >= _MIN_HTML_TAGS:
        return "html"
    lower = name.lower()
    if lower.endswith(_WARC_EXTENSIONS):
        return "warc"
    if lower.endswith(_JSONL_EXTENSIONS):
        return "jsonl"
    if lower.endswith(_FEED_EXTENSIONS):
        return "feed"
    if lower.endswith(_HTML_EXTENSIONS) and tags:
        return "html"  # a page with few tags; with none at all it is text whatever its name
    return "text"
