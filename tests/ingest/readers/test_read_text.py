"""Plain text files: decoding in every encoding a scraped article comes in."""

from __future__ import annotations

import codecs
import hashlib

ARTICLE = (
    "The harbour board said on Monday that the north pier would close for repairs. "
    "“It is not safe,” the board’s engineer said. Café owners near the pier were not told.\n"
)
FRENCH = "Le conseil a déclaré que la jetée fermerait à cause des dégâts. Ça coûte cher.\n"


def test_utf8_text_is_one_document_with_its_bytes_fingerprinted(tmp_path, documents):
    path = tmp_path / "pier.txt"
    path.write_bytes(ARTICLE.encode())
    [document] = documents(path)
    assert document.source_id == "pier.txt"
    assert document.origin == str(path)
    assert (document.kind, document.input_format) == ("text", "text")
    assert document.content == ARTICLE
    assert document.raw_sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert (document.title, document.url, document.published) == (None, None, None)


def test_utf8_byte_order_mark_is_dropped(tmp_path, documents):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    assert documents(path)[0].content == ARTICLE


def test_utf16_with_byte_order_mark_both_orders(tmp_path, documents):
    (tmp_path / "le.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"))
    assert [d.content for d in documents(tmp_path)] == [ARTICLE, ARTICLE]


def test_utf32_with_byte_order_mark(tmp_path, documents):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-32"))
    assert documents(path)[0].content == ARTICLE


def test_windows_1252_keeps_curly_quotes(tmp_path, documents):
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    assert documents(path)[0].content == ARTICLE


def test_latin1_french_is_not_read_as_central_european(tmp_path, documents):
    # charset-normalizer alone picks cp1250 here, which turns "à" into "ŕ".
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    assert documents(path)[0].content == FRENCH


def test_shift_jis(tmp_path, documents):
    text = (
        "港湾局は月曜日、北桟橋を修理のため閉鎖すると発表した。技術者は安全ではないと述べた。\n" * 2
    )
    path = tmp_path / "ja.txt"
    path.write_bytes(text.encode("shift_jis"))
    assert documents(path)[0].content == text


def test_a_few_broken_bytes_in_utf8_become_replacement_characters(tmp_path, documents):
    data = ARTICLE.encode()
    path = tmp_path / "broken.txt"
    path.write_bytes(data[:20] + b"\xff" + data[20:])
    content = documents(path)[0].content
    assert content == ARTICLE[:20] + "\ufffd" + ARTICLE[20:]


def test_bytes_that_fit_no_encoding_are_rejected(tmp_path, rejection):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    assert rejection(path).reason == "cannot decode text: not UTF-8, and no other encoding fits"


def test_utf16_byte_order_mark_with_broken_body_is_rejected(tmp_path, rejection):
    path = tmp_path / "bad16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8A")
    reason = rejection(path).reason
    assert reason.startswith("cannot decode text: invalid UTF-16 at byte")
