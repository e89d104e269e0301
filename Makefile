# kmeans-teach: the two commands are `make lab` and `make test`.
# Everything runs in .venv, made with the standard library's venv and filled
# from requirements/lock.txt (exact versions: the stored notebook outputs
# depend on them). Nothing is installed outside .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# JavaScript for the offline slides and pages and for the accessibility test:
# web/package-lock.json pins it; npm ci installs it into web/node_modules (gitignored).
NODE_STAMP := web/node_modules/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# nbval options: strict output comparison, in this environment's kernel
NBVAL := --nbval --nbval-current-env --nbval-cell-timeout=300 --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: web-deps help lab test test-fast test-browser execute bench lock clean slides html figures node_modules

help:
	@echo "make lab        open JupyterLab on notebooks/ (creates .venv first)"
	@echo "make test       every test: unit tests, nbval over every notebook, browser tests"
	@echo "make test-fast  every test except the browser tests"
	@echo "make execute    re-run every notebook and store its outputs (NB=path for one)"
	@echo "make bench      speed benchmarks, each printed beside its baseline"
	@echo "make lock       refresh requirements/lock.txt from pyproject.toml"
	@echo "make slides     reveal.js slides per notebook in build/slides/ (works offline)"
	@echo "make html       static pages per notebook + index in build/html/ (works offline)"
	@echo "make figures    redraw every figure in figures/ from kmeans_teach"
	@echo "make test-browser  only the browser tests (JupyterLab in headless Chromium)"

$(STAMP): pyproject.toml requirements/lock.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

# npm is needed only for the slides, static pages and their tests: without it
# those tests skip and say how to install it (under CI they fail instead).
web-deps:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "npm not found: slide, page and accessibility tests will be skipped"; fi

test: $(STAMP) web-deps
	$(BIN)/python -m pytest $(NBVAL)

test-fast: $(STAMP) web-deps
	$(BIN)/python -m pytest $(NBVAL) -m "not browser"

test-browser: $(STAMP) web-deps
	$(BIN)/python -m pytest -m browser tests/browser

NB ?= $(NOTEBOOKS)
execute: $(STAMP)
	for nb in $(NB); do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 "$$nb" || exit 1; \
	done

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python "$$script" || exit 1; done

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.10 \
	  --output-file requirements/lock.txt

$(NODE_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(NODE_STAMP)
node_modules: $(NODE_STAMP)

slides: $(STAMP) $(NODE_STAMP)
	$(BIN)/python web/build.py slides $(NB)

html: $(STAMP) $(NODE_STAMP)
	$(BIN)/python web/build.py html $(NB)

figures: $(STAMP)
	$(BIN)/python figures/make_figures.py

clean:
	rm -rf $(VENV) build
