# Two set-up commands for a fresh machine: `make run` (the app on the bundled data) and `make test`.
PY ?= python3
# VENV_ARGS=--system-site-packages reuses packages installed on the machine (faster set-up).
VENV_ARGS ?=
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast build bench scale clean docs

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV_ARGS) $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kernen build
	$(BIN)/kernen app

build: $(STAMP)
	$(BIN)/kernen build

# pytest exits 5 when it collects no tests (e.g. a -k that matches nothing): not a failure here.
# Both cores: one pytest worker per core, each test file kept on one worker (its module fixtures built once) and
# all browser files on the same one (one app and one Chromium), in the order tests/conftest.py gives them
# (the longest kinds first).
XDIST ?= -n auto --dist loadfile --no-loadscope-reorder

test: $(STAMP)
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

# The edit loop: no browser, no Virtuoso, nothing marked slow (make test runs those too).
test-fast: $(STAMP)
	$(BIN)/python -m pytest $(XDIST) -m "not chromium and not virtuoso and not slow" $(PYTEST_ARGS)

# Regenerate docs/cli.md from the commands' help (a test checks it is up to date).
docs: $(STAMP)
	$(BIN)/python -m graph.cli.reference --write

# Every benchmark script (not collected by pytest); each prints its figures.
bench: $(STAMP)
	$(BIN)/python tests/benchmarks/run.py $(BENCH_ARGS)
	@for script in tests/benchmarks/bench_*.py; do \
	  echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The scale benchmark of docs/performance.md: 10 to 5,000 gemeenten with every peer (about 40 min)
scale: $(STAMP)
	$(BIN)/python tests/benchmarks/run.py --sizes 10,100,342,1000,5000 --lessons 5 --out data/build/bench.json

clean:
	rm -rf $(VENV) data/build .pytest_cache
