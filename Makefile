# Two entry points for a fresh machine: `make demo` (the main job on seeds/) and `make test` (everything CI runs).
PYTHON ?= python3
VENV := .venv
LS_VENV := .venv-ls
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The repository keeps Label Studio's environment next to the toolkit's; a user's goes to their data directory.
export CLAIMSTANCE_LS_VENV := $(abspath $(LS_VENV))

.PHONY: setup demo test lint browser bench clean

setup: $(VENV)/.installed $(LS_VENV)/.installed

# The toolkit and its dev tools; reinstalled when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

# Label Studio pins its own SDK exactly, so the server lives in a separate environment (the version: claimstance.config).
$(LS_VENV)/.installed: $(VENV)/.installed
	$(VENV)/bin/claimstance server install
	touch $@

# Debian's Chromium for the browser test (Playwright's own browser download cannot work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

demo: setup
	$(VENV)/bin/claimstance demo

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check toolkit tests bench
	$(VENV)/bin/ruff format --check toolkit tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/claimstance schema check

test: setup browser lint
	$(VENV)/bin/pytest

bench: setup
	$(VENV)/bin/python bench/run.py

clean:
	-$(VENV)/bin/claimstance server stop
	rm -rf var
