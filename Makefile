# kmeans-teach: the two commands are `make lab` and `make test`.
# Everything runs in a virtual environment under .venv/, one per Python version
# (.venv/3.11, .venv/3.13, ...), made with the standard library's venv. Two locks fill
# it (exact versions: the stored notebook outputs were made with them):
# - requirements/lock.txt: what the lessons, `make lab` and `make present` need, and
#   nothing only the tests use (no pytest, nbval, hypothesis, playwright, coverage, uv);
# - requirements/lock-test.txt: the same pins plus the test tools (the `test` extra).
# `make lab` and `make present` install the first; every other target adds the second
# to the same environment. tests/test_environment.py checks that each pin of the
# first is the same in the second. Nothing is installed outside .venv/.
#
# PYTHON picks the interpreter: `make test PYTHON=python3.13`. Supported: CPython 3.11
# to 3.15; any other version is refused before anything is installed.

PYTHON ?= python3
SUPPORTED := 3.11 3.12 3.13 3.14 3.15
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV := .venv/$(PYVER)
BIN := $(VENV)/bin
# Two stamps in one environment: the lessons' lock, then the test tools on top.
# ($(VENV)/.installed stays the name of the complete, test-ready environment.)
LESSONS_STAMP := $(VENV)/.installed-lessons
STAMP := $(VENV)/.installed
# JavaScript for the offline slides and pages and for the accessibility test:
# web/package-lock.json pins it; npm ci installs it into web/node_modules (gitignored).
NODE_STAMP := web/node_modules/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# nbval options: strict output comparison, in this environment's kernel
NBVAL := --nbval --nbval-current-env --nbval-cell-timeout=300 --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: web-deps help lab present test test-fast test-browser test-portability test-wheels test-latest test-oldest check-python execute bench lock clean slides html figures node_modules

help:
	@echo "make lab        open JupyterLab on notebooks/ (creates .venv first)"
	@echo "make present    serve a notebook with Voila, apps only (NB=path, default 00_playground)"
	@echo "make test       every test: unit tests, nbval over every notebook, browser tests"
	@echo "make test-fast  every test except the browser tests"
	@echo "make execute    re-run every notebook and store its outputs (NB=path for one)"
	@echo "make bench      speed benchmarks, each printed beside its baseline"
	@echo "make lock       refresh both locks (requirements/lock-test.txt, lock.txt) from pyproject.toml"
	@echo "make slides     reveal.js slides per notebook in build/slides/ (works offline)"
	@echo "make html       static pages per notebook + index in build/html/ (works offline)"
	@echo "make figures    redraw every figure in figures/ from kmeans_teach"
	@echo "make test-browser  only the browser tests (JupyterLab in headless Chromium)"
	@echo "make test-portability  strict nbval under 5 OpenBLAS kernels x 1 and 2 threads (NB=path for one)"
	@echo "make test-wheels  both locks install from wheels on 5 Pythons x 4 platforms"
	@echo "make test-latest  newest release of every dependency: tests, notebooks, drift"
	@echo "make test-oldest  the lower bounds of pyproject.toml: tests, notebooks, drift"
	@echo "PYTHON=python3.13 (any target) picks the interpreter; supported: $(SUPPORTED)"

# Refuse an interpreter outside the supported range, before anything is installed.
check-python:
	@case " $(SUPPORTED) " in \
	  *" $(PYVER) "*) ;; \
	  *) echo "make: PYTHON=$(PYTHON) is $(if $(PYVER),Python $(PYVER),not a Python that runs)." \
	       "kmeans-teach supports CPython 3.11 to 3.15: pass one, e.g. make test PYTHON=python3.12"; exit 1;; \
	esac
	@$(PYTHON) -c 'import sys; sys.exit(sys.implementation.name != "cpython")' || \
	  { echo "make: PYTHON=$(PYTHON) is not CPython; kmeans-teach supports CPython 3.11 to 3.15"; exit 1; }

$(LESSONS_STAMP): pyproject.toml requirements/lock.txt | check-python
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(LESSONS_STAMP)

$(STAMP): $(LESSONS_STAMP) requirements/lock-test.txt
	$(BIN)/python -m pip install --quiet -r requirements/lock-test.txt
	touch $(STAMP)

