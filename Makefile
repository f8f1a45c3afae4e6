# Two commands set Rebond up on a fresh machine: `make run` and `make test`.
# Each creates .venv when missing and installs the project with its dev extra.

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501
# axe-core (WCAG checks injected into the browser tests) comes from npm into .tools/ (git-ignored).
AXE_VERSION := 4.14.1
AXE := .tools/node_modules/axe-core/axe.min.js

.PHONY: install axe run test demo-hosted evals bench fault-drill clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# Without npm or the registry the accessibility tests are skipped, and say why.
axe:
	@test -f $(AXE) || { mkdir -p .tools && command -v npm >/dev/null \
	  && npm install --prefix .tools --no-audit --no-fund --silent axe-core@$(AXE_VERSION) >/dev/null 2>&1; } \
	  || echo "axe-core could not be installed with npm: the accessibility browser tests will be skipped"

# Personal mode: one person, this computer only (127.0.0.1, see .streamlit/config.toml), no sign-in.
run: install
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true

# Hosted mode on one machine: a local OpenID Connect test provider with two test people, and Rebond
# signing them in (README, "Host Rebond for several people"). Ctrl-C stops both.
demo-hosted: install
	$(PY) demo/hosted.py --port $(PORT)

# pytest exits 5 when it collects nothing: say so instead of failing obscurely.
# Then the offline eval suites, which fail on any threshold in evals/thresholds.yaml.
test: install axe
	@$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; rc=0; fi; \
	[ $$rc -eq 0 ] || exit $$rc
	$(PY) -m evals all

evals: install
	$(PY) -m evals all --report test-artifacts/evals

bench: install
	$(PY) benchmarks/bench_offline.py
	$(PY) benchmarks/bench_llm_overhead.py
	$(PY) benchmarks/bench_browser.py

fault-drill: install
	$(PY) benchmarks/fault_drill.py

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts .tools
