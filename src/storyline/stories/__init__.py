"""Stories: near-duplicates, story clustering, passage alignment, edits and provenance."""
