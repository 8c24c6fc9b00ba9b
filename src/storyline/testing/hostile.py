"""Test helper: a folder of 50 broken or hostile input files, for end-to-end robustness tests.

``write_hostile_inputs(folder)`` writes the files and returns ``{relative path: verdict}``.
Each verdict starts with one of:

``reject: <fragment>``
    the readers yield at least one ``Rejection`` for this file, and the reason of one of them
    contains ``<fragment>``. Each such rejection has an ``origin`` that starts with the file's
    path and a ``source_id`` that starts with its relative path (no rejected record here has an
    id of its own). Containers with a bad part (a truncated WARC, a JSON Lines file with one
    malformed line) also yield the documents before or around the damage.
``read: <what it is>``
    the readers yield at least one ``RawDocument`` and no ``Rejection`` for it: hostile but
    readable (script payloads, legacy encodings, 100,000 nested divs). Later stages decide
    whether it holds an article; none of them may crash or execute its markup.
``skip: <why>``
    the readers yield nothing for it (a hidden file).

Sizes: ``huge_bytes`` sets the size of ``huge.txt`` and, times four, the decompressed size of the
gzip bomb; run the readers with a ``max_bytes`` below ``huge_bytes``. Every ``read:`` file is
under 600 KB, so any ``max_bytes`` of 1 MB or more leaves them readable.

Every text here is invented for this purpose. The generator is deterministic: the same call
writes the same bytes.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from storyline.ingest.readers import DEFAULT_MAX_BYTES

ARTICLE = (
    "VELMORA — The river authority said on Tuesday that the Karsk dam would reopen its "
    "spillway gates next week, after engineers found no damage from last month’s flooding. "
    "“We checked every gate twice,” said Irena Maslova, the authority’s chief engineer. "
    "Farmers downstream, who lost about 1,200 hectares of maize to the water, said they "
    "were not told of the decision in advance."
)
# The same story in French, for the single-byte encodings that cannot spell the curly quotes.
ARTICLE_FR = (
    "VELMORA - L'autorité du fleuve a déclaré mardi que le barrage de Karsk rouvrirait ses "
    "vannes la semaine prochaine. « Nous avons vérifié chaque vanne deux fois », a précisé "
    "Irena Maslova, ingénieure en chef. Les agriculteurs en aval, qui ont perdu près de "
    "1 200 hectares de maïs, n'ont pas été prévenus à l'avance."
)
ARTICLE_JA = (
    "ベルモラ川管理局は火曜日、カルスクダムの放水門を来週再開すると発表した。"
    "技術者は先月の洪水による損傷を確認できなかったという。"
)

SCRIPT_PAYLOADS = (
    '<script>alert("script-tag")</script>'
    '<img src="x" onerror="alert(\'onerror\')">'
    "<a href=\"javascript:alert('javascript-link')\">read more</a>"
    "<svg onload=\"alert('svg-onload')\"></svg>"
    "<iframe src=\"javascript:alert('iframe')\"></iframe>"
)
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def write_hostile_inputs(
    folder: Path, *, huge_bytes: int = DEFAULT_MAX_BYTES + 1
) -> dict[str, str]:
    """Write the hostile files under ``folder`` and return ``{relative path: verdict}``."""
    folder.mkdir(parents=True, exist_ok=True)
    verdicts: dict[str, str] = {}
    for relative, verdict, write in _files(huge_bytes):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if write(path):
            verdicts[relative] = verdict
    return verdicts


Writer = Callable[[Path], bool]


def _bytes(data: bytes) -> Writer:
    def write(path: Path) -> bool:
        path.write_bytes(data)
        return True

    return write


def _files(huge_bytes: int) -> list[tuple[str, str, Writer]]:
    rng = random.Random(20200928)
    page = _page("Dam to reopen", f"<p>{ARTICLE}</p>")
    return [
        # --- nothing to read ---
        ("empty.txt", "reject: empty file", _bytes(b"")),
        ("whitespace-only.txt", "reject: whitespace only", _bytes(b" \n\t\r\n   \n" * 50)),
        ("bom-only.txt", "reject: no text (only a byte-order mark)", _bytes(codecs.BOM_UTF8)),
        (
            "punctuation-only.txt",
            "reject: no letters or digits",
            _bytes(b"!?... --- ;;; ***\n" * 20),
        ),
        # --- binary, whatever the name says ---
        ("image.png", "reject: binary file (looks like PNG image)", _bytes(_PNG + bytes(200))),
        ("image-named-as-article.html", "reject: binary file (looks like PNG image)", _bytes(_PNG)),
        ("document.pdf", "reject: binary file (looks like PDF document)", _bytes(_PDF)),
        ("archive.zip", "reject: binary file (looks like zip archive)", _zip()),
        ("random-bytes.bin", "reject: binary file", _bytes(rng.randbytes(4096))),
        ("nul-bytes.txt", "reject: binary file (contains NUL bytes)", _bytes(_nul_text())),
        ("nul-byte-after-70kb.txt", "reject: binary file (contains NUL bytes)", _late_nul()),
        ("control-bytes.txt", "reject: binary file (mostly control bytes)", _controls()),
        # --- too large ---
        ("huge.txt", "reject: limit (--max-bytes)", _huge(huge_bytes)),
        ("gzip-bomb.txt.gz", "reject: limit (--max-bytes)", _gzip_bomb(4 * huge_bytes)),
        # --- undecodable ---
        ("undecodable.txt", "reject: cannot decode text", _bytes(bytes(range(0x80, 0x100)) * 8)),
        ("bad-utf16.txt", "reject: cannot decode text", _bad_utf16()),
        # --- damaged containers ---
        ("truncated.warc", "reject: truncated WARC", _truncated_warc(compress=False)),
        ("truncated.warc.gz", "reject: truncated WARC", _truncated_warc(compress=True)),
        ("not-a-warc.warc", "reject: not a WARC file", _bytes(b"This is not a WARC file.\n" * 3)),
        ("truncated.txt.gz", "reject: truncated gzip stream", _truncated_gzip()),
        ("corrupt.gz", "reject: corrupt gzip stream", _corrupt_gzip()),
        # --- JSON Lines ---
        ("malformed-lines.jsonl", "reject: malformed JSON", _malformed_jsonl()),
        ("no-text.jsonl", "reject: no 'text' or 'html' field", _no_text_jsonl()),
        ("invalid-utf8.jsonl", "reject: invalid UTF-8", _invalid_utf8_jsonl()),
        ("deeply-nested.jsonl", "reject: nested too deeply", _deep_json()),
        ("prose-named.jsonl", "reject: not JSON Lines", _bytes(b"Just a line of prose.\n" * 12)),
        # --- file system traps ---
        ("broken-symlink.txt", "reject: broken symbolic link", _symlink("no-such-target.txt")),
        ("self-loop.txt", "reject: symbolic link loop", _symlink("self-loop.txt")),
        ("loop-folder/up", "reject: symbolic link loop", _symlink("..")),
        ("named-pipe", "reject: not a regular file (named pipe)", _fifo),
        (".DS_Store", "skip: hidden file", _bytes(b"\x00\x00\x00\x01Bud1" + bytes(64))),
        # --- feeds ---
        ("not-xml.rss", "reject: cannot parse feed", _bytes(b"this is not xml at all { ] >")),
        ("empty-feed.xml", "reject: feed has no entries", _bytes(_rss(""))),
        ("entry-without-content.atom", "reject: feed entry has no content", _atom_gap()),
        ("script-payloads.rss", "read: RSS entry whose HTML carries script payloads", _rss_xss()),
        ("xml-entity-bomb.rss", "read: entity-expansion bomb (left unexpanded)", _xml_bomb()),
        # --- hostile but readable ---
        ("cp1252-article.txt", "read: windows-1252 text", _bytes(ARTICLE.encode("cp1252"))),
        ("latin1-article.txt", "read: latin-1 text", _bytes(ARTICLE_FR.encode("latin-1"))),
        ("cp1252-meta-charset.html", "read: windows-1252 page with meta charset", _cp1252_page()),
        ("utf16-le-bom.txt", "read: UTF-16 LE text with BOM", _bytes(_bom16(ARTICLE, "le"))),
        ("utf16-be-bom.html", "read: UTF-16 BE page with BOM", _bytes(_bom16(page, "be"))),
        ("shift-jis.txt", "read: Shift JIS text", _bytes((ARTICLE_JA * 3).encode("shift_jis"))),
        ("invalid-utf8-mixed.txt", "read: UTF-8 with a few broken bytes", _mixed_utf8()),
        ("malformed.html", "read: unclosed and stray tags", _bytes(_malformed_html().encode())),
        ("script-payloads.html", "read: article page with script payloads", _xss_page()),
        ("script-in-plain-text.txt", "read: plain text quoting script markup", _xss_text()),
        ("script-payloads.jsonl", "read: JSON Lines record with script payloads", _xss_jsonl()),
        ("deep-nesting.html", "read: 100,000 nested divs", _deep_html()),
        ("long-single-line.txt", "read: one line of 256 KB", _long_line()),
        ("bidi-and-zero-width.txt", "read: bidi overrides and zero-width characters", _bidi()),
    ]


# --- small builders -------------------------------------------------------------------------


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n"
        f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>\n"
    )


def _bom16(text: str, order: str) -> bytes:
    if order == "le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


def _zip() -> Writer:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return _bytes(buffer.getvalue())


def _nul_text() -> bytes:
    return ARTICLE.encode()[:120] + b"\x00\x00\x00" + ARTICLE.encode()[120:]


def _late_nul() -> Writer:
    # The NUL comes after the first 64 KB that the readers sniff, so only a check of the whole
    # file finds it.
    text = (ARTICLE + "\n").encode() * 250
    return _bytes(text[:70_000] + b"\x00" + text[70_000:])


def _controls() -> Writer:
    return _bytes(bytes(range(1, 9)) * 64 + b"some words\n")


def _huge(size: int) -> Writer:
    def write(path: Path) -> bool:
        line = (ARTICLE + "\n").encode()
        with path.open("wb") as handle:
            written = 0
            while written < size:
                handle.write(line)
                written += len(line)
        return True

    return write


def _gzip_bomb(size: int) -> Writer:
    # One compressed member of 1 MiB of text, repeated: a valid multi-member gzip stream that
    # is about a thousand times smaller than what it unpacks to, written in milliseconds.
    def write(path: Path) -> bool:
        block = (b"flood " * 174_763)[: 1 << 20]
        member = gzip.compress(block, compresslevel=9, mtime=0)
        with path.open("wb") as handle:
            for _ in range(max(1, -(-size // len(block)))):
                handle.write(member)
        return True

    return write


def _truncated_gzip() -> Writer:
    whole = gzip.compress((ARTICLE + "\n").encode() * 40, mtime=0)
    return _bytes(whole[: len(whole) // 2])


def _corrupt_gzip() -> Writer:
    whole = bytearray(gzip.compress((ARTICLE + "\n").encode() * 40, mtime=0))
    whole[20:60] = b"\xff" * 40  # inside the deflate data
    return _bytes(bytes(whole))


def _bad_utf16() -> Writer:
    # A byte-order mark, then an unpaired high surrogate and an odd trailing byte.
    return _bytes(codecs.BOM_UTF16_LE + "Dam".encode("utf-16-le") + b"\x00\xd8A\x00B")


def _mixed_utf8() -> Writer:
    text = ARTICLE.encode()
    return _bytes(text[:40] + b"\xff" + text[40:90] + b"\xc3\x28" + text[90:] + b"\xe2\x82")


def _malformed_html() -> str:
    return (
        "<html><head><title>Dam to reopen</head><body><div><p>"
        + ARTICLE
        + "<p>Second paragraph <b>bold <i>both</b> italic</i></div></div></span>"
        + "<table><tr><td>cell</p></table><p>After the table"
    )


def _xss_page() -> Writer:
    body = (
        f"<p>{ARTICLE}</p>\n{SCRIPT_PAYLOADS}\n"
        "<p>Officials quoted the message &lt;script&gt;alert('escaped-in-text')&lt;/script&gt; "
        f"that had circulated online.</p>\n<p onmouseover=\"alert('handler')\">{ARTICLE}</p>"
    )
    head = (
        "<script>alert('in-head')</script>"
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
    )
    return _bytes(_page("Dam <em>to</em> reopen", body, head).encode())


def _xss_text() -> Writer:
    text = (
        f"{ARTICLE}\n\nA message reading <script>alert('in-plain-text')</script> and a link "
        "javascript:alert('plain-link') circulated on social media, the authority said.\n"
    )
    return _bytes(text.encode())


def _xss_jsonl() -> Writer:
    record = {
        "id": "hostile-jsonl-1",
        "url": "javascript:alert('url')",
        "title": "Dam <img src=x onerror=alert('title')> to reopen",
        "outlet": "<script>alert('outlet')</script>",
        "html": f"<p>{ARTICLE}</p>{SCRIPT_PAYLOADS}",
        "published": "2020-09-29",
    }
    return _bytes(json.dumps(record).encode() + b"\n")


def _deep_html() -> Writer:
    # Closing tags are left out (parsers close them at the end) to keep the file small.
    return _bytes(("<html><body>" + "<div>" * 100_000 + f"<p>{ARTICLE}</p>").encode())


def _long_line() -> Writer:
    words = (ARTICLE + " ").encode()
    return _bytes((words * (262_144 // len(words) + 1))[:262_144])


def _bidi() -> Writer:
    text = (
        "\u202eVELMORA\u202c \u200bThe river authority\u200b said \u2066on Tuesday\u2069 that "
        "the dam would reopen.\ufeff Engineers\u200d found no damage. " + ARTICLE
    )
    return _bytes(text.encode())


def _cp1252_page() -> Writer:
    head = '<meta charset="windows-1252">'
    return _bytes(_page("Dam to reopen", f"<p>{ARTICLE}</p>", head).encode("cp1252"))


def _malformed_jsonl() -> Writer:
    first = json.dumps({"id": "malformed-lines-ok-1", "text": ARTICLE})
    last = json.dumps({"id": "malformed-lines-ok-4", "text": ARTICLE_FR})
    lines = [first, '{"id": "x", "text": "unterminated', "not json at all", last]
    return _bytes("\n".join(lines).encode() + b"\n")


def _no_text_jsonl() -> Writer:
    # No ids, so that the rejections are named after the file (see the module docstring).
    lines = [{"title": "Only a title"}, {"url": "http://courier.example/x", "text": 42}]
    return _bytes(b"".join(json.dumps(line).encode() + b"\n" for line in lines))


def _invalid_utf8_jsonl() -> Writer:
    return _bytes(b'{"id": "bad-utf8", "text": "Dam \xff\xfe reopens"}\n')


def _deep_json() -> Writer:
    return _bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")


def _rss(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Velmora Courier</title><link>http://courier.example/</link>{items}"
        "</channel></rss>\n"
    ).encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rss_xss() -> Writer:
    item = (
        "<item><title>Dam &lt;script&gt;alert('title')&lt;/script&gt; to reopen</title>"
        "<link>http://courier.example/dam</link><guid>courier-dam-1</guid>"
        "<pubDate>Tue, 29 Sep 2020 10:00:00 GMT</pubDate>"
        f"<description>{_escape(f'<p>{ARTICLE}</p>{SCRIPT_PAYLOADS}')}</description></item>"
    )
    return _bytes(_rss(item))


def _xml_bomb() -> Writer:
    entities = '<!ENTITY e0 "flood">' + "".join(
        f'<!ENTITY e{level} "{f"&e{level - 1};" * 10}">' for level in range(1, 10)
    )
    item = f"<item><title>Bomb</title><description>&e9; {_escape(ARTICLE)}</description></item>"
    text = _rss(item).decode().replace("<rss", f"<!DOCTYPE rss [{entities}]>\n<rss", 1)
    return _bytes(text.encode())


def _atom_gap() -> Writer:
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Velmora Courier</title>"
        "<entry><id>tag:courier.example,2020:1</id><title>Dam to reopen</title>"
        f'<content type="html">{_escape(f"<p>{ARTICLE}</p>")}</content></entry>'
        "<entry><title>Title only</title></entry>"
        "</feed>\n"
    )
    return _bytes(xml.encode())


def _truncated_warc(*, compress: bool) -> Writer:
    def write(path: Path) -> bool:
        # Imported here: warcio is needed only by this one builder.
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=compress)
        cut = 0
        for number in range(1, 4):
            body = _page(f"Dam update {number}", f"<p>{ARTICLE}</p>" * number).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"http://courier.example/dam-{number}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                # Fixed id and date: warcio would draw a random id and use the clock.
                warc_headers_dict={
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000000{number}>",
                    "WARC-Date": "2020-09-29T10:00:00Z",
                },
            )
            cut = buffer.tell()
            writer.write_record(record)
        # Cut the file in the middle of the third record.
        data = buffer.getvalue()
        path.write_bytes(data[: cut + (len(data) - cut) // 2])
        return True

    return write


def _symlink(target: str) -> Writer:
    def write(path: Path) -> bool:
        try:
            os.symlink(target, path)
        except (OSError, NotImplementedError):  # no symbolic links on this system
            return False
        return True

    return write


def _fifo(path: Path) -> bool:
    if not hasattr(os, "mkfifo"):
        return False
    os.mkfifo(path)
    return True
