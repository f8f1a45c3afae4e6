# Two commands set Rebond up on a fresh machine: `make run` and `make test`.
# Each creates .venv when missing and installs the project with its dev extra.

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501

.PHONY: install run test evals bench fault-drill clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true

# pytest exits 5 when it collects nothing: say so instead of failing obscurely.
# Then the offline eval suites, which fail on any threshold in evals/thresholds.yaml.
test: install
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
	rm -rf $(VENV) .pytest_cache test-artifacts
