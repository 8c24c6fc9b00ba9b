"""The hand-tuned constants of the furniture cleaner: signal weights, zone thresholds, sizes."""

# Tuned constants. Set by hand on the five reference articles and the hand-made pages of other
# (imaginary) outlets in tests/ingest/test_furniture.py, then checked for false removals on the
# 181 AEB pages of real outlets (benchmarks/furniture_aeb.py): the weights and the two
# thresholds are the ones at which the fixtures' furniture goes and under 1% of AEB body lines
# are removed, nearly all lines we count as furniture (tweet signatures, bare URLs, "© Reuters",
# "(Reporting by ...)", "Click here ...", "Sign up for ..." in a list of deals). Measured
# alternatives: BODY_THRESHOLD 2 doubles the AEB body lines removed (40 -> 89, list items and a
# quoted review among them); 4 spares only two "Click here to ..." prompts. EDGE_THRESHOLD 3 removes fewer
# AEB lines (16: bare URLs, tweet signatures) but leaves section paths ("World | Europe") to be
# taken for the title.

STRONG = 6  # a signal that is furniture on its own ("3 min read", "[Getty]", "Follow us on ...")
MEDIUM = 3  # furniture unless the unit reads as prose
HINT = 2  # furniture outside the body; inside it, only with company
WEAK = 1  # a hint that needs company

EDGE_THRESHOLD = 2  # header and footer zones: outside the body, doubt goes to removal
BODY_THRESHOLD = 3  # inside the body: doubt goes to keeping

LONG_PROSE_WORDS = 12  # a unit this long that ends as a sentence is very likely body
MEDIUM_PROSE_WORDS = 6
BODY_RUN_MIN_WORDS = 8  # a unit that can start the body run
SHORT_LINE_WORDS = 10  # "short": where share/count vocabulary is furniture, not prose
MAX_TITLE_WORDS = 30
MIN_REPEAT_WORDS = 5  # a repeat shorter than this may be a coincidence ("Background")
MAX_SENTENCES_FOR_RUNS = 30  # longer units are matched by whole sentences, not runs of them
NEAR_TITLE_JACCARD = 0.8  # word-set overlap at which a line is the title again
HARD_WRAP_MIN_LINES = 6  # hard-wrapping is only judged on texts with this many lines
HARD_WRAP_MAX_WIDTH = 100  # texts with longer lines are not hard-wrapped
HARD_WRAP_MIN_WIDTH = 40  # nor are texts of short lines only (lists, headings)
HARD_WRAP_FULL_SHARE = 0.5  # share of lines near the wrap width in a hard-wrapped text
HARD_WRAP_NEAR = 0.7  # "near the wrap width": at least this share of the longest line
