# make lab      set up .venv if needed, then open JupyterLab on notebooks/
# make test     set up .venv if needed, then unit tests and every notebook under nbval
# make execute  re-run every notebook and store its outputs (a failed run leaves it untouched)
# make bench    this package against micrograd 0.1.0 on the same workload
# make lint     ruff over the package, tests, tools, bench and notebooks
# make clean    remove .venv and caches

PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet
# Set up again whenever the pins or the package metadata change.
READY := $(VENV)/.ready
REFERENCE := bench/.reference

.PHONY: lab test execute bench lint clean setup

setup: $(READY)

$(READY): requirements.txt pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 'micrograd notebooks need Python 3.11 or newer; this is ' + sys.version.split()[0] + '. Set PYTHON=/path/to/python3.x')"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing requirements into $(VENV) (the first time takes about a minute)"
	@$(PIP) install -r requirements.txt
	@$(PIP) install --no-deps --editable .
	@$(PY) -c "from micrograd.draw import find_renderer; print('Graphs render with', find_renderer())"
	@touch $(READY)

# The notebooks come with their outputs. Jupyter shows stored SVG (the graphs) only for
# notebooks this user trusts, so mark the project's own notebooks as trusted first.
lab: $(READY)
	@$(BIN)/jupyter trust notebooks/*.ipynb > /dev/null
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks --ServerApp.ip=127.0.0.1 $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

test: $(READY)
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

execute: $(READY)
	$(PY) tools/execute_notebooks.py

bench: $(READY)
	@test -d $(REFERENCE)/micrograd || $(PIP) install --no-deps --target $(REFERENCE) micrograd==0.1.0
	$(PY) bench/bench.py --reference $(REFERENCE)

lint: $(READY)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(REFERENCE) .pytest_cache .ruff_cache .hypothesis *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
