"""Claims: claim frames, matching across articles, corroboration, contradictions, stance."""
