"""Bytes to text: byte-order mark, then UTF-8, then a declared charset, then detection.

The order matters. A byte-order mark is proof. Strict UTF-8 almost never decodes text written
in another encoding (its multi-byte rules are too specific), so when it succeeds it is right,
even against a page that declares something else. A declared charset (HTML meta, HTTP header)
comes next, and charset-normalizer last, because on short Western texts it often picks a
cousin of the real code page (cp1250 for a French latin-1 text, turning "à" into "ŕ").
"""

from __future__ import annotations

import codecs

from storyline.errors import UnreadableInput
from storyline.ingest.readers._sniff import bom_encoding

# WHATWG Encoding Standard: pages labelled latin-1 or ASCII are decoded as windows-1252, because
# that is what they are in practice (curly quotes and euro signs in the 0x80–0x9F range).
_LABEL_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}

#: Chaos scores (charset-normalizer's measure of implausible characters) closer than this to the
#: best candidate count as a tie; a tie goes to windows-1252, the most common legacy encoding.
_CHAOS_TIE = 0.01


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode a whole document, or raise ``UnreadableInput("cannot decode text: …")``."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as error:
            name = bom.removesuffix("-sig").upper()
            raise UnreadableInput(
                f"cannot decode text: invalid {name} at byte {error.start} after a byte-order mark"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    codec = _known_codec(declared)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    detected = _detect(data)
    if detected is None:
        raise UnreadableInput("cannot decode text: not UTF-8, and no other encoding fits")
    return detected


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with U+FFFD for a few broken sequences, when the rest is clearly UTF-8.

    Scraped text often carries a stray byte or a cut multi-byte character; read as UTF-8 it
    loses only that character, read as a legacy code page every accented letter turns into
    mojibake. "Clearly UTF-8" means at least as many valid multi-byte characters as broken ones.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - broken
    return text if multibyte >= broken > 0 else None


def _known_codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    if name.startswith(("utf_16", "utf_32")):
        return None  # a UTF-16 label on bytes without a byte-order mark is a mislabel
    return _LABEL_ALIASES.get(name, name)


def _detect(data: bytes) -> str | None:
    # Imported here: charset-normalizer is only needed for the rare non-UTF-8 input.
    from charset_normalizer import from_bytes

    matches = [
        match
        for match in from_bytes(data)
        # Without a byte-order mark, UTF-16/32 are guesses that turn Latin text into CJK.
        if not match.encoding.startswith(("utf_16", "utf_32"))
    ]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos <= best.chaos + _CHAOS_TIE and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)
