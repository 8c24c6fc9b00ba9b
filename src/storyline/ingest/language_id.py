"""The language of an article's clean text (py3langid: small, offline, deterministic)."""

from __future__ import annotations

# Below this many characters the identifier's guess is mostly noise; say "unknown" instead.
MIN_CHARS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    if len(text.strip()) < MIN_CHARS:
        return None
    import py3langid  # loads its model on first use, so keep it off the import path

    code, _score = py3langid.classify(text)
    return code
