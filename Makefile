# Two commands do everything on a fresh Debian with Python 3.11:
#   make run    system packages, virtualenv, install, then open the window
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test setup system lint bench screenshots package clean

run: setup
	$(BIN)/batchpilot

test: setup
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests; that is a failure" >&2; exit 1; fi; \
	exit $$rc

setup: system $(STAMP)

system:
	@sh scripts/setup-system.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	@touch $(STAMP)

lint: setup
	$(BIN)/ruff check app workers tests bench
	$(BIN)/mypy

# Benchmarks print ratios against peers measured in the same run; missing peers are skipped
# (apt-get install poppler-utils zip zstd ffmpeg handbrake-cli libvips-tools imagemagick).
bench: setup
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/parse.py --quick
	$(BIN)/python bench/zip.py --quick
	$(BIN)/python bench/encode.py --quick
	$(BIN)/python bench/images.py --quick
	$(BIN)/python bench/gui_latency.py

# The README's screenshots: the window under Xvfb on a generated sample folder.
screenshots: setup
	$(BIN)/python scripts/screenshots.py

# The frozen one-folder bundle and the .deb, smoke-tested (packaging/README in the main README).
package: setup
	@sh packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info packaging/out
