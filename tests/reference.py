"""The reference story as a user would feed it: JSON Lines with publication dates."""

from __future__ import annotations

import json
from pathlib import Path

REFERENCE_STORY = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "iraq-embassy-2020"
)

#: Publication dates a user would supply (JSON Lines ``published``): 003 carries its own
#: dateline (28 September); the others are dated by when they appeared (the language issue
#: supplies 2020-09-30 for 001).
PUBLISHED = {
    "000": "2020-09-30",
    "001": "2020-09-30",
    "002": "2020-09-30",
    "003": "2020-09-28",
    "004": "2020-10-02",
}


def write_reference_jsonl(path: Path) -> Path:
    """The reference story as JSON Lines with the publication dates above."""
    with path.open("w", encoding="utf-8") as out:
        for item in sorted(REFERENCE_STORY.iterdir()):
            record = {
                "id": item.name,
                "text": item.read_text(encoding="utf-8"),
                "published": PUBLISHED[item.name[:3]],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
