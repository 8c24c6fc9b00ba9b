"""Writing the brief's three files; each is written whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from storyline.brief.render_html import render_html
from storyline.brief.render_markdown import render_markdown

BRIEF_FILES = ("brief.json", "brief.md", "brief.html")


def brief_json(document: dict[str, Any]) -> str:
    # Fixed key order (as built), no ASCII escaping (readable), a final newline: byte-stable.
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_brief(document: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    contents = {
        "brief.json": brief_json(document),
        "brief.md": render_markdown(document),
        "brief.html": render_html(document),
    }
    written = []
    for name in BRIEF_FILES:
        target = out_dir / name
        _write_atomically(target, contents[name])
        written.append(target)
    return written


def _write_atomically(target: Path, text: str) -> None:
    # A reader never sees half a brief: write beside the target, then rename over it.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
