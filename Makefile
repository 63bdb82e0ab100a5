# Two set-up commands for a fresh machine: `make run` (the app on the bundled data) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kernen build
	$(BIN)/kernen app

build: $(STAMP)
	$(BIN)/kernen build

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data/build .pytest_cache
