"""Language layer: sentences, entities resolved across articles, quotes, quantities, times."""
