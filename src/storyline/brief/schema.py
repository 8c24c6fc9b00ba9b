"""The JSON Schema of ``brief.json``, shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def brief_schema() -> dict[str, Any]:
    text = resources.files("storyline.brief").joinpath("schema/brief.schema.json").read_text()
    return json.loads(text)


def validate_brief(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if the document does not follow the schema."""
    import jsonschema

    jsonschema.validate(document, brief_schema())
