"""Ingestion: readers per source format, HTML extraction, cleaning of scraped text, metadata."""
