# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check bench evaluate samples fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: extract every bundled sample into out/ (JSON per document) and print a summary
run: $(STAMP)
	$(BIN)/handoff batch samples/generated --out out/samples

## test: lint, type-check and run the whole test suite
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

evaluate: $(STAMP)
	$(BIN)/handoff evaluate samples/generated samples/handmade

bench: $(STAMP)
	$(BIN)/handoff bench

samples: $(STAMP)
	$(BIN)/python -m samples.generate samples/generated
	$(BIN)/python -m samples.handmade

fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz --runs 20000

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
