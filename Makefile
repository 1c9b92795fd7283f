# spellgen toolchain.
#
#   make setup       .venv (requirements.lock + spellgen editable), node_modules (anvil, forge, solcjs),
#                    .tools/solc/solc-vX.Y.Z for py-solc-x, .tools/bin/anvil and .tools/bin/forge
#   make test        setup and Debian's chromium (for the report.html browser test), then pytest on
#                    every core (extra arguments: PYTEST_ARGS="-k foo tests/x.py"; PYTEST_WORKERS=0
#                    for one process)
#   make lint        setup, then mypy over spellgen/ and ruff over the Python tree (pyproject.toml)
#   make demo        setup, build both examples, simulate the TechOps DAI spell on the twin
#   make twin-artifacts   compile contracts/twin (solc 0.8.16, the twin's settings) into
#                    spellgen/twin/precompiled.json, which is committed; setup never writes it
#   make clean       remove build outputs;  make distclean: also the installs
#
# Every install step leaves a stamp file and lists its inputs as prerequisites, so a second
# `make setup` does nothing until requirements.lock, pyproject.toml or package(-lock).json change.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := setup
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
# `npm ci` installs exactly package-lock.json and never writes it. The lock lists every platform
# package of @foundry-rs/anvil; npm skips the optional ones of other platforms, so it works both
# where the registry serves them all and where it serves only this platform's.
NPM_INSTALL ?= npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
PYTEST_ARGS ?=
EXAMPLES := examples/techops-2022-01-28.yaml examples/techops-2022-12-09.yaml

# Stamps for the Python and npm steps live inside what they describe, so deleting .venv or
# node_modules by hand also forgets that they were installed.
LOCK_STAMP := $(VENV)/.spellgen-requirements
EDITABLE_STAMP := $(VENV)/.spellgen-editable
NPM_STAMP := node_modules/.spellgen-installed
SOLC_STAMP := .tools/stamps/solc
ANVIL_STAMP := .tools/stamps/anvil
FORGE_STAMP := .tools/stamps/forge

# For every recipe: py-solc-x finds the compilers in .tools/solc, brownie finds our anvil first.
export SOLCX_BINARY_PATH := $(CURDIR)/.tools/solc
export PATH := $(CURDIR)/.tools/bin:$(PATH)

.PHONY: setup guarded-setup browser test lint demo twin-artifacts clean distclean

setup: $(LOCK_STAMP) $(EDITABLE_STAMP) $(NPM_STAMP) $(SOLC_STAMP) $(ANVIL_STAMP) $(FORGE_STAMP)

$(PY):
	@echo "setup: python virtual environment $(VENV)"
	@$(PYTHON) -m venv $(VENV)

# pip's own chatter (a machine's pip.conf may name index folders that do not exist) goes to a log;
# the log is printed only when pip fails, so the output stays one line per step.
PIP_LOG := $(VENV)/pip-install.log
$(LOCK_STAMP): requirements.lock | $(PY)
	@echo "setup: python packages from requirements.lock (log: $(PIP_LOG))"
	@$(PIP) install --quiet -r requirements.lock > $(PIP_LOG) 2>&1 || { cat $(PIP_LOG) >&2; exit 1; }
	@touch $@

# --no-deps: requirements.lock already pinned everything; --no-build-isolation: build with the
# pinned setuptools in .venv instead of fetching a fresh one.
$(EDITABLE_STAMP): pyproject.toml | $(LOCK_STAMP)
	@echo "setup: spellgen itself (editable)"
	@$(PIP) install --quiet --no-deps --no-build-isolation -e . > $(PIP_LOG) 2>&1 || { cat $(PIP_LOG) >&2; exit 1; }
	@touch $@

# Install exactly what package-lock.json says (npm ci refuses a lock that disagrees with
# package.json instead of rewriting it).
$(NPM_STAMP): package.json package-lock.json
	@echo "setup: npm packages (anvil, forge, solcjs) from package-lock.json"
	@$(NPM_INSTALL) > /dev/null
	@touch $@

# One solc-vX.Y.Z per "solc-X.Y.Z" alias in package.json: a native solc of that version if the
# machine has one, else the solcjs facade. The logic is Python (stdlib only, tested), run with
# the system python so it does not depend on the venv.
$(SOLC_STAMP): package.json tools/solc-facade.cjs spellgen/compiler/toolchain.py $(NPM_STAMP)
	$(PYTHON) -m spellgen.compiler.toolchain install-solc
	mkdir -p $(@D) && touch $@

# .tools/bin/anvil -> the real binary in node_modules, not npm's node wrapper script.
$(ANVIL_STAMP): spellgen/compiler/toolchain.py $(NPM_STAMP)
	$(PYTHON) -m spellgen.compiler.toolchain link-anvil
	mkdir -p $(@D) && touch $@

