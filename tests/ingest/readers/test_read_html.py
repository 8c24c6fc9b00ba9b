"""HTML files: recognised by their markup, decoded by their own charset, never extracted here."""

from __future__ import annotations

PAGE = (
    '<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>Pier closes</title></head>'
    "<body><article><h1>Pier closes</h1><p>The board’s engineer said “not safe”.</p>"
    "<script>alert('x')</script></article></body></html>\n"
)


def test_html_file_is_kept_as_markup(tmp_path, documents):
    page = PAGE.format(charset="utf-8")
    path = tmp_path / "pier.html"
    path.write_text(page, encoding="utf-8")
    [document] = documents(path)
    assert (document.kind, document.input_format) == ("html", "html")
    assert document.content == page  # scripts and all: extraction decides what to keep
    assert document.source_id == "pier.html"


def test_markup_wins_over_a_txt_extension(tmp_path, documents):
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    assert documents(path)[0].kind == "html"


def test_many_tags_without_a_doctype_make_html(tmp_path, documents):
    path = tmp_path / "fragment.txt"
    path.write_text("<div><p>One</p><p>Two</p><p>Three</p></div>", encoding="utf-8")
    assert documents(path)[0].kind == "html"


def test_text_that_quotes_a_script_tag_stays_text(tmp_path, documents):
    path = tmp_path / "security-story.txt"
    path.write_text(
        "Attackers posted <script>alert(1)</script> in the comment box, the bank said.\n",
        encoding="utf-8",
    )
    assert documents(path)[0].kind == "text"


def test_html_extension_without_any_tag_is_text(tmp_path, documents):
    path = tmp_path / "plain.html"
    path.write_text("Only words here, no markup at all.\n", encoding="utf-8")
    assert documents(path)[0].kind == "text"


def test_meta_charset_decides_when_utf8_fails(tmp_path, documents):
    page = PAGE.format(charset="windows-1252")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    assert documents(path)[0].content == page


def test_meta_charset_latin1_is_read_as_windows_1252(tmp_path, documents):
    # WHATWG: a page labelled ISO-8859-1 is decoded as windows-1252 (0x93 is a curly quote).
    page = PAGE.format(charset="iso-8859-1")
    path = tmp_path / "labelled.html"
    path.write_bytes(page.encode("cp1252"))
    assert "“not safe”" in documents(path)[0].content


def test_xml_declaration_encoding_of_xhtml(tmp_path, documents):
    page = (
        '<?xml version="1.0" encoding="iso-8859-15"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Prix : 10 €</p></body></html>'
    )
    path = tmp_path / "page.xhtml"
    path.write_bytes(page.encode("iso-8859-15"))
    [document] = documents(path)
    assert document.kind == "html"
    assert "10 €" in document.content
