# Two entry points for a fresh machine: `make demo` (the main job on seeds/) and `make test` (everything CI runs).
PYTHON ?= python3
VENV := .venv
LS_VENV := .venv-ls
LABEL_STUDIO_VERSION := 1.23.2
UWSGI_VERSION := 2.0.31
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The repository keeps Label Studio's environment next to the toolkit's; a user's goes to their data directory.
export CLAIMSTANCE_LS_VENV := $(abspath $(LS_VENV))

.PHONY: setup demo test lint browser postgres bench clean

setup: $(VENV)/.installed $(LS_VENV)/.installed postgres

# The toolkit and its dev tools; reinstalled when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

# Label Studio pins its own SDK exactly, so the server lives in a separate environment (the version: claimstance.config).
# uwsgi (the app server of `server start --backend postgres`) has no wheel: pip builds it once (~40 s; needs gcc
# and Python headers).
$(LS_VENV)/.installed: $(VENV)/.installed Makefile
	$(VENV)/bin/claimstance server install
	$(LS_VENV)/bin/pip install -q 'uwsgi==$(UWSGI_VERSION)'
	touch $@

# Debian's PostgreSQL server programs for `server start --backend postgres` (the cluster lives in var/postgres;
# Debian's own cluster on port 5432 is not used).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends postgresql)

# Debian's Chromium for the browser test (Playwright's own browser download cannot work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

demo: setup
	$(VENV)/bin/claimstance demo

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check toolkit tests bench
	$(VENV)/bin/ruff format --check toolkit tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/claimstance schema check

test: setup browser lint
	$(VENV)/bin/pytest --ls-backend both

bench: setup
	$(VENV)/bin/python bench/run.py

clean:
	-$(VENV)/bin/claimstance server stop
	rm -rf var
