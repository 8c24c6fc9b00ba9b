# Two entry points, each doing every install step itself on a fresh machine:
#   make analyze INPUT=../shared/corpus/iraq-embassy-2020 OUT=brief/
#   make test
PYTHON ?= python3
VENV ?= .venv
INPUT ?= ../shared/corpus/iraq-embassy-2020
OUT ?= brief
AEB ?= ../shared/data/aeb
# Floor for storyline's mean 4-gram F1 on the AEB development set; pinned at what we reach
# (see the closing note of the foundation issue), so a regression fails CI.
AEB_F1_FLOOR ?= 0.965
# Floors for the language layer on the gold files in evaluation/gold (span F1), pinned just
# under what we reach so that a regression fails CI.
QUOTES_F1_FLOOR ?= 0.95
NUMBERS_F1_FLOOR ?= 0.95
TIME_F1_FLOOR ?= 0.95
STORIES_B3_F1_FLOOR ?= 0.90
ALIGNMENT_F1_FLOOR ?= 0.95
ECBPLUS ?= ../shared/data/ecbplus-dev
# Headline stance on Emergent's test split (macro-F1; storyline reaches 0.768): pinned just under.
STANCE_F1_FLOOR ?= 0.76
EMERGENT ?= ../shared/data/emergent
# ROUGE-2 recall at 100 words on the small invented DUC-style sample (storyline reaches 0.2464).
SUMMARY_R2_FLOOR ?= 0.24
# Contradictions on the hand-made gold files (F1; precision 1.000 on both). Development (20 cases): 1.000;
# held-out (written blind, then read for failure causes once): 0.500.
CONTRADICTIONS_F1_FLOOR ?= 0.95
HELDOUT_CONTRADICTIONS_F1_FLOOR ?= 0.45
HELDOUT_QUOTES_F1_FLOOR ?= 0.92
HELDOUT_NUMBERS_F1_FLOOR ?= 0.97
HELDOUT_TIME_F1_FLOOR ?= 0.97

BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: analyze test lint browser evaluate benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

analyze: $(STAMP)
	$(BIN)/storyline analyze $(INPUT) --out $(OUT)

# Debian's Chromium for the real-browser tests (Playwright's own browser download does not
# work offline). Installed only when missing, and only when we may (root, as in CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and not root: browser tests will be skipped"; fi; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) browser lint
	$(BIN)/pytest -n 2 -q
	$(MAKE) --no-print-directory evaluate

# Quality floors. The gold files in evaluation/gold were written beside the rules (development
# sets); evaluation/gold/heldout was annotated blind by someone who never saw the rules, so its
# floors are the more honest guard. Both are pinned just under what we reach.
evaluate: $(STAMP)
	$(BIN)/storyline evaluate extraction $(AEB) --fail-under $(AEB_F1_FLOOR)
	$(BIN)/storyline evaluate quotes --fail-under $(QUOTES_F1_FLOOR)
	$(BIN)/storyline evaluate numbers --fail-under $(NUMBERS_F1_FLOOR)
	$(BIN)/storyline evaluate time --fail-under $(TIME_F1_FLOOR)
	$(BIN)/storyline evaluate quotes evaluation/gold/heldout/quotes.jsonl --fail-under $(HELDOUT_QUOTES_F1_FLOOR)
	$(BIN)/storyline evaluate numbers evaluation/gold/heldout/numbers.jsonl --fail-under $(HELDOUT_NUMBERS_F1_FLOOR)
	$(BIN)/storyline evaluate time evaluation/gold/heldout/time.jsonl --fail-under $(HELDOUT_TIME_F1_FLOOR)
	$(BIN)/storyline evaluate stories $(ECBPLUS) --fail-under $(STORIES_B3_F1_FLOOR)
	$(BIN)/storyline evaluate stance $(EMERGENT) --fail-under $(STANCE_F1_FLOOR)
	$(BIN)/storyline evaluate contradictions --fail-under $(CONTRADICTIONS_F1_FLOOR)
	$(BIN)/storyline evaluate contradictions evaluation/gold/heldout/contradictions.jsonl --fail-under $(HELDOUT_CONTRADICTIONS_F1_FLOOR)
	$(BIN)/storyline evaluate alignment --fail-under $(ALIGNMENT_F1_FLOOR)
	$(BIN)/storyline evaluate summary evaluation/summary-sample --fail-under $(SUMMARY_R2_FLOOR)

benchmark: $(STAMP)
	$(BIN)/python benchmarks/ingest_throughput.py --sizes 1000 10000

clean:
	rm -rf $(VENV) brief .pytest_cache .ruff_cache
