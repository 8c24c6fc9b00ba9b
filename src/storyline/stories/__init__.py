"""Stories: near-duplicates now; story clustering, alignment and provenance to come."""