# Lecture-friendly defaults for JupyterLab and Notebook 7, set as this environment's
# defaults (settings overrides.d under $(VENV)/share/jupyter, never in ~/.jupyter), so a
# user's own setting still wins:
# - no news and no update pop-ups ("Would you like to get notified about official
#   Jupyter news?" in the corner of a projected lesson);
# - comms over kernel subshells off (JupyterLab's default since 4.4): the subshell
#   requests they send make the status bar say "Idle" while a cell still runs (their
#   busy/idle status is not the main shell's; ipykernel issue 799), which looks like a
#   stall after Restart Kernel and Run All.
# tests/browser/conftest.py sets the same, and checks this file says so.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.d/kmeans-teach.json
define LAB_SETTINGS
{"@jupyterlab/apputils-extension:kernels-settings": {"commsOverSubshells": "disabled"}, "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}
endef
export LAB_SETTINGS
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
$(LAB_OVERRIDES): Makefile | $(LESSONS_STAMP)
	@mkdir -p $(dir $(LAB_OVERRIDES))
	@echo "$$LAB_SETTINGS" > $(LAB_OVERRIDES)

# On 127.0.0.1 only, with a token (jupyter prints the URL that carries it)
lab: $(LESSONS_STAMP) $(LAB_OVERRIDES)
	$(BIN)/jupyter lab --notebook-dir=notebooks --ServerApp.ip=127.0.0.1 \
	  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate $(ALLOW_ROOT)

# Voila: the notebook as an app, no code cells, for the projector. On 127.0.0.1 with a
# fresh token (--token); the URL with the token is printed. NB picks the notebook
# (default: the playground), PORT the port; PRESENT_FLAGS=--no-browser does not open it.
PRESENT_NB := $(if $(filter command line environment,$(origin NB)),$(NB),notebooks/00_playground.ipynb)
PORT ?= 8866
PRESENT_FLAGS ?=
present: $(LESSONS_STAMP) $(LAB_OVERRIDES)
	@test -f "$(PRESENT_NB)" || { echo "make present: $(PRESENT_NB) not found; pass NB=notebooks/NN_name.ipynb"; exit 1; }
	$(BIN)/voila "$(PRESENT_NB)" --Voila.ip=127.0.0.1 --port=$(PORT) --Voila.port_retries=0 \
	  --token --strip_sources=True $(PRESENT_FLAGS)

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

# Strict nbval over every notebook under each OpenBLAS kernel, with 1 and 2 threads:
# the stored outputs must not depend on the CPU. One line per setting.
PORTABILITY_FLAGS ?=
test-portability: $(STAMP)
	$(BIN)/python tools/portability.py $(PORTABILITY_FLAGS) $(NBVAL) $(NB)

# Both locks install from wheels alone (no compiler) for every supported Python on
# Linux x86-64 and aarch64, macOS arm64 and Windows x86-64. Reads wheel metadata from
# the package index; installs nothing. The test lock is resolved on all 20 Python x
# platform pairs. The lessons' lock is not resolved on them again: every line of it
# (pin and environment marker) must be a line of the test lock, so on each pair it
# installs a subset of what was just checked; and one universal resolve must
# reproduce it, so it forgets no dependency. Measured 2026-12-07 on this 2-core
# machine (load 9 to 12): the single lock before took 59 s; both locks on all 20
# pairs took 153 s (79 + 74); this way takes 45 s (44 + 1).
test-wheels: $(STAMP)
	$(BIN)/python tools/check_wheels.py --uv $(BIN)/uv requirements/lock-test.txt requirements/lock.txt

# Canaries for the next library release and for the lower bounds in pyproject.toml:
# a fresh environment (no lock), the unit tests, every notebook with nbval-lax (any
# error fails), then a list of the cells whose stored text output drifted.
test-latest: $(STAMP)
	$(BIN)/python tools/canary.py latest --python $(PYTHON) --uv $(BIN)/uv
test-oldest: $(STAMP)
	$(BIN)/python tools/canary.py oldest --python $(PYTHON) --uv $(BIN)/uv

NB ?= $(NOTEBOOKS)
execute: $(STAMP)
	for nb in $(NB); do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
	    --ExecutePreprocessor.record_timing=False "$$nb" || exit 1; \
	  $(BIN)/python tools/tidy_notebook.py "$$nb" || exit 1; \
	done

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python "$$script" || exit 1; done

# Each lock is one file for every supported Python and platform (environment markers
# where versions differ, e.g. NumPy 2.5 needs Python 3.12). The test lock takes the
# newest releases; the lessons' lock is then resolved with the test lock as its
# constraints, so every pin it holds is the test lock's. Then `make test-wheels`
# proves they install from wheels everywhere. `make lock UPGRADE=` adds what
# pyproject.toml gained and moves no other pin (uv keeps the pins it finds).
UPGRADE ?= --upgrade
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	  $(UPGRADE) --output-file requirements/lock-test.txt
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	  -c requirements/lock-test.txt --output-file requirements/lock.txt

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
