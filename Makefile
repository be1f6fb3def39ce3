# kg developer commands. `make demo` builds the bundled sample (examples/); `make test` runs every check.
# Neither needs ../shared; with it beside the checkout, `make demo` also scores the seed articles.
PY ?= .venv/bin/python
SHARED ?= ../shared

.PHONY: setup demo test check lint typecheck score train-ner train-claims bench clean

# The virtualenv is made on first use; torch is pinned to the local CPU build before camel-tools.
.venv/bin/kg: pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install --quiet --upgrade pip
	.venv/bin/pip install --quiet torch==2.13.0
	.venv/bin/pip install --quiet -e '.[dev]'
	touch .venv/bin/kg

setup: .venv/bin/kg

demo: setup
	.venv/bin/kg build examples/singapore-summit-2018.jsonl -o output --outputs turtle,html,neo4j,ontology
	@if [ -d $(SHARED)/corpus/seeds ] && [ -f $(SHARED)/eval/score.py ]; then \
	  echo "Scoring the seed articles of $(SHARED) (output/seeds/):"; \
	  .venv/bin/kg build $(SHARED)/corpus/seeds -o output/seeds --outputs turtle --quiet && \
	  $(PY) $(SHARED)/eval/score.py --graph output/seeds/graph.ttl --gold $(SHARED)/gold/seeds.json; \
	else \
	  echo "$(SHARED) is not beside this checkout: no score (the sample has no gold annotation)."; \
	fi

lint: setup
	.venv/bin/ruff check kg tests scripts

# mypy (configured in pyproject.toml: check_untyped_defs, warn_unreachable) over the package.
typecheck: setup
	.venv/bin/mypy kg

test: lint typecheck
	$(PY) -m pytest -q

check: test

score: setup
	.venv/bin/kg build $(SHARED)/corpus/seeds -o output/seeds --outputs turtle --quiet
	$(PY) $(SHARED)/eval/score.py --graph output/seeds/graph.ttl --gold $(SHARED)/gold/seeds.json

train-ner: setup
	.venv/bin/kg train ner --data-dir $(SHARED)/data

# Rebuilds kg/resources/claims/similar-stems.tsv.gz (word2vec over news-bench stems, ~6 min; needs the train extra).
train-claims: setup
	$(PY) scripts/build_claim_words.py --data-dir $(SHARED)/data

# A benchmark, not a test: throughput, peak RSS, stage times, query latency, NER vs transformer speed.
bench: setup
	$(PY) scripts/bench.py --data $(SHARED)/data/news-bench/news-bench.jsonl.xz --sizes 1000,10000,50000 --jobs 2 --append 1000 --out bench/results.md

clean:
	rm -rf output/* .pytest_cache .ruff_cache
