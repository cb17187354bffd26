# The only two commands anyone needs: `make book` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test benchmark clean

# A fresh machine: create the virtual environment, install the book's stack and the package.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Build the HTML book into _build/html. Notebooks are executed (with the execution cache);
# -W turns every warning, a failing cell or a warning printed by a cell included, into an error.
book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going

# The package's tests (Python: the reader notebooks in sync, chapters 2 and 3 in JupyterLab when
# Chromium is there; then the JavaScript engine's), then the book (built as above) and the tests
# that read the built book (each reader notebook run in a plain kernel among them).
test: $(STAMP)
	$(BIN)/python -m pytest tests -m "not book" -q -rs
	@# the live figures' JavaScript engine (tests/js/), with Node's built-in runner
	@if command -v node >/dev/null; then node --test tests/js/; \
	 else echo "make test: node not found, tests/js/ not run (apt-get install -y nodejs)"; fi
	$(MAKE) book
	$(BIN)/python -m pytest tests -m book -q -rs

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/pool_speedup.py
	$(BIN)/python benchmarks/live_figure.py

clean:
	rm -rf _build
