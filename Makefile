# The two commands a new user needs: `make demo` and `make test`. Both run `make setup` first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lock clean docs bench screenshot

setup: $(STAMP)

# Idempotent: re-installs only when the lock or the project metadata changed.
# --no-deps installs exactly the lock; soda-core-duckdb 3.5.6 pins duckdb<1.1 and we run it on
# duckdb 1.5 on purpose (README, "Dependencies"), so a resolver must not see that pin.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@sh scripts/install-system-packages.sh || true
	touch $(STAMP)

demo: setup
	$(BIN)/lakehouse demo

# Two workers (pytest-xdist), whole files per worker (module fixtures run their tests in order).
# The suite mostly waits on subprocesses, servers and disk.
test: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

# Regenerate requirements.lock from the ranges in pyproject.toml (maintainers only).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -U pip
	.lockenv/bin/pip install --quiet -e '.[test]'
	.lockenv/bin/pip install --quiet --no-deps 'soda-core-duckdb==3.5.6' 'daft==0.7.26' 'tqdm==4.67.1' 'flightsql-dbapi==0.2.2'
	.lockenv/bin/pip install --quiet 'setuptools>=68' && .lockenv/bin/pip freeze --all --exclude-editable | grep -vE '^(-e|#|pip==)' | sort -f > requirements.lock
	rm -rf .lockenv

# Every performance goal of issue 8, side by side (benchmarks/); QUICK=1: smallest size, < 3 min.
bench: setup
	$(BIN)/python -m benchmarks $(if $(QUICK),--quick,)

# The README's picture of the web app (docs/images/web-overview.png), from the demo's synthetic data.
screenshot: setup
	$(BIN)/python scripts/web_screenshot.py

clean:
	rm -rf $(VENV) .lakehouse .pytest_cache

# Refresh the data dictionary (docs/data-dictionary.md) from the table registry.
docs: setup
	$(BIN)/python -c "import re,pathlib; from catalog.registry import data_dictionary as d; p=pathlib.Path('docs/data-dictionary.md'); s=p.read_text(); a,b='<!-- data-dictionary:start -->','<!-- data-dictionary:end -->'; p.write_text(s[:s.index(a)+len(a)]+'\n'+d()+s[s.index(b):])"