# .tools/bin/forge -> the real binary, like anvil (`spellgen foundry-test` files run with it).
$(FORGE_STAMP): spellgen/compiler/toolchain.py $(NPM_STAMP)
	$(PYTHON) -m spellgen.compiler.toolchain link-forge
	mkdir -p $(@D) && touch $@

# Headless Chromium for tests/test_html_browser.py, from Debian's package (a browser download would
# fail here; a distribution package installs). Nothing to do when /usr/bin/chromium exists, so a
# second run costs nothing. Installing needs root (or password-less sudo) and apt-get; when it
# cannot, `make test` goes on and the browser test SKIPS, quoting the reason written to
# $(CHROMIUM_NOTE): a missing browser is reported, never silently passed.
CHROMIUM := /usr/bin/chromium
CHROMIUM_NOTE := .tools/chromium-unavailable
CHROMIUM_LOG := .tools/chromium-install.log

browser:
	@mkdir -p .tools && rm -f $(CHROMIUM_NOTE)
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	sudo=""; \
	if [ "$$(id -u)" = 0 ]; then :; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "installing chromium needs root or password-less sudo" > $(CHROMIUM_NOTE); fi; \
	if [ ! -e $(CHROMIUM_NOTE) ] && ! command -v apt-get >/dev/null 2>&1; then \
	  echo "no apt-get on this machine to install Debian's chromium" > $(CHROMIUM_NOTE); fi; \
	if [ ! -e $(CHROMIUM_NOTE) ]; then \
	  echo "apt-get install chromium   (for the report.html browser test; log: $(CHROMIUM_LOG))"; \
	  if $$sudo apt-get update > $(CHROMIUM_LOG) 2>&1 && \
	     DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y chromium >> $(CHROMIUM_LOG) 2>&1 && \
	     [ -x $(CHROMIUM) ]; then rm -f $(CHROMIUM_NOTE); \
	  else echo "apt-get install chromium failed (see $(CHROMIUM_LOG))" > $(CHROMIUM_NOTE); fi; \
	fi; \
	if [ -e $(CHROMIUM_NOTE) ]; then echo "warning: no chromium: $$(cat $(CHROMIUM_NOTE)); the browser test will skip" >&2; fi

# setup, then a failure if setup rewrote a tracked file (tools/setup-guarded says which).
guarded-setup:
	@MAKE="$(MAKE)" tools/setup-guarded

# pytest exits 5 when it collected nothing (wrong path, typo in -k, import-time skip...).
# That must never pass as green, so it is turned into a failure with a message.
# -rs: every skipped test prints its reason in the summary.
# pytest-xdist runs the tests on every core (PYTEST_WORKERS=auto; PYTEST_WORKERS=0 runs them in this
# process). --dist loadgroup spreads the tests one by one, except that the tests marked with the same
# xdist_group run on one worker, in order (Brownie's: they share build/ in the checkout).
PYTEST_WORKERS ?= auto
PYTEST_RUN := $(PY) -m pytest -p no:cacheprovider -rs -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)
test: guarded-setup browser
	$(info $(PYTEST_RUN))
	@status=0; $(PYTEST_RUN) || status=$$?; \
	if [ "$$status" -eq 5 ]; then \
	  echo "make test: FAILED - pytest collected no tests (exit 5); check the test paths and PYTEST_ARGS." >&2; \
	  exit 1; \
	fi; \
	exit "$$status"

# The gates besides the tests: types (mypy, settings in pyproject.toml's [tool.mypy]) and lint
# (ruff, [tool.ruff]). Both read their scope from pyproject.toml, so `make lint` and an editor agree.
lint: setup
	$(VENV)/bin/mypy
	$(VENV)/bin/ruff check .

# The main job: build (render + compile) both examples, then cast the TechOps DAI budget spell on
# the twin and print the verification report (also written to out/<example>/report.md).
demo: guarded-setup
	for example in $(EXAMPLES); do \
	  name="$$(basename "$$example" .yaml)"; \
	  $(VENV)/bin/spellgen build "$$example" --out "out/$$name"; \
	done
	$(VENV)/bin/spellgen simulate --twin examples/techops-2022-01-28.yaml --report-dir out/techops-2022-01-28

# After editing contracts/twin or contracts/dss-exec-lib: compile them with the pinned solc and
# settings and commit the result (tests/twin/test_twin_sources.py checks it byte for byte).
twin-artifacts: setup
	$(PY) -m spellgen.twin.artifacts write

clean:
	rm -rf out build .cache

distclean: clean
	rm -rf $(VENV) node_modules .tools
