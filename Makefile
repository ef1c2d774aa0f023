# The two commands of the README. Both set everything up from a fresh clone.
#   make demo   create .venv, install reconcile, prepare the model, compare the seed stories into reports/
#   make test   create .venv, install the test extras (and Chromium for the browser tests), run every test

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test install browser lint bench bench-size report-length fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,bench,ray]'
	touch $@

install: $(STAMP)

demo: install
	$(BIN)/reconcile prepare
	$(BIN)/reconcile compare seeds/guanajuato-zerohedge.txt seeds/guanajuato-ward.txt -o reports/guanajuato.md
	$(BIN)/reconcile compare seeds/guanajuato-zerohedge.txt seeds/guanajuato-ward.txt -f json -o reports/guanajuato.json
	$(BIN)/reconcile compare seeds/el-salto-mexicorojo-tweet.txt seeds/el-salto-breitbart.txt -o reports/el-salto.md
	$(BIN)/reconcile compare seeds/el-salto-mexicorojo-tweet.txt seeds/el-salto-breitbart.txt -f json -o reports/el-salto.json
	$(BIN)/reconcile compare seeds/guanajuato-zerohedge.txt seeds/guanajuato-ward.txt -f html -o reports/guanajuato.html
	$(BIN)/reconcile check seeds/el-salto-breitbart.txt -o reports/el-salto-check.md
	$(BIN)/reconcile check seeds/el-salto-breitbart.txt -f html -o reports/el-salto-check.html
	$(BIN)/reconcile check seeds/guanajuato-ward.txt --against seeds/guanajuato-zerohedge.txt -o reports/guanajuato-check.md
	$(BIN)/reconcile claims seeds/culiacan-raid-video.txt -o reports/culiacan-claims.md
	-sh tests/browser/install_chromium.sh && $(BIN)/python tests/browser/chromium.py reports/guanajuato.html reports/guanajuato.png
	@echo "Reports are in reports/: open reports/guanajuato.md first, or reports/guanajuato.html in a browser."

# Debian's Chromium for the browser tests (idempotent; returns at once when it is there).
browser:
	sh tests/browser/install_chromium.sh

# The suite runs with the network cut where a network namespace can be made (root, or user namespaces).
# inside the namespace only loopback is up (Ray's local instance talks over it); nothing leaves the machine
LOOPBACK := sh -c 'ip link set lo up 2>/dev/null || true; exec "$$@"' sh
NONET := $(shell unshare -n true 2>/dev/null && echo "unshare -n" || (unshare -rn true 2>/dev/null && echo "unshare -rn"))

test: install browser
	RECONCILE_NETWORK_CUT=$(if $(NONET),1,0) $(NONET) $(if $(NONET),$(LOOPBACK)) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check reconcile tests bench
	$(BIN)/mypy reconcile

bench: install
	$(BIN)/python bench/bench.py

# Big inputs: 200 articles in one compare, 1 MB against 1 MB, 5 and 50 MB refused (issue #8).
bench-size: install
	$(BIN)/python bench/size.py

# The Markdown report's words over its sources' words on the multiout-dev clusters (issue #22).
report-length: install
	$(BIN)/python bench/report_length.py

# 10,000 Hypothesis examples of hostile text through ingest, claims, facts and compare.
fuzz: install
	RECONCILE_FUZZ=10000 $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
