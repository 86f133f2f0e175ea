# Two entry points a new user needs: `make run` and `make test`.
# Both build .venv on first use (Python 3.11, torch pinned to the local CPU wheel) and are quick
# afterwards: the stamp file is rebuilt only when pyproject.toml changes. pip's output goes to
# .venv/pip.log and is shown only when the install fails.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIPLOG := $(VENV)/pip.log

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing dependencies into $(VENV) (log: $(PIPLOG))..."
	@( $(BIN)/python -m pip install --upgrade pip \
	  && $(BIN)/python -m pip install torch==2.13.0 \
	  && $(BIN)/python -m pip install -c constraints.txt -e '.[dev]' ) > $(PIPLOG) 2>&1 \
	  || { tail -n 40 $(PIPLOG); exit 1; }
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/advisor run

# two workers (one per core on the 2-core machines the suite is timed on), a test file per worker at a time:
# a file's shared bot process and fixtures are built once; the index is built once for both workers
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

eval: $(STAMP)
	$(BIN)/advisor eval

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .hypothesis
