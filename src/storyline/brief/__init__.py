"""The brief: one document (``brief.json``) and its renderings (Markdown, one HTML page)."""

from storyline.brief.build import SCHEMA_VERSION, build_brief
from storyline.brief.write import write_brief

__all__ = ["SCHEMA_VERSION", "build_brief", "write_brief"]
