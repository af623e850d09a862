# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
DB     ?= tidings.db

NPM_DIR := build/npm
WEB_ASSETS := build/.web-assets

.PHONY: install browser web-assets demo test test-fast test-slow lint typecheck bench fuzz clean wheel-check

# The venv's own pip (as a user's `python3 -m venv` has it), with the exact versions CI tests
# (constraints.txt; pyproject.toml declares compatible ranges).
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Debian's chromium for the browser tests (Playwright drives it; no browser download), and the
# web assets they need.
browser: web-assets
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

# Offline web assets from the npm registry, pinned: Natural Earth country shapes for the map
# (world-atlas, ISC; served by tidings from web/static/) and axe-core (MPL-2.0; the browser
# tests inject it to check every page for accessibility violations; never served).
web-assets: $(WEB_ASSETS)
$(WEB_ASSETS):
	npm install --prefix $(NPM_DIR) --no-save --no-audit --no-fund --no-package-lock world-atlas@2.0.2 axe-core@4.14.1
	cp $(NPM_DIR)/node_modules/world-atlas/countries-110m.json src/tidings/web/static/world-countries-110m.json
	mkdir -p build/axe && cp $(NPM_DIR)/node_modules/axe-core/axe.min.js build/axe/axe.min.js
	touch $@

demo: install web-assets
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(VENV)/bin/tidings demo --db $(DB)

# The test command CI runs: lint, types, then every test (slow ones included).
test: install
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/mypy
	TIDINGS_FUZZ_EXAMPLES=5000 $(VENV)/bin/pytest tests

test-fast: install
	$(VENV)/bin/pytest tests -m "not slow"

lint: install
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts

typecheck: install
	$(VENV)/bin/mypy

# Long fuzz campaigns (tests/fuzz, 200,000 inputs per target by default; FUZZ_EXAMPLES=N to
# change). TIDINGS_FUZZ_RANDOM=1 draws fresh inputs instead of the fixed CI sequence.
FUZZ_EXAMPLES ?= 200000
fuzz: install
	TIDINGS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) TIDINGS_FUZZ_RANDOM=1 $(VENV)/bin/pytest tests/fuzz --timeout=0 -x

# Build the wheel and install it the way a user does (fresh venv, its own pip, no dev extras,
# not editable), then run the demo, ingest an HTML page, serve one request and export.
wheel-check:
	PYTHON=$(PYTHON) bash scripts/wheel_check.sh

bench: install
	$(PY) bench/extraction.py

clean:
	rm -rf $(VENV) build *.egg-info $(DB) $(DB)-wal $(DB)-shm
