# renda: build, lint and test everything. On a new machine `make test` and `make demo`
# install what is missing first (scripts/setup.sh); when all is installed, set-up takes
# about a second.
#
#   make setup        install every tool (scripts/setup.sh; parts: setup-rust, setup-wasm,
#                     setup-python, setup-node, setup-browser)
#   make build        native Rust, Python extension into .venv, wasm into bindings-wasm/pkg
#   make lint         cargo fmt --check, clippy -D warnings
#   make test         set-up, lint and every test-* target below
#   make demo         the demo district's annual report (core/examples/demo.rs; HTML in target/demo)
#   make bench        every benchmark (ledger, national data set, pandas/polars, Python, wasm,
#                     Spark), printed; figures recorded in BENCHMARKS.md
#   make soak         fuzzing (10M runs per target) and the store crash loop, see RELIABILITY.md
#   make clean        remove build output (keeps .venv and node_modules; see distclean)

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# Set-up parts share apt/cargo locks and the steps depend on each other: keep one job.
.NOTPARALLEL:
.DEFAULT_GOAL := build

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# rustup's cargo everywhere native; Debian's /usr/bin/cargo is only used inside
# scripts/build-wasm.sh for the wasm32 build.
export PATH := $(CARGO_BIN):$(PATH)
CARGO := $(CARGO_BIN)/cargo
VENV_PY := .venv/bin/python
NODE := node

.PHONY: setup setup-rust setup-wasm setup-python setup-node setup-browser \
	build build-rust build-python build-wasm lint fmt \
	test test-rust test-python test-wasm test-scenarios test-web \
	bench soak demo clean distclean

# ---------------------------------------------------------------- set-up
# Each part runs once per make invocation, however many targets need it.
setup: setup-rust setup-wasm setup-python setup-node setup-browser
setup-rust:
	scripts/setup.sh rust
setup-wasm:
	scripts/setup.sh wasm
setup-python:
	scripts/setup.sh python
setup-node:
	scripts/setup.sh node
setup-browser:
	scripts/setup.sh browser

# ---------------------------------------------------------------- build
build: build-rust build-python build-wasm

build-rust: setup-rust
	$(CARGO) build --workspace

build-python: setup-rust setup-python
	scripts/build-python.sh

build-wasm: setup-wasm
	scripts/build-wasm.sh

# ---------------------------------------------------------------- lint
lint: setup-rust
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt: setup-rust
	$(CARGO) fmt --all

# ---------------------------------------------------------------- tests
test: setup lint test-rust test-python test-wasm test-scenarios test-web

test-rust: setup-rust
	$(CARGO) test --workspace

# pytest's exit 5 ("no tests collected") fails the target: there are tests.
test-python: build-python
	$(VENV_PY) -m pytest bindings-python/tests -q
	$(VENV_PY) -m pytest --doctest-modules bindings-python/python/renda -q

# The wasm-bindgen output is --target web; the node tests load it with initSync.
test-wasm: build-wasm setup-node
	$(NODE) --test bindings-wasm/tests/
	npx --no-install tsc --noEmit -p bindings-wasm

test-scenarios: setup-rust build-python build-wasm
	scripts/check-scenarios.sh

test-web: setup-node setup-browser build-wasm
	$(NODE) --test examples/web/test/web.test.mjs

# ---------------------------------------------------------------- benchmarks
# Not part of `make test`: figures are measured and recorded in BENCHMARKS.md, never asserted.
# `make bench` runs every benchmark of the performance issue and prints its figures:
#  1. the ledger on the demo district scaled up (execute, replay, figures);
#  2. the national data set in Rust: generate, columnar log, replay one core, figures, two
#     cores, and the resident memory of a log read from its file;
#  3. the same data set from Python: generated and written as Parquet + columnar log (60 s
#     budget), renda vs pandas vs polars on the same Parquet (equal figures or exit 1), the
#     Python boundary (bulk load, GIL, per-call cost);
#  4. wasm: package sizes, figures over 100,000 suggestions in headless Chromium, node and
#     native Rust;
#  5. Spark (local mode, mapInArrow calling renda per partition) against one machine.
NATIONAL := target/national
bench: setup-rust build-python build-wasm setup-node setup-browser
	$(CARGO) run -q --release -p renda --example bench
	$(CARGO) run -q --release -p renda --example national -- --out $(NATIONAL)
	$(CARGO) run -q --release -p renda --example national -- --load $(NATIONAL)/national-2024.rcl
	$(VENV_PY) bindings-python/bench/national_dataset.py $(NATIONAL)/parquet
	$(VENV_PY) bindings-python/bench/side_by_side.py $(NATIONAL)/parquet --as-of 2024-12-31
	$(VENV_PY) bindings-python/bench/python_boundary.py $(NATIONAL)/parquet
	$(NODE) bindings-wasm/bench/size.mjs
	$(NODE) bindings-wasm/bench/browser-figures.mjs --native
	scripts/setup.sh spark
	$(VENV_PY) examples/spark/national_figures.py $(NATIONAL)/parquet --as-of 2024-12-31 --partitions 8

# ---------------------------------------------------------------- soak
# The long reliability runs (not in `make test`): 10 million executions per fuzz target and
# 1000 SIGKILLs of a writing store process. Figures: RELIABILITY.md.
soak: setup-rust
	scripts/setup.sh fuzz
	scripts/soak.sh

# ---------------------------------------------------------------- demo
demo: setup-rust
	$(CARGO) run -q --release -p renda --example demo

# ---------------------------------------------------------------- clean
clean:
	$(CARGO) clean
	rm -rf bindings-wasm/pkg examples/web/pkg .pytest_cache bindings-python/.pytest_cache
	rm -f bindings-python/python/renda/_native*.so
	find . -name __pycache__ -type d -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv node_modules
