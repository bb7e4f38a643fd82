# Investment Tracker — quick start: `make run` (the demo portfolio) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test lint format bench bench-smoke demo package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## open the window on the demo portfolio (created on first use)
	$(BIN)/tracker gui --demo

test: $(STAMP)  ## check the architecture (import-linter), then run the whole test suite offscreen
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo: $(STAMP)  ## (re)build demo.sqlite3 in the working folder
	rm -f demo.sqlite3 demo.sqlite3-wal demo.sqlite3-shm
	$(BIN)/tracker init --db demo.sqlite3 --demo

bench: $(STAMP)  ## measure every figure of PRODUCT.md §9 (1k, 100k and 1M)
	$(BIN)/pip install --quiet -e '.[bench]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

bench-smoke: $(STAMP)  ## the benchmark at 1k only (CI)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --scales 1k --repeat 1

.PHONY: translations
package: $(STAMP)  ## build the one-folder bundle dist/investment-tracker/ (PyInstaller)
	$(BIN)/pip install --quiet -e '.[package]'
	$(BIN)/python packaging/translations.py --no-lupdate
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/tracker.spec

translations: $(STAMP)  ## extract tr() strings into the .ts files and compile the .qm files
	$(BIN)/python packaging/translations.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
