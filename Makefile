# Build and test tooling for the asyncjobs.fleet collection (GNU make).
#
#   make demo   build + install the collection, start the lab, run playbooks/demo.yml
#   make test   everything CI runs: sanity, units, integration (also on older ansible-core: compat), lint
#
# Everything runs from .venv (created from requirements-dev.txt) and uses the
# collection as installed into .collections by `make install`.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
VENV := $(CURDIR)/.venv
VENV_STAMP := $(VENV)/.requirements-dev.stamp
BIN := $(VENV)/bin
COLLECTIONS := $(CURDIR)/.collections
BUILD := $(CURDIR)/build
STAGE := $(BUILD)/stage/ansible_collections/asyncjobs/fleet
PYTEST_ARGS ?=
SANITY_ARGS ?=
# The older ansible-core minors meta/runtime.yml claims (>=2.16); .venv has the newest (2.19).
COMPAT_CORES := 2.16 2.17 2.18
COMPAT := $(CURDIR)/.venv-compat
COMPAT_STAMPS := $(foreach core,$(COMPAT_CORES),$(COMPAT)/$(core)/.requirements.stamp)
# ansible-rulebook's own venv (tests/eda/requirements.txt): its pins need not agree with .venv's.
EDA_VENV := $(CURDIR)/.venv-eda
EDA_STAMP := $(EDA_VENV)/.requirements.stamp

export PATH := $(BIN):$(PATH)
export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_NOCOLOR := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# ansible-test warns about (and Ansible can misbehave with) a missing UTF-8 locale.
export LC_ALL := C.UTF-8

.PHONY: help venv install demo docs sanity units integration compat-venvs compat eda-venv eda-java molecule perf perf-powerstore slicing soak lint test clean distclean

help: ## show the targets
	@grep -E '^[a-z.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV_STAMP): requirements-dev.txt
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV_STAMP) ## create .venv with the pinned tools (re-runs when requirements-dev.txt changes)

.venv: $(VENV_STAMP)

install: $(VENV_STAMP) ## build the collection into build/ and install it into .collections
	@rm -f $(BUILD)/asyncjobs-fleet-*.tar.gz
	ansible-galaxy collection build --force --output-path $(BUILD) .
	ansible-galaxy collection install --force -p $(COLLECTIONS) $(BUILD)/asyncjobs-fleet-*.tar.gz

demo: install ## start the lab and run playbooks/demo.yml against it
	bash scripts/demo.sh

docs: $(VENV_STAMP) ## build the HTML docs site offline into build/docs/html (lint-collection-docs, sphinx-build -W)
	bash scripts/docs.sh

sanity: $(VENV_STAMP) ## ansible-test sanity (in build/stage/ansible_collections/asyncjobs/fleet)
	bash scripts/stage.sh $(STAGE) >/dev/null
	$(BIN)/python scripts/seed_get_pip.py
	cd $(STAGE) && ansible-test sanity --venv --python "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" --color no $(SANITY_ARGS)

units: install ## pytest tests/unit tests/lab against the installed collection
	PYTHONPATH=$(COLLECTIONS) bash scripts/pytest.sh tests/unit tests/lab -q $(PYTEST_ARGS)

integration: install eda-venv ## pytest tests/integration (real playbooks against the lab; .venv-eda for test_eda.py), two workers (PYTEST_ARGS="-n 0": one)
	PYTHONPATH=$(COLLECTIONS) bash scripts/pytest.sh tests/integration -q -n 2 --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# One venv per older ansible-core (tests/compat/requirements-<core>.txt), from the same base Python as .venv.
$(COMPAT)/%/.requirements.stamp: tests/compat/requirements-%.txt | $(VENV_STAMP)
	@[ -x $(COMPAT)/$*/bin/python ] || $(BIN)/python -m venv $(COMPAT)/$*
	$(COMPAT)/$*/bin/python -m pip install --quiet -r $<
	@touch $@

