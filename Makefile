# Two commands do everything on a fresh Debian with Python 3.11:
#   make run    Qt's system libraries, a virtualenv with the runtime dependencies, then the window
#   make test   that, plus what the tests need (the test and dask extras, Xvfb, zip, ...), then the suite
# Each level has its own stamp, so 'make run' after 'make test' installs nothing, and a second
# run of either only checks the system packages (one dpkg-query) and the translations.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Runtime dependencies; the test and dask extras on top. Both follow pyproject.toml.
RUN_STAMP  := $(VENV)/.run-stamp
TEST_STAMP := $(VENV)/.test-stamp

.PHONY: run test setup setup-test system system-test translations-build translations lint bench \
	screenshots package clean

run: setup
	$(BIN)/batchpilot

test: setup-test
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests; that is a failure" >&2; exit 1; fi; \
	exit $$rc

setup: system $(RUN_STAMP) translations-build

setup-test: system-test $(RUN_STAMP) $(TEST_STAMP) translations-build

system:
	@sh scripts/setup-system.sh run

system-test:
	@sh scripts/setup-system.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

# The dask extra is here because the Dask backend's tests need it; 'make run' never installs it.
$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	@touch $@

# The window's translations (resources/translations/*.qm) from the committed .ts files; the
# script rebuilds only what changed.
translations-build: | $(RUN_STAMP)
	@if [ -f scripts/translations.py ]; then $(BIN)/python scripts/translations.py build; fi

# Refresh the .ts files from the sources, then check them (what a translator or a reviewer runs).
translations: setup
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py check

lint: setup-test
	$(BIN)/ruff check app workers tests bench
	$(BIN)/mypy

# The benchmarks against their peers, measured in the same run, then one Markdown table of the
# headlines (the README's): about 15 minutes on 2 cores; BENCH_ARGS=--quick for a run under 3.
# Missing peers are skipped (apt-get install poppler-utils zip zstd ffmpeg handbrake-cli
# libvips-tools imagemagick). bench/gui_latency.py is run by hand.
# The sources are compiled first, as an installed package is (pip and the .deb compile them): an
# editable install where PYTHONDONTWRITEBYTECODE is set would compile every module of every
# process on each cold start, 60-100 ms in the command and 25 ms in each worker.
BENCH_ARGS ?=
bench: setup-test
	@$(BIN)/python -m compileall -q workers app > /dev/null
	$(BIN)/python bench/summary.py $(BENCH_ARGS)

# The README's screenshots: the window under Xvfb on a generated sample folder.
screenshots: setup-test
	$(BIN)/python scripts/screenshots.py

# The frozen one-folder bundle and the .deb, smoke-tested (docs/packaging.md). build.sh adds
# PyInstaller and binutils itself when they are missing.
package: setup
	@sh packaging/build.sh

# Everything the set-up and the builds made: the virtualenv, build outputs and PyInstaller's
# cache (packaging/out/pyinstaller, see packaging/build.sh), tool caches, byte code and the compiled translations.
clean:
	rm -rf $(VENV) build dist *.egg-info packaging/out .pytest_cache .mypy_cache .ruff_cache
	rm -f resources/translations/*.qm
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +
