# Two commands on a fresh machine: `make run` and `make test` (README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/thidua
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/thidua_bench
# System packages the tests need (tech.md "Decisions"): chromium without recommends keeps
# fonts-liberation 1.x (no Vietnamese) out; Pango runs WeasyPrint, hb-subset makes it twice as fast
# to write, poppler checks the PDFs in tests.
SYSTEM_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils libatomic1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve bench test fuzz manual install sysdeps migrate demo lint check clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# First run only: a development .env (DEBUG on, generated secret, SQLite). Never overwritten.
.env:
	$(PYTHON) -c "import secrets; open('.env', 'w').write('# Written by make run on first run; see .env.example.\nDJANGO_DEBUG=true\nDJANGO_SECRET_KEY=' + secrets.token_urlsafe(50) + '\nDJANGO_ALLOWED_HOSTS=127.0.0.1,localhost\nSITE_URL=http://$(HOST):$(PORT)\n')"
	@echo "Wrote .env (development settings)."

migrate: $(STAMP) .env
	$(PY) manage.py ensure_database
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "Thi đua: http://$(HOST):$(PORT)/  (tài khoản demo: xem README.md, mật khẩu demo12345)"
	@# The worker renders large documents (reports/jobs.py) beside the server; both stop together.
	@# run_worker is the library's db_worker started again after a database outage.
	$(PY) manage.py run_worker --no-startup-delay & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production profile (DJANGO_DEBUG=false and a real DJANGO_SECRET_KEY in the environment or .env):
# static files collected for whitenoise, migrations, the task worker, gunicorn (config/gunicorn.conf.py).
# On a real server a supervisor runs the two instead and restarts them (deploy/, README "Triển khai").
serve: $(STAMP)
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input
	$(PY) manage.py run_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	$(VENV)/bin/gunicorn -c config/gunicorn.conf.py config.wsgi

# Page speed at province scale (devtools/management/commands/bench.py): its own database, filled
# once by generate_scale (about 1,5 min), then gunicorn driven page by page. BENCH_ARGS="--seconds 10".
# bench and generate_scale belong to the dev-only app, asked for by name whatever .env says of DEBUG.
bench: $(STAMP) .env
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py ensure_database
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --no-input -v0
	DJANGO_DEVTOOLS=true DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench $(BENCH_ARGS)

sysdeps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Both cores. Not --dist loadscope: it interleaves modules, and a module that flushes its demo
# (tests/reports/conftest.py) then wipes the fuzz tests' session-wide world on the same worker.
PYTEST_PARALLEL ?= -n 2
test: $(STAMP) sysdeps
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# The fuzz tests (tests/fuzz) with many random examples; `make test` runs them too, in the quick
# derandomised "ci" profile. Failing examples are kept in .hypothesis/ and tried first next time.
fuzz: $(STAMP) sysdeps
	HYPOTHESIS_PROFILE=long DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest tests/fuzz $(PYTEST_ARGS)

# The user manual's screenshots (static/help/*.png, /huong-dan/): the browser walks every task of
# common/help.py on the demo and writes them again; commit the changed PNGs with the text.
manual: $(STAMP) sysdeps
	HELP_SCREENSHOTS=write DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest tests/test_browser_manual.py $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	@# A clean clone has no .env: the check needs settings, not a real secret.
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-lint-only} $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
