# Parallax: `make run` opens the reader on the seeds, `make test` runs lint and the whole suite.
# Both create .venv and install the project into it when needed (and only then).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= test,semantic,web,cluster

.PHONY: help run lint test snapshots bench quality check clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[$(EXTRAS)]"
	@# An editable install compiles none of the project's modules (a wheel's install does):
	@# compiled now, a first run does not compile them (nor every run, under
	@# PYTHONDONTWRITEBYTECODE); Python recompiles any module edited since.
	$(BIN)/python -m compileall -q alignment tui
	@touch $(STAMP)

run: $(STAMP)  ## open the reader on the bundled seeds
	$(BIN)/python -m tui

lint: $(STAMP)  ## ruff check, format check, mypy --strict on the engine and the reader
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint  ## lint, then the whole test suite (two workers: the machine's two cores)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

snapshots: $(STAMP)  ## regenerate snapshot images (read the report first)
	$(BIN)/python -m pytest tests/test_snapshots.py --snapshot-update

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[$(EXTRAS),bench]"
	@touch $@

bench: $(VENV)/.bench  ## speed, memory, scale and quality benchmarks (installs the bench extra)
	$(BIN)/python -m bench

quality: $(STAMP)  ## alignment quality on ECB+
	$(BIN)/python -m bench.quality

check: test  ## what CI runs

clean:  ## remove the virtual environment
	rm -rf $(VENV)
