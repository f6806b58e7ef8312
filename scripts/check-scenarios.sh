#!/usr/bin/env bash
# Runs every shared scenario (tests/scenarios/*.json, or the files given as arguments)
# through the three runners and checks that they agree:
#   Rust    core/examples/scenario.rs        (cargo run -p renda --example scenario -- FILE)
#   Python  .venv/bin/python -m renda.scenario FILE
#   JS      node bindings-wasm/scenario.mjs FILE
# Each must exit 0 and the three stdouts must be byte-identical; a mismatch prints a diff.
# Ends with the plain line "N passed, N failed"; exits 1 if any failed.
# Needs: the Python extension built (scripts/build-python.sh) and bindings-wasm/pkg
# (scripts/build-wasm.sh); `make test-scenarios` does both first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

if [ "$#" -gt 0 ]; then
    files=("$@")
else
    shopt -s nullglob
    files=(tests/scenarios/*.json)
    shopt -u nullglob
fi
if [ "${#files[@]}" -eq 0 ]; then
    echo "check-scenarios: no scenario files" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# Build the Rust runner once (what `cargo run -q -p renda --example scenario` would do
# for every file), then call the binary directly. `--workspace` unifies features as
# `cargo test --workspace` does, so the runner `make test` already built is reused instead
# of a second debug build of renda.
"$CARGO_BIN/cargo" build -q --workspace --example scenario
RUST_RUNNER="${CARGO_TARGET_DIR:-$ROOT/target}/debug/examples/scenario"
[ -x "$RUST_RUNNER" ] || { echo "check-scenarios: $RUST_RUNNER not built" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
for f in "${files[@]}"; do
    ok=1
    why=()
    for runner in rust python js; do
        case "$runner" in
            rust) cmd=("$RUST_RUNNER" "$f") ;;
            python) cmd=("$ROOT/.venv/bin/python" -m renda.scenario "$f") ;;
            js) cmd=(node "$ROOT/bindings-wasm/scenario.mjs" "$f") ;;
        esac
        set +e
        "${cmd[@]}" >"$TMP/$runner.out" 2>"$TMP/$runner.err" </dev/null
        rc=$?
        set -e
        if [ "$rc" -ne 0 ]; then
            ok=0
            why+=("$runner exited $rc")
        fi
    done
    for other in python js; do
        if ! cmp -s "$TMP/rust.out" "$TMP/$other.out"; then
            ok=0
            why+=("$other output differs from rust")
        fi
    done
    if [ "$ok" -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $f: $(IFS=';'; echo "${why[*]}")"
        for runner in rust python js; do
            if [ -s "$TMP/$runner.err" ]; then
                echo "--- $runner stderr:"
                head -n 20 "$TMP/$runner.err"
            fi
        done
        for other in python js; do
            cmp -s "$TMP/rust.out" "$TMP/$other.out" ||
                diff -u --label "rust: $f" --label "$other: $f" "$TMP/rust.out" "$TMP/$other.out" | head -n 40 || true
        done
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
