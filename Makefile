# Two entry points for a fresh machine: `make demo` and `make test`. Both create .venv and
# install the project with what it needs (from PyPI only; no model download at run time).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE ?= examples/voa_sample.txt
SEED := ../shared/data/seed/article.txt

.PHONY: demo test install install-test browser bench score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,serve,ray,polars]"

demo: install
	$(BIN)/eventledger extract $(SAMPLE) --published 2013-04-07 --format table
	@if [ -f $(SEED) ]; then $(BIN)/eventledger extract $(SEED) --published 2023-09-19 --format table; fi

test: install-test
	$(BIN)/python -m pytest -q

score: install
	$(BIN)/eventledger score typing ../shared/data/case2021_task2/dev.tsv
	$(BIN)/eventledger score locations
	$(BIN)/eventledger score plover
	$(BIN)/eventledger score articles --split dev --quiet
	$(BIN)/eventledger score articles --split dev --quiet --undated --no-merge

bench: install
	$(BIN)/python benchmarks/bench_typing.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_ledger.py --sizes 1000
	$(BIN)/python benchmarks/bench_ray.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
