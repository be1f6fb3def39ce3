# kg developer commands. `make demo` builds the sample corpus; `make test` runs every check.
PY ?= .venv/bin/python
SHARED ?= ../shared

.PHONY: setup demo test check lint score train-ner bench clean

setup:
	python3 -m venv .venv
	.venv/bin/pip install --upgrade pip
	.venv/bin/pip install torch==2.13.0
	.venv/bin/pip install -e '.[dev]'

demo:
	.venv/bin/kg build $(SHARED)/corpus/seeds -o output
	$(PY) $(SHARED)/eval/score.py --graph output/graph.ttl --gold $(SHARED)/gold/seeds.json

lint:
	.venv/bin/ruff check kg tests scripts

test: lint
	$(PY) -m pytest -q

check: test

score:
	$(PY) $(SHARED)/eval/score.py --graph output/graph.ttl --gold $(SHARED)/gold/seeds.json

train-ner:
	.venv/bin/kg train ner --data-dir $(SHARED)/data

bench:
	$(PY) scripts/bench.py --data $(SHARED)/data/news-bench/news-bench.jsonl.xz --out bench/results.md

clean:
	rm -rf output/* .pytest_cache .ruff_cache
