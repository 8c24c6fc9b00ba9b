"""WARC crawls: HTML and text responses become documents; the rest of a crawl is skipped."""

from __future__ import annotations

import gzip
import hashlib
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest.readers import ReadStats
from storyline.model import RawDocument, Rejection

PAGE = "<html><head><title>Pier {n}</title></head><body><p>Pier story {n}.</p></body></html>"


def response(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status="200 OK", **extra
):
    headers = [("Content-Type", content_type), *extra.items()]
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)


def write_crawl(path, *, compress: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders(
            "GET /1 HTTP/1.1", [("Host", "news.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record("https://news.example/1", "request", http_headers=request)
        )
        for record in (
            response(writer, "https://news.example/1", PAGE.format(n=1).encode(), "text/html"),
            response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
            response(
                writer,
                "https://news.example/gone",
                b"<p>Not found</p>",
                "text/html",
                "404 Not Found",
            ),
            response(
                writer,
                "https://news.example/2",
                PAGE.format(n="2 – café").encode("cp1252"),
                "text/html; charset=windows-1252",
            ),
            response(
                writer, "https://news.example/3.txt", b"Plain pier story three.", "text/plain"
            ),
            writer.create_warc_record(
                "https://news.example/4",
                "resource",
                payload=io.BytesIO(PAGE.format(n=4).encode()),
                warc_content_type="text/html",
            ),
        ):
            writer.write_record(record)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_crawl_records_in_order_with_their_uris(tmp_path, documents, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_crawl(path, compress=compress)
    stats = ReadStats()
    docs = documents(path, stats=stats)
    assert [(d.source_id, d.kind, d.origin) for d in docs] == [
        ("https://news.example/1", "html", f"{path}#record 3"),
        ("https://news.example/2", "html", f"{path}#record 6"),
        ("https://news.example/3.txt", "text", f"{path}#record 7"),
        ("https://news.example/4", "html", f"{path}#record 8"),
    ]
    assert all(d.input_format == "warc" and d.url == d.source_id for d in docs)
    assert docs[0].content == PAGE.format(n=1)
    assert docs[0].raw_sha256 == hashlib.sha256(PAGE.format(n=1).encode()).hexdigest()
    assert "Pier story 2 – café." in docs[1].content  # decoded by the HTTP charset
    assert docs[0].published is None  # WARC-Date is the crawl time, not the publication date
    assert stats.skipped == {
        "WARC warcinfo records": 1,
        "WARC request records": 1,
        "WARC non-text payloads": 1,
        "WARC responses with a non-2xx status": 1,
    }


def test_a_warc_gzipped_in_one_piece_is_read_too(tmp_path, documents):
    # warcio alone expects one gzip member per record and fails on this.
    plain = tmp_path / "crawl.warc"
    write_crawl(plain, compress=False)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    assert len(documents(path)) == 4


def test_gzip_content_encoding_is_undone(tmp_path, documents):
    path = tmp_path / "encoded.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        body = gzip.compress(PAGE.format(n=5).encode())
        record = response(
            writer, "https://news.example/5", body, "text/html", **{"Content-Encoding": "gzip"}
        )
        writer.write_record(record)
    assert documents(path)[0].content == PAGE.format(n=5)


def test_record_above_the_cap_is_rejected_and_the_next_read(tmp_path, read_all):
    path = tmp_path / "big.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        big = ("<p>" + "word " * 2000 + "</p>").encode()
        writer.write_record(response(writer, "https://news.example/big", big, "text/html"))
        writer.write_record(
            response(writer, "https://news.example/6", PAGE.format(n=6).encode(), "text/html")
        )
    first, second = read_all(path, max_bytes=4096)
    assert isinstance(first, Rejection)
    assert first.source_id == "https://news.example/big"
    assert first.origin == f"{path}#record 1"
    assert first.reason.startswith("record is 9.") and first.reason.endswith(
        "KB, above the 4 KB limit (--max-bytes)"
    )
    assert isinstance(second, RawDocument) and second.source_id == "https://news.example/6"


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_truncated_crawl_keeps_the_records_before_the_break(tmp_path, read_all, compress):
    whole = tmp_path / "whole"
    write_crawl(whole, compress=compress)
    data = whole.read_bytes()
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data[: len(data) - 40])  # inside the last record
    items = read_all(path)
    assert [i.source_id for i in items] == [
        "https://news.example/1",
        "https://news.example/2",
        "https://news.example/3.txt",
        path.name,
    ]
    last = items[-1]
    assert isinstance(last, Rejection)
    assert last.origin == f"{path}#record 8"
    assert (
        last.reason == "truncated WARC: the file ends inside record 8; records before it were read"
    )


def test_every_cut_point_gives_documents_or_a_rejection_never_an_error(tmp_path, read_all):
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole, compress=True)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc.gz"
    for cut in range(1, len(data), 7):
        path.write_bytes(data[:cut])
        reasons = [item.reason for item in read_all(path) if isinstance(item, Rejection)]
        assert not any("unexpected" in reason for reason in reasons), (cut, reasons)


def test_a_file_named_warc_that_is_not_one(tmp_path, rejection):
    path = tmp_path / "fake.warc"
    path.write_text("Just some words.\nAnd more words.\n", encoding="utf-8")
    assert rejection(path).reason == "not a WARC file (it does not start with 'WARC/')"