compat-venvs: $(COMPAT_STAMPS) ## create the pinned venvs of the older ansible-core versions in .venv-compat

# ansible-rulebook (tests/integration/test_eda.py) in .venv-eda, from the same base Python as .venv. The venv's
# own .gitignore keeps it out of git, ansible-lint and the sanity stage (galaxy.yml's build_ignore: the build).
$(EDA_STAMP): tests/eda/requirements.txt | $(VENV_STAMP)
	@[ -x $(EDA_VENV)/bin/python ] || $(BIN)/python -m venv $(EDA_VENV)
	@echo '*' > $(EDA_VENV)/.gitignore
	$(EDA_VENV)/bin/python -m pip install --quiet -r $<
	@touch $@

# ansible-rulebook needs a Java 17 runtime. Installed where apt-get can (root); otherwise test_eda.py skips, saying why.
eda-java:
	@if command -v java >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "eda-java: installing openjdk-17-jre-headless"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
			|| echo "eda-java: apt-get could not install openjdk-17-jre-headless: test_eda.py will skip"; \
	else echo "eda-java: no java, and apt-get cannot install one here: test_eda.py will skip"; fi

eda-venv: $(EDA_STAMP) eda-java ## ansible-rulebook's venv (.venv-eda) and Java 17, for tests/integration/test_eda.py

compat: install $(COMPAT_STAMPS) ## the integration smoke and unsafe-value tests on ansible-core 2.16, 2.17, 2.18
	ASYNCJOBS_ANSIBLE_CORES="$(COMPAT_CORES)" PYTHONPATH=$(COLLECTIONS) bash scripts/pytest.sh \
		tests/integration/test_compat.py tests/integration/test_unsafe.py -q $(PYTEST_ARGS)

perf: install ## benchmark, not part of make test: PERF_ARGS="--sizes 100,1000,10000 --duration 10"
	python tests/perf/bench.py $(PERF_ARGS)

perf-powerstore: install ## PowerStore benchmark, not part of make test: PS_PERF_ARGS="--arrays 4 --volumes 50 --duration 5 --runs 2"
	python tests/perf/powerstore_bench.py $(PS_PERF_ARGS)

slicing: install ## job-slicing benchmark, not part of make test: SLICING_ARGS="--devices 10000 --slices 1,2,4"
	python tests/perf/slicing.py $(SLICING_ARGS)

soak: install ## the reliability suite at soak size (ASYNCJOBS_SOAK=1; long, not part of make test)
	ASYNCJOBS_SOAK=1 PYTHONPATH=$(COLLECTIONS) bash scripts/pytest.sh tests/integration -q -k reliability $(PYTEST_ARGS)

molecule: install ## the firmware_rollout role's molecule scenario, against the lab
	cd roles/firmware_rollout && molecule reset && molecule test

lint: $(VENV_STAMP) ## ansible-lint (production profile) and antsibull-changelog lint
	ansible-lint --profile production --offline --nocolor
	antsibull-changelog lint
	antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

test: ## venv + install + sanity, units (side by side) + integration + compat + molecule + lint (stops at the first failure)
	$(MAKE) --no-print-directory venv
	$(MAKE) --no-print-directory install
	@# Side by side (output kept per target): sanity and the unit tests each keep one core busy, and
	@# pip, building the compat and ansible-rulebook venvs, mostly waits on the network.
	$(MAKE) --no-print-directory -j3 --output-sync=target sanity units compat-venvs eda-venv
	$(MAKE) --no-print-directory integration
	$(MAKE) --no-print-directory compat
	$(MAKE) --no-print-directory molecule
	$(MAKE) --no-print-directory lint

clean: ## remove build products, .collections and caches (keeps .venv)
	rm -rf $(BUILD) $(COLLECTIONS) tests/output .pytest_cache .hypothesis .ansible
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean ## clean, and remove .venv, .venv-compat and .venv-eda too
	rm -rf $(VENV) $(COMPAT) $(EDA_VENV)
