# spellgen toolchain.
#
#   make setup       .venv (requirements.lock + spellgen editable), node_modules (anvil, solcjs),
#                    .tools/solc/solc-vX.Y.Z for py-solc-x and .tools/bin/anvil
#   make test        setup and Debian's chromium (for the report.html browser test), then pytest
#                    (extra arguments: PYTEST_ARGS="-k foo tests/x.py")
#   make demo        setup, build both examples, simulate the TechOps DAI spell on the twin
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
# Not `npm ci`: our registry mirror lacks anvil's non-linux-amd64 packages, so the lock npm
# wrote here has no entries for them and npm 11's ci check calls them "missing from lock file".
# `npm install` honours the lock just the same, and the recipe below fails if npm had to change
# it. Once the lock is regenerated against the full registry, NPM_INSTALL='npm ci' works.
NPM_INSTALL ?= npm install --ignore-scripts --no-audit --no-fund
PYTEST_ARGS ?=
EXAMPLES := examples/techops-2022-01-28.yaml examples/techops-2022-12-09.yaml

# Stamps for the Python and npm steps live inside what they describe, so deleting .venv or
# node_modules by hand also forgets that they were installed.
LOCK_STAMP := $(VENV)/.spellgen-requirements
EDITABLE_STAMP := $(VENV)/.spellgen-editable
NPM_STAMP := node_modules/.spellgen-installed
SOLC_STAMP := .tools/stamps/solc
ANVIL_STAMP := .tools/stamps/anvil

# For every recipe: py-solc-x finds the compilers in .tools/solc, brownie finds our anvil first.
export SOLCX_BINARY_PATH := $(CURDIR)/.tools/solc
export PATH := $(CURDIR)/.tools/bin:$(PATH)

.PHONY: setup browser test demo clean distclean

setup: $(LOCK_STAMP) $(EDITABLE_STAMP) $(NPM_STAMP) $(SOLC_STAMP) $(ANVIL_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(LOCK_STAMP): requirements.lock | $(PY)
	$(PIP) install --quiet -r requirements.lock
	touch $@

# --no-deps: requirements.lock already pinned everything; --no-build-isolation: build with the
# pinned setuptools in .venv instead of fetching a fresh one.
$(EDITABLE_STAMP): pyproject.toml | $(LOCK_STAMP)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Install exactly what package-lock.json says; if npm had to rewrite the lock, the lock and
# package.json disagree, which must be fixed and committed, not papered over.
$(NPM_STAMP): package.json package-lock.json
	$(info $(NPM_INSTALL)   (from package-lock.json))
	@before="$$(cksum < package-lock.json)"; \
	$(NPM_INSTALL); \
	if [ "$$(cksum < package-lock.json)" != "$$before" ]; then \
	  echo "error: npm changed package-lock.json: it does not match package.json." >&2; \
	  echo "       Review 'git diff package-lock.json', commit it, then run make setup again." >&2; \
	  exit 1; \
	fi
	touch $@

# One solc-vX.Y.Z per "solc-X.Y.Z" alias in package.json: a native solc of that version if the
# machine has one, else the solcjs facade. The logic is Python (stdlib only, tested), run with
# the system python so it does not depend on the venv.
$(SOLC_STAMP): package.json tools/solc-facade.cjs spellgen/toolchain.py $(NPM_STAMP)
	$(PYTHON) -m spellgen.toolchain install-solc
	mkdir -p $(@D) && touch $@

# .tools/bin/anvil -> the real binary in node_modules, not npm's node wrapper script.
$(ANVIL_STAMP): spellgen/toolchain.py $(NPM_STAMP)
	$(PYTHON) -m spellgen.toolchain link-anvil
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

# pytest exits 5 when it collected nothing (wrong path, typo in -k, import-time skip...).
# That must never pass as green, so it is turned into a failure with a message.
test: setup browser
	$(info $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS))
	@status=0; $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS) || status=$$?; \
	if [ "$$status" -eq 5 ]; then \
	  echo "make test: FAILED - pytest collected no tests (exit 5); check the test paths and PYTEST_ARGS." >&2; \
	  exit 1; \
	fi; \
	exit "$$status"

# The main job: build (render + compile) both examples, then cast the TechOps DAI budget spell on
# the twin and print the verification report (also written to out/<example>/report.md).
demo: setup
	for example in $(EXAMPLES); do \
	  name="$$(basename "$$example" .yaml)"; \
	  $(VENV)/bin/spellgen build "$$example" --out "out/$$name"; \
	done
	$(VENV)/bin/spellgen simulate --twin examples/techops-2022-01-28.yaml --report-dir out/techops-2022-01-28

clean:
	rm -rf out build .cache

distclean: clean
	rm -rf $(VENV) node_modules .tools
