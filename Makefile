# Two commands on a fresh machine: `make demo` (set up and serve on SQLite with demo data) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Re-install only when the pinned dependencies change, so a second `make demo` is quick.
INSTALLED := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
TEST_INSTALLED := $(VENV)/.test-installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo setup install test test-deps lint format messages serve clean

# The demo runs as production does (DEBUG off, its own secret key in var/, collected and compressed static files,
# `gotong serve`), with two differences that make it a demo install: `--force` loads the demo accounts, whose
# password is published, and the cookies are not marked Secure, because a demo is reached over plain HTTP
# (this machine or the office network). Never copy either onto a real server.
DEMO_ENV := SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
demo: setup
	$(BIN)/gotong demo --force
	$(BIN)/gotong collectstatic --no-input -v 0
	$(DEMO_ENV) $(BIN)/gotong serve --no-collectstatic --host $(HOST) --port $(PORT)

setup: install messages
	$(BIN)/gotong migrate --no-input -v 0
	$(BIN)/gotong areas load

install: $(INSTALLED)

$(INSTALLED):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Gotong needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	rm -f $(VENV)/.installed-*
	touch $@

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.test-installed-*
	touch $@

# Translations are compiled by the project itself (Babel), so no system gettext is needed.
messages: $(INSTALLED)
	$(BIN)/pybabel compile --domain django --directory gotong/locale --statistics 2>&1 | tail -n 1

test-deps: $(TEST_INSTALLED) messages
	sh scripts/ensure-chromium.sh

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Test processes: one per core by default (pytest-xdist); files stay whole on one process, so a module's shared
# fixtures (the demo world) are built once. PYTEST_WORKERS=0 runs everything in this process.
PYTEST_WORKERS ?= auto
XDIST := -n $(PYTEST_WORKERS) --dist loadfile

# The whole suite on SQLite always, then on PostgreSQL too when DATABASE_URL points at one, then the
# production-mode stage (tests/browser/production: `gotong serve` with DEBUG off, on PostgreSQL when set).
test: test-deps lint
	env -u DATABASE_URL $(BIN)/gotong makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/pytest $(XDIST) -m 'not production'
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== PostgreSQL: $${DATABASE_URL%%@*}@…"; \
		$(BIN)/pytest $(XDIST) -m 'not browser and not production'; \
	else \
		echo "DATABASE_URL is not set: PostgreSQL run skipped"; \
	fi
	@# Production mode: `gotong serve` with DEBUG off on a fresh database (PostgreSQL when DATABASE_URL is set).
	@if [ -n "$$DATABASE_URL" ]; then echo "== Production mode on PostgreSQL"; else echo "== Production mode on SQLite"; fi
	$(BIN)/pytest -m production

serve: setup
	$(BIN)/gotong serve --host $(HOST) --port $(PORT)

clean:
	rm -rf $(VENV) var
